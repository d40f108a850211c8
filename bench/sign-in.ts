/**
 * Citizen sign-in throughput: phone + password (argon2id m = 19 MiB, t = 2, p = 1), lock-out check from the audit
 * records, a new server-side session and an audit entry per sign-in.
 *  1. in process: signInCitizen with 1 and --concurrency sign-ins in flight;
 *  2. over HTTP: POST /login (double-submit CSRF, form body) on the real app, autocannon in its own process;
 *  3. failed sign-ins (wrong password, spread over many accounts so none locks) — the cost an attacker pays us.
 * Database: a fresh PGlite in a temp dir, or --pg URL (an empty database; it is migrated).
 * Usage: npx tsx bench/sign-in.ts [--accounts 500] [--signins 400] [--concurrency 8] [--seconds 15] [--connections 8] [--pg URL]
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { availableParallelism } from 'node:os'
import { serve } from '@hono/node-server'

const arg = (name: string, def: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1]! : def }
const FORM_TOKEN = 'b'.repeat(43)

if (process.argv.includes('--load')) {
  // Load-generator mode: URL BODIES.json SECONDS CONNECTIONS → autocannon result as JSON on stdout.
  const [url, file, seconds, connections] = process.argv.slice(process.argv.indexOf('--load') + 1)
  const { default: autocannon } = await import('autocannon')
  const bodies = JSON.parse(readFileSync(file!, 'utf8')) as string[]
  let i = 0
  type Req = { body?: string }
  const requests = [{ method: 'POST', setupRequest: (req: Req) => ({ ...req, body: bodies[i++ % bodies.length]! }) }] as unknown as { method?: string }[]
  const r = await autocannon({ url: `${url}/login`, connections: Number(connections), duration: Number(seconds), requests, ...({ headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `yw_form=${FORM_TOKEN}` } } as object) })
  process.stdout.write(JSON.stringify({ rps: r.requests.average, total: r.requests.total, non2xx: r.non2xx, s3xx: (r as unknown as Record<string, number>)['3xx'], errors: r.errors, p50: r.latency.p50, p99: r.latency.p99 }))
  process.exit(0)
}

const { buildApp } = await import('../src/app')
const { composeDeps } = await import('../src/main/compose')
const { parseConfig } = await import('../src/platform/config')
const { openDatabase } = await import('../src/platform/database')
const { createLogger } = await import('../src/platform/logger')
const { migrateToLatest } = await import('../src/platform/migrations')
const { TEST_SECRET_KEY } = await import('../src/platform/secrets')
const { uuidv7 } = await import('../src/platform/ids')
const { createCatalogSearch } = await import('../src/modules/catalog')
const { memorySmsGateway } = await import('../src/modules/notifications')
const { hashPassword } = await import('../src/modules/identity/password')
const { signInCitizen } = await import('../src/modules/identity/sign-in-citizen')

const ACCOUNTS = Number(arg('accounts', '500'))
const SIGNINS = Number(arg('signins', '400'))
const CONCURRENCY = Number(arg('concurrency', '8'))
const SECONDS = Number(arg('seconds', '15'))
const CONNECTIONS = Number(arg('connections', '8'))
const PG = arg('pg', '')
const PASSWORD = 'bench-password-2026'
const dir = mkdtempSync(join(tmpdir(), 'yiwang-signin-'))

const h = PG ? await openDatabase({ databaseUrl: PG, poolSize: 20 }) : await openDatabase({ pgliteDir: join(dir, 'db') })
await migrateToLatest(h.db)
const config = { ...parseConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://127.0.0.1', YIWANG_SECRET_KEY: TEST_SECRET_KEY }), databaseUrl: PG || undefined }
const search = createCatalogSearch(h.db)
await search.ready()
const deps = composeDeps({ config, db: h.db, dbKind: h.kind, log: createLogger('silent'), search, sms: memorySmsGateway() })
const app = buildApp(deps)

// Accounts: one argon2id hash per account (distinct salts), phones 139 0000 xxxx.
const run = Date.now() % 10000
const phones = Array.from({ length: ACCOUNTS }, (_, i) => `13${(run % 9) + 1}${String(run).padStart(4, '0')}${String(i).padStart(4, '0')}`)
const existing = new Set((await h.db.selectFrom('citizens').select('phone').where('phone', 'in', phones).execute()).map((r) => r.phone))
const rows = []
for (const phone of phones.filter((p) => !existing.has(p))) {
  rows.push({ id: uuidv7(), phone, password_hash: await hashPassword(PASSWORD), display_name: '压测用户', agreement_version: '2026-11', agreement_accepted_at: new Date() })
}
for (let i = 0; i < rows.length; i += 200) await h.db.insertInto('citizens').values(rows.slice(i, i + 200)).execute()

console.log(`citizen sign-in on ${h.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${availableParallelism()} cores, ${ACCOUNTS} accounts, argon2id m=19 MiB t=2 p=1`)
async function inProcess(label: string, password: string, conc: number) {
  const lat: number[] = []
  let next = 0
  let ok = 0
  const t0 = performance.now()
  await Promise.all(Array.from({ length: conc }, async () => {
    for (let i = next++; i < SIGNINS; i = next++) {
      const s = performance.now()
      // Spread over accounts and "IPs" so neither the per-phone nor the per-IP lock-out trips.
      const r = await signInCitizen(deps, { phone: phones[i % phones.length]!, password, ip: `10.0.${i % 250}.${(i >> 8) % 250}` }).catch(() => undefined)
      if (r?.kind === 'signed_in') ok++
      lat.push(performance.now() - s)
    }
  }))
  const secs = (performance.now() - t0) / 1000
  lat.sort((a, b) => a - b)
  console.log(`  in process, ${label}, ${conc} in flight: ${(SIGNINS / secs).toFixed(1)} sign-ins/s (${ok} succeeded of ${SIGNINS}), p50 ${lat[Math.floor(lat.length / 2)]!.toFixed(1)} ms, p99 ${lat[Math.floor(lat.length * 0.99)]!.toFixed(1)} ms`)
}
for (const conc of [1, CONCURRENCY]) await inProcess('correct password', PASSWORD, conc)
await inProcess('wrong password', 'not-the-password', CONCURRENCY)

// ---- HTTP: POST /login with the double-submit token, each request a different account ----
const bodies = phones.map((phone) => new URLSearchParams({ _csrf: FORM_TOKEN, phone, password: PASSWORD, next: '/account' }).toString())
const probe = await app.request('/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `yw_form=${FORM_TOKEN}` }, body: bodies[0]! })
if (probe.status !== 303) throw new Error(`probe sign-in failed: ${probe.status}`)
const bodiesFile = join(dir, 'bodies.json')
writeFileSync(bodiesFile, JSON.stringify(bodies))
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
await new Promise((r) => server.once('listening', r))
const port = (server.address() as { port: number }).port
const sessionsBefore = Number((await h.db.selectFrom('citizen_sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
const child = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--load', `http://127.0.0.1:${port}`, bodiesFile, String(SECONDS), String(CONNECTIONS)], { stdio: ['ignore', 'pipe', 'inherit'] })
let out = ''
child.stdout.on('data', (d: Buffer) => { out += d.toString() })
await new Promise((r) => child.once('exit', r))
const res = JSON.parse(out) as { rps: number; total: number; non2xx: number; s3xx: number; errors: number; p50: number; p99: number }
const sessions = Number((await h.db.selectFrom('citizen_sessions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n) - sessionsBefore
console.log(`  HTTP POST /login (${CONNECTIONS} connections, ${SECONDS} s, autocannon in its own process): ${res.rps.toFixed(1)} sign-ins/s (${res.total} requests, ${res.s3xx} redirects to the account, ${sessions} sessions created), p50 ${res.p50} ms, p99 ${res.p99} ms; non-2xx ${res.non2xx} (303 counts here), errors ${res.errors}`)

server.close()
search.close()
await h.close()
rmSync(dir, { recursive: true, force: true })
process.exit(0)
