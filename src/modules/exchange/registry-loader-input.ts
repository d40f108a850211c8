import { parse as parseCsv } from 'csv-parse/sync'
import type { FieldError } from '../../platform/errors'
import { ALIASES, FIELDS, type LoadKind } from './registry-loader-fields'
import { canonicalKey, type Raw } from './registry-loader-values'

/**
 * Turns the loader's input lines into records of canonical fields, one per CSV record or JSON line, each
 * with the line it starts on. CSV fields are parsed by csv-parse (RFC 4180: quotes, "" escapes, line breaks
 * inside quotes); we only decide where a record ends, so one malformed record costs only itself.
 */
export type LoadFormat = 'csv' | 'jsonl'
export type InputRecord = { line: number; values?: Map<string, Raw>; errors?: FieldError[]; /** header problems: nothing can be read */ fatal?: boolean }

const MAX_RECORD_BYTES = 16 * 1024
/** A quoted field may span lines, but a stray quote must not swallow the rest of the file. */
const MAX_RECORD_LINES = 20
const quotes = (s: string) => s.split('"').length - 1
const lineError = (message: string): FieldError[] => [{ field: '(line)', message }]
const TOO_BIG = lineError(`该行超过${MAX_RECORD_BYTES / 1024}KB上限，请检查是否漏了换行或引号。 Line too large.`)

export async function* readRecords(kind: LoadKind, format: LoadFormat, src: Iterator<string> | AsyncIterator<string>): AsyncGenerator<InputRecord> {
  yield* format === 'csv' ? csvRecords(kind, src) : jsonRecords(kind, src)
}

async function* jsonRecords(kind: LoadKind, src: Iterator<string> | AsyncIterator<string>): AsyncGenerator<InputRecord> {
  const known = new Set(FIELDS[kind].map((f) => f.key))
  for (let line = 1; ; line++) {
    const r = await src.next()
    if (r.done) return
    const text = (line === 1 ? r.value.replace(/^\uFEFF/, '') : r.value).trim()
    if (!text) continue
    if (Buffer.byteLength(text) > MAX_RECORD_BYTES) {
      yield { line, errors: TOO_BIG }
      continue
    }
    let obj: unknown
    try {
      obj = JSON.parse(text)
    } catch (e) {
      // Only the position from the parser's message: V8 quotes the text itself, which may hold an ID number.
      const at = /position (\d+)/.exec((e as Error).message)?.[1]
      yield { line, errors: lineError(`不是有效的 JSON${at ? `（第${Number(at) + 1}个字符附近）` : ''}，请检查引号、逗号和括号。 Not valid JSON${at ? ` near character ${Number(at) + 1}` : ''}.`) }
      continue
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
      yield { line, errors: lineError('每行应是一个 JSON 对象，例如 {"id_number": "…", "name": "…"}。 Each line must be a JSON object.') }
      continue
    }
    const values = new Map<string, Raw>()
    const errors: FieldError[] = []
    for (const [k, v] of Object.entries(obj)) {
      const key = canonicalKey(k, ALIASES[kind])
      if (!known.has(key)) errors.push({ field: k, message: `未知字段“${k}”，可用字段：${[...known].join('、')}。 Unknown field.` })
      else if (v === null || typeof v === 'string' || typeof v === 'number') values.set(key, v === null ? null : String(v))
      else errors.push({ field: key, message: `字段“${k}”应为文本或数字。 Must be a string or a number.` })
    }
    yield errors.length ? { line, errors } : { line, values }
  }
}

async function* csvRecords(kind: LoadKind, src: Iterator<string> | AsyncIterator<string>): AsyncGenerator<InputRecord> {
  let header: string[] | undefined
  for await (const rec of csvRows(src)) {
    if (rec.errors) {
      yield header ? rec : { ...rec, fatal: true }
      if (!header) return
      continue
    }
    const fields = rec.fields!
    if (!header) {
      header = fields.map((h) => canonicalKey(h, ALIASES[kind]))
      const problem = headerProblem(kind, fields, header)
      if (problem) return yield { line: rec.line, errors: problem, fatal: true }
      continue
    }
    if (fields.length !== header.length) {
      yield { line: rec.line, errors: lineError(`该行有${fields.length}列，表头有${header.length}列；含逗号的内容请用英文双引号括起。 Expected ${header.length} fields, found ${fields.length}.`) }
      continue
    }
    yield { line: rec.line, values: new Map(header.map((k, i) => [k, fields[i]!])) }
  }
}

function headerProblem(kind: LoadKind, raw: string[], keys: string[]): FieldError[] | undefined {
  const known = new Set(FIELDS[kind].map((f) => f.key))
  const errors: FieldError[] = []
  raw.forEach((h, i) => {
    if (!known.has(keys[i]!)) errors.push({ field: h || `(第${i + 1}列)`, message: `表头“${h}”不是可识别的列名；可用列名：${[...known].join(', ')}（也可用中文列名，见说明）。 Unknown column.` })
  })
  for (const f of FIELDS[kind]) if (f.required && !keys.includes(f.key)) errors.push({ field: f.key, message: `表头缺少必填列“${f.key}”（${f.zh}）。 Required column missing.` })
  const dup = keys.find((k, i) => keys.indexOf(k) !== i)
  if (dup) errors.push({ field: dup, message: `列“${dup}”出现了两次，请删除重复的列。 Duplicate column.` })
  return errors.length ? errors : undefined
}

async function* csvRows(src: Iterator<string> | AsyncIterator<string>): AsyncGenerator<{ line: number; fields?: string[]; errors?: FieldError[] }> {
  const pushedBack: [number, string][] = []
  let read = 0
  const next = async (): Promise<[number, string] | undefined> => {
    if (pushedBack.length) return pushedBack.shift()
    const r = await src.next()
    if (r.done) return undefined
    read++
    return [read, read === 1 ? r.value.replace(/^\uFEFF/, '') : r.value]
  }
  for (;;) {
    const first = await next()
    if (!first) return
    if (!first[1].trim()) continue
    const taken = [first]
    let text = first[1]
    while (quotes(text) % 2 === 1 && taken.length < MAX_RECORD_LINES) {
      const more = await next()
      if (!more) break
      taken.push(more)
      text += `\n${more[1]}`
    }
    if (quotes(text) % 2 === 1) {
      // Unclosed quote: report this line and read the lines after it again as records of their own.
      pushedBack.unshift(...taken.slice(1))
      yield { line: first[0], errors: lineError('引号未闭合：以英文双引号开头的内容必须以双引号结束，内容中的双引号请写成两个（""）。 Unclosed quote.') }
      continue
    }
    if (Buffer.byteLength(text) > MAX_RECORD_BYTES) {
      yield { line: first[0], errors: TOO_BIG }
      continue
    }
    // Without a quote character RFC 4180 fields are plain comma-separated text: split directly (csv-parse per
    // record costs ~20x more); anything quoted goes through csv-parse.
    if (!text.includes('"')) {
      yield { line: first[0], fields: text.split(',') }
      continue
    }
    try {
      const rows = parseCsv(text, { relax_column_count: true }) as string[][]
      yield { line: first[0], fields: rows[0] ?? [] }
    } catch (e) {
      yield { line: first[0], errors: lineError(`CSV 格式有误（${(e as Error).message.replace(/ at line \d+/, '')}）。含逗号、引号或换行的内容请用英文双引号括起，内容中的双引号写成两个（""）。 Malformed CSV.`) }
    }
  }
}
