import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely'
import pg from 'pg'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Config } from './config'
import { PGliteDialect } from './pglite-dialect'
import type { Database } from './schema'

export type DB = Kysely<Database>
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>
export type { Database }

// Align type parsing between pg and PGlite: int8 and numeric come back as JS numbers (ids are uuids;
// counts and sequences stay far below 2^53).
const INT8 = 20
const NUMERIC = 1700
// `date` columns are calendar days, not instants: both drivers return the 'YYYY-MM-DD' text unchanged.
const DATE = 1082
pg.types.setTypeParser(INT8, (v) => Number(v))
pg.types.setTypeParser(NUMERIC, (v) => Number(v))
pg.types.setTypeParser(DATE, (v) => v)

export type DatabaseHandle = {
  db: DB
  kind: 'pglite' | 'postgres'
  /** Where the embedded database lives, when embedded. */
  dataDir?: string
  close(): Promise<void>
}

/** Opens PostgreSQL when a URL is given, else the embedded PGlite database in `dir` (created if missing). */
export async function openDatabase(opts: { databaseUrl?: string | undefined; pgliteDir?: string; poolSize?: number }): Promise<DatabaseHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 })
    // An idle pooled connection can be cut by the server (restart, failover, pg_terminate_backend, DROP DATABASE
    // … WITH (FORCE) in tests). pg-pool then emits 'error' on the pool; unhandled, that would crash the process.
    // The pool discards the client and opens a new one on next use, so a warning is all it needs.
    pool.on('error', (err) => process.emitWarning(`idle PostgreSQL connection closed by the server: ${err.message}`, { code: 'YIWANG_PG_IDLE' }))
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, kind: 'postgres', close: () => db.destroy() }
  }
  const { PGlite } = await import('@electric-sql/pglite')
  const dir = opts.pgliteDir
  if (dir) mkdirSync(dir, { recursive: true })
  const client = await PGlite.create({
    ...(dir ? { dataDir: dir } : {}),
    parsers: { [INT8]: (v: string) => Number(v), [NUMERIC]: (v: string) => Number(v), [DATE]: (v: string) => v },
  })
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) })
  return { db, kind: 'pglite', ...(dir ? { dataDir: dir } : {}), close: () => db.destroy() }
}

export function openFromConfig(cfg: Config): Promise<DatabaseHandle> {
  return openDatabase({ databaseUrl: cfg.databaseUrl, pgliteDir: join(cfg.dataDir, 'pglite') })
}

export async function ping(db: Executor): Promise<boolean> {
  const r = await sql<{ ok: number }>`select 1 as ok`.execute(db)
  return r.rows[0]?.ok === 1
}

/**
 * Runs a batch all-or-nothing: `run(tx)` inside one transaction, rolled back when `failed()` says any part
 * failed (the importers' --strict). Returns whether it was rolled back. Other errors propagate unchanged.
 */
export async function allOrNothing(db: DB, run: (tx: Executor) => Promise<void>, failed: () => boolean): Promise<boolean> {
  const Abort = class extends Error {}
  try {
    await db.transaction().execute(async (tx) => {
      await run(tx)
      if (failed()) throw new Abort()
    })
  } catch (e) {
    if (!(e instanceof Abort)) throw e
  }
  return failed()
}
