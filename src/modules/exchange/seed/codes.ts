import { idCheckChar, usccCheckChar } from '../../../platform/identifiers'

/**
 * Builders of valid national identifiers for synthetic data (the checks themselves live in
 * platform/identifiers.ts and are reused, not rewritten).
 */

/**
 * GB 11643-1999 公民身份号码: 6-digit address code + 8-digit birth date + 3-digit sequence + MOD 11-2 check.
 * The sequence's last digit is odd for men and even for women (GB 11643 §4.3), which is how GB/T 2261.1
 * gender codes 1 男 / 2 女 are read back from a number.
 */
export function makeIdNumber(region6: string, birthIso: string, seq: number): string {
  const first17 = `${region6}${birthIso.replaceAll('-', '')}${String(seq).padStart(3, '0')}`
  if (!/^\d{17}$/.test(first17)) throw new Error(`bad ID parts ${region6} ${birthIso} ${seq}`)
  return first17 + idCheckChar(first17)
}

/** GB/T 2261.1 gender code read from the 17th digit of an 18-digit ID number: odd 1 男, even 2 女. */
export function genderOfIdNumber(id: string): '1' | '2' {
  return Number(id[16]) % 2 === 1 ? '1' : '2'
}
/** Birth date 'YYYY-MM-DD' from digits 7–14 of an ID number. */
export function birthOfIdNumber(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`
}

// GB 11714-1997 组织机构代码: 8 body characters (0-9, A-Z) + check character; C9 = 11 − (Σ Ci·Wi mod 11),
// 10 → 'X', 11 → '0'.
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
export function orgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new Error(`bad organisation code body ${body8}`)
  let sum = 0
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i]!, 36) * ORG_WEIGHTS[i]!
  const c = 11 - (sum % 11)
  return c === 10 ? 'X' : c === 11 ? '0' : String(c)
}

/**
 * GB 32100-2015 统一社会信用代码: 登记管理部门 (1 char, 9 = 市场监管/工商) + 机构类别 (1 = 企业, 2 = 个体工商户,
 * 3 = 农民专业合作社) + 登记管理机关行政区划码 (6) + 主体标识码 (GB 11714 organisation code, 9) + MOD 31 check.
 */
export function makeUscc(authority: string, category: string, region6: string, orgBody8: string): string {
  const first17 = `${authority}${category}${region6}${orgBody8}${orgCodeCheckChar(orgBody8)}`
  return first17 + usccCheckChar(first17)
}
