import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { sql } from 'kysely'
import { parseConfig, testEnv } from '../platform/config'
import { openDatabase, type DatabaseHandle } from '../platform/database'
import { createSecrets, TEST_SECRET_KEY } from '../platform/secrets'
import { verifyAudit } from '../platform/audit'
import { createCitizenSession } from '../modules/identity/citizen-session'
import { citizenCookieName } from '../modules/identity/citizen-cookies'
import { INTAKE_STEP } from '../modules/cases'
import { adminUrl, PG_TEMPLATES, TEMPLATE_DIR } from '../../test/db'
import { prepareFoodDrafts } from '../../test/drafts'

/**
 * Issue 4: "A test kills the server process during a burst of submissions and restarts it: every acknowledged
 * submission exists exactly once, none half-written."
 * The REAL server (`yiwang serve` in a child process) on a copy of the seeded test database — PGlite in a temp
 * data dir, or a fresh PostgreSQL database when DATABASE_URL is set. Drafts and sessions are prepared in the
 * database before the server starts; the burst goes through POST /api/v1/applications/{id}/submission with an
 * Idempotency-Key; the server is SIGKILLed once a third of the burst has been acknowledged, with IN_FLIGHT - 1 more
 * requests in flight. Then: the database as the crash left it is consistent (each submitted application has exactly one case,
 * intake step, `submitted` event and audit entries; no case without its application; every acknowledged
 * submission among them; the audit chain verifies); the server restarts on the same data; every request retried
 * with its own key returns the 办件编号 it was first given (acknowledged ones) or completes exactly once (the others).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const BURST = 60
const IN_FLIGHT = 8
const KILL_AFTER = 20

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

/** A fresh copy of the seeded test template: its own PostgreSQL database, or a PGlite data dir under dataDir/pglite. */
async function freshDatabase(dataDir: string): Promise<{ url?: string; open(): Promise<DatabaseHandle>; drop(): Promise<void> }> {
  const base = parseConfig().databaseUrl
  if (!base) {
    cpSync(join(TEMPLATE_DIR, 'seeded'), join(dataDir, 'pglite'), { recursive: true })
    return { open: () => openDatabase({ pgliteDir: join(dataDir, 'pglite') }), drop: async () => {} }
  }
  const name = `yiwang_crash_${randomBytes(4).toString('hex')}`
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: adminUrl(base) })
    await c.connect()
    try {
      await c.query(q)
    } finally {
      await c.end()
    }
  }
  await admin(`create database ${name} template ${PG_TEMPLATES.seeded}`)
  const url = new URL(base)
  url.pathname = `/${name}`
  return { url: url.toString(), open: () => openDatabase({ databaseUrl: url.toString(), poolSize: 4 }), drop: () => admin(`drop database if exists ${name} with (force)`) }
}

type Served = { child: ChildProcess; base: string; exited: Promise<unknown>; output(): string }

async function serve(dataDir: string, port: number, databaseUrl: string | undefined): Promise<Served> {
  const base = `http://127.0.0.1:${port}`
  const env: NodeJS.ProcessEnv = {
    ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: base, YIWANG_DATA_DIR: dataDir,
    YIWANG_SECRET_KEY: TEST_SECRET_KEY, LOG_LEVEL: 'warn', WEB_CONCURRENCY: '1',
  }
  if (databaseUrl) env.DATABASE_URL = databaseUrl
  else delete env.DATABASE_URL
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  const exited = new Promise((r) => child.once('exit', r))
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null || child.signalCode) throw new Error(`yiwang serve exited (${child.exitCode ?? child.signalCode}):\n${out}`)
    if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server not ready after 30 s:\n${out}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return { child, base, exited, output: () => out }
}

async function stop(s: Served): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode) return
  s.child.kill('SIGTERM')
  const t = setTimeout(() => s.child.kill('SIGKILL'), 10_000)
  await s.exited
  clearTimeout(t)
}

type Attempt = { applicationId: string; key: string; cookie: string; csrf: string }
type Outcome = { status: number; refNo?: string } | { error: string }

function submit(base: string, a: Attempt): Promise<Outcome> {
  return fetch(`${base}/api/v1/applications/${a.applicationId}/submission`, {
    method: 'POST', headers: { cookie: a.cookie, 'x-csrf-token': a.csrf, 'idempotency-key': a.key },
  }).then(async (r) => ({ status: r.status, ...(r.ok ? { refNo: ((await r.json()) as { refNo: string }).refNo } : { body: await r.text() }) }), (e: Error) => ({ error: e.message }))
}

