/**
 * Search speed at 100,000 items: generates realistic varied items from the seed catalogue (same services
 * run by many counties, with local departments, regions and name variants), imports them through the real
 * importer into a fresh PGlite, builds the search index, serves the real app on a free localhost port and
 * drives GET /api/v1/services?q=… with autocannon (separate process) using a mix of real queries.
 * Two runs: as fast as 50 connections go (throughput), then paced at --rate req/s (latency at the target load).
 * The request mix is half the labelled queries and half a long tail of distinct queries (item name + place,
 * word pairs), so the engine's result cache (default 2000 entries; --cache 0 disables) cannot hold them all.
 *   --pg URL: use this (empty or previously benched) PostgreSQL database instead of PGlite; with --workers N the HTTP
 *   runs go to the real `yiwang serve` with WEB_CONCURRENCY=N (node:cluster workers, one index each).
 * Usage: npx tsx bench/search-speed.ts [--items 100000] [--seconds 20] [--connections 50] [--rate 1000] [--cache 2000] [--vectors N] [--db DIR (reuse)]
 *   --serve PORT: build the index, measure the engine, then keep serving on PORT (no load run) so the server can
 *   be profiled, e.g. `node --cpu-prof --import tsx bench/search-speed.ts --db DIR --serve 3999`, driven by
 *   `node --import tsx bench/search-speed-load.ts http://127.0.0.1:3999 DIR/paths.json 15 10 0`; stop it with
 *   SIGINT (it exits cleanly, so the profile is written).
 */
import { composeDeps } from '../src/main/compose'
import { spawn, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { buildApp } from '../src/app'
import { parseConfig } from '../src/platform/config'
import { openDatabase } from '../src/platform/database'
import { createLogger } from '../src/platform/logger'
import { migrateToLatest } from '../src/platform/migrations'
import { createCatalogSearch, importCatalog, seedSearchSynonyms, type ServiceItemRecord } from '../src/modules/catalog'
import type { Deps } from '../src/deps'

const arg = (name: string, def: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1]! : def }
const N = Number(arg('items', '100000'))
const SECONDS = Number(arg('seconds', '20'))
const CONNECTIONS = Number(arg('connections', '50'))
const RATE = Number(arg('rate', '1000'))
const CACHE = Number(arg('cache', '2000'))
/** Concept-vector cache size in (item, score) pairs; default = the engine's default (2,000,000); 0 disables. */
const VECTORS = arg('vectors', '')
const keep = arg('db', '')
const PG = arg('pg', '')
const WORKERS = Number(arg('workers', '1'))
if (WORKERS > 1 && !PG) throw new Error('--workers needs --pg URL (PGlite is one process)')
const SERVE = Number(arg('serve', '0'))
const dir = keep || mkdtempSync(join(tmpdir(), 'yiwang-speed-'))
const mb = (n: number) => `${Math.round(n / 1048576)} MB`

// ---- generate -------------------------------------------------------------------------------------------
const seedDir = new URL('../src/modules/catalog/seed/items/', import.meta.url)
const seeds = readdirSync(seedDir).filter((f) => f.endsWith('.jsonl')).flatMap((f) => readFileSync(new URL(f, seedDir), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as ServiceItemRecord))
const regionRows = (JSON.parse(readFileSync(new URL('../src/platform/migrations/data/regions-2023-06-30.json', import.meta.url), 'utf8')) as { rows: [string, string, string | null, number][] }).rows
const counties = regionRows.filter((r) => r[3] === 3 && /^3[2-4]/.test(r[0])).map((r) => ({ code: r[0], name: r[1] }))
const VARIANTS = ['', '', '', '', '（承诺件）', '（即办件）', '（首次申请）', '（变更）', '（个人）', '（单位）', '（网上办理）', '（跨省通办）']

function* generate(): Generator<string> {
  for (let i = 0; i < N; i++) {
    const s = seeds[i % seeds.length]!
    const c = counties[Math.floor(i / seeds.length) % counties.length]!
    const local = (t: string | undefined) => t?.replace(/苏州市|本市/g, c.name)
    const v = VARIANTS[(i * 7) % VARIANTS.length]!
    const rec: ServiceItemRecord = {
      ...s,
      code: `B${c.code}${String(i).padStart(7, '0')}`,
      name: `${s.name}${v}`,
      department: { name: local(s.department.name)! },
      coDepartments: s.coDepartments?.map((d) => ({ name: local(d.name)! })),
      region: { code: c.code, name: c.name },
      level: 'county',
      description: local(s.description),
      status: i % 50 === 0 ? 'suspended' : 'published',
    }
    if (!rec.coDepartments) delete rec.coDepartments
    yield JSON.stringify(rec)
  }
}

