import { createHash } from 'node:crypto'
import { CompiledQuery } from 'kysely'
import PgBoss from 'pg-boss'
import type { DB, Executor } from './database'
import type { Logger } from './logger'

/**
 * The job queue: pg-boss 10 in the application's own database (schema `pgboss`, installed by migration 0012),
 * so a job is a row written in the SAME transaction as the business change that asks for it — the transactional
 * outbox: the job exists iff the transaction commits, and runs after the commit.
 *
 * Every statement pg-boss issues goes through Kysely (`db.executeQuery`): on PostgreSQL the app's pool, on PGlite
 * the app's dialect and therefore the SAME mutex as every other query (PGlite has one session; ARCHITECTURE §8).
 * pg-boss never holds a connection across awaits of the app: each call is one statement, or one multi-statement
 * text (its maintenance and migrations, `BEGIN … COMMIT`) run on one leased connection.
 *
 * Queues are created when the process starts (`start()`) for every name given to `work`, `schedule` or
 * `opts.queues`; enqueueing to a queue that exists nowhere is a programming error and throws.
 * Retries: every queue retries with exponential backoff (pg-boss `retryBackoff`: delay × 2^n, jittered).
 */
export interface Jobs {
  /** Enqueue inside the caller's business transaction: the job exists iff the transaction commits. */
  enqueue(tx: Executor, name: string, data: Record<string, unknown>, opts?: EnqueueOptions): Promise<void>
  /** Registers the handler of a queue (and creates the queue on start). Polled in the background when started with `poll`. */
  work(name: string, handler: JobHandler, opts?: { batchSize?: number }): Promise<void>
  /** A cron schedule (UTC, 5 fields) that enqueues `name` — at most once per minute across all processes. */
  schedule(name: string, cron: string, data?: Record<string, unknown>): Promise<void>
  /** Creates the registered queues and schedules; with `poll` (the default) starts the workers and cron. */
  start(): Promise<void>
  /** Stops polling (waits up to 10 s for running handlers). Safe to call twice or before start. */
  stop(): Promise<void>
  /** Tests/CLI: run every due job of these queues now, in this process, until none is left; returns count. */
  drain(names?: string[]): Promise<number>
}

export type EnqueueOptions = {
  /** At most one job per (queue, key) while it is queued or kept (the key becomes the job id). */
  singletonKey?: string
  startAfterSeconds?: number
  retryLimit?: number
}

/** What a handler learns about its job: attempt = retryCount + 1; the last attempt is when retryCount ≥ retryLimit. */
export type JobInfo = { id: string; name: string; retryCount: number; retryLimit: number }
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JobHandler = (data: any, job: JobInfo) => Promise<void>

export type QueueOptions = {
  /** Attempts after the first (default 5). */
  retryLimit?: number
  /** Base delay of the exponential backoff in seconds (default 30: 30–60 s, 60–120 s, 120–240 s …). */
  retryDelaySeconds?: number
  /** A running job that takes longer is failed (and retried): default 300 s. */
  expireInSeconds?: number
}

export type JobsOptions = {
  /** false: never poll in the background (tests, one-shot CLI) — `drain` runs jobs. Default true. */
  poll?: boolean
  /** Seconds between polls of each queue (default 2). */
  pollingIntervalSeconds?: number
  /** Retry settings per queue; others get the defaults of QueueOptions. */
  queues?: Record<string, QueueOptions>
}

const SCHEMA = 'pgboss'
const DEFAULT_QUEUE: Required<QueueOptions> = { retryLimit: 5, retryDelaySeconds: 30, expireInSeconds: 300 }

type SqlResult = { rows: Record<string, unknown>[] }
type SqlAdapter = { executeSql(text: string, values?: unknown[]): Promise<SqlResult> }

/** pg-boss's `db` adapter over a Kysely executor (the app database, or a caller's transaction). */
function adapterOf(ex: Executor): SqlAdapter {
  return {
    async executeSql(text, values) {
      const r = await ex.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, values ?? []))
      return { rows: [...r.rows] }
    },
  }
}

