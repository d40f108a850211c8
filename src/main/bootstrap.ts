import { createCatalogSearch } from '../modules/catalog'
import type { Deps } from '../deps'
import { composeDeps } from './compose'
import type { Runtime } from './runtime'

export { openRuntime, type Runtime } from './runtime'

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
