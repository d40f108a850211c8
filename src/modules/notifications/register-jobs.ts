import type { Jobs, QueueOptions } from '../../platform/jobs'
import { deliverNotification, type DeliveryDeps } from './deliver'
import { DELIVER_QUEUE, DELIVERY_RETRY_LIMIT } from './notify'

export const DEADLINE_WARNINGS_QUEUE = 'deadline.warnings'
/** Every 15 minutes (UTC cron); the scan's dedupe keys make repeated runs harmless. */
export const DEADLINE_WARNINGS_CRON = '*/15 * * * *'

/** Retry settings of the notification queues, for createJobs({ queues }) (src/main/compose.ts). */
export const NOTIFICATION_QUEUES: Record<string, QueueOptions> = {
  // 30–60 s, 1–2 min, 2–4 min … : 8 retries over 2–4 hours before a delivery is marked failed.
  [DELIVER_QUEUE]: { retryLimit: DELIVERY_RETRY_LIMIT, retryDelaySeconds: 30, expireInSeconds: 300 },
  // A failed scan is retried once; the next scheduled run comes within 15 minutes anyway.
  [DEADLINE_WARNINGS_QUEUE]: { retryLimit: 1, retryDelaySeconds: 60, expireInSeconds: 600 },
}

/**
 * Registers the notification jobs on the queue (before `jobs.start()`; registration is synchronous):
 *  - `notification.deliver` { deliveryId } → deliverNotification (one e-mail or SMS, at most once);
 *  - `deadline.warnings` every 15 minutes → `deadlineScan` (the cases module's scan of steps due within one
 *    working day; it calls `notify` with one dedupe key per step and due date), when given.
 */
export function registerNotificationJobs(jobs: Jobs, deps: DeliveryDeps, opts: { deadlineScan?: () => Promise<void> } = {}): void {
  void jobs.work(DELIVER_QUEUE, async (data: { deliveryId?: unknown }, job) => {
    if (typeof data?.deliveryId !== 'string') throw new Error('notification.deliver: deliveryId missing')
    await deliverNotification(deps, data.deliveryId, job)
  })
  const scan = opts.deadlineScan
  if (scan) {
    void jobs.work(DEADLINE_WARNINGS_QUEUE, async () => {
      await scan()
    })
    void jobs.schedule(DEADLINE_WARNINGS_QUEUE, DEADLINE_WARNINGS_CRON)
  }
}
