import { config, type Config } from '../platform/config'
import { openFromConfig, type DatabaseHandle } from '../platform/database'
import { createLogger, type Logger } from '../platform/logger'
import { migrateToLatest } from '../platform/migrations'

export type Runtime = { cfg: Config; log: Logger; handle: DatabaseHandle }

/**
 * Opens the configured database and runs pending migrations. Kept apart from `bootstrap.ts` (which composes the
 * whole application) so that CLI commands needing only the database start without loading every module.
 */
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
