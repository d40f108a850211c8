/**
 * Submission throughput (issue 4): the FULL submission path — session + CSRF, validation against the pinned form,
 * upload ownership, Idempotency-Key, 办件编号, application + materials, case + first step with its due date,
 * notice outbox, audit — against a BARE insert endpoint (same app, same middleware, same pg pool, one INSERT) in
 * the same run. Targets: ratio ≥ 0.6, p99 ≤ 100 ms on PostgreSQL.
 *  1. in process: submitApplication, 1 in flight (per-submission cost and queries per submission);
 *  2. over HTTP: POST /api/v1/applications/{id}/submission (the real API route, each request a different citizen's
 *     prepared draft with its own session and Idempotency-Key) and POST /bench/bare (registered only here),
 *     autocannon in its own process; every draft is submitted exactly once (checked afterwards).
 * Database: --pg URL names a database that is DROPPED and re-created, migrated and seeded (never point it at data
 * you keep); without --pg, a fresh PGlite in a temp dir. --pglite-too adds the PGlite run after the PostgreSQL one.
 * --sample (PostgreSQL): what the database sessions wait on during the submission load (pg_stat_activity).
 * --bare-tx N: also the same INSERT N times in one transaction (what the round trips alone cost).
 * --bare-cte N: also ONE autocommit statement with the same INSERT N times as data-modifying CTEs (the best a
 *   submission written as a single guarded statement could do).
 * --connections 4,16 --repeat 3: every load at each concurrency, repeated, in one run (bare, bare-tx, bare-cte,
 *   submission, one after the other; fresh drafts for every submission load); a table with the medians at the end.
 * Usage: npx tsx bench/submission.ts [--pg URL] [--seconds 10] [--connections 16] [--repeat 1] [--submissions 3000]
 *   [--pglite-too] [--sample] [--statements] [--bare-tx N] [--bare-cte N]
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'

import { arg, freshPostgres } from './support'
type LoadResult = { rps: number; total: number; non2xx: number; errors: number; p50: number; p99: number; max: number; seconds: number; statuses: Record<string, number> }

if (process.argv.includes('--load')) {
  // Load-generator mode: URL REQUESTS.json CONNECTIONS (AMOUNT | -SECONDS) → autocannon result as JSON on stdout.
  const [url, file, connections, count] = process.argv.slice(process.argv.indexOf('--load') + 1)
  const { default: autocannon } = await import('autocannon')
  const reqs = JSON.parse(readFileSync(file!, 'utf8')) as { path: string; headers: Record<string, string>; body?: string }[]
  let i = 0
  type Req = { path?: string; headers?: Record<string, string>; body?: string }
  const requests = [{ method: 'POST', setupRequest: (req: Req) => ({ ...req, ...reqs[i++ % reqs.length]! }) }] as unknown as { method?: string }[]
  const n = Number(count)
  const statuses: Record<string, number> = {}
  const t0 = performance.now()
  let tLast = t0
  const instance = autocannon({ url: url!, connections: Number(connections), requests, ...(n > 0 ? { amount: n } : { duration: -n }) } as Parameters<typeof autocannon>[0])
  ;(instance as unknown as { on(e: string, f: (...a: unknown[]) => void): void }).on('response', (_client, status) => { statuses[String(status)] = (statuses[String(status)] ?? 0) + 1; tLast = performance.now() })
  const r = await instance
  // Up to the last response: autocannon reports an --amount run as done only at its next 1-second tick, which
  // made a fixed number of submissions look up to a second slower.
  const seconds = (tLast - t0) / 1000
  process.stdout.write(JSON.stringify({ rps: r.requests.total / seconds, total: r.requests.total, non2xx: r.non2xx, errors: r.errors, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, seconds, statuses } satisfies LoadResult))
  process.exit(0)
}

const pg = (await import('pg')).default
const { buildApp } = await import('../src/app')
const { composeDeps } = await import('../src/main/compose')
const { isEmpty, seedDemo } = await import('../src/main/seed')
const { parseConfig } = await import('../src/platform/config')
const { openDatabase } = await import('../src/platform/database')
const { createLogger } = await import('../src/platform/logger')
const { migrateToLatest } = await import('../src/platform/migrations')
const { createSecrets, TEST_SECRET_KEY } = await import('../src/platform/secrets')
const { verifyAudit } = await import('../src/platform/audit')
const { uuidv7 } = await import('../src/platform/ids')
const { createCatalogSearch } = await import('../src/modules/catalog')
const { memorySmsGateway } = await import('../src/modules/notifications')
const { submitApplication } = await import('../src/modules/applications')
const { createCitizenSession } = await import('../src/modules/identity/citizen-session')
const { citizenCookieName } = await import('../src/modules/identity/citizen-cookies')
const { sql } = await import('kysely')
const { prepareFoodDrafts } = await import('../test/drafts')
const { personApplicant } = await import('../test/cases')

const SECONDS = Number(arg('seconds', '10'))
const CONNECTIONS = arg('connections', '16').split(',').map(Number)
const REPEAT = Math.max(1, Number(arg('repeat', '1')))
const SUBMISSIONS = Number(arg('submissions', '3000'))
const IN_PROCESS = Math.min(300, Math.floor(SUBMISSIONS / 10))
const BARE_TX = Number(arg('bare-tx', '0'))
const BARE_CTE = Number(arg('bare-cte', '0'))
const PG = arg('pg', '')
const log = createLogger('silent')
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))]!


function load(url: string, file: string, connections: number, count: number): Promise<LoadResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--load', url, file, String(connections), String(count)], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (d: Buffer) => { out += d.toString() })
  return new Promise((resolve) => child.once('exit', () => resolve(JSON.parse(out) as LoadResult)))
}

async function run(kind: 'postgres' | 'pglite') {
  const dir = mkdtempSync(join(tmpdir(), 'yiwang-submission-'))
  if (kind === 'postgres') await freshPostgres(PG)
  const h = kind === 'postgres' ? await openDatabase({ databaseUrl: PG, poolSize: 20 }) : await openDatabase({ pgliteDir: join(dir, 'db') })
  let t0 = performance.now()
  await migrateToLatest(h.db)
  if (await isEmpty(h.db)) await seedDemo(h.db, { log, adminPassword: 'bench-password-1' })
  console.log(`\n== ${kind === 'postgres' ? 'PostgreSQL' : 'PGlite (one process, one session)'} — ${availableParallelism()} cores; migrated and seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  const config = { ...parseConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://127.0.0.1', YIWANG_SECRET_KEY: TEST_SECRET_KEY }), databaseUrl: kind === 'postgres' ? PG : undefined, uploadDir: join(dir, 'uploads') }
  const search = createCatalogSearch(h.db)
  await search.ready()
  const secrets = createSecrets(Buffer.from(TEST_SECRET_KEY, 'base64'))
  const deps = composeDeps({ config, db: h.db, dbKind: h.kind, log, search, secrets, sms: memorySmsGateway() })
  const app = buildApp(deps)
  await sql`create table if not exists bench_bare (id uuid primary key, citizen_id uuid not null, idempotency_key text not null, values jsonb not null, created_at timestamptz not null default now())`.execute(h.db)
  // The bare endpoint: same app (same middleware), same pool, one INSERT — registered only by this script.
  app.post('/bench/bare', async (c) => {
    const body = (await c.req.json()) as { citizenId: string; values: unknown }
    const id = uuidv7()
    await sql`insert into bench_bare (id, citizen_id, idempotency_key, values) values (${id}, ${body.citizenId}, ${c.req.header('idempotency-key') ?? ''}, ${JSON.stringify(body.values)})`.execute(h.db)
    return c.json({ id }, 201)
  })
  // --bare-tx N: the same INSERT N times in one transaction (BEGIN + N + COMMIT round trips) — what the round trips
  // alone cost, without any of the submission's work.
  app.post('/bench/bare-tx', async (c) => {
    const body = (await c.req.json()) as { citizenId: string; values: unknown }
    const id = uuidv7()
    await h.db.transaction().execute(async (tx) => {
      for (let k = 0; k < BARE_TX; k++) await sql`insert into bench_bare (id, citizen_id, idempotency_key, values) values (${k ? uuidv7() : id}, ${body.citizenId}, ${c.req.header('idempotency-key') ?? ''}, ${JSON.stringify(body.values)})`.execute(tx)
    })
    return c.json({ id }, 201)
  })
  // --bare-cte N: ONE autocommit statement, the same INSERT N times (N − 1 data-modifying CTEs + the main insert).
  app.post('/bench/bare-cte', async (c) => {
    const body = (await c.req.json()) as { citizenId: string; values: unknown }
    const id = uuidv7()
    const insert = (rowId: string) => sql`insert into bench_bare (id, citizen_id, idempotency_key, values) values (${rowId}, ${body.citizenId}, ${c.req.header('idempotency-key') ?? ''}, ${JSON.stringify(body.values)})`
    const ctes = Array.from({ length: Math.max(0, BARE_CTE - 1) }, (_, k) => sql`${sql.id(`i${k}`)} as (${insert(uuidv7())})`)
    await (ctes.length ? sql`with ${sql.join(ctes)} ${insert(id)}` : insert(id)).execute(h.db)
    return c.json({ id }, 201)
  })

  // ---- drafts: one citizen each, prepared before anything is timed ----
  t0 = performance.now()
  const httpLoads = CONNECTIONS.length * REPEAT
  const drafts = await prepareFoodDrafts({ db: h.db, secrets }, SUBMISSIONS * httpLoads + IN_PROCESS, { concurrency: kind === 'postgres' ? 16 : 1 })
  console.log(`  ${drafts.length} drafts of 食品经营许可 prepared (one verified citizen each) in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

  // ---- 1. in process, 1 in flight: the cost of one submission, and its statements ----
  const statements = { n: 0 }
  // Counted when executed (transformResult): a builder embedded in another statement (a CTE) is transformed too.
  const printSql = process.argv.includes('--statements')
  const nodes = new Map<unknown, string>()
  const counted = h.db.withPlugin({
    transformQuery: (a) => { if (printSql) nodes.set(a.queryId, h.db.getExecutor().compileQuery(a.node, a.queryId).sql.replace(/\s+/g, ' ').slice(0, 150)); return a.node },
    transformResult: async (a) => { statements.n++; if (printSql) console.log(`    ${statements.n}. ${nodes.get(a.queryId) ?? '(raw SQL, not through the query builder: the job queue — its existence check, once per process, then pg-boss send)'}`); return a.result },
  })
  const inProc = drafts.slice(SUBMISSIONS * httpLoads)
  const lat: number[] = []
  for (const [i, d] of inProc.entries()) {
    const before = statements.n
    const s = performance.now()
    await submitApplication({ db: i === 0 ? counted : h.db, secrets, caseOpener: deps.caseOpener }, { applicationId: d.applicationId, applicant: personApplicant(d.citizenId, d.name), idempotencyKey: `inproc-${d.applicationId}` })
    lat.push(performance.now() - s)
    if (i === 0) console.log(`  statements in one submission through Kysely (transaction control not counted): ${statements.n - before}`)
  }
  lat.sort((a, b) => a - b)
  console.log(`  in process, submitApplication, 1 in flight: ${(inProc.length / (lat.reduce((a, b) => a + b, 0) / 1000)).toFixed(0)} submissions/s, p50 ${pct(lat, 0.5).toFixed(1)} ms, p99 ${pct(lat, 0.99).toFixed(1)} ms`)

  // ---- 2. HTTP: the real API route vs the bare insert ----
  const httpDrafts = drafts.slice(0, SUBMISSIONS * httpLoads)
  const cookie = citizenCookieName({ secureCookies: false })
  const subReqs = []
  const bareReqs = []
  for (const d of httpDrafts) {
    const s = await h.db.transaction().execute((tx) => createCitizenSession(tx, { citizenId: d.citizenId }))
    subReqs.push({ path: `/api/v1/applications/${d.applicationId}/submission`, headers: { cookie: `${cookie}=${s.token}`, 'x-csrf-token': s.csrfToken, 'idempotency-key': `bench-${d.applicationId}` } })
    bareReqs.push({ path: '/bench/bare', headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${d.applicationId}` }, body: JSON.stringify({ citizenId: d.citizenId, values: { area: 120, safetyManager: '张三' } }) })
  }
  const bareFile = join(dir, 'bare.json')
  writeFileSync(bareFile, JSON.stringify(bareReqs))
  const bareTxFile = join(dir, 'bare-tx.json')
  writeFileSync(bareTxFile, JSON.stringify(bareReqs.map((r) => ({ ...r, path: '/bench/bare-tx' }))))
  const bareCteFile = join(dir, 'bare-cte.json')
  writeFileSync(bareCteFile, JSON.stringify(bareReqs.map((r) => ({ ...r, path: '/bench/bare-cte' }))))
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise((r) => server.once('listening', r))
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  for (const path of ['/bench/bare', ...(BARE_TX > 0 ? ['/bench/bare-tx'] : []), ...(BARE_CTE > 0 ? ['/bench/bare-cte'] : [])]) {
    const probe = await fetch(`${url}${path}`, { method: 'POST', headers: bareReqs[0]!.headers, body: bareReqs[0]!.body })
    if (probe.status !== 201) throw new Error(`${path} probe: ${probe.status}`)
  }

  type Rep = { connections: number; rep: number; load: string; bare: LoadResult; bareTx?: LoadResult; bareCte?: LoadResult; sub: LoadResult }
  const reps: Rep[] = []
  const line = (label: string, r: LoadResult, base?: LoadResult) => `    ${label}: ${r.rps.toFixed(0)} req/s${base ? ` (${(r.rps / base.rps).toFixed(2)} of bare)` : ''} (${r.total} in ${r.seconds.toFixed(1)} s; statuses ${JSON.stringify(r.statuses)}, errors ${r.errors}), latency p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms`
  let batch = 0
  for (const connections of CONNECTIONS) {
    for (let rep = 1; rep <= REPEAT; rep++) {
      const load1 = loadavg().map((x) => x.toFixed(2)).join(' ')
      console.log(`  ${connections} connections, repetition ${rep} of ${REPEAT} (autocannon in its own process; load averages before: ${load1}):`)
      const bare = await load(url, bareFile, connections, -SECONDS)
      const bareTx = BARE_TX > 0 ? await load(url, bareTxFile, connections, -SECONDS) : undefined
      const bareCte = BARE_CTE > 0 ? await load(url, bareCteFile, connections, -SECONDS) : undefined
      // This repetition's drafts, each submitted once.
      const subFile = join(dir, `submissions-${batch}.json`)
      writeFileSync(subFile, JSON.stringify(subReqs.slice(batch * SUBMISSIONS, (batch + 1) * SUBMISSIONS)))
      batch++
      // --sample: what the database sessions wait on during the submission load (pg_stat_activity every 5 ms).
      const waits = new Map<string, number>()
      let samples = 0
      let sampling = kind === 'postgres' && process.argv.includes('--sample')
      const mon = sampling ? new pg.Client({ connectionString: PG }) : undefined
      await mon?.connect()
      const sampler = (async () => {
        while (sampling && mon) {
          const r = await mon.query(`select coalesce(wait_event_type, 'CPU') || ':' || coalesce(wait_event, '-') || ' | ' || state || ' | ' || regexp_replace(left(query, 70), '\\s+', ' ', 'g') as k from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle'`)
          samples++
          for (const row of r.rows as { k: string }[]) waits.set(row.k, (waits.get(row.k) ?? 0) + 1)
          await new Promise((res) => setTimeout(res, 5))
        }
      })()
      const sub = await load(url, subFile, connections, SUBMISSIONS)
      sampling = false
      await sampler
      await mon?.end()
      const load2 = loadavg().map((x) => x.toFixed(2)).join(' ')
      console.log(line('POST /bench/bare (one INSERT)', bare))
      if (bareTx) console.log(line(`POST /bench/bare-tx (${BARE_TX} INSERTs in one transaction)`, bareTx, bare))
      if (bareCte) console.log(line(`POST /bench/bare-cte (${BARE_CTE} INSERTs in one statement)`, bareCte, bare))
      console.log(line('POST /api/v1/applications/{id}/submission', sub, bare))
      console.log(`    load averages after: ${load2}`)
      if (samples) {
        console.log(`    database sessions during the submission load (average per sample of ${samples}; "ClientRead" = waiting for the app):`)
        for (const [k, v] of [...waits.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`      ${(v / samples).toFixed(2)}  ${k}`)
      }
      reps.push({ connections, rep, load: `${load1} → ${load2}`, bare, bareTx, bareCte, sub })
    }
  }
  server.close()

  // Summary: every repetition, then the median (ratios are taken within one repetition, then the median of those).
  const med = (xs: number[]) => { const a = [...xs].sort((x, y) => x - y); return a[Math.floor((a.length - 1) / 2)]! }
  const cell = (r: LoadResult | undefined, bare: LoadResult) => (r ? `${r.rps.toFixed(0)} (${(r.rps / bare.rps).toFixed(2)})` : '–')
  console.log('\n  | conn | rep | load avg before → after | bare req/s | bare-tx req/s (ratio) | bare-cte req/s (ratio) | submissions/s (ratio) | submission p50 / p99 ms |')
  console.log('  |---|---|---|---|---|---|---|---|')
  for (const connections of CONNECTIONS) {
    const rs = reps.filter((r) => r.connections === connections)
    for (const r of rs) console.log(`  | ${connections} | ${r.rep} | ${r.load} | ${r.bare.rps.toFixed(0)} | ${cell(r.bareTx, r.bare)} | ${cell(r.bareCte, r.bare)} | ${cell(r.sub, r.bare)} | ${r.sub.p50} / ${r.sub.p99} |`)
    const ratio = (pick: (r: Rep) => LoadResult | undefined) => (rs.every((r) => pick(r)) ? `${med(rs.map((r) => pick(r)!.rps)).toFixed(0)} (${med(rs.map((r) => pick(r)!.rps / r.bare.rps)).toFixed(2)})` : '–')
    console.log(`  | ${connections} | median | | ${med(rs.map((r) => r.bare.rps)).toFixed(0)} | ${ratio((r) => r.bareTx)} | ${ratio((r) => r.bareCte)} | ${ratio((r) => r.sub)} | ${med(rs.map((r) => r.sub.p50))} / ${med(rs.map((r) => r.sub.p99))} |`)
  }
  const last = reps.filter((r) => r.connections === CONNECTIONS[0])
  const ratio = med(last.map((r) => r.sub.rps / r.bare.rps))
  const p99 = med(last.map((r) => r.sub.p99))
  console.log(`  at ${CONNECTIONS[0]} connections (median): ratio submission/bare ${ratio.toFixed(2)} (target ≥ 0.6) ${ratio >= 0.6 ? 'MET' : 'NOT MET'}; submission p99 ${p99} ms (target ≤ 100 ms) ${p99 <= 100 ? 'MET' : 'NOT MET'}`)

  // ---- every draft submitted exactly once; audit chain intact ----
  const ids = httpDrafts.map((d) => d.applicationId)
  const submitted = Number((await h.db.selectFrom('applications').select((eb) => eb.fn.countAll<string>().as('n')).where('id', 'in', ids).where('status', '=', 'submitted').executeTakeFirstOrThrow()).n)
  const cases = Number((await h.db.selectFrom('cases').select((eb) => eb.fn.countAll<string>().as('n')).where('application_id', 'in', ids).executeTakeFirstOrThrow()).n)
  const audit = await verifyAudit(h.db)
  console.log(`  check: ${submitted} of ${ids.length} drafts submitted, ${cases} cases opened; audit chain ${audit.ok ? `intact (${audit.checked} entries)` : `BROKEN: ${audit.firstProblem?.message}`}`)
  search.close()
  await h.close()
  rmSync(dir, { recursive: true, force: true })
}

if (PG) await run('postgres')
if (!PG || process.argv.includes('--pglite-too')) await run('pglite')
process.exit(0)
