import type { ColumnType, Generated, JSONColumnType } from 'kysely'

/** Table types of migration 0019 (e-licences, issue 5). Owner: licences module. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type DateOnly = ColumnType<string, string, string>
type Json<T extends object> = JSONColumnType<T, string, string>

/** A face field of a licence type: where its value comes from when the licence is issued from a case. */
export type LicenceFaceField = {
  key: string
  label: string
  labelEn?: string
  /** `form:<field key>` (the application's value), `applicant.name`, `applicant.code`, `issuer.name`, `item.name`, `case.ref_no`, `case.result_description`, `issued.on`, or `const:<text>` */
  from: string
  required?: boolean
}

export interface LicenceTypesTable {
  code: string
  name: string
  name_en: string | null
  definer_name: string
  definer_uscc: string
  holder_kind: 'person' | 'enterprise' | 'either'
  fields: Json<LicenceFaceField[]>
  validity_years: number | null
  template: Generated<'certificate' | 'permit'>
  number_prefix: string
  next_serial: Generated<string | number | bigint>
  created_at: Generated<Date>
  updated_at: Generated<Date>
  /** Optimistic lock of back-office edits (migration 0023); issuance never changes it. */
  version: Generated<number>
}
export interface LicenceKeysTable {
  kid: string
  department_id: string
  algorithm: 'Ed25519' | 'SM2'
  public_key: string
  private_key_sealed: string
  created_at: Generated<Date>
  retired_at: Timestamp | null
}
export type LicenceStatus = 'valid' | 'suspended' | 'revoked' | 'expired' | 'superseded'
export interface LicencesTable {
  id: string
  identifier: string
  type_code: string
  number: string
  serial: string
  version: number
  predecessor_id: string | null
  holder_kind: 'person' | 'enterprise'
  holder_name: string
  holder_id_type: string
  holder_code: string
  holder_citizen_id: string | null
  holder_enterprise_id: string | null
  issuer_department_id: string
  issued_on: DateOnly
  valid_from: DateOnly
  valid_until: DateOnly | null
  status: Generated<LicenceStatus>
  status_reason: string | null
  status_changed_at: Timestamp | null
  trust_level: Generated<'A' | 'B' | 'C' | 'D'>
  case_id: string | null
  item_code: string | null
  signed_json: string
  signature: string
  compact_payload: string
  kid: string
  status_index: Generated<number>
  issued_by: string | null
  created_at: Generated<Date>
  lock_version: Generated<number>
}
export interface LicenceEventsTable {
  id: string
  licence_id: string
  action: string
  reason: string | null
  actor_type: string
  actor_id: string | null
  actor_name: string | null
  at: Generated<Date>
  details: ColumnType<Record<string, unknown>, string | undefined, string>
}
export interface LicenceShareCodesTable {
  id: string
  code_hash: string
  licence_id: string
  created_by_citizen_id: string
  department_id: string
  purpose: string
  created_at: Generated<Date>
  expires_at: Timestamp
  used_at: Timestamp | null
  used_by_staff_id: string | null
  cancelled_at: Timestamp | null
}
export interface LicenceCopiesTable {
  id: string
  licence_id: string
  purpose: string
  made_by_citizen_id: string | null
  made_by_staff_id: string | null
  valid_until: DateOnly
  signed_json: string
  signature: string
  kid: string
  created_at: Generated<Date>
}

export interface LicenceTables {
  licence_types: LicenceTypesTable
  licence_keys: LicenceKeysTable
  licences: LicencesTable
  licence_events: LicenceEventsTable
  licence_share_codes: LicenceShareCodesTable
  licence_copies: LicenceCopiesTable
}
