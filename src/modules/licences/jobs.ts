import type { DB } from '../../platform/database'
import type { Jobs, QueueOptions } from '../../platform/jobs'
import type { Logger } from '../../platform/logger'
import { shanghaiDate } from '../../platform/calendar/working-calendar'
import { expireDueLicences } from './licence-lifecycle'

/** 过期失效 (issue 5 Deliver 7): once a day, just after midnight in Asia/Shanghai (00:05 = 16:05 UTC). */
export const LICENCE_EXPIRY_QUEUE = 'licences.expire'
export const LICENCE_EXPIRY_CRON = '5 16 * * *'
/** A failed run is retried twice; verification already reads a lapsed date as expired, so a late run changes no answer. */
export const LICENCE_QUEUES: Record<string, QueueOptions> = { [LICENCE_EXPIRY_QUEUE]: { retryLimit: 2, retryDelaySeconds: 300, expireInSeconds: 900 } }

/** Registers the daily expiry job (before `jobs.start()`): expireDueLicences(db, today in Shanghai). */
export function registerLicenceJobs(jobs: Jobs, deps: { db: DB; log: Logger }): void {
  void jobs.work(LICENCE_EXPIRY_QUEUE, async () => {
    const today = shanghaiDate(new Date())
    const n = await expireDueLicences(deps.db, today)
    if (n) deps.log.info({ expired: n, today }, 'licences expired')
  })
  void jobs.schedule(LICENCE_EXPIRY_QUEUE, LICENCE_EXPIRY_CRON)
}
