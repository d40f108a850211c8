import { makeUscc } from './codes'
import { DEMO_ENTERPRISES } from './demo-identities'
import { BRAND_CHARS, COOPS, INDUSTRIES, SHOPS, scopeText, type Industry } from './industries'
import { SUZHOU, type County } from './places'
import { dayOf, isoDay, type Rng } from './prng'
import { ageOn } from './people'
import { seededUuidv7, type AddressRow, type EntityRow, type PersonRow } from './rows'

/**
 * Synthetic 法人库: enterprises registered in 苏州市 with valid GB 32100 codes, legal representatives drawn
 * from the generated people (so name + ID number match the population registry).
 */
type Kind = { type: string; category: '1' | '2' | '3'; weight: number; capital: (number | null)[] }
const KINDS: Kind[] = [
  { type: '有限责任公司', category: '1', weight: 60, capital: [10, 30, 50, 100, 200, 300, 500, 1000, 2000, 5000] },
  { type: '个体工商户', category: '2', weight: 20, capital: [null, null, 1, 3, 5, 10] },
  { type: '个人独资企业', category: '1', weight: 7, capital: [1, 5, 10, 20, 50] },
  { type: '股份有限公司', category: '1', weight: 5, capital: [1000, 2000, 5000, 10000, 30000] },
  { type: '合伙企业', category: '1', weight: 4, capital: [100, 500, 1000, 5000] },
  { type: '农民专业合作社', category: '3', weight: 4, capital: [10, 50, 100, 200] },
]
// 主体标识码 characters: the GB 32100 set (no I, O, Z, S, V).
const CODE_CHARS = [...'0123456789ABCDEFGHJKLMNPQRTUWXY']

const cityPrefix = (rng: Rng, c: County) => (c.name.endsWith('市') ? c.name : rng.chance(0.5) ? '苏州' : `苏州市${c.name}`)
const countyPrefix = (c: County) => (c.name.endsWith('市') ? c.name : `苏州市${c.name}`)

function entityName(rng: Rng, kind: Kind, county: County, brand: string, rep: PersonRow): { name: string; trade: Industry } {
  switch (kind.type) {
    case '个体工商户': {
      const shop = rng.pick(SHOPS)
      return { name: `${countyPrefix(county)}${rng.chance(0.5) ? `${rep.name.slice(0, 1)}记` : brand}${shop.word}`, trade: shop }
    }
    case '农民专业合作社': {
      const coop = rng.pick(COOPS)
      return { name: `${countyPrefix(county)}${brand}${coop.word}专业合作社`, trade: coop }
    }
    case '个人独资企业': {
      const ind = rng.pick(INDUSTRIES)
      return { name: `${countyPrefix(county)}${brand}${ind.word}${rng.pick(['经营部', '商行', '工作室'])}`, trade: ind }
    }
    case '合伙企业': {
      const ind = INDUSTRIES.find((i) => i.word === '企业管理咨询')!
      return { name: `苏州${brand}企业管理合伙企业（有限合伙）`, trade: ind }
    }
    default: {
      const ind = rng.pick(INDUSTRIES)
      return { name: `${cityPrefix(rng, county)}${brand}${ind.word}${kind.type === '股份有限公司' ? '股份有限公司' : '有限公司'}`, trade: ind }
    }
  }
}

export type EntityContext = { people: PersonRow[]; addresses: AddressRow[]; asOf: string; idMs: number }

export function generateEntities(rng: Rng, n: number, ctx: EntityContext): EntityRow[] {
  const out: EntityRow[] = DEMO_ENTERPRISES.map((e, i) => ({
    id: seededUuidv7(ctx.idMs + i, rng), uscc: e.uscc, name: e.name, entity_type: e.entityType, legal_rep_name: e.legalRepName, legal_rep_id_number: e.legalRepIdNumber,
    registered_address: e.registeredAddress, region_code: e.regionCode, established_on: e.establishedOn, registered_capital: e.registeredCapital, business_scope: e.businessScope, status: e.status,
  }))
  const usccs = new Set(out.map((e) => e.uscc))
  const names = new Set(out.map((e) => e.name))
  const reps = ctx.people.filter((p) => p.status === 'normal')
  const byCounty = new Map<string, AddressRow[]>()
  for (const a of ctx.addresses) byCounty.set(a.region_code, [...(byCounty.get(a.region_code) ?? []), a])
  const kinds = KINDS.map((k) => [k, k.weight] as const)
  const counties = SUZHOU.map((c) => [c, c.weight] as const)
  const first = dayOf('1998-01-01')
  const span = dayOf(ctx.asOf) - 1 - first
  while (out.length < n + DEMO_ENTERPRISES.length) {
    const kind = rng.weighted(kinds)
    const county = rng.weighted(counties)
    // Newer registrations are more common (the 商事制度改革 since 2014 multiplied them).
    const established = isoDay(first + Math.floor(Math.sqrt(rng.next()) * span))
    let rep = rng.pick(reps)
    while (ageOn(rep.birth_date, established) < 18 || ageOn(rep.birth_date, established) > 75) rep = rng.pick(reps)
    const brand = rng.pick(BRAND_CHARS) + rng.pick(BRAND_CHARS)
    const { name, trade } = entityName(rng, kind, county, brand, rep)
    if (names.has(name)) continue
    // Codes issued since 2016 carry the new 主体标识码 form "MA…"; older ones the former 8-digit organisation code.
    const body = established >= '2016-01-01' ? `MA${Array.from({ length: 6 }, () => rng.pick(CODE_CHARS)).join('')}` : String(rng.int(10_000_000, 99_999_999))
    const uscc = makeUscc('9', kind.category, county.code, body)
    if (usccs.has(uscc)) continue
    names.add(name)
    usccs.add(uscc)
    const addr = rng.pick(byCounty.get(county.code)!)
    out.push({
      id: seededUuidv7(ctx.idMs + out.length, rng),
      uscc,
      name,
      entity_type: kind.type,
      legal_rep_name: rep.name,
      legal_rep_id_number: rep.id_number,
      registered_address: rng.chance(0.4) ? `${addr.full_address}${rng.int(1, 20)}${String(rng.int(1, 20)).padStart(2, '0')}室` : addr.full_address,
      region_code: county.code,
      established_on: established,
      registered_capital: rng.pick(kind.capital),
      business_scope: scopeText(trade),
      status: rng.weighted([['active', 95], ['cancelled', 3], ['revoked', 2]] as const),
    })
  }
  return out
}
