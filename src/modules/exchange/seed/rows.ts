import type { Selectable } from 'kysely'
import type { RegistryAddressesTable, RegistryEntitiesTable, RegistryPeopleTable } from '../../../platform/schema'
import type { Rng } from './prng'

/**
 * Registry rows as stored (the columns of migration 0002, as platform/schema-exchange.ts types them), shared by the
 * seed and the loader. `updated_at` is the database's. id_card_valid_until null = 长期 (long-term); registered_capital
 * (注册资本，万元) null when not applicable (e.g. many 个体工商户).
 */
export type AddressRow = Selectable<RegistryAddressesTable>
export type PersonRow = Omit<Selectable<RegistryPeopleTable>, 'updated_at'>
export type EntityRow = Omit<Selectable<RegistryEntitiesTable>, 'updated_at'>

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
