import type { Config } from '../platform/config'
import type { DB } from '../platform/database'
import type { Logger } from '../platform/logger'
import { loadSecrets, type Secrets } from '../platform/secrets'
import { fileStorage, type BlobStorage } from '../platform/storage'
import { departmentDirectory, type CatalogSearch } from '../modules/catalog'
import { createRegistryPorts } from '../modules/exchange'
import { fileSmsGateway, type SmsGateway } from '../modules/notifications'
import type { Deps } from '../deps'
import { createCaseOpener, type CaseNotices } from '../modules/cases'

/**
 * Wires ports (a lower module's interface, a higher module's implementation — ARCHITECTURE.md §2) and the
 * adapters for outside systems. Tests call this too, passing fakes for outside systems only (sms).
 */
export function composeDeps(base: {
  config: Config
  db: DB
  dbKind: 'pglite' | 'postgres'
  log: Logger
  search: CatalogSearch
  secrets?: Secrets
  sms?: SmsGateway
  storage?: BlobStorage
}): Deps {
  const secrets = base.secrets ?? loadSecrets(base.config)
  // Until the notifications outbox is wired, case notices are dropped (see issue 4 notes).
  const caseNotices: CaseNotices = async () => {}
  return {
    ...base,
    secrets,
    sms: base.sms ?? fileSmsGateway(base.config.smsOutbox),
    registries: createRegistryPorts(base.db, secrets),
    directory: departmentDirectory(base.db),
    storage: base.storage ?? fileStorage(base.config.uploadDir),
    caseNotices,
    caseOpener: createCaseOpener({ db: base.db, notices: caseNotices }),
  }
}
