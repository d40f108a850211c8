import type { Executor } from '../../platform/database'
import type { FieldError } from '../../platform/errors'
import type { Secrets } from '../../platform/secrets'
import { loggableFields, writeAccessLog, type AccessLogEntry } from './access-log'
import { getDatasetForRead } from './dataset-queries'
import { relatedOfRecord, VERIFIERS, type Check, type FieldValue } from './dataset-verifiers'
import { ReadRefusedError, type RefusalCode } from './exchange-errors'
import { decideRead, shanghaiToday } from './exchange-policy'
import { readMessage } from './read-messages'
import { describeSubject, type DescribedSubject, type ReadSubject } from './read-subject'
import type { LicenceRecord, LicenceSource } from './licence-source'
import { databaseRegistrySource, type RegistrySource } from './registry-source'

export type ReadActor = { type: 'staff' | 'citizen' | 'client' | 'system'; id: string; name: string; departmentId?: string | null; clientId?: string }
export type ReadInput = {
  actor: ReadActor
  dataset: string
  subject: ReadSubject
  fields: string[]
  /** 用途: why the data is needed (4–200 characters). Data may be used for this purpose only (国务院令第716号 Art. 7). */
  purpose: string | null | undefined
  /** 办件编号 of the case the read serves, when there is one. */
  caseRef?: string | null | undefined
  requestId?: string | null | undefined
  /** What the caller was told, for verification datasets (核验): the answer is only match / no match. */
  check?: Check
}
export type ReadResult = { accessId: string; dataset: string; subject: { type: ReadSubject['type']; masked: string }; grantId: string | null; data: Record<string, FieldValue> }

const CASE_REF_RE = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/

/**
 * THE ONE WAY to read shared data — for our own modules, for department systems (REST) and for identity's
 * registry checks. Checks run in a fixed order and the first failure refuses the read; whenever a subject is
 * named, the read is logged (granted or refused, with the refusal code) in ONE insert, so either the data
 * comes back and the log row exists, or neither. Returns only the requested fields.
 * Subject not in the registry: logged as refused with `not_found` — nothing was released (CONTEXT.md).
 */
