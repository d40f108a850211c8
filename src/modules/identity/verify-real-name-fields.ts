import type { FieldError } from '../../platform/errors'
import { checkIdNumber } from '../../platform/identifiers'

/**
 * Fields of 实名认证: 姓名 (GB/T 39046 表12: a..30), 公民身份号码 (GB 11643, check digit), and 证件有效期截止 —
 * the third factor, printed on the back of the card as "2015.06.30-2035.06.30" or "…-长期".
 */
export const MAX_REAL_NAME = 30

export type VerifyFields = { name: string; idNumber: string; validUntil: string; longTerm: boolean }
export type CleanVerifyFields = { name: string; idNumber: string; idCardValidUntil: string }

/** 'YYYY-MM-DD' from the forms people type (2035-06-30, 2035.06.30, 20350630, 2035/6/30), or null. */
export function parseCardDate(s: string): string | null {
  const m = /^(\d{4})[-./年]?(\d{1,2})[-./月]?(\d{1,2})日?$/.exec(s.trim())
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null
  return date.toISOString().slice(0, 10)
}

export function verifyFieldErrors(f: VerifyFields, today = new Date()): { errors: FieldError[]; clean: CleanVerifyFields } {
  const errors: FieldError[] = []
  const name = f.name.trim().replace(/\s+/g, '')
  const idNumber = f.idNumber.trim().toUpperCase()
  if (!name) errors.push({ field: 'name', message: '请填写身份证上的姓名。 Enter your name as on your ID card.' })
  else if ([...name].length > MAX_REAL_NAME) errors.push({ field: 'name', message: `姓名最多${MAX_REAL_NAME}个字，请与身份证上的姓名核对。 A name has at most ${MAX_REAL_NAME} characters.` })
  else if (/[\d\p{Cc}\p{Cf}<>]/u.test(name)) errors.push({ field: 'name', message: '姓名不能包含数字或特殊符号，请按身份证填写（少数民族姓名中的“·”可以保留）。 Enter the name exactly as on the card.' })
  if (!idNumber) errors.push({ field: 'idNumber', message: '请填写18位身份证号。 Enter your 18-character ID number.' })
  else {
    const m = checkIdNumber(idNumber.slice(0, 40), today)
    if (m) errors.push({ field: 'idNumber', message: m })
  }
  let validUntil = 'long-term'
  if (!f.longTerm) {
    const d = f.validUntil.trim() ? parseCardDate(f.validUntil.slice(0, 20)) : null
    if (!f.validUntil.trim()) errors.push({ field: 'validUntil', message: '请填写身份证背面的有效期截止日期，如 2035-06-30；有效期为“长期”的请勾选“长期”。 Enter the expiry date on the back of the card, or tick “long-term”.' })
    else if (!d) errors.push({ field: 'validUntil', message: '有效期截止日期格式不正确，请按“年-月-日”填写，如 2035-06-30。 Write the date as YYYY-MM-DD.' })
    else if (d < today.toISOString().slice(0, 10)) errors.push({ field: 'validUntil', message: '您的身份证已过有效期，请先到公安机关换领新证，或携带临时身份证到政务服务窗口办理实名认证。 Your ID card has expired; renew it first or verify at a service counter.' })
    else validUntil = d
  }
  return { errors, clean: { name, idNumber, idCardValidUntil: validUntil } }
}
