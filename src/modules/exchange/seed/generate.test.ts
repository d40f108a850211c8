import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { checkIdNumber, checkUscc } from '../../../platform/identifiers'
import { testDb } from '../../../../test/db'
import { birthOfIdNumber, genderOfIdNumber, orgCodeCheckChar } from './codes'
import { DEMO_ADDRESSES, DEMO_ENTERPRISES, DEMO_RESIDENTS } from './demo-identities'
import { generateRegistries, otherCountiesOf, SEED_AS_OF, type GeneratedRegistries } from './generate'
import { ageOn, idCardValidityYears } from './people'
import { addYears } from './prng'
import { buildAddress, buildEntity, buildPerson } from '../registry-loader-rows'

describe('synthetic base registries (generator)', () => {
  let otherCounties: string[] = []
  let suzhou = new Set<string>()
  let allRegions = new Set<string>()
  let g: GeneratedRegistries
  before(async () => {
    const h = await testDb('migrated')
    const regions = await h.db.selectFrom('regions').select(['code', 'level', 'parent_code']).execute()
    await h.close()
    otherCounties = otherCountiesOf(regions)
    suzhou = new Set(regions.filter((r) => r.parent_code === '320500').map((r) => r.code))
    allRegions = new Set(regions.map((r) => r.code))
    g = generateRegistries({ otherCounties })
  })
  after(() => undefined)

  it('is deterministic: the same options give the same rows, ids included; another seed differs', () => {
    const again = generateRegistries({ otherCounties: [...otherCounties].reverse() })
    assert.deepEqual(again, g)
    const other = generateRegistries({ otherCounties, seed: 7 })
    assert.notDeepEqual(other.people.slice(10, 20), g.people.slice(10, 20))
  })

  it('has at least 10,000 people, 2,000 enterprises and ~3,000 addresses, unique by natural key', () => {
    assert.ok(g.people.length >= 10_000 && g.entities.length >= 2000 && g.addresses.length >= 3000)
    assert.equal(new Set(g.people.map((p) => p.id_number)).size, g.people.length)
    assert.equal(new Set(g.people.filter((p) => p.phone).map((p) => p.phone)).size, g.people.filter((p) => p.phone).length)
    assert.equal(new Set(g.entities.map((e) => e.uscc)).size, g.entities.length)
    assert.equal(new Set(g.entities.map((e) => e.name)).size, g.entities.length)
    assert.equal(new Set(g.addresses.map((a) => a.full_address)).size, g.addresses.length)
    assert.equal(new Set([...g.people, ...g.entities, ...g.addresses].map((r) => r.id)).size, g.people.length + g.entities.length + g.addresses.length)
  })

  it('every person: valid GB 11643 number matching birth date and gender, Suzhou household, card validity by 居民身份证法 Art. 5', () => {
    const homes = new Set(g.addresses.map((a) => a.full_address))
    let phones = 0
    for (const p of g.people) {
      assert.equal(checkIdNumber(p.id_number), null, p.id_number)
      assert.equal(birthOfIdNumber(p.id_number), p.birth_date)
      assert.equal(genderOfIdNumber(p.id_number), p.gender_code)
      assert.ok(p.birth_date >= '1940-01-01' && p.birth_date <= '2008-12-31', p.birth_date)
      assert.ok(suzhou.has(p.region_code), p.region_code)
      assert.ok(homes.has(p.household_address.replace(/\d+室$/, '')), p.household_address)
      assert.match(p.name, /^\p{Script=Han}{2,4}$/u)
      if (p.phone) {
        phones++
        assert.match(p.phone, /^1[3-9]\d{9}$/)
      }
      if (p.id_card_valid_until === null) {
        assert.ok(ageOn(p.birth_date, SEED_AS_OF) >= 46, `长期 card at ${p.birth_date}`)
      } else {
        // Some issue date = valid_until − N years, where N is the rule's term for the age on that date.
        const ok = [5, 10, 20].some((n) => idCardValidityYears(ageOn(p.birth_date, addYears(p.id_card_valid_until!, -n))) === n)
        assert.ok(ok, `${p.birth_date} → ${p.id_card_valid_until}`)
      }
    }
    const share = phones / g.people.length
    assert.ok(share > 0.75 && share < 0.85, `phones ${share}`)
    assert.ok(g.people.some((p) => p.status === 'deceased') && g.people.some((p) => p.status === 'cancelled'))
    assert.ok(g.people.filter((p) => p.status === 'normal').length > 0.98 * g.people.length)
    assert.ok(g.people.filter((p) => !p.id_number.startsWith('3205')).length > 500, 'some born in other provinces')
  })

  it('every enterprise: valid GB 32100 code (Suzhou region, GB 11714 organisation code), legal rep from the people set', () => {
    const people = new Map(g.people.map((p) => [p.id_number, p]))
    for (const e of g.entities) {
      assert.equal(checkUscc(e.uscc), null, e.uscc)
      assert.equal(e.uscc.slice(2, 8), e.region_code)
      assert.ok(suzhou.has(e.region_code), e.region_code)
      assert.equal(orgCodeCheckChar(e.uscc.slice(8, 16)), e.uscc[16], e.uscc)
      assert.equal(e.uscc[1], e.entity_type === '个体工商户' ? '2' : e.entity_type === '农民专业合作社' ? '3' : '1')
      const rep = people.get(e.legal_rep_id_number)
      assert.ok(rep && rep.name === e.legal_rep_name, `${e.name}: rep not in the population registry`)
      assert.ok(ageOn(rep.birth_date, e.established_on) >= 18)
      assert.ok(e.established_on < SEED_AS_OF)
      assert.ok(e.business_scope.length <= 1000 && e.name.length <= 100)
    }
    assert.ok(g.entities.filter((e) => e.status === 'active').length > 0.9 * g.entities.length)
    assert.ok(g.entities.some((e) => e.status === 'revoked') && g.entities.some((e) => e.status === 'cancelled'))
  })

  it('every generated row passes the loader\'s checks unchanged (seed and `registry load` agree on validity)', () => {
    const ctx = { regions: allRegions, today: SEED_AS_OF }
    const asValues = (r: object) => new Map(Object.entries(r).filter(([k]) => k !== 'id').map(([k, v]) => [k, v === null ? null : String(v)]))
    const strip = <T extends { id: string }>({ id: _id, ...rest }: T) => rest
    for (const p of g.people) assert.deepEqual(buildPerson(asValues(p), ctx).row, strip(p), p.id_number)
    for (const e of g.entities) assert.deepEqual(buildEntity(asValues(e), ctx).row, strip(e), e.uscc)
    for (const a of g.addresses) assert.deepEqual(buildAddress(asValues(a), ctx).row, strip(a), a.full_address)
  })

  it('includes the fixed demo identities; enterprise reps are demo resident #1; #4 holds a 长期 card', () => {
    const byId = new Map(g.people.map((p) => [p.id_number, p]))
    for (const d of DEMO_RESIDENTS) {
      assert.equal(checkIdNumber(d.idNumber), null)
      const p = byId.get(d.idNumber)!
      assert.deepEqual([p.name, p.phone, p.id_card_valid_until, p.gender_code, p.birth_date], [d.name, d.phone, d.idCardValidUntil, d.genderCode, d.birthDate])
      assert.equal(genderOfIdNumber(d.idNumber), d.genderCode)
      const term = idCardValidityYears(ageOn(d.birthDate, d.idCardIssuedOn))
      assert.equal(d.idCardValidUntil, term === null ? null : addYears(d.idCardIssuedOn, term))
    }
    assert.equal(DEMO_RESIDENTS[3].idCardValidUntil, null)
    for (const e of DEMO_ENTERPRISES) {
      assert.equal(checkUscc(e.uscc), null)
      assert.equal(e.legalRepIdNumber, DEMO_RESIDENTS[0].idNumber)
      assert.ok(g.entities.some((x) => x.uscc === e.uscc && x.legal_rep_name === DEMO_RESIDENTS[0].name))
    }
    for (const a of DEMO_ADDRESSES) assert.ok(g.addresses.some((x) => x.full_address === a.fullAddress))
  })
})
