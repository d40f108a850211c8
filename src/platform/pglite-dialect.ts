import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely'
import type { PGlite } from '@electric-sql/pglite'

/**
 * Kysely dialect for embedded PGlite. PGlite has ONE session, so connection leases are serialised with a
 * mutex: a transaction holds the only connection until it commits or rolls back, and nothing else can
 * interleave statements into it (the bug in kysely-pglite 0.6.1, see ARCHITECTURE.md §8).
 */
export class Mutex {
  #tail: Promise<void> = Promise.resolve()
  async lock(): Promise<() => void> {
    let release!: () => void
    const next = new Promise<void>((r) => (release = r))
    const prev = this.#tail
    this.#tail = prev.then(() => next)
    await prev
    return release
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pg: PGlite) {}
  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // Multi-statement text without parameters (migrations) goes through exec, like pg's simple protocol.
    if (compiled.parameters.length === 0 && /;\s*\S/.test(compiled.sql)) {
      const all = await this.pg.exec(compiled.sql, { rowMode: 'object' })
      const last = all[all.length - 1]
      return { rows: (last?.rows ?? []) as R[] }
    }
    const res = await this.pg.query<R>(compiled.sql, compiled.parameters as unknown[], { rowMode: 'object' })
    const affected = res.affectedRows
    return {
      rows: res.rows,
      ...(affected !== undefined && !/^\s*(select|with\s[\s\S]*select)/i.test(compiled.sql)
        ? { numAffectedRows: BigInt(affected) }
        : {}),
    }
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported on PGlite; page with LIMIT/OFFSET or keysets instead')
  }
}

class PGliteDriver implements Driver {
  readonly #mutex: Mutex
  readonly #pg: PGlite
  readonly #releases = new WeakMap<DatabaseConnection, () => void>()
  constructor(pg: PGlite, mutex: Mutex) {
    this.#pg = pg
    this.#mutex = mutex
  }
  async init(): Promise<void> {
    await this.#pg.waitReady
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#mutex.lock()
    const conn = new PGliteConnection(this.#pg)
    this.#releases.set(conn, release)
    return conn
  }
  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const iso = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : ''
    await conn.executeQuery(CompiledQuery.raw(`begin${iso}`))
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'))
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'))
  }
  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    this.#releases.get(conn)?.()
    this.#releases.delete(conn)
  }
  async destroy(): Promise<void> {
    if (!this.#pg.closed) await this.#pg.close()
  }
}

export class PGliteDialect implements Dialect {
  constructor(private readonly pg: PGlite, readonly mutex = new Mutex()) {}
  createAdapter() {
    return new PostgresAdapter()
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pg, this.mutex)
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler()
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db)
  }
}