const h = PG ? await openDatabase({ databaseUrl: PG }) : await openDatabase({ pgliteDir: dir })
await migrateToLatest(h.db)
const already = PG ? Number((await h.db.selectFrom('service_items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0) >= N : existsSync(join(dir, '.bench-imported'))
if (!already) {
  const t0 = performance.now()
  let last = 0
  const report = await importCatalog(h.db, generate(), {
    actor: { type: 'cli', name: 'bench' },
    onProgress: (done) => { if (done - last >= 10000) { last = done; console.log(`  imported ${done} lines (${((performance.now() - t0) / 1000).toFixed(0)} s)`) } },
  })
  console.log(`import: ${report.lines} lines, ${report.created} created, ${report.failed} failed in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  if (report.failed) console.log(report.errors.slice(0, 5))
  writeFileSync(join(dir, '.bench-imported'), String(report.lines))
}

await seedSearchSynonyms(h.db) // the curated dictionary, as a seeded deployment has it (idempotent)

// ---- index + serve --------------------------------------------------------------------------------------
global.gc?.()
const before = process.memoryUsage()
const search = createCatalogSearch(h.db, { cacheSize: CACHE, ...(VECTORS ? { vectorCache: Number(VECTORS) } : {}) })
const t1 = performance.now()
await search.ready()
const buildMs = performance.now() - t1
global.gc?.()
const after = process.memoryUsage()
console.log(`index: ${search.size()} published items in ${(buildMs / 1000).toFixed(1)} s; RSS ${mb(after.rss)} (before ${mb(before.rss)}), heap used ${mb(after.heapUsed)} (before ${mb(before.heapUsed)}), array buffers ${mb(after.arrayBuffers)}`)

const config = { ...parseConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://localhost' }), databaseUrl: undefined }
const deps: Deps = composeDeps({ config, db: h.db, dbKind: h.kind, log: createLogger('silent'), search })
const app = buildApp(deps)
let server: ReturnType<typeof serve> | undefined
let port: number
let workers: ReturnType<typeof spawn> | undefined
if (WORKERS > 1) {
  // The real server: `yiwang serve` with node:cluster workers sharing the port, each building its own index.
  port = await new Promise<number>((r) => { const s = createServer().listen(0, '127.0.0.1', () => { const a = s.address() as { port: number }; s.close(() => r(a.port)) }) })
  const t2 = performance.now()
  workers = spawn(process.execPath, ['--import', 'tsx', new URL('../src/main/cli.ts', import.meta.url).pathname, 'serve'], {
    env: { ...process.env, DATABASE_URL: PG, PORT: String(port), HOST: '127.0.0.1', WEB_CONCURRENCY: String(WORKERS), SEARCH_RESULT_CACHE: String(CACHE), LOG_LEVEL: 'info', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let log = ''
  workers.stdout!.on('data', (d: Buffer) => { log += d.toString() })
  while ((log.match(/Yiwang is serving/g) ?? []).length < WORKERS) {
    if (workers.exitCode !== null) throw new Error(`yiwang serve exited: ${log}`)
    await new Promise((r) => setTimeout(r, 200))
  }
  const rss = spawnSync('ps', ['--ppid', String(workers.pid), '-o', 'rss=']).stdout.toString().trim().split(/\s+/).map(Number)
  console.log(`yiwang serve: ${WORKERS} workers ready in ${((performance.now() - t2) / 1000).toFixed(1)} s (each built its own index); worker RSS ${rss.map((k) => `${Math.round(k / 1024)} MB`).join(', ')}`)
} else {
  server = serve({ fetch: app.fetch, port: SERVE, hostname: '127.0.0.1' })
  await new Promise((r) => server!.once('listening', r))
  port = (server.address() as { port: number }).port
}

const { queries } = JSON.parse(readFileSync(new URL('./queries.json', import.meta.url), 'utf8')) as { queries: { q: string }[] }
const qs = [...queries.map((q) => q.q), ...seeds.slice(0, 60).map((s) => s.name), '', '护照 换发', '营业执照 变更']
// long tail: distinct phrasings the cache cannot all keep (deterministic pseudo-random picks)
const words = [...new Set(seeds.flatMap((s) => s.name.split(/[（）、“”]/).filter((w) => w.length >= 2 && w.length <= 6)))]
let seed = 7
const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n }
const tail: string[] = []
for (let i = 0; i < 20000; i++) {
  const c = counties[rnd(counties.length)]!.name
  tail.push(i % 2 ? `${c}${seeds[rnd(seeds.length)]!.name}` : `${words[rnd(words.length)]} ${words[rnd(words.length)]}`)
}
const toPath = (q: string, i: number) => `/api/v1/services?q=${encodeURIComponent(q)}&pageSize=10${i % 9 === 0 ? '&page=2' : ''}`
const paths: string[] = []
for (let i = 0; i < 40000; i++) paths.push(toPath(i % 2 ? tail[i >> 1]! : qs[rnd(qs.length)]!, i))
const check = await app.request(paths[0]!)
const body = (await check.json()) as { total?: number; items?: { name: string }[] }
console.log(`sample: GET ${decodeURIComponent(paths[0]!)} → ${check.status}, total ${body.total}, first ${body.items?.[0]?.name}`)

const lat: number[] = []
// one pass of distinct queries, so every one is ranked (not answered from the result cache)
for (const q of new Set([...qs, ...tail.slice(0, 1000)])) { const t = performance.now(); search.search({ q, page: 1, pageSize: 10 }); lat.push(performance.now() - t) }
lat.sort((a, b) => a - b)
const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))]!.toFixed(2)
console.log(`engine only, uncached (${lat.length} distinct searches): p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${lat[lat.length - 1]!.toFixed(2)} ms`)

const pathsFile = join(dir, 'paths.json')
writeFileSync(pathsFile, JSON.stringify(paths))
if (SERVE) {
  // --profile FILE: CPU profile of the serving phase only (index build excluded), written on SIGINT.
  const profile = arg('profile', '')
  const { Session } = await import('node:inspector/promises')
  const session = new Session()
  if (profile) { session.connect(); await session.post('Profiler.enable'); await session.post('Profiler.start') }
  console.log(`serving on http://127.0.0.1:${port} (paths in ${pathsFile}); SIGINT stops`)
  await new Promise<void>((r) => process.once('SIGINT', () => r()))
  if (profile) writeFileSync(profile, JSON.stringify((await session.post('Profiler.stop')).profile))
  server?.close()
  search.close()
  await h.close()
  process.exit(0)
}
async function load(connections: number, rate: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./search-speed-load.ts', import.meta.url).pathname, `http://127.0.0.1:${port}`, pathsFile, String(SECONDS), String(connections), String(rate)], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (d: Buffer) => { out += d.toString() })
  const killer = setTimeout(() => child.kill('SIGKILL'), (SECONDS + 30) * 1000)
  await new Promise((r) => child.once('exit', r))
  clearTimeout(killer)
  const res = JSON.parse(out) as { requests: number; total: number; latency: Record<string, number>; non2xx: number; errors: number; timeouts: number }
  console.log(`HTTP GET /api/v1/services?q=… (${WORKERS > 1 ? `yiwang serve, ${WORKERS} workers, PostgreSQL; ` : ''}${connections} connections, ${rate ? `paced at ${rate} req/s` : 'as fast as possible'}, ${SECONDS} s; result cache ${CACHE}, concept-vector cache ${VECTORS || 'default'}; load generator in its own process on the same 2 cores):`)
  console.log(`  ${res.requests.toFixed(0)} req/s (${res.total} requests), latency p50 ${res.latency.p50} ms, p97.5 ${res.latency.p97_5} ms, p99 ${res.latency.p99} ms, max ${res.latency.max} ms; non-2xx ${res.non2xx}, errors ${res.errors}, timeouts ${res.timeouts}`)
}
await load(CONNECTIONS, 0)
if (RATE > 0) await load(CONNECTIONS, RATE)
const end = process.memoryUsage()
console.log(`memory after load (bench process): RSS ${mb(end.rss)}, heap used ${mb(end.heapUsed)}`)
if (workers) {
  const rss = spawnSync('ps', ['--ppid', String(workers.pid), '-o', 'rss=']).stdout.toString().trim().split(/\s+/).map(Number)
  console.log(`worker RSS after load: ${rss.map((k) => `${Math.round(k / 1024)} MB`).join(', ')}`)
  workers.kill('SIGTERM')
}
server?.close()
search.close()
await h.close()
if (!keep) rmSync(dir, { recursive: true, force: true })
process.exit(0)
