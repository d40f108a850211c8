import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { testDb } from '../../test/db'
import { openDatabase, type DatabaseHandle } from './database'
import { parseConfig } from './config'
import { createJobs, singletonJobId, type JobInfo, type Jobs } from './jobs'
import { createLogger } from './logger'

/**
 * The job queue on a real database (PGlite, or PostgreSQL with DATABASE_URL): the outbox guarantee (a job
 * exists iff its transaction commits), retries with exponential backoff, drain, and background polling while
 * the app runs its own transactions (on PGlite the same mutex must serialise both).
 */
let h: DatabaseHandle
const log = createLogger('silent')
before(async () => {
  h = await testDb('migrated')
})
after(() => h.close())

const jobState = async (name: string) =>
  (await sql<{ state: string; retry_count: number; delay: number }>`
    select state::text as state, retry_count, extract(epoch from (start_after - now()))::float8 as delay from pgboss.job where name = ${name}
  `.execute(h.db)).rows

test('a job enqueued in a committed transaction runs once; one in a rolled-back transaction never runs', async () => {
  const jobs = createJobs(h.db, h.kind, log, { poll: false })
  const seen: unknown[] = []
  await jobs.work('t.outbox', async (data) => {
    seen.push(data)
  })
  await jobs.start()
  await h.db.transaction().execute(async (tx) => {
    await jobs.enqueue(tx, 't.outbox', { n: 1, text: '已受理' })
  })
  await assert.rejects(
    h.db.transaction().execute(async (tx) => {
      await jobs.enqueue(tx, 't.outbox', { n: 2 })
      throw new Error('business rule failed')
    }),
    /business rule failed/,
  )
  assert.equal(await jobs.drain(['t.outbox']), 1)
  assert.deepEqual(seen, [{ n: 1, text: '已受理' }])
  assert.equal(await jobs.drain(['t.outbox']), 0, 'nothing left, nothing runs twice')
  assert.deepEqual((await jobState('t.outbox')).map((r) => r.state), ['completed'])
  await jobs.stop()
})

test('a failing handler is retried with exponential backoff, then succeeds', async () => {
  const jobs = createJobs(h.db, h.kind, log, { poll: false, queues: { 't.flaky': { retryLimit: 3, retryDelaySeconds: 10 } } })
  const attempts: JobInfo[] = []
  await jobs.work('t.flaky', async (_data, job) => {
    attempts.push(job)
    if (attempts.length < 3) throw new Error(`SMTP 421 try later (${attempts.length})`)
  })
  await jobs.start()
  await h.db.transaction().execute((tx) => jobs.enqueue(tx, 't.flaky', {}))
  assert.equal(await jobs.drain(), 1)
  let [row] = await jobState('t.flaky')
  assert.equal(row!.state, 'retry')
  // retry 1: delay × 2^1/2 × (1 + random) = 10–20 s
  assert.ok(row!.delay > 9 && row!.delay <= 20.5, `first backoff ${row!.delay}`)
  assert.equal(await jobs.drain(), 0, 'not due yet: drain does not run it early')
  await sql`update pgboss.job set start_after = now() - interval '1 second' where name = 't.flaky'`.execute(h.db)
  assert.equal(await jobs.drain(), 1)
  ;[row] = await jobState('t.flaky')
  assert.equal(row!.state, 'retry')
  // retry 2: 20–40 s — the delay doubles
  assert.ok(row!.delay > 19 && row!.delay <= 40.5, `second backoff ${row!.delay}`)
  await sql`update pgboss.job set start_after = now() - interval '1 second' where name = 't.flaky'`.execute(h.db)
  assert.equal(await jobs.drain(), 1)
  ;[row] = await jobState('t.flaky')
  assert.equal(row!.state, 'completed')
  assert.deepEqual(attempts.map((a) => a.retryCount), [0, 1, 2])
  assert.ok(attempts.every((a) => a.retryLimit === 3))
  await jobs.stop()
})

test('after the last retry the job fails for good, and the handler knew it was the last attempt', async () => {
  const jobs = createJobs(h.db, h.kind, log, { poll: false, queues: { 't.doomed': { retryLimit: 1, retryDelaySeconds: 1 } } })
  const seen: JobInfo[] = []
  await jobs.work('t.doomed', async (_d, job) => {
    seen.push(job)
    throw new Error('gateway down')
  })
  await jobs.start()
  await h.db.transaction().execute((tx) => jobs.enqueue(tx, 't.doomed', {}))
  await jobs.drain()
  await sql`update pgboss.job set start_after = now() - interval '1 second' where name = 't.doomed'`.execute(h.db)
  await jobs.drain()
  assert.deepEqual(seen.map((j) => j.retryCount >= j.retryLimit), [false, true])
  assert.equal((await jobState('t.doomed'))[0]!.state, 'failed')
  await jobs.stop()
})

