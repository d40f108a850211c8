import { birthOfIdNumber, makeIdNumber } from './codes'
import { DEMO_RESIDENTS } from './demo-identities'
import { personName } from './names'
import { ID_ISSUING } from './places'
import { addYears, dayOf, isoDay, type Rng } from './prng'
import { seededUuidv7, type AddressRow, type PersonRow } from './rows'

/**
 * 居民身份证法 Art. 5: a card issued under 16 is valid 5 years, at 16–25 10 years, at 26–45 20 years, at 46 or
 * older 长期 (null).
 */
export function idCardValidityYears(ageAtIssue: number): number | null {
  return ageAtIssue < 16 ? 5 : ageAtIssue <= 25 ? 10 : ageAtIssue <= 45 ? 20 : null
}
/** Full years between two 'YYYY-MM-DD' dates. */
export function ageOn(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4))
  return on.slice(5) < birth.slice(5) ? years - 1 : years
}

/** The current card's 有效期截止: first card at ~16, renewed near each expiry; about 3 % let one lapse. */
function cardValidUntil(rng: Rng, birth: string, asOf: string): string | null {
  const firstAge = rng.chance(0.1) ? rng.int(10, 15) : 16
  let issued = isoDay(Math.max(dayOf(addYears(birth, firstAge)) + rng.int(0, 700), dayOf('1990-01-01') + rng.int(0, 3000)))
  if (issued >= asOf) issued = isoDay(dayOf(asOf) - rng.int(1, 200))
  for (;;) {
    const years = idCardValidityYears(ageOn(birth, issued))
    if (years === null) return null
    const until = addYears(issued, years)
    if (until >= asOf || rng.chance(0.03)) return until
    issued = isoDay(dayOf(until) - rng.int(0, 90))
  }
}

const BIRTH_DECADES: [number, number][] = [[1940, 5], [1950, 12], [1960, 18], [1970, 18], [1980, 20], [1990, 17], [2000, 10]]
const ETHNICITIES: [string, number][] = [['01', 985], ['03', 4], ['08', 2], ['11', 2], ['06', 1.5], ['02', 1], ['15', 1.5], ['05', 1], ['10', 1], ['04', 0.5], ['07', 0.5]]
// Mobile network prefixes in use (工信部 号段); with 8 more digits each matches 1[3-9]\d{9}.
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159', '166', '173', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199']

export type PeopleContext = { addresses: AddressRow[]; otherCounties: readonly string[]; asOf: string; idMs: number }

/** The demo residents first, then `n` synthetic people (unique ID numbers and phones). */
export function generatePeople(rng: Rng, n: number, ctx: PeopleContext): PersonRow[] {
  const ids = new Set<string>(DEMO_RESIDENTS.map((d) => d.idNumber))
  const phones = new Set<string>(DEMO_RESIDENTS.map((d) => d.phone!))
  const out: PersonRow[] = DEMO_RESIDENTS.map((d, i) => ({
    id: seededUuidv7(ctx.idMs + i, rng), id_number: d.idNumber, name: d.name, gender_code: d.genderCode, birth_date: d.birthDate, ethnicity_code: d.ethnicityCode,
    household_address: d.householdAddress, region_code: d.regionCode, id_card_valid_until: d.idCardValidUntil, phone: d.phone, status: d.status,
  }))
  const lastBirth = dayOf('2008-12-31')
  while (out.length < n + DEMO_RESIDENTS.length) {
    const decade = rng.weighted(BIRTH_DECADES)
    const start = dayOf(`${decade}-01-01`)
    const birthDay = start + rng.int(0, Math.min(3652, lastBirth - start))
    const gender: '1' | '2' = rng.chance(0.5) ? '1' : '2'
    // Address code of the first registration: mostly a Suzhou county, some born elsewhere and moved in.
    const region6 = rng.chance(0.85) ? rng.pick(ID_ISSUING).code : rng.pick(ctx.otherCounties)
    const seq = rng.int(0, 499) * 2 + (gender === '1' ? 1 : 0)
    const idNumber = makeIdNumber(region6, isoDay(birthDay), seq)
    if (ids.has(idNumber)) continue
    ids.add(idNumber)
    const birth = birthOfIdNumber(idNumber)
    const home = rng.pick(ctx.addresses)
    let phone: string | null = null
    if (rng.chance(0.8)) {
      do {
        phone = rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0')
      } while (phones.has(phone))
      phones.add(phone)
    }
    const age = ageOn(birth, ctx.asOf)
    const status = rng.chance(age >= 80 ? 0.04 : 0.002) ? 'deceased' : rng.chance(0.003) ? 'cancelled' : 'normal'
    out.push({
      id: seededUuidv7(ctx.idMs + out.length, rng),
      id_number: idNumber,
      name: personName(rng, gender),
      gender_code: gender,
      birth_date: birth,
      ethnicity_code: rng.weighted(ETHNICITIES),
      household_address: rng.chance(0.6) ? `${home.full_address}${rng.int(1, 30)}${String(rng.int(1, 4)).padStart(2, '0')}室` : home.full_address,
      region_code: home.region_code,
      id_card_valid_until: cardValidUntil(rng, birth, ctx.asOf),
      phone,
      status,
    })
  }
  return out
}
