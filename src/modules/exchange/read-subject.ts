import type { FieldError } from '../../platform/errors'
import { checkIdNumber, checkUscc } from '../../platform/identifiers'
import { UUID_RE } from '../../platform/ids'
import { maskIdNumber } from '../../platform/privacy'
import type { Secrets } from '../../platform/secrets'

/** Whose data a read is about: a person (公民身份号码), a legal entity (统一社会信用代码) or a standard address. */
export type ReadSubject = { type: 'person'; idNumber: string } | { type: 'entity'; uscc: string } | { type: 'address'; id: string }

/**
 * A subject as the access log holds it: `key` = HMAC pseudonym of the normalised identifier (platform/secrets),
 * so the person can find their own records while the log holds no raw 身份证号; `masked` for display.
 * `error` is set when the identifier fails its national check (GB 11643 / GB 32100) — such reads are refused,
 * but still logged under the pseudonym of what was sent.
 */
export type DescribedSubject = { type: 'person' | 'entity' | 'address'; value: string; key: string; masked: string; error?: FieldError }

/** Identifiers longer than this are not identifiers; they are cut before hashing and masking. */
const MAX_IDENTIFIER = 64

export function subjectKey(secrets: Secrets, type: 'person' | 'entity' | 'address', value: string): string {
  return secrets.pseudonym(type, value)
}

/** Undefined when no subject is named at all (then nothing about anyone can be logged). */
export function describeSubject(secrets: Secrets, subject: unknown): DescribedSubject | undefined {
  if (!subject || typeof subject !== 'object') return undefined
  const s = subject as Record<string, unknown>
  const raw = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, MAX_IDENTIFIER) : '')
  if (s['type'] === 'person') {
    const value = raw(s['idNumber']).toUpperCase()
    if (!value) return undefined
    const problem = checkIdNumber(value)
    return { type: 'person', value, key: subjectKey(secrets, 'person', value), masked: maskIdNumber(value), ...(problem ? { error: { field: 'subject.idNumber', message: problem } } : {}) }
  }
  if (s['type'] === 'entity') {
    const value = raw(s['uscc']).toUpperCase()
    if (!value) return undefined
    const problem = checkUscc(value)
    return { type: 'entity', value, key: subjectKey(secrets, 'entity', value), masked: maskIdNumber(value), ...(problem ? { error: { field: 'subject.uscc', message: problem } } : {}) }
  }
  if (s['type'] === 'address') {
    const value = raw(s['id']).toLowerCase()
    if (!value) return undefined
    const ok = UUID_RE.test(value)
    return {
      type: 'address', value, key: subjectKey(secrets, 'address', value), masked: ok ? `${value.slice(0, 8)}…` : maskIdNumber(value),
      ...(ok ? {} : { error: { field: 'subject.id', message: '地址编号格式不正确（应为标准地址库中的UUID），请从地址查询接口获取。 An address id is a UUID from the standard address registry.' } }),
    }
  }
  return undefined
}
