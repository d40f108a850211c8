import type { FieldError } from '../../platform/errors'
import { checkIdNumber, checkUscc } from '../../platform/identifiers'
import { UUID_RE } from '../../platform/ids'
import { maskIdNumber } from '../../platform/privacy'
import type { Secrets } from '../../platform/secrets'
import type { LicenceRef } from './licence-source'

/**
 * Whose data a read is about: a person (公民身份号码), a legal entity (统一社会信用代码), a standard address, or an
 * e-licence (its 电子证照标识, or the holder's code + the licence type name). A licence read is LOGGED under the
 * licence's holder once the licence source has resolved it (read-shared-data.ts).
 */
export type ReadSubject =
  | { type: 'person'; idNumber: string }
  | { type: 'entity'; uscc: string }
  | { type: 'address'; id: string }
  | { type: 'licence'; identifier?: string; holderCode?: string; typeName?: string }

/**
 * A subject as the access log holds it: `key` = HMAC pseudonym of the normalised identifier (platform/secrets),
 * so the person can find their own records while the log holds no raw 身份证号; `masked` for display.
 * `error` is set when the identifier fails its national check (GB 11643 / GB 32100) — such reads are refused,
 * but still logged under the pseudonym of what was sent.
 */
export type DescribedSubject = { type: 'person' | 'entity' | 'address' | 'licence'; value: string; key: string; masked: string; error?: FieldError; licence?: LicenceRef }

/** Identifiers longer than this are not identifiers; they are cut before hashing and masking. */
const MAX_IDENTIFIER = 64

export function subjectKey(secrets: Secrets, type: DescribedSubject['type'], value: string): string {
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
  if (s['type'] === 'licence') return describeLicence(secrets, s)
  return undefined
}

/** 电子证照标识 are longer than other identifiers (about 90 characters). */
const MAX_LICENCE_IDENTIFIER = 120

function describeLicence(secrets: Secrets, s: Record<string, unknown>): DescribedSubject | undefined {
  const text = (v: unknown, n: number) => (typeof v === 'string' ? v.trim().slice(0, n) : '')
  const identifier = text(s['identifier'], MAX_LICENCE_IDENTIFIER)
  if (identifier) {
    const ok = identifier.startsWith('1.2.156.3005.2.')
    return {
      type: 'licence', value: identifier, key: subjectKey(secrets, 'licence', identifier), masked: ok ? `${identifier.slice(0, 24)}…${identifier.slice(-8)}` : maskIdNumber(identifier), licence: { identifier },
      ...(ok ? {} : { error: { field: 'subject.identifier', message: '电子证照标识格式不正确（以 1.2.156.3005.2. 开头），请核对证照上的标识。 A licence identifier starts with 1.2.156.3005.2.' } }),
    }
  }
  const holderCode = text(s['holderCode'], MAX_IDENTIFIER).toUpperCase()
  const typeName = text(s['typeName'], 100)
  if (!holderCode && !typeName) return undefined
  const value = `${holderCode}|${typeName}`
  const problem = !holderCode || !typeName
    ? { field: holderCode ? 'subject.typeName' : 'subject.holderCode', message: '请提供电子证照标识，或同时提供持证主体代码（身份证号或统一社会信用代码）和证照类型名称。 Give the identifier, or the holder code and the licence type name.' }
    : checkIdNumber(holderCode) && checkUscc(holderCode) ? { field: 'subject.holderCode', message: '持证主体代码应为公民身份号码或统一社会信用代码，请核对。 The holder code is an ID number or a USCC.' } : null
  return { type: 'licence', value, key: subjectKey(secrets, 'licence', value), masked: `${maskIdNumber(holderCode)} ${typeName}`, licence: { holderCode, typeName }, ...(problem ? { error: problem } : {}) }
}
