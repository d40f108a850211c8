import type { ColumnType, Generated, JSONColumnType } from 'kysely'

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
  created_at: Generated<Date>
}
/** identity: server-side sessions. `id` is the SHA-256 of the cookie token. */
export interface StaffSessionsTable {
  id: string
  user_id: string
  csrf_token: string
  created_at: Generated<Date>
  last_seen_at: Timestamp
  expires_at: Timestamp
}

export interface Database {
  audit_log: AuditLogTable
  audit_head: AuditHeadTable
  regions: RegionsTable
  departments: DepartmentsTable
  themes: ThemesTable
  service_items: ServiceItemsTable
  service_item_versions: ServiceItemVersionsTable
  search_synonyms: SearchSynonymsTable
  staff_users: StaffUsersTable
  staff_sessions: StaffSessionsTable
}
