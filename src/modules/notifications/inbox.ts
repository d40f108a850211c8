import { sql } from 'kysely'
import type { DB, Executor } from '../../platform/database'
import { UUID_RE } from '../../platform/ids'
import type { Recipient } from './contacts'
import { isNoticeEvent, renderNotice, type Bilingual } from './templates'

export type InboxMessage = {
  id: string
  event: string
  title: Bilingual
  body: Bilingual
  link: string | null
  caseRef: string | null
  createdAt: Date
  readAt: Date | null
}

/** One page of a recipient's inbox, newest first, with the total and the unread count. */
export async function listInbox(db: Executor, who: Recipient, page: number, pageSize: number): Promise<{ rows: InboxMessage[]; total: number; unread: number }> {
  const mine = db.selectFrom('notifications').where('recipient_kind', '=', who.kind).where('recipient_id', '=', who.id)
  const counts = await mine
    .select((eb) => [eb.fn.countAll<number>().as('total'), sql<number>`count(*) filter (where read_at is null)`.as('unread')])
    .executeTakeFirstOrThrow()
  const rows = await mine
    .select(['id', 'event', 'title', 'body', 'link', 'case_ref', 'data', 'created_at', 'read_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute()
  return {
    total: Number(counts.total),
    unread: Number(counts.unread),
    rows: rows.map((r) => {
      // Rendered again in the reader's language from the stored values; the stored Chinese text if the event is unknown.
      const t = isNoticeEvent(r.event) ? renderNotice(r.event, r.data ?? {}) : null
      return {
        id: r.id, event: r.event, link: r.link, caseRef: r.case_ref, createdAt: r.created_at, readAt: r.read_at,
        title: t?.title ?? { zh: r.title, en: r.title }, body: t?.body ?? { zh: r.body, en: r.body },
      }
    }),
  }
}

/** Unread messages of a recipient (for a badge in the page header). */
export async function unreadCount(db: Executor, who: Recipient): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('recipient_kind', '=', who.kind)
    .where('recipient_id', '=', who.id)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/**
 * Marks one of the recipient's own messages read. False when the id is not theirs (or not a message at all) — the
 * caller answers 404 either way, so nobody learns whether someone else's message exists. Reading is not audited:
 * it changes nothing but the reader's own view.
 */
export async function markMessageRead(db: DB, who: Recipient, id: string): Promise<boolean> {
  if (!UUID_RE.test(id)) return false
  const r = await db
    .updateTable('notifications')
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where('id', '=', id)
    .where('recipient_kind', '=', who.kind)
    .where('recipient_id', '=', who.id)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) > 0
}
