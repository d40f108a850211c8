/**
 * Public verification throughput (issue 5 figure): GET /api/v1/licences/{id}/verification over a pool of issued
 * licences against a hello-world endpoint on the SAME Hono app (same middleware: request id, compression, security
 * headers, language) in the same run. Target: verification ≥ 0.5 × hello-world on PostgreSQL.
 * Runs: hello → verification without the answer cache (every request one database round trip) → verification with
 * the 1 s in-process cache (VERIFICATION_CACHE, the default) → hello again (drift check). autocannon runs in its
 * own process. Each request is a different licence id (round-robin over the pool), half by uuid, half by 电子证照标识.
 * Licences: one is issued through the real case path (办结即制证); the pool is signed the same way (signDocument,
 * the department's key) and inserted directly — every one verifies `valid` (checked before timing).
 * Database: --pg URL names a database that is DROPPED and re-created, migrated and seeded (never point it at data
 * you keep); without --pg, a fresh PGlite in a temp dir.
 * Then the revocation status list (/licences/status/revocation, 2% of the pool revoked): re-signed on every request
 * (as before stop 10) vs signed once per change (STATUS_LISTS, the default).
 * Usage: npx tsx bench/licence-verify.ts [--pg URL] [--seconds 10] [--connections 32] [--licences 1000]
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { serve } from '@hono/node-server'

import { arg, freshPostgres } from './support'
type LoadResult = { rps: number; total: number; non2xx: number; errors: number; p50: number; p99: number; max: number; seconds: number }

if (process.argv.includes('--load')) {
  // Load-generator mode: URL PATHS.json CONNECTIONS SECONDS → autocannon result as JSON on stdout.
  const [url, file, connections, seconds] = process.argv.slice(process.argv.indexOf('--load') + 1)
  const { default: autocannon } = await import('autocannon')
  const paths = JSON.parse(readFileSync(file!, 'utf8')) as string[]
  let i = 0
  const requests = [{ method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[i++ % paths.length]! }) }] as unknown as { method?: string }[]
  const t0 = performance.now()
  const r = await autocannon({ url: url!, connections: Number(connections), requests, duration: Number(seconds) } as Parameters<typeof autocannon>[0])
  const s = (performance.now() - t0) / 1000
  process.stdout.write(JSON.stringify({ rps: r.requests.total / s, total: r.requests.total, non2xx: r.non2xx, errors: r.errors, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max, seconds: s } satisfies LoadResult))
  process.exit(0)
}

const { buildApp } = await import('../src/app')
const { composeDeps } = await import('../src/main/compose')
const { seedDemo } = await import('../src/main/seed')
const { parseConfig } = await import('../src/platform/config')
const { openDatabase } = await import('../src/platform/database')
const { createLogger } = await import('../src/platform/logger')
const { migrateToLatest } = await import('../src/platform/migrations')
const { createSecrets, TEST_SECRET_KEY } = await import('../src/platform/secrets')
const { uuidv7 } = await import('../src/platform/ids')
const { shanghaiDate } = await import('../src/platform/calendar/working-calendar')
const { createCatalogSearch } = await import('../src/modules/catalog')
const { memorySmsGateway } = await import('../src/modules/notifications')
const { activeKey, verifyLicenceById } = await import('../src/modules/licences')
const { licenceIdentifier } = await import('../src/modules/licences/crypto')
const { parseSignedText, signDocument } = await import('../src/modules/licences/licence-document')
const { VERIFICATION_CACHE } = await import('../src/modules/licences/web/verification-cache')
const { STATUS_LISTS } = await import('../src/modules/licences/web/status-lists')
const { caseCrew } = await import('../test/cases')
const { issuedFoodLicence } = await import('../test/licences')

const SECONDS = Number(arg('seconds', '10'))
const CONNECTIONS = Number(arg('connections', '32'))
const LICENCES = Number(arg('licences', '1000'))
const PG = arg('pg', '')
const log = createLogger('silent')


function load(url: string, file: string): Promise<LoadResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--load', url, file, String(CONNECTIONS), String(SECONDS)], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (d: Buffer) => { out += d.toString() })
  return new Promise((resolve) => child.once('exit', () => resolve(JSON.parse(out) as LoadResult)))
}

const kind = PG ? 'postgres' : 'pglite'
const dir = mkdtempSync(join(tmpdir(), 'yiwang-licence-verify-'))
if (PG) await freshPostgres(PG)
const h = PG ? await openDatabase({ databaseUrl: PG, poolSize: 20 }) : await openDatabase({ pgliteDir: join(dir, 'db') })
let t0 = performance.now()
await migrateToLatest(h.db)
await seedDemo(h.db, { log, adminPassword: 'bench-password-1' })
console.log(`== ${kind === 'postgres' ? 'PostgreSQL (pool 20)' : 'PGlite (one process, one session)'} — ${availableParallelism()} cores; migrated and seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
const config = { ...parseConfig({ NODE_ENV: 'production', PUBLIC_URL: 'http://127.0.0.1', YIWANG_SECRET_KEY: TEST_SECRET_KEY, LOG_LEVEL: 'silent' }), databaseUrl: PG || undefined, uploadDir: join(dir, 'uploads') }
const search = createCatalogSearch(h.db)
await search.ready()
const secrets = createSecrets(Buffer.from(TEST_SECRET_KEY, 'base64'))
const deps = composeDeps({ config, db: h.db, dbKind: h.kind, log, search, secrets, sms: memorySmsGateway(), jobsPoll: false })
const app = buildApp(deps)
app.get('/bench/hello', (c) => c.json({ hello: 'world' }))

// ---- the pool: one licence through the case path, the rest signed the same way ----
t0 = performance.now()
const crew = await caseCrew(h.db, 'bench')
const { licence } = await issuedFoodLicence(deps, crew)
const doc = parseSignedText(licence.signed_json)!
const ids: { id: string; identifier: string }[] = [{ id: licence.id, identifier: licence.identifier }]
const key = await h.db.transaction().execute((tx) => activeKey(tx, secrets, licence.issuer_department_id))
const { id: _id, status_index: _si, lock_version: _lv, status: _st, created_at: _ca, ...base } = licence
for (let i = 1; i < LICENCES; i += 200) {
  const rows = []
  for (let j = i; j < Math.min(LICENCES, i + 200); j++) {
    const serial = String(1_000_000 + j)
    const identifier = licenceIdentifier({ typeCode: doc.typeCode, issuerUscc: doc.issuer.uscc, serial, version: 1 })
    const d = { ...doc, identifier, serial, number: `${doc.number.slice(0, -7)}${serial.slice(-7)}X`, caseRef: null }
    const signed = signDocument(d, key)
    const id = uuidv7()
    rows.push({ ...base, id, identifier, serial, number: d.number, case_id: null, signed_json: signed.text, signature: signed.signature, compact_payload: signed.compact, kid: key.kid })
    ids.push({ id, identifier })
  }
  await h.db.insertInto('licences').values(rows).execute()
}
const today = shanghaiDate(new Date())
for (const x of [ids[0]!, ids[ids.length - 1]!]) if ((await verifyLicenceById(h.db, x.identifier, today)).status !== 'valid') throw new Error(`pool licence ${x.identifier} does not verify`)
console.log(`  ${ids.length} licences ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

const verifyFile = join(dir, 'verify.json')
writeFileSync(verifyFile, JSON.stringify(ids.map((x, i) => `/api/v1/licences/${i % 2 ? encodeURIComponent(x.identifier) : x.id}/verification`)))
const helloFile = join(dir, 'hello.json')
writeFileSync(helloFile, JSON.stringify(['/bench/hello']))
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
await new Promise((r) => server.once('listening', r))
const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`
const probe = (await (await fetch(`${url}/api/v1/licences/${ids[5]!.id}/verification`)).json()) as { status: string }
if (probe.status !== 'valid') throw new Error(`probe: ${probe.status}`)

const line = (label: string, r: LoadResult, hello?: LoadResult) =>
  `  ${label}: ${r.rps.toFixed(0)} req/s${hello ? ` = ${(r.rps / hello.rps).toFixed(2)} × hello` : ''}; p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms (${r.total} requests, non-2xx ${r.non2xx}, errors ${r.errors})`
console.log(`  ${CONNECTIONS} connections, ${SECONDS} s each, autocannon in its own process:`)
await load(url, helloFile) // warm-up (JIT, pool)
const hello = await load(url, helloFile)
console.log(line('GET /bench/hello (hello world, same app)', hello))
VERIFICATION_CACHE.ttlMs = 0
const direct = await load(url, verifyFile)
console.log(line('GET …/verification, no answer cache (one DB read each)', direct, hello))
VERIFICATION_CACHE.ttlMs = 1000
const cached = await load(url, verifyFile)
console.log(line('GET …/verification, 1 s answer cache', cached, hello))
// ---- the revocation status list: 2% of the pool revoked ----
const revoked = ids.filter((_, i) => i % 50 === 7).map((x) => x.id)
await h.db.updateTable('licences').set({ status: 'revoked' }).where('id', 'in', revoked).execute()
const listFile = join(dir, 'list.json')
writeFileSync(listFile, JSON.stringify(['/licences/status/revocation']))
STATUS_LISTS.maxAgeMs = -1
const resigned = await load(url, listFile)
console.log(line(`GET /licences/status/revocation, re-signed per request (${revoked.length} revoked)`, resigned, hello))
STATUS_LISTS.maxAgeMs = 10 * 60_000
const signedOnce = await load(url, listFile)
console.log(line('GET /licences/status/revocation, signed once per change (default)', signedOnce, hello))
const hello2 = await load(url, helloFile)
console.log(line('GET /bench/hello again (drift)', hello2))
for (const r of [hello, direct, cached, resigned, signedOnce, hello2]) if (r.non2xx || r.errors) console.log('  WARNING: some requests failed')

server.close()
deps.search.close()
await deps.jobs.stop()
await h.close()
rmSync(dir, { recursive: true, force: true })
process.exit(0)
