import type { Actor } from '../../platform/audit'
import { allOrNothing, type DB, type Executor } from '../../platform/database'
import type { FieldError } from '../../platform/errors'
import { maskIdNumber, maskText } from '../../platform/privacy'
import type { LoadKind } from './registry-loader-fields'
import { readRecords, type LoadFormat } from './registry-loader-input'
import { buildAddress, buildEntity, buildPerson, type Built, type LoadContext } from './registry-loader-rows'
import { upsertChunk, type ChunkOutcome } from './registry-loader-upsert'

export type LoadLineError = { line: number; /** natural key of the record (身份证号 masked) */ key?: string; field: string; message: string }
export type LoadReport = ChunkOutcome & {
  kind: LoadKind
  format: LoadFormat
  /** Data records read (CSV header and blank lines not counted). */
  lines: number
  failed: number
  errors: LoadLineError[]
  strict: boolean
  /** strict mode: true when nothing was written because some line failed. */
  rolledBack: boolean
  durationMs: number
}
export type LoadRegistryInput = {
  kind: LoadKind
  format: LoadFormat
  lines: AsyncIterable<string> | Iterable<string>
  actor: Actor
  strict?: boolean
  /** File name, kept in the audit entries. */
  source?: string
  onProgress?: (records: number) => void
  chunkSize?: number
}

const BUILD: Record<LoadKind, (v: Map<string, string | null>, ctx: LoadContext) => Built<Record<string, unknown>>> = { population: buildPerson, entities: buildEntity, addresses: buildAddress }
type Pending = { line: number; key: string; row: Record<string, unknown> }

/**
 * Loads one base registry from CSV or JSON Lines (README "Loading registries" lists the columns). Every record
 * is checked (GB 11643 ID check digit, GB 32100 check character, dates, region exists, required fields,
 * lengths); bad ones are reported with line, field and reason and the rest kept — unless `strict`: all in
 * one transaction or nothing. Upserts by natural key (id_number / uscc / full_address); the first record
 * with a key wins, later ones in the same file fail. One audit entry per written chunk.
 */
export async function loadRegistry(db: DB, input: LoadRegistryInput): Promise<LoadReport> {
  const t0 = performance.now()
  // Take the iterator BEFORE the first await (same reason as importCatalog: a readline interface only
  // buffers lines for an iterator that already exists; created later, lines emitted meanwhile are lost).
  const { lines } = input
  const src = Symbol.asyncIterator in lines ? (lines as AsyncIterable<string>)[Symbol.asyncIterator]() : (lines as Iterable<string>)[Symbol.iterator]()
  const strict = input.strict ?? false
  const chunkSize = input.chunkSize ?? 500
  const regions = new Set((await db.selectFrom('regions').select('code').execute()).map((r) => r.code))
  const ctx: LoadContext = { regions, today: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10) /* China Standard Time */ }
  const report: LoadReport = { kind: input.kind, format: input.format, lines: 0, created: 0, updated: 0, unchanged: 0, failed: 0, errors: [], strict, rolledBack: false, durationMs: 0 }
  const shownKey = (k: string | undefined) => (k === undefined ? {} : { key: input.kind === 'population' ? maskIdNumber(k) : k })
  const fail = (line: number, errs: FieldError[], key?: string) => {
    report.failed++
    // maskText: parser messages may quote the line (V8's JSON errors do), and a line may hold an ID number or phone.
    for (const e of errs) report.errors.push({ line, ...shownKey(key), field: maskText(e.field), message: maskText(e.message) })
  }
  const tally = (o: ChunkOutcome) => {
    report.created += o.created
    report.updated += o.updated
    report.unchanged += o.unchanged
  }
  const write = (tx: Executor, chunk: Pending[]) =>
    upsertChunk(tx, input.kind, chunk.map((p) => p.row), { actor: input.actor, format: input.format, firstLine: chunk[0]!.line, lastLine: chunk[chunk.length - 1]!.line, source: input.source })

  let pending: Pending[] = []
  const flush = async (tx?: Executor) => {
    const chunk = pending
    pending = []
    if (!chunk.length) return
    if (tx) return tally(await write(tx, chunk))
    try {
      tally(await db.transaction().execute((t) => write(t, chunk)))
    } catch {
      // A database error somewhere in the chunk: retry record by record so one bad record costs only itself.
      for (const p of chunk) {
        try {
          tally(await db.transaction().execute((t) => write(t, [p])))
        } catch (e) {
          fail(p.line, [{ field: '(line)', message: `保存失败：${(e as Error).message}。请检查该行内容后重新导入。 Could not be saved.` }], p.key)
        }
      }
    }
  }

  const firstLine = new Map<string, number>()
  const run = async (tx?: Executor) => {
    for await (const rec of readRecords(input.kind, input.format, src)) {
      if (!rec.fatal) report.lines++
      if (rec.errors) {
        fail(rec.line, rec.errors)
        if (rec.fatal) break
        continue
      }
      const built = BUILD[input.kind](rec.values!, ctx)
      if (!built.row) {
        fail(rec.line, built.errors, built.key)
        continue
      }
      const key = built.key!
      const seen = firstLine.get(key)
      if (seen !== undefined) {
        fail(rec.line, [{ field: '(line)', message: `与第${seen}行是同一条记录（同一${input.kind === 'population' ? '身份证号' : input.kind === 'entities' ? '统一社会信用代码' : '标准地址'}），已保留第${seen}行；请删除重复行。 Duplicate record in this file.` }], key)
        continue
      }
      firstLine.set(key, rec.line)
      if (!(strict && report.failed)) pending.push({ line: rec.line, key, row: built.row })
      if (pending.length >= chunkSize) await flush(tx)
      if (report.lines % 500 === 0) input.onProgress?.(report.lines)
    }
    if (!(strict && report.failed)) await flush(tx)
    input.onProgress?.(report.lines)
  }

  if (!strict) await run()
  else if (await allOrNothing(db, run, () => report.failed > 0)) {
    report.rolledBack = true
    report.created = report.updated = report.unchanged = 0
  }
  report.durationMs = Math.round(performance.now() - t0)
  return report
}
