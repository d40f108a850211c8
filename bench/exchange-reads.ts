/**
 * Exchange reads per second WITH logging: every read goes through readSharedData and writes its
 * data_access_log row before the data comes back (the count of new log rows is checked after each run).
 *  1. in process: readSharedData sequentially and with --concurrency reads in flight, for
 *     a) population.identity-check (unconditional verification; 3 queries + 1 insert),
 *     b) population.household under an approved grant (conditional; + the grant query),
 *     c) entity.basic releasing the legal representative's name (2 log rows per read);
 *  2. over HTTP: POST /api/v1/exchange/reads with an OAuth2 client-credentials bearer token (a mix of a and b),
 *     served by the real app, driven by autocannon in its own process (this file with --load).
 * Database: a fresh PGlite in a temp dir, or --pg URL (empty or previously benched PostgreSQL database); the demo
 * seed (catalogue, departments, datasets, 10,000-person registries) is loaded when the database is empty.
 * Usage: npx tsx bench/exchange-reads.ts [--reads 2000] [--concurrency 16] [--seconds 15] [--connections 16] [--pg URL]
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import type { ReadInput } from '../src/modules/exchange'

const arg = (name: string, def: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1]! : def }

if (process.argv.includes('--load')) {
  // Load-generator mode: URL BODIES.json SECONDS CONNECTIONS TOKEN → autocannon result as JSON on stdout.
  const [url, file, seconds, connections, token] = process.argv.slice(process.argv.indexOf('--load') + 1)
  const { default: autocannon } = await import('autocannon')
  const bodies = JSON.parse(readFileSync(file!, 'utf8')) as string[]
  let i = 0
  // bench/autocannon.d.ts types only what the search bench uses; headers and body are plain autocannon options.
  type Req = { path?: string; body?: string }
  const requests = [{ method: 'POST', setupRequest: (req: Req) => ({ ...req, body: bodies[i++ % bodies.length]! }) }] as unknown as { method?: string }[]
  const r = await autocannon({ url: `${url}/api/v1/exchange/reads`, connections: Number(connections), duration: Number(seconds), requests, ...({ headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } } as object) })
  process.stdout.write(JSON.stringify({ rps: r.requests.average, total: r.requests.total, non2xx: r.non2xx, errors: r.errors, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max }))
  process.exit(0)
}

const { buildApp } = await import('../src/app')
const { composeDeps } = await import('../src/main/compose')
const { isEmpty, seedDemo } = await import('../src/main/seed')
const { parseConfig } = await import('../src/platform/config')
const { openDatabase } = await import('../src/platform/database')
const { createLogger } = await import('../src/platform/logger')
const { migrateToLatest } = await import('../src/platform/migrations')
const { TEST_SECRET_KEY } = await import('../src/platform/secrets')
const { createCatalogSearch } = await import('../src/modules/catalog')
const { decideGrant, readSharedData, requestGrant } = await import('../src/modules/exchange')
const { registerOauthClient } = await import('../src/modules/identity')

const READS = Number(arg('reads', '2000'))
const CONCURRENCY = Number(arg('concurrency', '16'))
const SECONDS = Number(arg('seconds', '15'))
const CONNECTIONS = Number(arg('connections', '16'))
const PG = arg('pg', '')
const dir = mkdtempSync(join(tmpdir(), 'yiwang-exchange-'))

const h = PG ? await openDatabase({ databaseUrl: PG, poolSize: 20 }) : await openDatabase({ pgliteDir: join(dir, 'db') })
const log = createLogger('silent')
await migrateToLatest(h.db)
if (await isEmpty(h.db)) {
  const t0 = performance.now()
  await seedDemo(h.db, { log, adminPassword: 'bench-password-1' })
  console.log(`demo seed loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
}
const config = { ...parseConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://127.0.0.1', YIWANG_SECRET_KEY: TEST_SECRET_KEY }), databaseUrl: PG || undefined }
const search = createCatalogSearch(h.db)
await search.ready()
const deps = composeDeps({ config, db: h.db, dbKind: h.kind, log, search })
const app = buildApp(deps)

// ---- fixtures: subjects from the seeded registries, a grant for 人社 on 户籍信息, a department system client ----
const dep = async (code: string) => (await h.db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
const hrss = await dep('113205000141602978')
const psb = await dep('11320500014160118D')
const people = await h.db.selectFrom('registry_people').select(['id_number', 'name', 'id_card_valid_until']).where('status', '=', 'normal').limit(2000).execute()
const entities = await h.db.selectFrom('registry_entities').select('uscc').limit(500).execute()
if (people.length < 100 || entities.length < 10) throw new Error('the registries are not seeded (need ≥ 100 people and ≥ 10 enterprises)')
const live = await h.db.selectFrom('dataset_grants').select('id').where('dataset_code', '=', 'population.household').where('consumer_department_id', '=', hrss).where('status', '=', 'approved').executeTakeFirst()
if (!live) {
  const until = new Date(Date.now() + 180 * 86400000).toISOString().slice(0, 10)
  const { id } = await requestGrant(h.db, { actor: { id: 'bench', name: 'bench', departmentId: hrss, grants: [{ role: 'department_officer', departmentId: hrss, regionCode: null }] }, dataset: 'population.household', fields: ['householdAddress', 'regionCode'], purpose: '性能测试：核验参保人户籍', validUntil: until })
  await decideGrant(h.db, { actor: { id: 'bench', name: 'bench', departmentId: psb, grants: [{ role: 'department_head', departmentId: psb, regionCode: null }] }, grantId: id, decision: 'approve', reason: '' })
}
const actor = { type: 'staff' as const, id: 'bench', name: '人社窗口（性能测试）', departmentId: hrss }
const inputs = {
  'identity-check': (i: number): ReadInput => {
    const p = people[i % people.length]!
    return { actor, dataset: 'population.identity-check', subject: { type: 'person', idNumber: p.id_number }, fields: ['match'], purpose: '办理社保卡申领核验身份', check: { name: p.name, idCardValidUntil: p.id_card_valid_until ?? 'long-term' } }
  },
  'household (grant)': (i: number): ReadInput => ({ actor, dataset: 'population.household', subject: { type: 'person', idNumber: people[i % people.length]!.id_number }, fields: ['householdAddress'], purpose: '性能测试：核验参保人户籍', caseRef: `BENCH${String(i).padStart(8, '0')}` }),
  'entity.basic + rep': (i: number): ReadInput => ({ actor, dataset: 'entity.basic', subject: { type: 'entity', uscc: entities[i % entities.length]!.uscc }, fields: ['name', 'status', 'legalRepName'], purpose: '核验参保单位主体资格' }),
}
const logRows = async () => Number((await h.db.selectFrom('data_access_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

console.log(`exchange reads with logging on ${h.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'} — ${people.length} people, ${entities.length} enterprises as subjects`)
for (const [label, make] of Object.entries(inputs)) {
  for (const conc of [1, CONCURRENCY]) {
    const before = await logRows()
    const lat: number[] = []
    let next = 0
    const t0 = performance.now()
    await Promise.all(Array.from({ length: conc }, async () => {
      for (let i = next++; i < READS; i = next++) {
        const s = performance.now()
        await readSharedData(h.db, deps.secrets, make(i))
        lat.push(performance.now() - s)
      }
    }))
    const secs = (performance.now() - t0) / 1000
    lat.sort((a, b) => a - b)
    const rows = (await logRows()) - before
    console.log(`  in process, ${label}, ${conc} in flight: ${(READS / secs).toFixed(0)} reads/s (${READS} reads, ${rows} log rows written), latency p50 ${lat[Math.floor(lat.length / 2)]!.toFixed(2)} ms, p99 ${lat[Math.floor(lat.length * 0.99)]!.toFixed(2)} ms`)
  }
}

// ---- HTTP ------------------------------------------------------------------------------------------------------
const client = await registerOauthClient(h.db, deps.secrets, { name: `性能测试系统 ${Date.now()}`, departmentId: hrss, kind: 'system', actor: { type: 'system', name: 'bench' } })
const tokenRes = await app.request('/oidc/token', { method: 'POST', headers: { authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'exchange:read' }) })
const token = ((await tokenRes.json()) as { access_token: string }).access_token
const bodies = Array.from({ length: 4000 }, (_, i) => {
  const { actor: _a, ...rest } = (i % 2 ? inputs['household (grant)'] : inputs['identity-check'])(i)
  return JSON.stringify(rest)
})
const probe = await app.request('/api/v1/exchange/reads', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: bodies[1]! })
if (probe.status !== 200) throw new Error(`probe read failed: ${probe.status} ${await probe.text()}`)
const bodiesFile = join(dir, 'bodies.json')
writeFileSync(bodiesFile, JSON.stringify(bodies))
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
await new Promise((r) => server.once('listening', r))
const port = (server.address() as { port: number }).port
const before = await logRows()
const child = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--load', `http://127.0.0.1:${port}`, bodiesFile, String(SECONDS), String(CONNECTIONS), token], { stdio: ['ignore', 'pipe', 'inherit'] })
let out = ''
child.stdout.on('data', (d: Buffer) => { out += d.toString() })
await new Promise((r) => child.once('exit', r))
const res = JSON.parse(out) as { rps: number; total: number; non2xx: number; errors: number; p50: number; p99: number; max: number }
const rows = (await logRows()) - before
console.log(`  HTTP POST /api/v1/exchange/reads (bearer token; identity-check + household under a grant; ${CONNECTIONS} connections, ${SECONDS} s, autocannon in its own process): ${res.rps.toFixed(0)} reads/s (${res.total} requests, ${rows} log rows written), latency p50 ${res.p50} ms, p99 ${res.p99} ms, max ${res.max} ms; non-2xx ${res.non2xx}, errors ${res.errors}`)

server.close()
search.close()
await h.close()
rmSync(dir, { recursive: true, force: true })
process.exit(0)
