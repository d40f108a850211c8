/**
 * Builds src/modules/catalog/seed/{departments,themes,popularity}.json and items/*.jsonl
 * from the hand-written specs in this folder.  Run: npx tsx scripts/seed-content/build.ts
 */
import { mkdirSync, writeFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { usccCheckChar } from '../../src/platform/identifiers'
import { DEPTS, REGIONS, THEMES } from './depts'
import { items, HOURS, type Spec } from './lib'
import { POPULARITY } from './popularity'
import { EXTRA_FAQS, EXTRA_MATS } from './extras'
import './items-public-security'
import './items-exit-entry'
import './items-traffic'
import './items-market'
import './items-hrss'
import './items-medical'
import './items-housing-fund'
import './items-property-construction'
import './items-civil-affairs'
import './items-health-education'
import './items-tax'
import './items-veterans-disabled-legal'
import './items-urban-culture-commerce'

const OUT = join(import.meta.dirname, '../../src/modules/catalog/seed')
rmSync(join(OUT, 'items'), { recursive: true, force: true })
mkdirSync(join(OUT, 'items'), { recursive: true })

const deptCode = new Map<string, string>()
const deptInfo = new Map<string, (typeof DEPTS)[number]>()
const departments = DEPTS.map((d) => {
  const first17 = d.prefix + d.org
  const code = first17 + usccCheckChar(first17)
  deptCode.set(d.name, code)
  deptInfo.set(d.name, d)
  return { name: d.name, nameEn: d.nameEn, code, description: d.description, address: d.address, phone: d.phone }
})
writeFileSync(join(OUT, 'departments.json'), JSON.stringify(departments, null, 2) + '\n')

writeFileSync(join(OUT, 'themes.json'), JSON.stringify(THEMES.map(([slug, name, nameEn, audience, description], i) => ({
  slug, name, nameEn, audience, sort: (i + 1) * 10, description,
})), null, 2) + '\n')

const TYPE_CODE: Record<Spec['type'], string> = {
  administrative_license: '01', administrative_penalty: '02', administrative_enforcement: '03', administrative_collection: '04',
  administrative_payment: '05', administrative_inspection: '06', administrative_confirmation: '07', administrative_reward: '08',
  administrative_adjudication: '09', other_administrative_power: '10', public_service: '20',
}
// consultation hotlines of departments that run one
const HOTLINE: Record<string, string> = {
  '国家税务总局苏州市税务局': '12366', '苏州市人力资源和社会保障局': '12333', '苏州市住房公积金管理中心': '12329', '苏州市医疗保障局': '0512-12393',
  '苏州市公安局交通警察支队': '0512-12122',
}
const mainByType = new Map<string, number>()
const groups = new Map<string, { main: number; sub: number }>()
const byArea = new Map<string, string[]>()
const codeByName = new Map<string, string>()

for (const { area, spec: s } of items) {
  if (EXTRA_MATS[s.name]) s.mats = [...s.mats, ...EXTRA_MATS[s.name]!]
  if (EXTRA_FAQS[s.name]) s.faqs = [...(s.faqs ?? []), ...EXTRA_FAQS[s.name]!]
  const d = deptInfo.get(s.dept)
  if (!d) throw new Error(`unknown department ${s.dept} in ${s.name}`)
  const tc = TYPE_CODE[s.type]
  let main: number, sub: number
  const gkey = s.group ? `${tc}:${s.group}` : undefined
  const g = gkey ? groups.get(gkey) : undefined
  if (g) { g.sub += 1; main = g.main; sub = g.sub } else {
    const next = (mainByType.get(tc) ?? 0) + 1
    mainByType.set(tc, next)
    main = 100 + next * 17 + (tc.charCodeAt(1) % 7)
    sub = s.group ? 1 : 0
    if (gkey) groups.set(gkey, { main, sub })
  }
  const baseCode = tc + String(main).padStart(5, '0') + String(sub).padStart(3, '0') + '00'
  const region = s.region ? { ...s.region, level: 'county' as const } : REGIONS[d.prefix]!
  const levelDigit = region.level === 'county' ? '4' : '3'
  const deptUscc = deptCode.get(s.dept)!
  const code = deptUscc + levelDigit + baseCode
  const co = new Set<string>(s.co ?? [])
  for (const step of s.steps) if (step.department && step.department !== s.dept) co.add(step.department)
  for (const c of co) if (!deptCode.has(c)) throw new Error(`unknown co-department ${c} in ${s.name}`)
  const out: Record<string, unknown> = {
    code, baseCode, name: s.name, type: s.type,
    department: { name: s.dept, code: deptUscc },
  }
  if (co.size) out.coDepartments = [...co].map((n) => ({ name: n, code: deptCode.get(n)! }))
  Object.assign(out, {
    region: { code: region.code, name: region.name },
    level: region.level,
    audience: s.aud,
    themes: s.themes,
    description: s.desc,
    legalBasis: s.basis,
    conditions: s.cond,
    materials: s.mats,
    steps: s.steps,
    caseKind: s.kind,
    statutoryDays: s.sd,
    promisedDays: s.pd,
    fee: s.fee ?? { charged: false },
    channels: s.ch,
    onlineLevel: s.ol,
    visitsRequired: s.visits,
    crossRegionScope: s.cross ?? 'none',
    supportsAppointment: s.appt ?? true,
    supportsOnlinePayment: s.pay ?? Boolean(s.fee?.charged),
    supportsDelivery: s.deliv ?? false,
    result: s.result,
  })
  if (s.sp?.length) out.specialProcedures = s.sp
  if (s.inter?.length) out.intermediaryServices = s.inter
  Object.assign(out, {
    location: s.loc ?? d.hall + '（' + d.address + '）',
    hours: s.hours ?? HOURS,
    consultPhone: s.phone ?? HOTLINE[s.dept] ?? d.phone,
    complaintPhone: '12345',
  })
  if (s.faqs?.length) out.faqs = s.faqs.map(([q, a]) => ({ q, a }))
  out.status = s.status ?? 'published'
  if (!byArea.has(area)) byArea.set(area, [])
  byArea.get(area)!.push(JSON.stringify(out))
  if (codeByName.has(s.name)) throw new Error(`duplicate item name ${s.name}`)
  codeByName.set(s.name, code)
}
for (const n of [...Object.keys(EXTRA_MATS), ...Object.keys(EXTRA_FAQS)]) if (!codeByName.has(n)) throw new Error(`extras: no item named ${n}`)
for (const [area, lines] of byArea) writeFileSync(join(OUT, 'items', `${area}.jsonl`), lines.join('\n') + '\n')

const pop: Record<string, number> = {}
for (const [name, n] of Object.entries(POPULARITY)) {
  const c = codeByName.get(name)
  if (!c) throw new Error(`popularity: no item named ${name}`)
  pop[c] = n
}
writeFileSync(join(OUT, 'popularity.json'), JSON.stringify(pop, null, 2) + '\n')
console.log(`departments ${departments.length}, themes ${THEMES.length}, items ${items.length} in ${byArea.size} files, popular ${Object.keys(pop).length}`)
