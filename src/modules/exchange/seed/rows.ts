import type { Rng } from './prng'

/** Registry rows as stored (snake_case = the columns of migration 0002), shared by the seed and the loader. */
export type AddressRow = { id: string; region_code: string; street: string; road: string; house_number: string; full_address: string; postcode: string | null }
export type PersonRow = {
  id: string
  id_number: string
  name: string
  gender_code: string
  birth_date: string
  ethnicity_code: string | null
  household_address: string
  region_code: string
  /** null = 长期 (long-term). */
  id_card_valid_until: string | null
  phone: string | null
  status: 'normal' | 'deceased' | 'cancelled'
}
export type EntityRow = {
  id: string
  uscc: string
  name: string
  entity_type: string
  legal_rep_name: string
  legal_rep_id_number: string
  registered_address: string
  region_code: string
  established_on: string
  /** 注册资本（万元）; null when not applicable (e.g. many 个体工商户). */
  registered_capital: number | null
  business_scope: string
  status: 'active' | 'revoked' | 'cancelled'
}

/** A UUID v7 (RFC 9562) whose time and random bits come from the seed, so seeded ids are reproducible too. */
export function seededUuidv7(ms: number, rng: Rng): string {
  const b = Buffer.alloc(16)
  b.writeUIntBE(ms, 0, 6)
  for (let i = 6; i < 16; i++) b[i] = rng.int(0, 255)
  b[6] = (b[6]! & 0x0f) | 0x70
  b[8] = (b[8]! & 0x3f) | 0x80
  const h = b.toString('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
