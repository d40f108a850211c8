import { sql } from 'kysely'
import type { DB } from '../../platform/database'
import type { JobInfo } from '../../platform/jobs'
import type { Logger } from '../../platform/logger'
import { maskPhone, maskText } from '../../platform/privacy'
import { contactOf } from './contacts'
import { maskEmail, type Mailer } from './mailer'
import type { SmsGateway } from './sms'
import { isNoticeEvent, renderEmail, renderNotice } from './templates'

export type DeliveryDeps = { db: DB; log: Logger; sms: SmsGateway; mailer: Mailer; config: { publicUrl: string } }
export type DeliveryOutcome = 'sent' | 'skipped' | 'done-before' | 'missing'

/** A send that started longer ago than this without finishing is taken to have died (crash): it may be tried again. */
const STALE_CLAIM = '5 minutes'

/**
 * The `notification.deliver` job: sends one e-mail or SMS of a notice, at most once.
 *  1. In a short transaction, lock the delivery row (`for update`): already sent, skipped or failed → nothing to do
 *     (a job that runs twice sends once); another run is sending it right now → throw (retry later, by which
 *     time it is sent); else claim it (status `sending`, attempts + 1) and commit.
 *  2. Send OUTSIDE any transaction (an outside system must never hold the database; PGlite has one session).
 *  3. Mark it sent. On error: record the attempt and the (masked) error, set it back to pending — or to failed
 *     after the job's last retry — and rethrow so pg-boss retries with backoff.
 * The address is read from the account at step 1; only its masked form is stored or logged.
 */
export async function deliverNotification(deps: DeliveryDeps, deliveryId: string, job?: Pick<JobInfo, 'retryCount' | 'retryLimit'>): Promise<DeliveryOutcome> {
  const claimed = await deps.db.transaction().execute(async (tx) => {
    const d = await tx
      .selectFrom('notification_deliveries as d')
      .innerJoin('notifications as n', 'n.id', 'd.notification_id')
      .select(['d.id', 'd.channel', 'd.status', 'n.recipient_kind', 'n.recipient_id', 'n.event', 'n.data', 'n.link'])
      .select(sql<boolean>`d.claimed_at is not null and d.claimed_at > now() - interval '${sql.raw(STALE_CLAIM)}'`.as('fresh_claim'))
      .where('d.id', '=', deliveryId)
      .forUpdate('d')
      .executeTakeFirst()
    if (!d) return 'missing' as const
    if (d.status === 'sent' || d.status === 'skipped' || d.status === 'failed') return 'done-before' as const
    if (d.status === 'sending' && d.fresh_claim) throw new Error(`delivery ${deliveryId} is being sent by another worker`)
    const contact = await contactOf(tx, { kind: d.recipient_kind, id: d.recipient_id })
    const address = contact && !contact.disabled ? (d.channel === 'sms' ? contact.phone : contact.email) : null
    if (!address || !isNoticeEvent(d.event)) {
      await tx.updateTable('notification_deliveries').set({ status: 'skipped', claimed_at: null, last_error: !contact || contact.disabled ? 'account closed or disabled' : !address ? 'no address on the account any more' : 'unknown event' }).where('id', '=', d.id).execute()
      return 'skipped' as const
    }
    await tx.updateTable('notification_deliveries').set((eb) => ({ status: 'sending', claimed_at: sql`now()`, attempts: eb('attempts', '+', 1), address_masked: d.channel === 'sms' ? maskPhone(address) : maskEmail(address) })).where('id', '=', d.id).execute()
    return { ...d, event: d.event, address }
  })
  if (typeof claimed === 'string') {
    if (claimed === 'missing') deps.log.warn({ deliveryId }, 'notification delivery not found; nothing to send')
    return claimed === 'missing' ? 'missing' : claimed
  }

  const masked = claimed.channel === 'sms' ? maskPhone(claimed.address) : maskEmail(claimed.address)
  const text = renderNotice(claimed.event as Parameters<typeof renderNotice>[0], claimed.data ?? {})
  try {
    if (claimed.channel === 'sms') {
      await deps.sms.send({ phone: claimed.address, text: text.sms, purpose: `notice:${claimed.event}` })
    } else {
      const mail = renderEmail(text, claimed.link ? `${deps.config.publicUrl}${claimed.link}` : null)
      await deps.mailer.send({ to: claimed.address, subject: mail.subject, text: mail.text })
    }
  } catch (err) {
    const last = job ? job.retryCount >= job.retryLimit : false
    const message = maskText(err instanceof Error ? err.message : String(err)).replaceAll(claimed.address, masked).slice(0, 500)
    await deps.db.updateTable('notification_deliveries').set({ status: last ? 'failed' : 'pending', claimed_at: null, last_error: message }).where('id', '=', claimed.id).execute()
    deps.log.warn({ deliveryId, channel: claimed.channel, to: masked, event: claimed.event, error: message, final: last }, last ? 'notice could not be sent; giving up' : 'notice not sent; will retry')
    throw new Error(`${claimed.channel} to ${masked} failed: ${message}`)
  }
  await deps.db.updateTable('notification_deliveries').set({ status: 'sent', sent_at: sql`now()`, claimed_at: null, last_error: null }).where('id', '=', claimed.id).execute()
  deps.log.info({ deliveryId, channel: claimed.channel, to: masked, event: claimed.event }, 'notice sent')
  return 'sent'
}
