import type { Executor } from '../../platform/database'

/**
 * The base registries behind ONE adapter interface. Today they are SIMULATED (tables registry_people,
 * registry_entities, registry_addresses filled by a deterministic synthetic seed or an admin load); a real
 * 人口库 / 法人库 service replaces `databaseRegistrySource` with an HTTP client of the same shape.
 * Nothing outside the exchange calls this directly: reads go through readSharedData (purpose-bound, logged).
 */
export type PersonRecord = {
  idNumber: string
  name: string
  genderCode: string
  birthDate: string
  ethnicityCode: string | null
  householdAddress: string
  regionCode: string
  /** 'YYYY-MM-DD', or null for 长期. */
  idCardValidUntil: string | null
  phone: string | null
  status: 'normal' | 'deceased' | 'cancelled'
}
export type EntityRecord = {
  uscc: string
  name: string
  entityType: string
  legalRepName: string
  legalRepIdNumber: string
  registeredAddress: string
  regionCode: string
  establishedOn: string
  registeredCapital: number | null
  businessScope: string
  status: 'active' | 'revoked' | 'cancelled'
}
export type AddressRecord = { id: string; regionCode: string; street: string; road: string; houseNumber: string; fullAddress: string; postcode: string | null }

export type RegistrySource = {
  person(idNumber: string): Promise<PersonRecord | undefined>
  entity(uscc: string): Promise<EntityRecord | undefined>
  address(id: string): Promise<AddressRecord | undefined>
}

export function databaseRegistrySource(db: Executor): RegistrySource {
  return {
    async person(idNumber) {
      const r = await db.selectFrom('registry_people').selectAll().where('id_number', '=', idNumber).executeTakeFirst()
      if (!r) return undefined
      return {
        idNumber: r.id_number,
        name: r.name,
        genderCode: r.gender_code,
        birthDate: r.birth_date,
        ethnicityCode: r.ethnicity_code,
        householdAddress: r.household_address,
        regionCode: r.region_code,
        idCardValidUntil: r.id_card_valid_until,
        phone: r.phone,
        status: r.status,
      }
    },
    async entity(uscc) {
      const r = await db.selectFrom('registry_entities').selectAll().where('uscc', '=', uscc).executeTakeFirst()
      if (!r) return undefined
      return {
        uscc: r.uscc,
        name: r.name,
        entityType: r.entity_type,
        legalRepName: r.legal_rep_name,
        legalRepIdNumber: r.legal_rep_id_number,
        registeredAddress: r.registered_address,
        regionCode: r.region_code,
        establishedOn: r.established_on,
        registeredCapital: r.registered_capital,
        businessScope: r.business_scope,
        status: r.status,
      }
    },
    async address(id) {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
      const r = await db.selectFrom('registry_addresses').selectAll().where('id', '=', id).executeTakeFirst()
      if (!r) return undefined
      return { id: r.id, regionCode: r.region_code, street: r.street, road: r.road, houseNumber: r.house_number, fullAddress: r.full_address, postcode: r.postcode }
    },
  }
}
