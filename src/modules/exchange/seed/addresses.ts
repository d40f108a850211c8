import { DEMO_ADDRESSES } from './demo-identities'
import { SUZHOU, fullAddress } from './places'
import type { Rng } from './prng'
import { seededUuidv7, type AddressRow } from './rows'

/**
 * ~3,000 synthetic standard addresses (标准地址) in the ten county-level regions of 苏州市, spread by a rough
 * population weight, plus the fixed demo addresses. Unique by full address (the registry's natural key).
 */
export function generateAddresses(rng: Rng, n: number, idMs: number): AddressRow[] {
  const out: AddressRow[] = []
  const seen = new Set<string>()
  for (const a of DEMO_ADDRESSES) {
    seen.add(a.fullAddress)
    out.push({ id: seededUuidv7(idMs, rng), region_code: a.regionCode, street: a.street, road: a.road, house_number: a.houseNumber, full_address: a.fullAddress, postcode: a.postcode })
  }
  const counties = SUZHOU.map((c) => [c, c.weight] as const)
  while (out.length < n + DEMO_ADDRESSES.length) {
    const county = rng.weighted(counties)
    const street = rng.pick(county.streets)
    const road = rng.pick(county.roads)
    const house = `${rng.int(1, 888)}号`
    const full = fullAddress(county, street, road, house)
    if (seen.has(full)) continue
    seen.add(full)
    out.push({ id: seededUuidv7(idMs + out.length, rng), region_code: county.code, street, road, house_number: house, full_address: full, postcode: county.postcode })
  }
  return out
}
