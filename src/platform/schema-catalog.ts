import type { Generated, JSONColumnType } from 'kysely'

/** Table types of the catalog module: the service catalogue (divisions, departments, themes, items and their versions, forms, search synonyms); mixed into Database in schema.ts. */

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

export interface CatalogTables {
  regions: RegionsTable
  departments: DepartmentsTable
  themes: ThemesTable
  service_items: ServiceItemsTable
  service_item_versions: ServiceItemVersionsTable
  item_forms: ItemFormsTable
  search_synonyms: SearchSynonymsTable
}