const n = (r: { rows: { n: string | number }[] }) => Number(r.rows[0]!.n)

/** Whole-database consistency of submissions: returns the ref_no of every submitted application. */
async function checkConsistent(h: DatabaseHandle, acknowledged: Map<string, string>): Promise<Map<string, string>> {
  const db = h.db
  const apps = await db.selectFrom('applications').select(['id', 'status', 'ref_no', 'submitted_at', 'idempotency_key']).execute()
  const submitted = new Map(apps.filter((a) => a.status === 'submitted').map((a) => [a.id, a.ref_no!]))
  for (const a of apps) {
    if (a.status === 'submitted') assert.ok(a.ref_no && a.submitted_at && a.idempotency_key, `submitted application ${a.id} has its 办件编号, time and key`)
    else assert.equal(a.ref_no, null, `a ${a.status} application has no 办件编号`)
  }
  // Every acknowledged submission is there, with the 办件编号 the client was given.
  for (const [id, refNo] of acknowledged) assert.equal(submitted.get(id), refNo, `acknowledged submission ${id} (${refNo}) exists`)
  // Exactly one case per submitted application, none for a draft, none orphaned.
  const cases = await db.selectFrom('cases').select(['id', 'application_id', 'ref_no']).execute()
  const caseOf = new Map<string, string>()
  for (const c of cases) {
    assert.ok(!caseOf.has(c.application_id), `one case for application ${c.application_id}`)
    caseOf.set(c.application_id, c.id)
    assert.equal(submitted.get(c.application_id), c.ref_no, `case ${c.ref_no} belongs to a submitted application with the same 办件编号`)
  }
  assert.equal(cases.length, submitted.size, 'as many cases as submitted applications')
  // Each case: exactly one intake step (active), one `submitted` event, its materials, and its audit entries.
  const per = async (q: ReturnType<typeof sql<{ k: string; n: string }>>) => new Map((await q.execute(db)).rows.map((r) => [r.k, Number(r.n)]))
  const steps = await per(sql`select case_id::text as k, count(*) as n from case_steps where step_key = ${INTAKE_STEP} and status = 'active' group by case_id`)
  const events = await per(sql`select case_id::text as k, count(*) as n from case_events where action = 'submitted' group by case_id`)
  const opened = await per(sql`select subject_id as k, count(*) as n from audit_log where action = 'case.opened' group by subject_id`)
  const appAudit = await per(sql`select subject_id as k, count(*) as n from audit_log where action = 'application.submitted' group by subject_id`)
  const materials = await per(sql`select application_id::text as k, count(*) as n from application_materials group by application_id`)
  for (const [appId, caseId] of caseOf) {
    assert.equal(steps.get(caseId), 1, `case ${caseId}: one active intake step`)
    assert.equal(events.get(caseId), 1, `case ${caseId}: one submitted event`)
    assert.equal(opened.get(caseId), 1, `case ${caseId}: one case.opened audit entry`)
    assert.equal(appAudit.get(appId), 1, `application ${appId}: one application.submitted audit entry`)
    assert.ok((materials.get(appId) ?? 0) > 0, `application ${appId}: its materials`)
  }
  // Nothing of a submission outside those: no step, event, audit entry or material row for anything else.
  assert.equal(n(await sql<{ n: string }>`select count(*) as n from case_steps`.execute(db)), cases.length)
  assert.equal(n(await sql<{ n: string }>`select count(*) as n from case_events`.execute(db)), cases.length)
  assert.equal(n(await sql<{ n: string }>`select count(*) as n from audit_log where action in ('case.opened', 'application.submitted')`.execute(db)), 2 * cases.length)
  assert.equal(n(await sql<{ n: string }>`select count(distinct application_id) as n from application_materials`.execute(db)), cases.length)
  const v = await verifyAudit(db)
  assert.ok(v.ok, `audit chain: ${JSON.stringify(v.firstProblem)}`)
  return submitted
}

