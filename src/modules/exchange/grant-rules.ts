import type { FieldError } from '../../platform/errors'
import type { StaffGrant } from '../identity'
import type { Dataset } from './dataset-queries'

/** Who acts on a grant: a signed-in staff member (from getStaff(c).user). */
export type GrantActor = { id: string; name: string; departmentId: string | null; grants: StaffGrant[] }

export const PURPOSE_MIN = 4
export const PURPOSE_MAX = 200
export const REASON_MAX = 500

const DAY = /^\d{4}-\d{2}-\d{2}$/
export function isDay(v: string): boolean {
  return DAY.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v
}
/** The same calendar day one year later (29 Feb → 1 Mar). */
export function oneYearAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCFullYear(d.getUTCFullYear() + 1)
  return d.toISOString().slice(0, 10)
}

/**
 * A grant request's content (国办电政函〔2019〕235号: conditional data is requested for a stated use and period):
 * fields ⊆ the dataset's, purpose 4–200 characters, valid until after today and at most one year ahead.
 */
export function checkGrantRequest(
  ds: Dataset,
  input: { fields: string[]; purpose: string; validUntil: string; legalBasis?: string | null | undefined },
  today: string,
): FieldError[] {
  const errors: FieldError[] = []
  const known = new Set(ds.fields.map((f) => f.key))
  if (!input.fields.length) errors.push({ field: 'fields', message: '请至少选择一个需要的字段，只选办事必需的。 Choose at least one field you need.' })
  else if (input.fields.some((f) => !known.has(f))) errors.push({ field: 'fields', message: '所选字段不属于该数据集，请从列出的字段中选择。 Choose fields listed for this dataset.' })
  const purpose = input.purpose.trim()
  if (purpose.length < PURPOSE_MIN || purpose.length > PURPOSE_MAX) {
    errors.push({ field: 'purpose', message: `请说明用途（${PURPOSE_MIN}–${PURPOSE_MAX}个字），写明办理什么事项、为何需要这些数据。 State the purpose in ${PURPOSE_MIN}–${PURPOSE_MAX} characters.` })
  }
  const v = input.validUntil.trim()
  if (!isDay(v)) errors.push({ field: 'validUntil', message: '请按 YYYY-MM-DD 格式填写有效期截止日期。 Enter the end date as YYYY-MM-DD.' })
  else if (v <= today) errors.push({ field: 'validUntil', message: '有效期截止日期须晚于今天。 The end date must be after today.' })
  else if (v > oneYearAfter(today)) errors.push({ field: 'validUntil', message: `有效期最长一年，请选择 ${oneYearAfter(today)} 或更早的日期；到期后可再次申请。 At most one year: choose ${oneYearAfter(today)} or earlier.` })
  if ((input.legalBasis ?? '').trim().length > PURPOSE_MAX) errors.push({ field: 'legalBasis', message: `法律依据最多${PURPOSE_MAX}个字。 Legal basis: at most ${PURPOSE_MAX} characters.` })
  return errors
}

/** A decision or revocation reason: required for refusals and revocations, optional for approvals. */
export function checkReason(reason: string, required: boolean): FieldError[] {
  const r = reason.trim()
  if (required && r.length < PURPOSE_MIN) return [{ field: 'reason', message: `请填写理由（至少${PURPOSE_MIN}个字），申请部门会看到。 Give a reason (at least ${PURPOSE_MIN} characters); the requesting department sees it.` }]
  if (r.length > REASON_MAX) return [{ field: 'reason', message: `理由最多${REASON_MAX}个字。 At most ${REASON_MAX} characters.` }]
  return []
}
