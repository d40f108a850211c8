import type { Config } from '../platform/config'
import type { DB } from '../platform/database'
import type { Logger } from '../platform/logger'
import { loadSecrets, type Secrets } from '../platform/secrets'
import { fileStorage, type BlobStorage } from '../platform/storage'
import { departmentDirectory, type CatalogSearch } from '../modules/catalog'
import { createRegistryPorts } from '../modules/exchange'
import { fileMailer, fileSmsGateway, notify, NOTIFICATION_QUEUES, registerNotificationJobs, smtpMailer, type Mailer, type SmsGateway } from '../modules/notifications'
import { createJobs } from '../platform/jobs'
import type { Deps } from '../deps'
import { createCaseOpener, warnDueSoon, type CaseNotices } from '../modules/cases'
import { createCaseResultIssuer, createHeldLicences, createLicenceSource } from '../modules/licences'
import { LICENCE_QUEUES, registerLicenceJobs } from '../modules/licences/jobs'

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
  mailer?: Mailer
  storage?: BlobStorage
  /** false: the job queue never polls in the background (tests drain it); default true once started. */
  jobsPoll?: boolean
}): Deps {
  const secrets = base.secrets ?? loadSecrets(base.config)
  const sms = base.sms ?? fileSmsGateway(base.config.smsOutbox)
  const mailer = base.mailer ?? (base.config.smtpUrl ? smtpMailer(base.config.smtpUrl, base.config.mailFrom) : fileMailer(base.config.mailOutbox, base.config.mailFrom))
  const jobs = createJobs(base.db, base.dbKind, base.log, { queues: { ...NOTIFICATION_QUEUES, ...LICENCE_QUEUES }, poll: base.jobsPoll ?? true })
  // Case notices → the inbox + e-mail/SMS outbox, in the case operation's own transaction.
  const caseNotices: CaseNotices = async (tx, n) => {
    const toStaff = n.staffId !== undefined
    await notify(tx, jobs, {
      to: toStaff ? { kind: 'staff', id: n.staffId! } : { kind: 'citizen', id: n.case.applicant_citizen_id },
      event: n.event,
      dedupeKey: n.dedupeKey,
      contact: n.contact,
      data: { refNo: n.case.ref_no, itemName: n.case.item_name, link: toStaff ? `/admin/cases/${n.case.id}` : `/me/cases/${n.case.id}`, ...(n.data ?? {}) },
    })
  }
  registerNotificationJobs(jobs, { db: base.db, log: base.log, sms, mailer, config: base.config }, {
    deadlineScan: async () => {
      const n = await warnDueSoon({ db: base.db, notices: caseNotices })
      if (n) base.log.info({ warnings: n }, 'deadline warnings written')
    },
  })
  registerLicenceJobs(jobs, { db: base.db, log: base.log })
  return {
    ...base,
    secrets,
    sms,
    mailer,
    jobs,
    registries: createRegistryPorts(base.db, secrets),
    directory: departmentDirectory(base.db),
    storage: base.storage ?? fileStorage(base.config.uploadDir),
    caseNotices,
    caseResults: createCaseResultIssuer({ db: base.db, secrets }),
    heldLicences: createHeldLicences({ secrets }),
    licenceSource: createLicenceSource(),
    caseOpener: createCaseOpener({ db: base.db, notices: caseNotices }),
  }
}
