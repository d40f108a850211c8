import type { Config } from './platform/config'
import type { DB } from './platform/database'
import type { Logger } from './platform/logger'
import type { CatalogSearch } from './modules/catalog'

/**
 * The composition root's product: everything routes and operations need, real or fake. Outside systems
 * (SMS, registries, mail) get adapters here as they arrive; tests pass fakes only for those.
 */
export type Deps = {
  config: Config
  db: DB
  dbKind: 'pglite' | 'postgres'
  log: Logger
  search: CatalogSearch
}
