import { SYSTEM_ACTOR, type Actor } from '../../platform/audit'
import { allOrNothing, type DB, type Executor } from '../../platform/database'
import type { FieldError } from '../../platform/errors'
import { regionCodes } from './catalog-queries'
import { LIMITS, validateItem } from './item-validation'
import { newSaveCache, type SaveCache } from './save-item'
import { saveValidItemsBatch } from './save-item-batch'
import type { ServiceItemRecord } from './service-item'

export type ImportLineError = { line: number; code?: string; field: string; message: string }
export type ImportReport = {
  lines: number
  created: number
  updated: number
  unchanged: number
  failed: number
  errors: ImportLineError[]
  strict: boolean
  /** In strict mode: true when nothing was written because some line failed. */
  rolledBack: boolean
  durationMs: number
}
export type ImportOptions = {
  actor?: Actor
  strict?: boolean
  note?: string
  onProgress?: (done: number) => void
  chunkSize?: number
}

type Parsed = { line: number; record: ServiceItemRecord }

/**
 * Imports a catalogue in the shared JSON Lines format. Each line is validated against the schema and the
 * domain rules; valid lines upsert by `code` (changed → new version, unchanged → nothing). Bad lines are
 * reported with line number, field and reason and the rest are kept — unless `strict`, which writes
 * everything in one transaction or nothing. Duplicate codes within one file: the first wins, later lines fail.
 */
export async function importCatalog(db: DB, lines: AsyncIterable<string> | Iterable<string>, opts: ImportOptions = {}): Promise<ImportReport> {
  const t0 = performance.now()
  const strict = opts.strict ?? false
  const chunkSize = opts.chunkSize ?? 250
  // Take the iterator BEFORE the first await: a readline interface emits its lines (and 'close') as the file
  // is read, and only an iterator that already exists buffers them. Created later, it waits forever for lines
  // that were already emitted, and the import silently does nothing (seen on PostgreSQL, where this await is slow).
  const source = Symbol.asyncIterator in lines ? (lines as AsyncIterable<string>)[Symbol.asyncIterator]() : (lines as Iterable<string>)[Symbol.iterator]()
  const input = { [Symbol.asyncIterator]: () => source } as AsyncIterable<string>
  const regions = await regionCodes(db)
  const report: ImportReport = { lines: 0, created: 0, updated: 0, unchanged: 0, failed: 0, errors: [], strict, rolledBack: false, durationMs: 0 }
  const seenCodes = new Map<string, number>()
  const fail = (line: number, errs: FieldError[], code?: string) => {
    report.failed++
    for (const e of errs) report.errors.push({ line, ...(code ? { code } : {}), field: e.field, message: e.message })
  }

  const parse = (text: string, lineNo: number): Parsed | undefined => {
    if (Buffer.byteLength(text) > LIMITS.lineBytes) {
      fail(lineNo, [{ field: '(line)', message: `该行超过${LIMITS.lineBytes / 1024}KB上限，请拆分或精简内容。 Line too large.` }])
      return
    }
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (e) {
      fail(lineNo, [{ field: '(line)', message: `不是有效的 JSON：${(e as Error).message}。请检查引号、逗号和括号。 Not valid JSON.` }])
      return
    }
    const code = value && typeof value === 'object' && typeof (value as { code?: unknown }).code === 'string' ? (value as { code: string }).code : undefined
    const errs = validateItem(value, { regionExists: (c) => regions.has(c) })
    if (errs.length) return void fail(lineNo, errs, code)
    const record = value as ServiceItemRecord
    const first = seenCodes.get(record.code)
    if (first !== undefined) {
      return void fail(lineNo, [{ field: 'code', message: `实施编码“${record.code}”在本文件第${first}行已出现，同一文件中编码不能重复；已保留第${first}行。 Duplicate code in this file.` }], record.code)
    }
    seenCodes.set(record.code, lineNo)
    return { line: lineNo, record }
  }

  const actor = opts.actor ?? SYSTEM_ACTOR
  const writeChunk = (tx: Executor, chunk: Parsed[], cache: SaveCache) =>
    saveValidItemsBatch(tx, chunk.map((p) => p.record), { actor, note: opts.note ?? '批量导入 import', cache })
  const tally = (outcomes: { outcome: 'created' | 'updated' | 'unchanged' }[]) => {
    for (const o of outcomes) report[o.outcome]++
  }

  let cache = newSaveCache()
  let pending: Parsed[] = []
  const flush = async (tx?: Executor) => {
    if (!pending.length) return
    const chunk = pending
    pending = []
    if (tx) return tally(await writeChunk(tx, chunk, cache))
    try {
      tally(await db.transaction().execute((t) => writeChunk(t, chunk, cache)))
    } catch {
      // A database error somewhere in the chunk: retry line by line so one bad line costs only itself.
      cache = newSaveCache()
      for (const p of chunk) {
        try {
          tally(await db.transaction().execute((t) => writeChunk(t, [p], cache)))
        } catch (e) {
          cache = newSaveCache()
          fail(p.line, [{ field: '(line)', message: `保存失败：${(e as Error).message}。请检查该行内容后重新导入。 Could not be saved.` }], p.record.code)
        }
      }
    }
  }

  const run = async (tx?: Executor) => {
    let lineNo = 0
    for await (const raw of input) {
      lineNo++
      const text = raw.replace(/^\uFEFF/, '').trim()
      if (!text) continue
      report.lines++
      const p = parse(text, lineNo)
      if (p && !(strict && report.failed)) pending.push(p)
      if (pending.length >= chunkSize) await flush(tx)
      if (report.lines % 500 === 0) opts.onProgress?.(report.lines)
    }
    if (!(strict && report.failed)) await flush(tx)
    opts.onProgress?.(report.lines)
  }

  if (!strict) await run()
  else if (await allOrNothing(db, run, () => report.failed > 0)) {
    report.rolledBack = true
    report.created = report.updated = report.unchanged = 0
  }
  report.durationMs = Math.round(performance.now() - t0)
  return report
}
