import { sql } from 'kysely'
import type { Executor } from '../../platform/database'
import { uuidv7 } from '../../platform/ids'
import type { Jobs } from '../../platform/jobs'
import { maskPhone } from '../../platform/privacy'
import { contactOf, type Recipient } from './contacts'
import { maskEmail } from './mailer'
import { isNoticeEvent, renderNotice, type NoticeEvent } from './templates'

export type Channel = 'email' | 'sms'
export const DELIVER_QUEUE = 'notification.deliver'
/** Attempts after the first for one e-mail or SMS: backoff from 30–60 s doubling, 2–4 hours in all (jobs.ts). */
export const DELIVERY_RETRY_LIMIT = 8

export type NoticeInput = {
  to: Recipient
  event: NoticeEvent
  /** Template values, e.g. { refNo, itemName, reason, dueDate, link } — link is a site path such as /me/applications/<id>. */
  data: Record<string, string>
  /** Unique per notice: the same key twice is one message and one send. */
  dedupeKey: string
  /** Default: citizen → sms, plus email when they have one; staff → email when set. */
  channels?: Channel[]
  /** The recipient's phone and e-mail when the caller read them in this transaction; otherwise notify reads them. */
  contact?: { phone: string | null; email: string | null }
}

/**
 * Inside the caller's transaction: writes the inbox message, the delivery rows, and enqueues delivery jobs.
 * Same dedupeKey twice → no second message, no second send (returns false).
 * Nothing is sent here: the jobs run after the transaction commits (outbox), and do not exist if it rolls back.
 */
export async function notify(tx: Executor, jobs: Jobs, n: NoticeInput): Promise<boolean> {
  if (!isNoticeEvent(n.event)) throw new Error(`unknown notice event "${String(n.event)}"`)
  const dedupeKey = n.dedupeKey.trim()
  if (!dedupeKey || dedupeKey.length > 300) throw new Error('notify: dedupeKey must be 1–300 characters')
  const link = n.data['link']?.trim() || null
  if (link && !/^\/[^/\\]/.test(link)) throw new Error(`notify: data.link must be a site path like /me/applications/<id>, got "${link}"`)
  const contact = n.contact ?? (await contactOf(tx, n.to))
  if (!contact) throw new Error(`notify: no ${n.to.kind} account ${n.to.id}`)

  const text = renderNotice(n.event, n.data)
  const id = uuidv7()
  const channels = [...new Set(n.channels ?? (n.to.kind === 'citizen' ? (['sms', ...(contact.email ? ['email' as const] : [])] as Channel[]) : contact.email ? (['email'] as Channel[]) : []))]
  const deliveries = channels.map((channel) => {
    const address = channel === 'sms' ? contact.phone : contact.email
    return {
      id: uuidv7(), notification_id: id, channel,
      address_masked: address ? (channel === 'sms' ? maskPhone(address) : maskEmail(address)) : null,
      status: address ? 'pending' : 'skipped',
      last_error: address ? null : channel === 'sms' ? 'no mobile number on the account' : 'no e-mail address on the account',
    }
  })
  const insertNotice = tx
    .insertInto('notifications')
    .values({
      id, recipient_kind: n.to.kind, recipient_id: n.to.id, event: n.event, title: text.title.zh, body: text.body.zh, link,
      case_ref: n.data['refNo']?.slice(0, 60) || null, data: JSON.stringify(n.data), dedupe_key: dedupeKey,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
  // One round trip for the message and its delivery rows: the deliveries are written only when the message was
  // (a repeated dedupeKey inserts nothing at all).
  const inserted = deliveries.length
    ? (await sql<{ id: string }>`
        with m as (${insertNotice}),
        d as (
          insert into notification_deliveries (id, notification_id, channel, address_masked, status, last_error)
          select x.id, x.notification_id, x.channel, x.address_masked, x.status, x.last_error
          from jsonb_to_recordset(${JSON.stringify(deliveries)}::jsonb) as x(id uuid, notification_id uuid, channel text, address_masked text, status text, last_error text)
          where exists (select 1 from m)
        )
        select id from m`.execute(tx)).rows[0]
    : await insertNotice.executeTakeFirst()
  if (!inserted) return false
  for (const d of deliveries) {
    if (d.status === 'pending') await jobs.enqueue(tx, DELIVER_QUEUE, { deliveryId: d.id }, { singletonKey: d.id, retryLimit: DELIVERY_RETRY_LIMIT })
  }
  return true
}
