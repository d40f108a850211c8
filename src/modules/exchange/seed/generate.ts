import { generateAddresses } from './addresses'
import { generateEntities } from './entities'
import { generatePeople } from './people'
import { mulberry32 } from './prng'
import type { AddressRow, EntityRow, PersonRow } from './rows'

/** The day the synthetic registries describe (fixed, so the output never depends on when it is generated). */
export const SEED_AS_OF = '2026-11-01'
export const SEED_DEFAULTS = { seed: 20261121, addresses: 3000, people: 10_000, entities: 2000 }

export type GeneratedRegistries = { addresses: AddressRow[]; people: PersonRow[]; entities: EntityRow[] }
export type GenerateOptions = {
  /** County-level GB/T 2260 codes outside 苏州市 where some residents were first registered (from the regions table). */
  otherCounties: readonly string[]
  seed?: number
  addresses?: number
  people?: number
  entities?: number
}

/**
 * The deterministic synthetic base registries: the fixed demo identities first, then `addresses` standard
 * addresses, `people` residents and `entities` enterprises. Same options → the same rows, ids included.
 */
export function generateRegistries(opts: GenerateOptions): GeneratedRegistries {
  const o = { ...SEED_DEFAULTS, ...opts }
  if (!o.otherCounties.length) throw new Error('generateRegistries needs at least one county outside 苏州市')
  const otherCounties = [...o.otherCounties].sort()
  const rng = mulberry32(o.seed)
  // Ids are UUID v7 stamped at SEED_AS_OF, one table after the other, so they sort in generation order.
  const t0 = Date.parse(`${SEED_AS_OF}T00:00:00Z`)
  const addresses = generateAddresses(rng, o.addresses, t0)
  const people = generatePeople(rng, o.people, { addresses, otherCounties, asOf: SEED_AS_OF, idMs: t0 + 100_000 })
  const entities = generateEntities(rng, o.entities, { people, addresses, asOf: SEED_AS_OF, idMs: t0 + 200_000 })
  return { addresses, people, entities }
}

/** County-level codes usable as a birthplace outside 苏州市: not 3205xx, not statistical 7x/9x codes. */
export function otherCountiesOf(regions: readonly { code: string; level: number }[]): string[] {
  return regions.filter((r) => r.level === 3 && !r.code.startsWith('3205') && !/^\d{4}[79]/.test(r.code)).map((r) => r.code)
}