export async function readSharedData(db: Executor, secrets: Secrets, input: ReadInput, opts: { source?: RegistrySource; licences?: LicenceSource; now?: Date } = {}): Promise<ReadResult> {
  const now = opts.now ?? new Date()
  const subject = describeSubject(secrets, input.subject)
  // A licence read is about the licence's HOLDER: resolve it first (licences' port), so the read — granted or
  // refused — is logged under the holder's pseudonym and shows in their 我的数据使用记录. An unknown licence
  // stays logged under the (pseudonymised) licence reference.
  const licence: LicenceRecord | undefined = subject?.type === 'licence' && !subject.error && subject.licence && opts.licences ? await opts.licences.licence(db, subject.licence, now) : undefined
  const holder = licence ? describeSubject(secrets, licence.holder) : undefined
  const logged = holder && !holder.error ? holder : subject
  const fields = loggableFields(input.fields)
  const purpose = typeof input.purpose === 'string' ? input.purpose.trim() : ''
  const caseRef = typeof input.caseRef === 'string' && input.caseRef.trim() ? input.caseRef.trim() : null
  const dataset = typeof input.dataset === 'string' ? input.dataset.trim() : ''
  const consumer = input.actor.type === 'citizen' ? null : (input.actor.departmentId ?? null)
  const entry = (s: DescribedSubject, grantId: string | null, refusalCode: RefusalCode | null): AccessLogEntry => ({
    occurredAt: now, dataset, subject: s, consumerDepartmentId: consumer, actor: input.actor, fields, purpose: purpose || null, caseRef,
    grantId, outcome: refusalCode ? 'refused' : 'granted', refusalCode, requestId: input.requestId ?? null,
  })
  const also = (subjects: ReadSubject[]) =>
    subjects.map((s) => describeSubject(secrets, s)).filter((s): s is DescribedSubject => !!s && !s.error && s.key !== logged?.key)
      .filter((s, i, all) => all.findIndex((x) => x.key === s.key) === i)
  const refuse = async (code: RefusalCode, errors: FieldError[] = [], related: ReadSubject[] = []): Promise<never> => {
    const ids = logged ? await writeAccessLog(db, [entry(logged, null, code), ...also(related).map((s) => entry(s, null, code))]) : []
    throw new ReadRefusedError(code, readMessage(code, { dataset, errors }), ids[0] ?? null, errors)
  }

  const ds = await getDatasetForRead(db, dataset)
  if (!ds) return refuse('dataset_unknown', [{ field: 'dataset', message: readMessage('dataset_unknown', { dataset }) }])
  if (!subject) return refuse('subject_invalid', [{ field: 'subject', message: readMessage('subject_invalid', { dataset }) }])
  if (subject.type !== ds.subjectType) return refuse('subject_mismatch', [{ field: 'subject.type', message: readMessage('subject_mismatch', { dataset, expected: ds.subjectType }) }])
  if (subject.error) return refuse('subject_invalid', [subject.error])
  if (purpose.length < 4) return refuse('purpose_required', [{ field: 'purpose', message: readMessage('purpose_required', { dataset }) }])
  if (purpose.length > 200) return refuse('purpose_too_long', [{ field: 'purpose', message: readMessage('purpose_too_long', { dataset }) }])
  if (!fields.length) return refuse('fields_required', [{ field: 'fields', message: readMessage('fields_required', { dataset }) }])
  const known = new Set(ds.fields.map((f) => f.key))
  const unknown = fields.filter((f) => !known.has(f))
  if (unknown.length) return refuse('field_unknown', [{ field: 'fields', message: readMessage('field_unknown', { dataset, unknown }) }])
  if (caseRef && !CASE_REF_RE.test(caseRef)) return refuse('case_ref_invalid', [{ field: 'caseRef', message: readMessage('case_ref_invalid', { dataset }) }])
  const verifier = VERIFIERS[ds.code]
  const check = input.check ?? {}
  if (verifier) {
    const problems = verifier.validate(check)
    if (problems.length) return refuse('check_required', problems)
  }

  const grants = ds.shareType === 'conditional' && consumer ? await grantsFor(db, ds.code, consumer) : []
  const decision = decideRead(ds, input.actor.type, consumer, grants, fields, shanghaiToday(now))
  if (!decision.ok) return refuse(decision.refusal)

  const source = opts.source ?? databaseRegistrySource(db)
  const record = subject.type === 'licence' ? licence?.fields : subject.type === 'person' ? await source.person(subject.value) : subject.type === 'entity' ? await source.entity(subject.value) : await source.address(subject.value)
  const related = verifier?.related ? (verifier.related as (r: unknown, c: Check) => ReadSubject[])(record, check) : []
  if (!record) return refuse('not_found', [], related)

  const all: Record<string, FieldValue> = verifier
    ? (verifier.compute as (r: unknown, c: Check) => Record<string, FieldValue>)(record, check)
    : (record as unknown as Record<string, FieldValue>)
  const data: Record<string, FieldValue> = {}
  for (const f of fields) data[f] = all[f] ?? null
  const touched = [...related, ...(verifier || subject.type === 'licence' ? [] : relatedOfRecord(record as never, fields))]
  const ids = await writeAccessLog(db, [entry(logged ?? subject, decision.grantId, null), ...also(touched).map((s) => entry(s, decision.grantId, null))])
  return { accessId: ids[0]!, dataset: ds.code, subject: { type: subject.type, masked: subject.masked }, grantId: decision.grantId, data }
}

async function grantsFor(db: Executor, dataset: string, consumer: string) {
  const rows = await db
    .selectFrom('dataset_grants')
    .select(['id', 'status', 'valid_until', 'fields'])
    .where('dataset_code', '=', dataset)
    .where('consumer_department_id', '=', consumer)
    .where('status', 'in', ['approved', 'revoked'])
    .execute()
  return rows.map((r) => ({ id: r.id, status: r.status, validUntil: r.valid_until, fields: r.fields }))
}
