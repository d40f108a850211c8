/**
 * Masking of personal identifiers. Never log or show a full 身份证号 or phone number.
 * 身份证号 keeps the first 3 and last 2 characters (110***********123X style); mobiles keep 3 + 4.
 */
const ID18 = /(?<![0-9A-Za-z])([1-9]\d{2})\d{13}(\d{1}[0-9Xx])(?![0-9A-Za-z])/g
const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g

export function maskIdNumber(id: string): string {
  if (id.length < 6) return '*'.repeat(id.length)
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 5)}${id.slice(-2)}`
}
export function maskPhone(p: string): string {
  return p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '*'.repeat(p.length)
}
export function maskText(s: string): string {
  if (s.length < 11) return s
  return s.replace(ID18, (_m, a: string, b: string) => `${a}${'*'.repeat(13)}${b}`).replace(MOBILE, '$1****$2')
}
