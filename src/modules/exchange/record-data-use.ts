import type { Executor } from '../../platform/database'
import { ValidationError } from '../../platform/errors'
import type { Secrets } from '../../platform/secrets'
import { loggableFields, writeAccessLog } from './access-log'
import { getDatasetForRead } from './dataset-queries'
import type { ReadActor } from './read-shared-data'
import { describeSubject, type ReadSubject } from './read-subject'

export type DataUseInput = {
  actor: ReadActor
  /** A dataset of the catalogue whose data a higher module provides through its own authorisation (e.g. `licence.e-licence`). */
  dataset: string
  /** Whose data it is (the licence holder: a person or an enterprise) — the row appears in THEIR 我的数据使用记录. */
  holder: Extract<ReadSubject, { type: 'person' } | { type: 'entity' }>
  fields: string[]
  /** 用途, 4–200 characters. */
  purpose: string
  /** 办件编号 of the case the use serves, when there is one. */
  caseRef?: string | null
  /** The consuming department (default: the actor's). */
  departmentId?: string | null
  now?: Date
}

/**
 * A use of shared data that did not come from the base registries but from a provider module above the exchange
 * (电子证照库: a department checking a licence with the holder's 用证码, an application using a held licence as a
 * material). The provider has already made its own authorisation decision (the holder's one-time code, or the
 * holder's own application); the exchange keeps the record — the same append-only access log as readSharedData,
 * under the holder's pseudonym, so the holder sees it in 我的数据使用记录. Checks: the dataset exists and is not a
 * base-registry dataset, the holder identifier is valid, purpose 4–200, fields named in the dataset. Call it inside
 * the provider's transaction: the use and its record commit together. Returns the access-log row id.
 */
export async function recordDataUse(db: Executor, secrets: Secrets, input: DataUseInput): Promise<string> {
  const now = input.now ?? new Date()
  const ds = await getDatasetForRead(db, input.dataset)
  if (!ds || ['population', 'entities', 'addresses'].includes(ds.source)) throw new ValidationError(`数据集“${input.dataset}”不能以此方式记录使用。 Not a provider dataset.`, [{ field: 'dataset', message: '未知的数据集。' }], 'dataset_unknown')
  const subject = describeSubject(secrets, input.holder)
  if (!subject || subject.error) throw new ValidationError('持证主体的证件号码无效，无法记录数据使用。 The holder identifier is invalid.', [subject?.error ?? { field: 'holder', message: '无效。' }], 'subject_invalid')
  const purpose = input.purpose.trim()
  if (purpose.length < 4 || purpose.length > 200) throw new ValidationError('请说明用途（4–200字）。 State the purpose (4–200 characters).', [{ field: 'purpose', message: '4–200字。' }], 'purpose_required')
  const fields = loggableFields(input.fields)
  const known = new Set(ds.fields.map((f) => f.key))
  if (!fields.length || fields.some((f) => !known.has(f))) throw new ValidationError('字段不在该数据集中。 Unknown fields.', [{ field: 'fields', message: '字段不在该数据集中。' }], 'field_unknown')
  const [id] = await writeAccessLog(db, [{
    occurredAt: now, dataset: ds.code, subject, consumerDepartmentId: input.departmentId !== undefined ? input.departmentId : input.actor.type === 'citizen' ? null : (input.actor.departmentId ?? null),
    actor: input.actor, fields, purpose, caseRef: input.caseRef ?? null, grantId: null, outcome: 'granted', refusalCode: null, requestId: null,
  }])
  return id!
}
