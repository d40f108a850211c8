import type { Executor } from '../../platform/database'
import { uuidv7 } from '../../platform/ids'
import type { Insertable } from 'kysely'
import type { DataAccessLogTable } from '../../platform/schema'
import type { RefusalCode } from './exchange-errors'
import type { DescribedSubject } from './read-subject'

/**
 * The append-only access log (data_access_log; UPDATE and DELETE raise in a trigger, migration 0002): who
 * (actor, department, client), what (dataset, fields), whose (pseudonymous subject key + masked identifier),
 * why (purpose, case), when, and whether it was released. It is the audit trail of reads — reads do not go
 * into the hash-chained audit_log, whose single head row would serialise every read in the city.
 */
export type AccessLogEntry = {
  occurredAt: Date
  dataset: string
  subject: DescribedSubject
  consumerDepartmentId: string | null
  actor: { type: 'staff' | 'citizen' | 'client' | 'system'; id: string; name: string; clientId?: string | undefined }
  fields: string[]
  purpose: string | null
  caseRef: string | null
  grantId: string | null
  outcome: 'granted' | 'refused'
  refusalCode: RefusalCode | null
  requestId: string | null
}

const cut = (s: string | null | undefined, n: number) => (s == null ? null : s.length > n ? `${s.slice(0, n - 1)}…` : s)

/** Writes one row per subject in ONE statement (all or nothing); returns the row ids in the same order. */
export async function writeAccessLog(db: Executor, entries: AccessLogEntry[]): Promise<string[]> {
  const rows: (Insertable<DataAccessLogTable> & { id: string })[] = entries.map((e) => ({
    id: uuidv7(e.occurredAt.getTime()),
    occurred_at: e.occurredAt,
    dataset_code: cut(e.dataset, 64) ?? '',
    subject_type: e.subject.type,
    subject_key: e.subject.key,
    subject_masked: e.subject.masked,
    consumer_department_id: e.consumerDepartmentId,
    actor_type: e.actor.type,
    actor_id: cut(e.actor.id, 100),
    actor_name: cut(e.actor.name, 100),
    client_id: cut(e.actor.clientId, 100),
    fields: e.fields,
    purpose: cut(e.purpose, 200),
    case_ref: cut(e.caseRef, 64),
    grant_id: e.grantId,
    outcome: e.outcome,
    refusal_code: e.refusalCode,
    request_id: cut(e.requestId, 100),
  }))
  if (!rows.length) return []
  await db.insertInto('data_access_log').values(rows).execute()
  return rows.map((r) => r.id)
}

/** What a caller asked for, made safe to store: unique strings of sane length, at most 50. */
export function loggableFields(fields: unknown): string[] {
  if (!Array.isArray(fields)) return []
  const out = new Set<string>()
  for (const f of fields) if (typeof f === 'string' && f.trim()) out.add(f.trim().slice(0, 64))
  return [...out].slice(0, 50)
}
