import type { FieldError } from '../../platform/errors'
import { checkIdNumber } from '../../platform/identifiers'
import type { EntityRecord, PersonRecord } from './registry-source'
import type { ReadSubject } from './read-subject'

/**
 * Verification datasets (核验/比对, 国发〔2016〕55号: "能够通过网络核验的信息，不得要求其他单位重复提交"):
 * the caller sends what it was told (`check`) and gets back only whether it matches, never the registry's
 * own values. Record datasets need no code here — their field keys are record properties.
 */
export type FieldValue = string | number | boolean | null
export type Check = Record<string, string>
type Verifier<R> = {
  /** Problems with the claim (missing or malformed values), as field errors under `check.*`. */
  validate(check: Check): FieldError[]
  compute(record: R, check: Check): Record<string, FieldValue>
  /** Other people whose data this read touches, logged under them too (so each sees it). */
  related?(record: R | undefined, check: Check): ReadSubject[]
}

const sameName = (a: string, b: string) => a.normalize('NFKC').replace(/\s+/g, '') === b.normalize('NFKC').replace(/\s+/g, '')
const text = (check: Check, key: string) => (typeof check[key] === 'string' ? check[key].trim() : '')
const nameProblem = (check: Check, key: string): FieldError[] => {
  const v = text(check, key)
  return v.length >= 1 && v.length <= 30 ? [] : [{ field: `check.${key}`, message: '请提供要核验的姓名（1–30个字）。 Give the name to check (1–30 characters).' }]
}

const identityCheck: Verifier<PersonRecord> = {
  validate(check) {
    const errors = nameProblem(check, 'name')
    const v = text(check, 'idCardValidUntil')
    const date = /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)
    if (v !== 'long-term' && !date) {
      errors.push({ field: 'check.idCardValidUntil', message: '请提供证件有效期截止日期（YYYY-MM-DD），长期有效填 long-term。 Give the card expiry date as YYYY-MM-DD, or long-term.' })
    }
    return errors
  },
  compute(p, check) {
    const nameMatch = sameName(p.name, text(check, 'name'))
    const claimed = text(check, 'idCardValidUntil')
    const validUntilMatch = claimed === 'long-term' ? p.idCardValidUntil === null : p.idCardValidUntil === claimed
    const active = p.status === 'normal'
    return { match: nameMatch && validUntilMatch && active, nameMatch, validUntilMatch, active, genderCode: p.genderCode, birthDate: p.birthDate }
  },
}

const legalRepCheck: Verifier<EntityRecord> = {
  validate(check) {
    const errors = nameProblem(check, 'legalRepName')
    const problem = checkIdNumber(text(check, 'legalRepIdNumber').toUpperCase())
    if (problem) errors.push({ field: 'check.legalRepIdNumber', message: problem })
    return errors
  },
  compute(e, check) {
    const isRepresentative = sameName(e.legalRepName, text(check, 'legalRepName')) && e.legalRepIdNumber.toUpperCase() === text(check, 'legalRepIdNumber').toUpperCase()
    return { isRepresentative, name: e.name, entityType: e.entityType, status: e.status }
  },
  // The registered representative's data was compared, and the claimant's own number was used: both see it.
  related(e, check) {
    const claimed = text(check, 'legalRepIdNumber').toUpperCase()
    const out: ReadSubject[] = [{ type: 'person', idNumber: claimed }]
    if (e && e.legalRepIdNumber.toUpperCase() !== claimed) out.push({ type: 'person', idNumber: e.legalRepIdNumber.toUpperCase() })
    return out
  },
}

export const VERIFIERS: Record<string, Verifier<PersonRecord> | Verifier<EntityRecord>> = {
  'population.identity-check': identityCheck,
  'entity.legal-rep-check': legalRepCheck,
}

/** An entity record names a person (法定代表人): reading that person's fields is a read of their data too. */
export function relatedOfRecord(record: PersonRecord | EntityRecord | undefined, fields: string[]): ReadSubject[] {
  if (record && 'legalRepIdNumber' in record && fields.some((f) => f.startsWith('legalRep'))) return [{ type: 'person', idNumber: record.legalRepIdNumber.toUpperCase() }]
  return []
}