test('SIGKILL during a burst of submissions: every acknowledged submission exists exactly once, none half-written; retries return the same 办件编号', { timeout: 120_000 }, async (t) => {
  const scratch = testEnv('YIWANG_TEST_TMP') ?? join(ROOT, '.tmp')
  mkdirSync(scratch, { recursive: true })
  const dataDir = mkdtempSync(join(scratch, 'crash-'))
  const database = await freshDatabase(dataDir)
  let server: Served | undefined
  try {
    // Before the server starts: BURST distinct citizens, each with a ready draft and a live session.
    const attempts: Attempt[] = []
    {
      const h = await database.open()
      const drafts = await prepareFoodDrafts({ db: h.db, secrets: createSecrets(Buffer.from(TEST_SECRET_KEY, 'base64')) }, BURST, { concurrency: 4 })
      for (const d of drafts) {
        const s = await h.db.transaction().execute((tx) => createCitizenSession(tx, { citizenId: d.citizenId }))
        attempts.push({ applicationId: d.applicationId, key: `crash-${d.applicationId}`, cookie: `${citizenCookieName({ secureCookies: false })}=${s.token}`, csrf: s.csrfToken })
      }
      await h.close()
    }
    const port = await freePort()
    server = await serve(dataDir, port, database.url)

    // The burst: IN_FLIGHT requests at a time; SIGKILL once KILL_AFTER are acknowledged.
    const acknowledged = new Map<string, string>()
    const outcomes = new Map<string, Outcome>()
    let next = 0
    let killed = false
    const running = server
    await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
      for (let i = next++; i < attempts.length && !killed; i = next++) {
        const a = attempts[i]!
        const o = await submit(running.base, a)
        outcomes.set(a.applicationId, o)
        if ('status' in o && o.status >= 200 && o.status < 300) {
          acknowledged.set(a.applicationId, o.refNo!)
          if (acknowledged.size === KILL_AFTER) killed = running.child.kill('SIGKILL')
        }
      }
    }))
    await running.exited
    assert.equal(running.child.signalCode, 'SIGKILL', 'the server was killed, not stopped')
    const failed = [...outcomes.values()].filter((o) => 'error' in o).length
    assert.ok(acknowledged.size >= KILL_AFTER, `${acknowledged.size} acknowledged`)
    assert.ok(failed > 0, 'the kill cut requests off mid-burst')
    assert.ok([...outcomes.values()].every((o) => 'error' in o || o.status === 201), `before the kill every answer was 201: ${JSON.stringify([...outcomes.values()].filter((o) => 'status' in o && o.status !== 201))}`)

    // The data as the crash left it (the database recovers on open): consistent, every acknowledged submission present.
    {
      const h = await database.open()
      try {
        const submitted = await checkConsistent(h, acknowledged)
        assert.ok(submitted.size >= acknowledged.size)
        assert.ok(submitted.size < BURST, 'the kill stopped the burst before it finished')
        t.diagnostic(`${h.kind}: ${acknowledged.size} acknowledged, ${submitted.size} committed at the kill, ${failed} requests in flight cut off, ${BURST - outcomes.size} not sent`)
      } finally {
        await h.close()
      }
    }

    // Restart on the same data; every request retried with its own Idempotency-Key.
    server = await serve(dataDir, port, database.url)
    const finalRefs = new Map<string, string>()
    for (const a of attempts) {
      const o = await submit(server.base, a)
      assert.ok('status' in o && (o.status === 200 || o.status === 201), `retry of ${a.applicationId}: ${JSON.stringify(o)}`)
      if (acknowledged.has(a.applicationId)) {
        assert.equal(o.status, 200, 'an acknowledged submission is replayed, not repeated')
        assert.equal(o.refNo, acknowledged.get(a.applicationId), 'the retry returns the same 办件编号')
      }
      finalRefs.set(a.applicationId, o.refNo!)
    }
    assert.equal(new Set(finalRefs.values()).size, BURST, 'every 办件编号 distinct')
    await stop(server)
    server = undefined
    const h = await database.open()
    try {
      const submitted = await checkConsistent(h, finalRefs)
      assert.equal(submitted.size, BURST, 'after the retries every draft is submitted exactly once')
    } finally {
      await h.close()
    }
  } catch (err) {
    if (server) console.error(server.output())
    throw err
  } finally {
    if (server) await stop(server)
    await database.drop()
    rmSync(dataDir, { recursive: true, force: true })
  }
})