/** The app database as pg-boss's `db`: multi-statement text runs on one leased connection and is rolled back if it fails half-way. */
function databaseAdapter(db: DB): SqlAdapter {
  return {
    async executeSql(text, values) {
      if (values?.length || !/;\s*\S/.test(text)) return adapterOf(db).executeSql(text, values)
      return db.connection().execute(async (conn) => {
        try {
          return await adapterOf(conn).executeSql(text)
        } catch (e) {
          // A failed BEGIN … COMMIT text leaves the session in an aborted transaction (PGlite has only this one).
          await conn.executeQuery(CompiledQuery.raw('rollback')).catch(() => undefined)
          throw e
        }
      })
    },
  }
}

/** The job id of a singleton key: a name-based UUID, so the same key twice is the same row (insert does nothing). */
export function singletonJobId(name: string, key: string): string {
  const h = createHash('sha256').update(`${name}\u0000${key}`).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

/** The advisory lock key of `start()` (any constant unique in the database; chosen from 'yiwang.jobs.start'). */
const START_LOCK = 0x7977_6a6f_6273n

export function createJobs(db: DB, dbKind: 'pglite' | 'postgres', log: Logger, opts: JobsOptions = {}): Jobs {
  const poll = opts.poll ?? true
  const pollingIntervalSeconds = opts.pollingIntervalSeconds ?? 2
  const boss = new PgBoss({
    db: databaseAdapter(db),
    schema: SCHEMA,
    migrate: true,
    // Background maintenance (expire, archive, drop) and cron only when polling; tests drain by hand.
    supervise: poll,
    schedule: poll,
    // Completed jobs are kept a week for inspection, then dropped.
    archiveCompletedAfterSeconds: 60 * 60 * 12,
    deleteAfterDays: 7,
    // PGlite: one process, so the clock is the database's; checking skew every 10 minutes is plenty.
    ...(dbKind === 'pglite' ? { clockMonitorIntervalMinutes: 10 } : {}),
  })
  boss.on('error', (err: unknown) => log.error({ err }, 'job queue error'))

  const handlers = new Map<string, { handler: JobHandler; batchSize: number }>()
  const schedules = new Map<string, { cron: string; data: Record<string, unknown> }>()
  const declared = new Set<string>(Object.keys(opts.queues ?? {}))
  const existing = new Set<string>()
  let started = false
  let stopped = false

  const queueOptions = (name: string): Required<QueueOptions> => ({ ...DEFAULT_QUEUE, ...(opts.queues?.[name] ?? {}) })

  /**
   * Runs the start-up DDL of pg-boss (creating queues attaches partitions to pgboss.job and adds foreign keys to
   * pgboss.queue) in one process at a time: two processes creating different queues at once deadlock in
   * PostgreSQL (seen with WEB_CONCURRENCY=2 on a fresh database). A session advisory lock on one pinned
   * connection; other processes wait for it (a crashed holder's session ends and frees it). PGlite: one process.
   */
  async function oneProcessAtATime(fn: () => Promise<void>): Promise<void> {
    if (dbKind !== 'postgres') return fn()
    await db.connection().execute(async (conn) => {
      await conn.executeQuery(CompiledQuery.raw(`select pg_advisory_lock(${START_LOCK})`))
      try {
        await fn()
      } finally {
        await conn.executeQuery(CompiledQuery.raw(`select pg_advisory_unlock(${START_LOCK})`))
      }
    })
  }

  /** Creates the queue if missing and brings its retry settings in line with the code (they may have changed). */
  async function createQueue(name: string): Promise<void> {
    const q = queueOptions(name)
    const settings: PgBoss.Queue = { name, policy: 'standard', retryLimit: q.retryLimit, retryDelay: q.retryDelaySeconds, retryBackoff: true, expireInSeconds: q.expireInSeconds }
    await boss.createQueue(name, settings)
    await boss.updateQueue(name, settings)
    existing.add(name)
  }

  async function queueExists(ex: Executor, name: string): Promise<boolean> {
    if (existing.has(name)) return true
    const r = await ex.executeQuery<{ name: string }>(CompiledQuery.raw(`select name from ${SCHEMA}.queue where name = $1`, [name]))
    if (r.rows.length) existing.add(name)
    return r.rows.length > 0
  }

  /** Runs fetched jobs one by one: each completes or fails (→ retry with backoff) on its own. */
  async function runJobs(name: string, jobs: PgBoss.JobWithMetadata[]): Promise<number> {
    const entry = handlers.get(name)
    if (!entry) throw new Error(`no handler for job queue "${name}"`)
    for (const job of jobs) {
      const info: JobInfo = { id: job.id, name, retryCount: job.retryCount, retryLimit: job.retryLimit }
      try {
        await entry.handler(job.data, info)
        await boss.complete(name, job.id)
      } catch (err) {
        const last = job.retryCount >= job.retryLimit
        log[last ? 'error' : 'warn']({ err, queue: name, job: job.id, attempt: job.retryCount + 1, of: job.retryLimit + 1 }, last ? 'job failed for good' : 'job failed; will retry')
        await boss.fail(name, job.id, { message: err instanceof Error ? err.message : String(err) })
      }
    }
    return jobs.length
  }

  async function startWorker(name: string): Promise<void> {
    const entry = handlers.get(name)!
    await boss.work(name, { batchSize: entry.batchSize, includeMetadata: true, pollingIntervalSeconds }, async (jobs: PgBoss.JobWithMetadata[]) => {
      await runJobs(name, jobs)
    })
  }

  return {
    async enqueue(tx, name, data, o = {}) {
      if (!(await queueExists(tx, name))) {
        throw new Error(`job queue "${name}" does not exist: register it with jobs.work()/schedule() or createJobs({ queues }) and start the jobs before enqueueing`)
      }
      const options: PgBoss.SendOptions & { db: SqlAdapter } = { db: adapterOf(tx) }
      if (o.singletonKey !== undefined) {
        options.id = singletonJobId(name, o.singletonKey)
        options.singletonKey = o.singletonKey
      }
      if (o.startAfterSeconds !== undefined && o.startAfterSeconds > 0) options.startAfter = Math.ceil(o.startAfterSeconds)
      if (o.retryLimit !== undefined) options.retryLimit = o.retryLimit
      await boss.send(name, data, options)
    },

    // Registration is synchronous (it may happen while composing, before start); the promise matters only after start.
    work(name, handler, o = {}) {
      if (handlers.has(name)) throw new Error(`job queue "${name}" already has a handler`)
      handlers.set(name, { handler, batchSize: o.batchSize ?? 1 })
      declared.add(name)
      if (!started) return Promise.resolve()
      return (async () => {
        await createQueue(name)
        if (poll) await startWorker(name)
      })()
    },

    schedule(name, cron, data = {}) {
      schedules.set(name, { cron, data })
      declared.add(name)
      if (!started) return Promise.resolve()
      return (async () => {
        await createQueue(name)
        await boss.schedule(name, cron, data, { tz: 'UTC' })
      })()
    },

    async start() {
      if (started) return
      if (stopped) throw new Error('jobs were stopped; create new ones')
      await oneProcessAtATime(async () => {
        if (poll) await boss.start()
        // Not polling: pg-boss's schema comes with the migrations; only the queues are created here.
        for (const name of declared) await createQueue(name)
        for (const [name, s] of schedules) await boss.schedule(name, s.cron, s.data, { tz: 'UTC' })
      })
      started = true
      if (poll) for (const name of handlers.keys()) await startWorker(name)
      log.debug({ queues: [...declared], poll }, 'job queue started')
    },

    async stop() {
      if (stopped) return
      stopped = true
      if (started && poll) await boss.stop({ graceful: true, timeout: 10_000, close: false })
    },

    async drain(names) {
      const queues = names ?? [...handlers.keys()]
      let total = 0
      for (;;) {
        let round = 0
        for (const name of queues) {
          const jobs = (await boss.fetch(name, { batchSize: handlers.get(name)?.batchSize ?? 1, includeMetadata: true })) as PgBoss.JobWithMetadata[]
          round += await runJobs(name, jobs)
        }
        total += round
        if (round === 0) return total
      }
    },
  }
}
