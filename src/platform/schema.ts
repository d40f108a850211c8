import type { ColumnType, Generated, JSONColumnType } from 'kysely'
import type { CaseTables } from './schema-cases'
import type { LicenceTables } from './schema-licences'

/**
 * Table types for Kysely. Each table has ONE owning module (named in the comment); others read through the
 * owner's exported queries. Keep in step with src/platform/migrations.
 */
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
/** catalog: GB/T 2260 administrative divisions. */
export interface RegionsTable {
  code: string
  name: string
  parent_code: string | null
  level: number
}
/** catalog: implementing departments (实施主体). */
export interface DepartmentsTable {
  id: string
  code: string | null
  name: string
  name_en: string | null
  slug: string
  region_code: string | null
  description: string | null
  address: string | null
  phone: string | null
  parent_id: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
}
/** catalog: life events (个人) and business events (法人). */
export interface ThemesTable {
  slug: string
  name: string
  name_en: string | null
  audience: 'individual' | 'enterprise'
  sort: Generated<number>
  description: string | null
}
/** catalog: service items; `data` is the current version in the exchange format. */
export interface ServiceItemsTable {
  id: string
  code: string
  name: string
  department_id: string
  status: 'draft' | 'published' | 'suspended' | 'cancelled'
  current_version: number
  data: JSONColumnType<Record<string, unknown>>
  content_hash: string
  audience: string[]
  themes: string[]
  region_code: string | null
  online_level: number | null
  item_type: string
  popularity: Generated<number>
  search_rev: Generated<number>
  /** 实名可信等级 needed to apply online: 1 registered, 2 real-name verified, 3 verified + second factor. */
  min_trust_level: Generated<number>
  created_at: Generated<Date>
  updated_at: Generated<Date>
}
/** catalog: every version of every item, immutable once written. Cases pin (item_id, version). */
export interface ServiceItemVersionsTable {
  item_id: string
  version: number
  data: JSONColumnType<Record<string, unknown>>
  content_hash: string
  status: string
  actor: string
  note: string | null
  created_at: Generated<Date>
}
/** catalog: every saved version of an item's application form (migration 0014); none = generated (version 0). */
export interface ItemFormsTable {
  id: string
  item_id: string
  version: number
  definition: JSONColumnType<Record<string, unknown>>
  content_hash: string
  saved_by: string
  saved_at: Generated<Date>
}
/** catalog: curated everyday phrase → official terms, editable by admins. */
export interface SearchSynonymsTable {
  id: string
  phrase: string
  expansions: string[]
  note: string | null
  updated_by: string | null
  updated_at: Generated<Date>
}
/** identity (minimal until the identity issue): staff accounts for the back office. */
export interface StaffUsersTable {
  id: string
  username: string
  display_name: string
  password_hash: string
  roles: string[]
  department_id: string | null
  disabled: Generated<boolean>
  totp_secret: string | null
  totp_enabled_at: Timestamp | null
  must_change_password: Generated<boolean>
  /** Step of the last accepted TOTP code (replay protection), migration 0007. */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>
  /** Where staff notices go by email (optional; migration 0012). */
  email: ColumnType<string | null, string | null | undefined, string | null>
  created_at: Generated<Date>
}
/** identity: server-side sessions. `id` is the SHA-256 of the cookie token. */
export interface StaffSessionsTable {
  id: string
  user_id: string
  csrf_token: string
  mfa_at: Timestamp | null
  created_at: Generated<Date>
  last_seen_at: Timestamp
  expires_at: Timestamp
}

/** identity: a role held in a scope (department or region); admin has none. */
export interface StaffRolesTable {
  id: string
  staff_id: string
  role: 'window_officer' | 'department_officer' | 'department_head' | 'catalog_editor' | 'supervisor' | 'admin'
  department_id: string | null
  region_code: string | null
  granted_by: string | null
  granted_at: Generated<Date>
}

