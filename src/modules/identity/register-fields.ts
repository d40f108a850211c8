import type { FieldError } from '../../platform/errors'
import { checkMobilePhone, normalizeMobilePhone } from '../../platform/identifiers'
import { MAX_PASSWORD, MIN_PASSWORD } from './password'

/**
 * Field rules of citizen registration, one message per field in plain Chinese (then English) that says what
 * to do. Lengths follow GB/T 39046 表12 (姓名 a..30; 密码 stored as a hash only).
 */
export const AGREEMENT_VERSION = '2026-11'
export const MAX_DISPLAY_NAME = 30
/** Anything longer than this in a form field is refused before any work (no hashing of megabytes). */
export const MAX_FIELD = 512

export type RegisterFields = { phone: string; code: string; password: string; displayName: string; agreed: boolean }

export function phoneError(raw: string): { phone: string; error: FieldError | null } {
  const phone = normalizeMobilePhone(raw.slice(0, 40))
  const m = checkMobilePhone(phone)
  return { phone, error: m ? { field: 'phone', message: m } : null }
}

export function newPasswordError(password: string, phone?: string): FieldError | null {
  const field = 'password'
  if (!password) return { field, message: `请设置登录密码（${MIN_PASSWORD}至${MAX_PASSWORD}位）。 Choose a password of ${MIN_PASSWORD}–${MAX_PASSWORD} characters.` }
  if (password.length < MIN_PASSWORD) return { field, message: `密码至少需要${MIN_PASSWORD}位，当前为${password.length}位，请设置更长的密码。 Use at least ${MIN_PASSWORD} characters.` }
  if (password.length > MAX_PASSWORD) return { field, message: `密码不能超过${MAX_PASSWORD}位，请缩短。 Use at most ${MAX_PASSWORD} characters.` }
  if (/^\d+$/.test(password)) return { field, message: '密码不能全是数字，请加入字母或符号。 A password of digits only is too easy to guess; add letters or symbols.' }
  if (phone && password.includes(phone)) return { field, message: '密码不能包含手机号码，请换一个。 Do not use your phone number in the password.' }
  return null
}

export function displayNameError(name: string): FieldError | null {
  const field = 'displayName'
  if (!name) return { field, message: '请填写昵称（您希望我们如何称呼您，最多30个字）。 Enter the name we should call you (up to 30 characters).' }
  if ([...name].length > MAX_DISPLAY_NAME) return { field, message: `昵称最多${MAX_DISPLAY_NAME}个字，当前为${[...name].length}个，请缩短。 Use at most ${MAX_DISPLAY_NAME} characters.` }
  if (/[\p{Cc}\p{Cf}<>]/u.test(name)) return { field, message: '昵称不能包含控制字符或尖括号，请修改。 Remove control characters and angle brackets.' }
  return null
}

/** Every problem of step 2 at once, in form order, so the error summary lists them all. */
export function registerFieldErrors(f: RegisterFields): FieldError[] {
  const out: FieldError[] = []
  const p = phoneError(f.phone)
  if (p.error) out.push(p.error)
  if (!/^\d{6}$/.test(f.code.trim())) out.push({ field: 'code', message: '请输入短信中的6位数字验证码。 Enter the 6-digit code from the SMS.' })
  const pw = newPasswordError(f.password, p.phone)
  if (pw) out.push(pw)
  const dn = displayNameError(f.displayName.trim())
  if (dn) out.push(dn)
  if (!f.agreed) out.push({ field: 'agreed', message: '请阅读并同意《网上服务协议》后再注册。 Read and accept the online service agreement to register.' })
  return out
}
