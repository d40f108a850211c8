import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { canonicalJson } from './canonical-json'
import type { Executor } from './database'
import { uuidv7 } from './ids'

export type Actor = { type: 'staff' | 'citizen' | 'system' | 'cli'; id?: string | null; name?: string | null }
export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, name: 'system' }

export type AuditInput = {
  actor: Actor
  action: string
  subject: { type: string; id?: string | null }
  reason?: string | null
  details?: Record<string, unknown>
}

type ChainFields = {
  seq: number
  id: string
  occurredAt: string
  actorType: string
  actorId: string | null
  actorName: string | null
  action: string
  subjectType: string
  subjectId: string | null
  reason: string | null
  details: Record<string, unknown>
}

/**
 * hash_n = SHA-256(hash_{n-1} ‖ canonical JSON of entry n without its seq). The position is carried by the
 * prev_hash link rather than the seq, so a moved entry still matches its own hash but breaks the link —
 * which lets verification tell "reordered" apart from "edited".
 */
export function chainHash(prevHash: string, e: ChainFields): string {
  const { seq: _seq, ...content } = e
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(content)).digest('hex')
}

/**
 * Appends one entry to the audit chain inside the caller's transaction. The head row is updated first,
 * which row-locks it until commit: concurrent writers queue up and the chain never forks.
 * Call it from inside `db.transaction()` so the state change and its audit commit together.
 */
export async function recordAudit(tx: Executor, input: AuditInput): Promise<{ seq: number; hash: string }> {
  return recordAuditBatch(tx, [input])
}

/**
 * Appends several entries in one go (bulk imports, an operation's entries written together at its end): the same
 * chain as calling recordAudit once per entry, in order, but two statements instead of two per entry. Same
 * transaction rule as recordAudit. The head row stays locked from the first statement to COMMIT, and every writer
 * of the platform queues on it — so call this LAST in a transaction, once, with all its entries
 * (bench/submission.ts: the lock is what limits concurrent submissions).
 */
export async function recordAuditBatch(tx: Executor, inputs: AuditInput[]): Promise<{ seq: number; hash: string }> {
  if (!inputs.length) throw new Error('recordAuditBatch needs at least one entry')
  // Everything that does not depend on the chain is prepared before the head is touched: each entry's canonical
  // JSON (its hashed content) is fixed here, and the database chains it — hash_n = SHA-256(hash_{n-1} ‖ '\n' ‖ it),
  // the same bytes chainHash() hashes, so verifyAudit recomputes it in JS. One statement locks the head, appends
  // the rows and moves the head: the lock is held for that statement and COMMIT only (bench/submission.ts).
  const entries = inputs.map((input, i) => {
    const content: Omit<ChainFields, 'seq'> = {
      id: uuidv7(),
      occurredAt: new Date().toISOString(),
      actorType: input.actor.type,
      actorId: input.actor.id ?? null,
      actorName: input.actor.name ?? null,
      action: input.action,
      subjectType: input.subject.type,
      subjectId: input.subject.id ?? null,
      reason: input.reason ?? null,
      details: JSON.parse(canonicalJson(input.details ?? {})) as Record<string, unknown>,
    }
    return { ord: i + 1, ...content, canon: canonicalJson(content) }
  })
  const n = entries.length
  const r = await sql<{ seq: string | number; hash: string }>`
    with recursive
    head as materialized (select seq, hash from audit_head where id = 1 for update),
    e as materialized (
      select (x->>'ord')::int as ord, x from jsonb_array_elements(${JSON.stringify(entries)}::jsonb) as x
    ),
    chain (ord, prev_hash, hash) as (
      select 0, null::text, (select hash from head)
      union all
      select c.ord + 1, c.hash, encode(sha256(convert_to(c.hash || chr(10) || (e.x->>'canon'), 'UTF8')), 'hex')
      from chain c join e on e.ord = c.ord + 1
    ),
    appended as (
      insert into audit_log (seq, id, occurred_at, actor_type, actor_id, actor_name, action, subject_type, subject_id, reason, details, prev_hash, hash)
      select head.seq + e.ord, (e.x->>'id')::uuid, (e.x->>'occurredAt')::timestamptz, e.x->>'actorType', e.x->>'actorId', e.x->>'actorName',
        e.x->>'action', e.x->>'subjectType', e.x->>'subjectId', e.x->>'reason', e.x->'details', c.prev_hash, c.hash
      from e join chain c on c.ord = e.ord cross join head
    )
    update audit_head set seq = audit_head.seq + ${n}, hash = (select hash from chain where ord = ${n})
    where id = 1 returning seq, hash`.execute(tx)
  const h = r.rows[0]
  if (!h) throw new Error('audit_head row missing — was the database migrated?')
  return { seq: Number(h.seq), hash: h.hash }
}

export type AuditProblem = { seq: number; kind: 'edited' | 'deleted' | 'reordered' | 'inserted'; message: string }
export type AuditVerification = { ok: boolean; checked: number; firstProblem?: AuditProblem }

/**
 * Walks the chain in seq order and reports the FIRST entry that was edited, deleted or reordered.
 * - edited: the stored hash no longer matches the entry's content;
 * - deleted: a seq is missing (or the tail no longer reaches the head);
 * - reordered: an entry's prev_hash does not point at the entry before it.
 */
export async function verifyAudit(db: Executor, opts: { batch?: number } = {}): Promise<AuditVerification> {
  const batch = opts.batch ?? 5000
  let prevHash = 'GENESIS'
  let expectedSeq = 1
  let checked = 0
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batch)
      .execute()
    if (rows.length === 0) break
    for (const r of rows) {
      const seq = Number(r.seq)
      if (seq !== expectedSeq) {
        return { ok: false, checked, firstProblem: { seq: expectedSeq, kind: 'deleted', message: `entry ${expectedSeq} is missing (next stored entry is ${seq})` } }
      }
      const fields: ChainFields = {
        seq,
        id: r.id,
        occurredAt: new Date(r.occurred_at).toISOString(),
        actorType: r.actor_type,
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        reason: r.reason,
        details: r.details,
      }
      const recomputedOwn = chainHash(r.prev_hash, fields)
      if (recomputedOwn !== r.hash) {
        return { ok: false, checked, firstProblem: { seq, kind: 'edited', message: `entry ${seq} was edited after it was written (content does not match its hash)` } }
      }
      if (r.prev_hash !== prevHash) {
        return { ok: false, checked, firstProblem: { seq, kind: 'reordered', message: `entry ${seq} does not follow entry ${seq - 1} (chain link broken: reordered, replaced or an earlier entry was removed)` } }
      }
      prevHash = r.hash
      expectedSeq++
      checked++
    }
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst()
  if (head && (Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash)) {
    return { ok: false, checked, firstProblem: { seq: expectedSeq, kind: 'deleted', message: `entries after ${expectedSeq - 1} are missing (the chain head records ${head.seq})` } }
  }
  return { ok: true, checked }
}