/** exchange: 人口库 (simulated population registry). */
export interface RegistryPeopleTable {
  id: string
  id_number: string
  name: string
  gender_code: string
  birth_date: ColumnType<string, string, string>
  ethnicity_code: string | null
  household_address: string
  region_code: string
  id_card_valid_until: ColumnType<string | null, string | null | undefined, string | null>
  phone: string | null
  status: Generated<'normal' | 'deceased' | 'cancelled'>
  updated_at: Generated<Date>
}
/** exchange: 法人库 (simulated legal-entity registry). */
export interface RegistryEntitiesTable {
  id: string
  uscc: string
  name: string
  entity_type: string
  legal_rep_name: string
  legal_rep_id_number: string
  registered_address: string
  region_code: string
  established_on: ColumnType<string, string, string>
  registered_capital: number | null
  business_scope: string
  status: Generated<'active' | 'revoked' | 'cancelled'>
  updated_at: Generated<Date>
}
/** exchange: 标准地址库. */
export interface RegistryAddressesTable {
  id: string
  region_code: string
  street: string
  road: string
  house_number: string
  full_address: string
  postcode: string | null
}
export type DatasetField = { key: string; label: string; labelEn: string; personal: boolean }
/** exchange: 数据共享目录 entries. */
export interface SharedDatasetsTable {
  code: string
  name: string
  name_en: string | null
  provider_department_id: string | null
  subject_type: 'person' | 'entity' | 'address' | 'licence'
  fields: JSONColumnType<DatasetField[]>
  share_type: 'unconditional' | 'conditional' | 'none'
  update_cycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly'
  summary: string
  source: string
  created_at: Generated<Date>
  updated_at: Generated<Date>
}
/** exchange: access grants for conditional datasets. */
export interface DatasetGrantsTable {
  id: string
  dataset_code: string
  consumer_department_id: string
  fields: string[]
  purpose: string
  legal_basis: string | null
  status: 'requested' | 'approved' | 'refused' | 'revoked'
  valid_until: ColumnType<string, string, string>
  requested_by: string
  requested_at: Timestamp
  decided_by: string | null
  decided_at: Timestamp | null
  decision_reason: string | null
  revoked_by: string | null
  revoked_at: Timestamp | null
  revoke_reason: string | null
}
/** exchange: append-only log of every shared-data read (granted or refused). */
export interface DataAccessLogTable {
  id: string
  occurred_at: Timestamp
  dataset_code: string
  subject_type: string
  subject_key: string
  subject_masked: string
  consumer_department_id: string | null
  actor_type: 'staff' | 'citizen' | 'client' | 'system'
  actor_id: string | null
  actor_name: string | null
  client_id: string | null
  fields: string[]
  purpose: string | null
  case_ref: string | null
  grant_id: string | null
  outcome: 'granted' | 'refused'
  refusal_code: string | null
  request_id: string | null
}
/** identity: citizen (natural-person) accounts. */
export interface CitizensTable {
  id: string
  phone: string
  password_hash: string
  display_name: string
  name: string | null
  id_number: string | null
  gender_code: string | null
  birth_date: ColumnType<string | null, string | null | undefined, string | null>
  email: string | null
  trust_level: Generated<number>
  verified_at: Timestamp | null
  verification_method: string | null
  totp_secret: string | null
  totp_enabled_at: Timestamp | null
  /** Step of the last accepted TOTP code (replay protection; migration 0005). */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>
  agreement_version: string
  agreement_accepted_at: Timestamp
  disabled: Generated<boolean>
  created_at: Generated<Date>
}
/** identity: citizen server-side sessions (id = SHA-256 of the cookie token). */
export interface CitizenSessionsTable {
  id: string
  citizen_id: string
  csrf_token: string
  acting_for_type: 'enterprise' | 'citizen' | null
  acting_for_id: string | null
  mandate_id: string | null
  mfa_at: Timestamp | null
  created_at: Generated<Date>
  last_seen_at: Timestamp
  expires_at: Timestamp
}
/** identity: one-time SMS codes (hash only). */
export interface SmsCodesTable {
  id: string
  phone: string
  purpose: string
  code_hash: string
  created_at: Timestamp
  expires_at: Timestamp
  consumed_at: Timestamp | null
  attempts: Generated<number>
}
/** identity: WebAuthn credentials. */
export interface PasskeysTable {
  id: string
  citizen_id: string
  public_key: Uint8Array
  counter: Generated<number>
  transports: Generated<string[]>
  label: string
  created_at: Generated<Date>
  last_used_at: Timestamp | null
}
/** identity: one-time WebAuthn challenges (migration 0009); citizen_id null for a usernameless sign-in. */
export interface WebauthnChallengesTable {
  id: string
  citizen_id: string | null
  purpose: 'register' | 'sign_in'
  challenge: string
  created_at: Generated<Date>
  expires_at: Timestamp
  consumed_at: Timestamp | null
}
/** identity: one verification mail of a citizen's notice e-mail address (migration 0018); token stored as SHA-256 only. */
export interface CitizenEmailVerificationsTable {
  id: string
  citizen_id: string
  email: string
  token_hash: string
  created_at: Generated<Date>
  expires_at: Timestamp
  verified_at: Timestamp | null
  cancelled_at: Timestamp | null
}
/** identity: enterprise accounts claimed by their legal representative. */
export interface EnterprisesTable {
  id: string
  uscc: string
  name: string
  legal_rep_citizen_id: string
  claimed_at: Timestamp
  status: Generated<'active' | 'suspended'>
  /** Contact details kept by the enterprise (legal rep or an agent with scope 'all'), migration 0006. */
  contact_phone: string | null
  contact_email: string | null
  contact_address: string | null
  contact_updated_at: Timestamp | null
}
/** identity: authorisations (经办人 for enterprises, 委托代办 between citizens). */
export interface MandatesTable {
  id: string
  grantor_type: 'enterprise' | 'citizen'
  grantor_id: string
  agent_citizen_id: string
  scope: 'all' | 'items'
  item_codes: Generated<string[]>
  valid_from: Timestamp
  valid_until: Timestamp
  created_by: string
  created_at: Timestamp
  revoked_at: Timestamp | null
  revoked_by: string | null
  revoke_reason: string | null
}
/** identity: OAuth2/OIDC clients (department systems), registered by admins. */
export interface OauthClientsTable {
  client_id: string
  name: string
  department_id: string | null
  secret_sealed: string
  redirect_uris: Generated<string[]>
  grant_types: string[]
  created_by: string
  created_at: Generated<Date>
  revoked_at: Timestamp | null
}
/** identity: oidc-provider adapter storage. */
export interface OidcPayloadsTable {
  model: string
  id: string
  payload: JSONColumnType<Record<string, unknown>>
  grant_id: string | null
  user_code: string | null
  uid: string | null
  expires_at: Timestamp | null
  consumed_at: Timestamp | null
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
/** identity: the OpenID Provider's signing keys, private JWK sealed (migration 0008). */
export interface OidcKeysTable {
  kid: string
  alg: string
  jwk_sealed: string
  created_at: Generated<Date>
  retired_at: Timestamp | null
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

export interface Database extends CaseTables, LicenceTables {
  audit_log: AuditLogTable
  audit_head: AuditHeadTable
  calendar_days: CalendarDaysTable
  calendar_years: CalendarYearsTable
  regions: RegionsTable
  departments: DepartmentsTable
  themes: ThemesTable
  service_items: ServiceItemsTable
  service_item_versions: ServiceItemVersionsTable
  item_forms: ItemFormsTable
  search_synonyms: SearchSynonymsTable
  staff_users: StaffUsersTable
  staff_sessions: StaffSessionsTable
  staff_roles: StaffRolesTable
  registry_people: RegistryPeopleTable
  registry_entities: RegistryEntitiesTable
  registry_addresses: RegistryAddressesTable
  shared_datasets: SharedDatasetsTable
  dataset_grants: DatasetGrantsTable
  data_access_log: DataAccessLogTable
  citizens: CitizensTable
  citizen_sessions: CitizenSessionsTable
  sms_codes: SmsCodesTable
  passkeys: PasskeysTable
  webauthn_challenges: WebauthnChallengesTable
  citizen_email_verifications: CitizenEmailVerificationsTable
  enterprises: EnterprisesTable
  mandates: MandatesTable
  oauth_clients: OauthClientsTable
  oidc_payloads: OidcPayloadsTable
  oidc_keys: OidcKeysTable
  uploads: UploadsTable
  notifications: NotificationsTable
  notification_deliveries: NotificationDeliveriesTable
}
