import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { parseConfig } from '../platform/config'
import { openDatabase } from '../platform/database'
import { createScratchDatabase, dropScratchDatabase } from '../../test/db'

/**
 * The real `yiwang` command in a child process, against a store of its own: an empty PGlite directory, or an
 * empty PostgreSQL database when DATABASE_URL is set. Few spawns on purpose: each pays the database start-up.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const FIXTURES = join(ROOT, 'test', 'fixtures')
const serverUrl = parseConfig().databaseUrl

describe('yiwang CLI', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'yiwang-cli-'))
  let databaseUrl: string | undefined
  const dbName = `yiwang_cli_${randomBytes(4).toString('hex')}`

  const yiwang = (...args: string[]) => {
    const env: NodeJS.ProcessEnv = { ...process.env, YIWANG_DATA_DIR: tmp, LOG_LEVEL: 'warn', NODE_ENV: 'test' }
    delete env.DATABASE_URL
    if (databaseUrl) env.DATABASE_URL = databaseUrl
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 })
    return { code: r.status, out: r.stdout, err: r.stderr }
  }
  const openStore = () => openDatabase(databaseUrl ? { databaseUrl, poolSize: 1 } : { pgliteDir: join(tmp, 'pglite') })

  before(async () => {
    if (serverUrl) databaseUrl = await createScratchDatabase(serverUrl, dbName)
  })
  after(async () => {
    rmSync(tmp, { recursive: true, force: true })
    if (serverUrl) await dropScratchDatabase(serverUrl, dbName)
  })

  it('migrate creates the schema in an empty store', () => {
    const r = yiwang('migrate')
    assert.equal(r.code, 0, `${r.err} ${r.code}`)
    assert.match(r.out, new RegExp(`database migrated \\(${serverUrl ? 'postgres' : 'pglite'}\\)`))
  })

  it('catalog import: a clean file exits 0 with a summary; bad lines exit 2, each reported, good lines kept', () => {
    const ok = yiwang('catalog', 'import', join(FIXTURES, 'elsewhere.jsonl'))
    assert.equal(ok.code, 0, ok.out + ok.err)
    assert.match(ok.out, /lines 8: created 8, updated 0, unchanged 0, failed 0/, `code ${ok.code} err ${ok.err}`)
    assert.match(ok.err, /8 lines processed/, 'progress is shown')

    const bad = yiwang('catalog', 'import', join(FIXTURES, 'bad-lines.jsonl'))
    assert.equal(bad.code, 2, bad.out + bad.err)
    for (const [line, field] of [[2, '\\(line\\)'], [3, 'colour'], [4, 'region.code'], [5, 'department.code'], [6, 'code'], [7, 'conditions'], [8, 'promisedDays'], [9, 'steps']] as const) {
      assert.match(bad.out, new RegExp(`^line ${line}( \\[[^\\]]+\\])? ${field}: \\S`, 'm'), `line ${line} ${field}`)
    }
    assert.match(bad.out, /lines 10: created 2, updated 0, unchanged 0, failed 8/)

    const missing = yiwang('catalog', 'import', join(tmp, 'no-such-file.jsonl'))
    assert.equal(missing.code, 1)
    assert.match(missing.err, /file not found/)
  })

  it('catalog export writes every item, one JSON line each, ordered by code', () => {
    const file = join(tmp, 'export.jsonl')
    const r = yiwang('catalog', 'export', file)
    assert.equal(r.code, 0, `${r.err} ${r.code}`)
    assert.match(r.err, /exported 10 items/)
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n')
    assert.equal(lines.length, 10)
    const codes = lines.map((l) => JSON.parse(l).code as string)
    assert.deepEqual(codes, [...codes].sort())
    assert.ok(codes.includes('BAD-0001') && codes.includes('CD-WJW-0002'))
  })

  it('audit verify: 0 when intact; non-zero naming the entry after tampering', async () => {
    const ok = yiwang('audit', 'verify')
    assert.equal(ok.code, 0, ok.out + ok.err)
    assert.match(ok.out, /audit chain intact: 10 entries verified/)

    const h = await openStore()
    await sql`update audit_log set reason = 'quietly changed' where seq = 4`.execute(h.db)
    await h.close()
    const broken = yiwang('audit', 'verify')
    assert.equal(broken.code, 3, broken.out + broken.err)
    assert.match(broken.out, /AUDIT CHAIN BROKEN at entry 4 \(edited\)/)
  })
  it('serve with WEB_CONCURRENCY=2: two workers share the port on PostgreSQL; one process, with a warning, on PGlite', async () => {
    const port = await new Promise<number>((r) => { const srv = createServer().listen(0, '127.0.0.1', () => { const a = srv.address() as { port: number }; srv.close(() => r(a.port)) }) })
    const env: NodeJS.ProcessEnv = { ...process.env, YIWANG_DATA_DIR: tmp, LOG_LEVEL: 'info', NODE_ENV: 'test', PORT: String(port), HOST: '127.0.0.1', WEB_CONCURRENCY: '2' }
    delete env.DATABASE_URL
    if (databaseUrl) env.DATABASE_URL = databaseUrl
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => { out += d.toString() })
    child.stderr.on('data', (d: Buffer) => { out += d.toString() })
    const serving = () => out.split('\n').filter((l) => l.includes('Yiwang is serving')).length
    const want = databaseUrl ? 2 : 1
    const deadline = Date.now() + 90_000
    while (serving() < want && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 200))
    try {
      assert.equal(serving(), want, out)
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`)
      assert.equal(ready.status, 200)
      if (databaseUrl) {
        // Two distinct cluster workers serve, and neither died on the way: on a fresh database both create the
        // job queues at once, which deadlocked in PostgreSQL until jobs.start() took an advisory lock (CI saw
        // workers 1 and 3 — the supervisor had replaced worker 2).
        const workers = new Set([...out.matchAll(/"worker":(\d+)[^\n]*Yiwang is serving/g)].map((m) => m[1]))
        assert.deepEqual([...workers].sort(), ['1', '2'], out)
        assert.doesNotMatch(out, /web worker exited/, out)
      } else {
        assert.match(out, /WEB_CONCURRENCY > 1 needs PostgreSQL/)
      }
    } finally {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    }
  })
})
