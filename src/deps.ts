import type { Config } from './platform/config'
import type { DB } from './platform/database'
import type { Logger } from './platform/logger'
import type { Secrets } from './platform/secrets'
import type { BlobStorage } from './platform/storage'
import type { CatalogSearch } from './modules/catalog'
import type { DepartmentDirectory, RegistryPorts } from './modules/identity'
import type { Mailer, SmsGateway } from './modules/notifications'
import type { Jobs } from './platform/jobs'
import type { CaseOpener, HeldLicences } from './modules/applications'
import type { CaseNotices, CaseResultIssuer } from './modules/cases'
import type { LicenceSource } from './modules/exchange'

/**
 * The composition root's product: everything routes and operations need, real or fake. Outside systems
 * (SMS, registries, mail) get adapters here; tests pass fakes only for those. Built by src/main/compose.ts.
 */
export type Deps = {
  config: Config
  db: DB
  dbKind: 'pglite' | 'postgres'
  log: Logger
  search: CatalogSearch
  secrets: Secrets
  /** Outside system: the SMS gateway (simulated by default: a file; README). */
  sms: SmsGateway
  /** Outside system: the mail server (SMTP_URL; simulated by default: a file; README). */
  mailer: Mailer
  /** The job queue (pg-boss in the same database): enqueue inside transactions, run after commit. */
  jobs: Jobs
  /** identity's port onto the base registries, provided by the exchange (every check logged). */
  registries: RegistryPorts
  /** identity's port onto departments, provided by catalog. */
  directory: DepartmentDirectory
  /** Content-addressed storage of uploaded files (filesystem under UPLOAD_DIR by default; S3/MinIO can replace it). */
  storage: BlobStorage
  /** applications' port: opens the case of a submitted application (cases module). */
  caseOpener: CaseOpener
  /** cases' notices port: inbox + email/SMS outbox (notifications module). */
  caseNotices: CaseNotices
  /** cases' result port: 办结即制证 (licences module). */
  caseResults: CaseResultIssuer
  /** applications' port: a valid e-licence the applicant holds satisfies a material (免提交; licences module). */
  heldLicences: HeldLicences
  /** the exchange's port onto the 电子证照库 (dataset licence.e-licence; licences module). */
  licenceSource: LicenceSource
}