test('enqueue options: retryLimit per job, startAfterSeconds delays, singletonKey enqueues once', async () => {
  const jobs = createJobs(h.db, h.kind, log, { poll: false })
  let runs = 0
  await jobs.work('t.options', async () => {
    runs++
  })
  await jobs.start()
  await h.db.transaction().execute(async (tx) => {
    await jobs.enqueue(tx, 't.options', { k: 1 }, { singletonKey: 'delivery-1', retryLimit: 7 })
    await jobs.enqueue(tx, 't.options', { k: 1 }, { singletonKey: 'delivery-1', retryLimit: 7 })
  })
  await h.db.transaction().execute((tx) => jobs.enqueue(tx, 't.options', { k: 1 }, { singletonKey: 'delivery-1' }))
  await h.db.transaction().execute((tx) => jobs.enqueue(tx, 't.options', { later: true }, { startAfterSeconds: 3600 }))
  const rows = (await sql<{ id: string; retry_limit: number; singleton_key: string | null }>`select id, retry_limit, singleton_key from pgboss.job where name = 't.options' order by start_after`.execute(h.db)).rows
  assert.equal(rows.length, 2)
  assert.deepEqual(rows[0], { id: singletonJobId('t.options', 'delivery-1'), retry_limit: 7, singleton_key: 'delivery-1' })
  assert.equal(await jobs.drain(), 1, 'the delayed job is not due')
  assert.equal(runs, 1)
  await jobs.stop()
})

test('enqueueing to a queue nobody registered is a programming error, and the transaction can roll back', async () => {
  const jobs = createJobs(h.db, h.kind, log, { poll: false })
  await jobs.start()
  await assert.rejects(
    h.db.transaction().execute((tx) => jobs.enqueue(tx, 't.nobody', {})),
    /job queue "t.nobody" does not exist/,
  )
  await jobs.stop()
})

test('schedule records a cron schedule for the queue', async () => {
  const jobs = createJobs(h.db, h.kind, log, { poll: false })
  await jobs.work('t.cron', async () => {})
  await jobs.schedule('t.cron', '*/15 * * * *', { scan: 'deadlines' })
  await jobs.start()
  const r = (await sql<{ cron: string; data: unknown }>`select cron, data from pgboss.schedule where name = 't.cron'`.execute(h.db)).rows
  assert.deepEqual(r, [{ cron: '*/15 * * * *', data: { scan: 'deadlines' } }])
  await jobs.stop()
})

test('polling in the background runs committed jobs while the app runs its own transactions (same session lock on PGlite)', async () => {
  const jobs: Jobs = createJobs(h.db, h.kind, log, { poll: true, pollingIntervalSeconds: 0.5 })
  const done: number[] = []
  await jobs.work('t.poll', async (data: { n: number }) => {
    // A handler that uses the database itself, as delivery handlers do.
    await h.db.transaction().execute(async (tx) => {
      await sql`select pg_sleep(0.01)`.execute(tx)
    })
    done.push(data.n)
  })
  await jobs.start()
  const busy = (async () => {
    for (let i = 0; i < 20; i++) {
      await h.db.transaction().execute(async (tx) => {
        await sql`select 1`.execute(tx)
        await new Promise((r) => setTimeout(r, 5))
        await sql`select 2`.execute(tx)
      })
    }
  })()
  for (let n = 1; n <= 5; n++) await h.db.transaction().execute((tx) => jobs.enqueue(tx, 't.poll', { n }))
  await busy
  const deadline = Date.now() + 20_000
  while (done.length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
  await jobs.stop()
  assert.deepEqual([...done].sort(), [1, 2, 3, 4, 5])
  // The app's session is healthy afterwards (no transaction left open by the queue).
  const r = await sql<{ ok: number }>`select 1 as ok`.execute(h.db)
  assert.equal(r.rows[0]!.ok, 1)
})

test('singletonJobId is a stable, well-formed UUID per (queue, key)', () => {
  const a = singletonJobId('q', 'k')
  assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  assert.equal(a, singletonJobId('q', 'k'))
  assert.notEqual(a, singletonJobId('q2', 'k'))
  assert.notEqual(singletonJobId('a', 'bc'), singletonJobId('ab', 'c'))
})

test('two processes starting at once on a database without the queues yet both start (queue creation is serialised)', async (t) => {
  const serverUrl = parseConfig().databaseUrl
  if (h.kind !== 'postgres' || !serverUrl) return t.skip('PostgreSQL only: the embedded database is one process')
  // Two pools = two processes' sessions. Unserialised, creating different queues at the same time deadlocks in
  // PostgreSQL (each creation attaches a partition to pgboss.job and adds a foreign key to pgboss.queue while the
  // other holds the row lock of its own insert); CI saw a second web worker die this way on a fresh database.
  const name = (await sql<{ db: string }>`select current_database() as db`.execute(h.db)).rows[0]!.db
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const second = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 })
  try {
    for (let round = 0; round < 3; round++) {
      const names = Array.from({ length: 8 }, (_, i) => `t.race${round}.q${i}`)
      const a = createJobs(h.db, h.kind, log, { poll: false, queues: Object.fromEntries(names.map((n) => [n, {}])) })
      const b = createJobs(second.db, second.kind, log, { poll: false, queues: Object.fromEntries([...names].reverse().map((n) => [n, {}])) })
      await Promise.all([a.start(), b.start()])
      const n = (await sql<{ n: number }>`select count(*)::int as n from pgboss.queue where name like ${`t.race${round}.%`}`.execute(h.db)).rows[0]!.n
      assert.equal(n, 8)
      await Promise.all([a.stop(), b.stop()])
    }
  } finally {
    await second.close()
  }
})
