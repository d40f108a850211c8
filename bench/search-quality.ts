/**
 * Search quality on the demo catalogue: hit@1, hit@3 and MRR over bench/queries.json, overall and per kind.
 * Runs on a fresh PGlite database with the demo seed. Usage: npx tsx bench/search-quality.ts [--verbose] [--db DIR]
 *   --db DIR reuses (or creates once) a seeded database in DIR to skip the ~10 s of seeding.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../src/platform/database'
import { migrateToLatest } from '../src/platform/migrations'
import { createLogger } from '../src/platform/logger'
import { seedDemo } from '../src/main/seed'
import { createCatalogSearch } from '../src/modules/catalog'

type Q = { q: string; expect: string[]; kind: string; sub?: string }
const { queries } = JSON.parse(readFileSync(new URL('./queries.json', import.meta.url), 'utf8')) as { queries: Q[] }
const verbose = process.argv.includes('--verbose')
const dbArg = process.argv.indexOf('--db')
const keep = dbArg > 0 ? process.argv[dbArg + 1]! : undefined
const dir = keep ?? mkdtempSync(join(tmpdir(), 'yiwang-sq-'))
const fresh = !existsSync(join(dir, 'PG_VERSION'))

const h = await openDatabase({ pgliteDir: dir })
if (fresh) {
  await migrateToLatest(h.db)
  await seedDemo(h.db, { log: createLogger('warn'), adminPassword: 'bench-password-1' })
}
const search = createCatalogSearch(h.db)
await search.ready()

type Acc = { n: number; h1: number; h3: number; rr: number }
const by = new Map<string, Acc>()
const add = (k: string, r: number) => {
  const a = by.get(k) ?? { n: 0, h1: 0, h3: 0, rr: 0 }
  a.n++
  if (r === 1) a.h1++
  if (r >= 1 && r <= 3) a.h3++
  if (r >= 1) a.rr += 1 / r
  by.set(k, a)
}
const misses: string[] = []
for (const q of queries) {
  const res = search.search({ q: q.q, page: 1, pageSize: 10 })
  const rank = res.items.findIndex((it) => q.expect.includes(it.name) || q.expect.includes(it.code)) + 1
  add('ALL (labelled)', q.kind === 'holdout' ? -2 : rank)
  add(q.kind, rank)
  if (q.kind === 'holdout' && q.sub) add(`holdout/${q.sub}`, rank)
  if (rank !== 1 || verbose) misses.push(`${rank === 0 ? 'MISS' : `#${rank}`}\t[${q.kind}] ${q.q} → ${res.items.slice(0, 3).map((i) => i.name).join(' | ')}  (understood: ${res.understood.join('、')})`)
}
// the overall line above counted holdout queries as non-hits placeholders; recompute it cleanly
by.delete('ALL (labelled)')
const tuned = queries.filter((q) => q.kind !== 'holdout')
const rows = [...by.entries()]
const total = (list: Q[]) => {
  const a: Acc = { n: 0, h1: 0, h3: 0, rr: 0 }
  for (const q of list) {
    const res = search.search({ q: q.q, page: 1, pageSize: 10 })
    const r = res.items.findIndex((it) => q.expect.includes(it.name) || q.expect.includes(it.code)) + 1
    a.n++; if (r === 1) a.h1++; if (r >= 1 && r <= 3) a.h3++; if (r >= 1) a.rr += 1 / r
  }
  return a
}
const fmt = (k: string, a: Acc) => `${k.padEnd(22)} n=${String(a.n).padStart(3)}  hit@1 ${(a.h1 / a.n).toFixed(3)}  hit@3 ${(a.h3 / a.n).toFixed(3)}  MRR ${(a.rr / a.n).toFixed(3)}`
console.log(`search quality on the demo catalogue (${search.size()} published items, ${queries.length} queries)\n`)
console.log(fmt('ALL', total(queries)))
console.log(fmt('tuned set (no holdout)', total(tuned)))
for (const [k, a] of rows.sort()) console.log(fmt(k, a))
if (misses.length) console.log(`\nnot at rank 1:\n${misses.join('\n')}`)
search.close()
await h.close()
if (!keep) rmSync(dir, { recursive: true, force: true })
