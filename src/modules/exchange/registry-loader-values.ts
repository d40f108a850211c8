import type { FieldError } from '../../platform/errors'

/**
 * Value readers shared by the registry loader's field rules: dates in the forms registries export, text
 * limits, and the messages (Chinese first, then English, each saying what to fix).
 */
export type Raw = string | null
export type Check<T> = { ok: true; value: T } | { ok: false; message: string }
export const ok = <T>(value: T): Check<T> => ({ ok: true, value })
export const bad = (message: string): Check<never> => ({ ok: false, message })

/**
 * 'YYYY-MM-DD' from YYYY-MM-DD, YYYYMMDD (GB/T 39046 date form), YYYY/MM/DD or YYYY.MM.DD (as printed on an ID
 * card's validity line), or null when it is not a real calendar date.
 */
export function parseDate(s: string): string | null {
  const m = /^(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})$/.exec(s.trim())
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const dt = new Date(Date.UTC(y, mo - 1, d))
  if (y < 1900 || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null
  return `${m[1]}-${m[2]}-${m[3]}`
}
export const DATE_HINT = '请写成 2024-05-01 或 20240501 的形式 (YYYY-MM-DD or YYYYMMDD)'

export function date(label: string, v: string, today: string): Check<string> {
  const d = parseDate(v)
  if (!d) return bad(`${label}“${v}”不是有效日期，${DATE_HINT}。 Not a real date.`)
  if (d > today) return bad(`${label}${d}晚于今天，请核对。 The date is in the future.`)
  return ok(d)
}

/**
 * Free text: trimmed, 1..max characters (code points, so a 汉字 counts once), no control characters, and no
 * U+FFFD — which is what a GBK/GB 18030 file read as UTF-8 turns into.
 */
export function text(label: string, v: string, max: number): Check<string> {
  const s = v.trim()
  if (s.includes('\uFFFD')) return bad(`${label}含有无法识别的字符：文件可能不是 UTF-8 编码，请在表格软件中“另存为 CSV UTF-8”后重新导入。 Unreadable characters: save the file as UTF-8.`)
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(s)) return bad(`${label}含有换行或控制字符，请删除。 Remove line breaks and control characters.`)
  const n = [...s].length
  if (n > max) return bad(`${label}过长：最多${max}个字，当前${n}个，请精简。 Too long: at most ${max} characters.`)
  return ok(s)
}

/** Column / key spelling → canonical field: trimmed, case-insensitive, camelCase → snake_case, then aliases. */
export function canonicalKey(k: string, aliases: ReadonlyMap<string, string>): string {
  const s = k.replace(/^\uFEFF/, '').trim()
  return aliases.get(s) ?? s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/[\s-]+/g, '_')
}

export type RowResult<R> = { row: R; key: string } | { errors: FieldError[]; key?: string }
