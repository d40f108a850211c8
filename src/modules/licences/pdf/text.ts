/** The input's text: dates in Chinese, the holder-code label, and characters the embedded font cannot draw. */
import { ValidationError } from '../../../platform/errors'
import type { LicencePdfInput } from './index'

const GETA = '〓'

export function chineseDate(iso: string, field: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '')
  const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null
  if (!m || !d || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) {
    throw new ValidationError(`日期格式应为 YYYY-MM-DD（${field}），请检查证照数据。 ${field} must be a date YYYY-MM-DD; check the licence data.`, [{ field, message: 'YYYY-MM-DD' }])
  }
  return `${+m[1]!}年${+m[2]!}月${+m[3]!}日`
}

/** 18 digits with a plausible birth date, 15 digits, or a masked number → 公民身份号码; otherwise a USCC. */
export function codeLabel(code: string): string {
  const c = code.trim()
  if (/[*＊]/.test(c) || /^\d{15}$/.test(c) || /^\d{6}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]$/.test(c)) return '公民身份号码'
  return '统一社会信用代码'
}

export function printable(ch: string, covers: (cp: number) => boolean): boolean {
  const cp = ch.codePointAt(0)!
  return cp === 0x0a || cp === 0x20 || covers(cp)
}

/** Control characters go; characters the font cannot draw become 〓; CR LF → LF. */
export function sanitize(s: string, covers: (cp: number) => boolean): string {
  let out = ''
  for (const ch of String(s ?? '').replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    const cp = ch.codePointAt(0)!
    if (cp < 0x20 && cp !== 0x0a) continue
    if ((cp >= 0x7f && cp < 0xa0) || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef) || cp === 0x200b || cp === 0xfeff) continue
    out += printable(ch, covers) ? ch : GETA
  }
  return out
}

export function* textsOf(input: LicencePdfInput): Iterable<string> {
  yield input.typeName
  if (input.typeNameEn) yield input.typeNameEn
  yield input.number
  yield input.identifier
  yield input.holderName
  yield input.holderCode
  if (input.holderCodeLabel) yield input.holderCodeLabel
  for (const f of input.fields) {
    yield f.label
    yield f.value
  }
  yield input.issuerName
  yield input.seal.organisation
  if (input.seal.code) yield input.seal.code
  if (input.annotation?.text) yield input.annotation.text
}
