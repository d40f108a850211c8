import { config, type Config } from '../platform/config'
import { openFromConfig, type DatabaseHandle } from '../platform/database'
import { createLogger, type Logger } from '../platform/logger'
import { migrateToLatest } from '../platform/migrations'
import { createCatalogSearch } from '../modules/catalog'
import type { Deps } from '../deps'
import { composeDeps } from './compose'

export type Runtime = { cfg: Config; log: Logger; handle: DatabaseHandle }

/** Opens the configured database and runs pending migrations. */
export async function openRuntime(opts: { migrate?: boolean } = {}): Promise<Runtime> {
  const cfg = config()
  const log = createLogger(cfg.logLevel)
  const handle = await openFromConfig(cfg)
  if (opts.migrate !== false) {
    const applied = await migrateToLatest(handle.db)
    if (applied.length) log.info({ applied }, 'migrations applied')
  }
  return { cfg, log, handle }
}

/**
 * The real dependencies for the web process, with the job runner started in process (notices are sent after
 * commit; with PGlite there is only this one process). Stop with `deps.jobs.stop()` before closing the database.
 */
export async function buildDeps(rt: Runtime, opts: { jobsPoll?: boolean } = {}): Promise<Deps> {
  const search = createCatalogSearch(rt.handle.db, { refreshMs: rt.cfg.searchRefreshMs, cacheSize: rt.cfg.searchResultCache })
  await search.ready()
  const deps = composeDeps({ config: rt.cfg, db: rt.handle.db, dbKind: rt.handle.kind, log: rt.log, search, jobsPoll: opts.jobsPoll ?? true })
  await deps.jobs.start()
  return deps
}
