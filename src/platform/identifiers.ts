/**
 * National identifier checks, written from the standards (npm validators disagree; ARCHITECTURE.md §8).
 * Messages are plain Chinese first, then English.
 */

// GB 32100-2015 统一社会信用代码: 18 characters from 0-9 and A-Z without I, O, Z, S, V; check character MOD 31.
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export function usccCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(first17[i]!)
    if (v < 0) throw new Error(`invalid USCC character ${first17[i]}`)
    sum += v * USCC_WEIGHTS[i]!
  }
  const c = 31 - (sum % 31)
  return USCC_CHARS[c === 31 ? 0 : c]!
}

/** Returns null when valid, else a user-facing message saying what is wrong. */
export function checkUscc(code: string): string | null {
  if (code.length !== 18) return `统一社会信用代码应为18位，当前为${code.length}位，请核对。 A unified social credit code has 18 characters.`
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return '统一社会信用代码只能包含数字和大写字母（不含 I、O、Z、S、V），请核对。 Only digits and capital letters except I, O, Z, S, V are allowed.'
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return '统一社会信用代码校验位不正确，请逐位核对后重新输入。 The check character of this unified social credit code is wrong.'
  return null
}

// GB 11643-1999 公民身份号码: 6 region + 8 birth date + 3 sequence + MOD 11-2 check character.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

export function idCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!
  return ID_CHECK[sum % 11]!
}

export function checkIdNumber(id: string, today = new Date()): string | null {
  const v = id.toUpperCase()
  if (!/^\d{17}[\dX]$/.test(v)) return '身份证号应为18位，前17位为数字，最后一位为数字或X，请核对。 A resident ID number has 17 digits followed by a digit or X.'
  const y = Number(v.slice(6, 10)), m = Number(v.slice(10, 12)), d = Number(v.slice(12, 14))
  const date = new Date(Date.UTC(y, m - 1, d))
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || date > today) {
    return '身份证号中的出生日期无效，请核对第7至14位。 The birth date inside this ID number is not a real date.'
  }
  if (idCheckChar(v.slice(0, 17)) !== v[17]) return '身份证号校验位不正确，请逐位核对后重新输入。 The check digit of this ID number is wrong.'
  return null
}

/** GB/T 2260 code shape: 6 digits (county level), or 9 digits (township). Existence is checked against the regions table. */
export const REGION_CODE_RE = /^[0-9]{6}([0-9]{3})?$/

// Mainland mobile numbers (工业和信息化部 numbering plan): 11 digits, 1 then 3–9 then 9 digits.
// Spaces, hyphens and a leading +86 / 86 that people type are stripped by normalizeMobilePhone.
const MOBILE_RE = /^1[3-9]\d{9}$/

export function isMobilePhone(p: string): boolean {
  return MOBILE_RE.test(p)
}
/** Removes spaces, hyphens and a +86 / 0086 / 86 prefix; does not validate. */
export function normalizeMobilePhone(p: string): string {
  const s = p.replace(/[\s\u3000-]+/g, '')
  const m = /^(?:\+86|0086|86)(1\d{10})$/.exec(s)
  return m ? m[1]! : s
}
/** Returns null when `p` (already normalized) is a mainland mobile number, else what is wrong. */
export function checkMobilePhone(p: string): string | null {
  if (!p) return '请输入手机号码。 Enter your mobile number.'
  if (!/^\d+$/.test(p)) return '手机号码只能包含数字，请核对。 A mobile number has digits only.'
  if (p.length !== 11) return `手机号码应为11位，当前为${p.length}位，请核对。 A mainland mobile number has 11 digits.`
  if (!MOBILE_RE.test(p)) return '手机号码应以13至19开头，请核对；暂不支持境外号码。 A mainland mobile number starts with 13–19; foreign numbers are not supported yet.'
  return null
}
