import type { ColumnType, Generated, JSONColumnType } from 'kysely'
import type { CatalogTables } from './schema-catalog'
import type { CaseTables } from './schema-cases'
import type { ExchangeTables } from './schema-exchange'
import type { IdentityTables } from './schema-identity'
import type { LicenceTables } from './schema-licences'

/**
 * Table types for Kysely. Each table has ONE owning module (named in the comment); others read through the
 * owner's exported queries. Keep in step with src/platform/migrations.
 */
// The tables of catalog, identity and exchange live in schema-<area>.ts (mixed into Database below); re-exported here.
export type {
  RegionsTable, DepartmentsTable, ThemesTable, ServiceItemsTable, ServiceItemVersionsTable, ItemFormsTable, SearchSynonymsTable,
} from './schema-catalog'
export type {
  RegistryPeopleTable, RegistryEntitiesTable, RegistryAddressesTable, SharedDatasetsTable, DatasetGrantsTable, DataAccessLogTable, DatasetField,
} from './schema-exchange'
export type {
  StaffUsersTable, StaffSessionsTable, StaffRolesTable, CitizensTable, CitizenSessionsTable, SmsCodesTable, PasskeysTable,
  WebauthnChallengesTable, CitizenEmailVerificationsTable, EnterprisesTable, MandatesTable, OauthClientsTable, OidcPayloadsTable, OidcKeysTable,
} from './schema-identity'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

/** platform: append-only, hash-chained audit trail. */
export interface AuditLogTable {
  seq: number
  id: string
  occurred_at: ColumnType<Date, Date | string, never>
  actor_type: string
  actor_id: string | null
  actor_name: string | null
  action: string
  subject_type: string
  subject_id: string | null
  reason: string | null
  details: JSONColumnType<Record<string, unknown>>
  prev_hash: string
  hash: string
}
/** platform: the chain head (one row) — serialises writers so the chain never forks. */
export interface AuditHeadTable {
  id: number
  seq: number
  hash: string
}
/** platform: the working-day calendar (migration 0011) — statutory holidays and 调休 make-up working days. */
export interface CalendarDaysTable {
  day: ColumnType<string, string, string>
  kind: 'holiday' | 'workday'
  name: string | null
}
/** platform: the years with official calendar data; revision grows on every change (cache check). */
export interface CalendarYearsTable {
  year: number
  source: string
  updated_at: Generated<Date>
  updated_by: string
  revision: Generated<number>
}

/** applications: an uploaded file (migration 0013); the bytes are in blob storage under sha256. */
export interface UploadsTable {
  id: string
  sha256: string
  size_bytes: number
  mime: 'application/pdf' | 'image/jpeg' | 'image/png'
  original_name: string
  owner_citizen_id: string
  acting_enterprise_id: string | null
  created_at: Generated<Date>
}

/** notifications: the in-app inbox (migration 0012). One row per notice; `dedupe_key` unique. */
export interface NotificationsTable {
  id: string
  recipient_kind: 'citizen' | 'staff'
  recipient_id: string
  event: string
  title: string
  body: string
  link: string | null
  case_ref: string | null
  data: ColumnType<Record<string, string>, string | undefined, string>
  dedupe_key: string
  created_at: Generated<Date>
  read_at: Timestamp | null
}
/** notifications: one email or SMS of a notice; address masked, status pending → sending → sent | failed | skipped. */
export interface NotificationDeliveriesTable {
  id: string
  notification_id: string
  channel: 'email' | 'sms'
  address_masked: string | null
  status: Generated<'pending' | 'sending' | 'sent' | 'failed' | 'skipped'>
  attempts: Generated<number>
  last_error: string | null
  claimed_at: Timestamp | null
  sent_at: Timestamp | null
  created_at: Generated<Date>
}

export interface Database extends CatalogTables, IdentityTables, ExchangeTables, CaseTables, LicenceTables {
  audit_log: AuditLogTable
  audit_head: AuditHeadTable
  calendar_days: CalendarDaysTable
  calendar_years: CalendarYearsTable
  uploads: UploadsTable
  notifications: NotificationsTable
  notification_deliveries: NotificationDeliveriesTable
}
