import type { ColumnType, Generated, JSONColumnType } from 'kysely'

/** Table types of the exchange module: the simulated base registries, the data-sharing catalogue, grants and the access log; mixed into Database in schema.ts. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

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

export interface ExchangeTables {
  registry_people: RegistryPeopleTable
  registry_entities: RegistryEntitiesTable
  registry_addresses: RegistryAddressesTable
  shared_datasets: SharedDatasetsTable
  dataset_grants: DatasetGrantsTable
  data_access_log: DataAccessLogTable
}
