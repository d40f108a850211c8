/**
 * Validates the demo seed catalogue in src/modules/catalog/seed/.
 * Run: npx tsx scripts/check-seed.ts   — prints a summary, exits 1 on any problem.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import Ajv2020 from 'ajv/dist/2020.js'
import { checkUscc } from '../src/platform/identifiers'

const ROOT = join(import.meta.dirname, '..')
const SEED = join(ROOT, 'src/modules/catalog/seed')
const schema = JSON.parse(readFileSync(join(ROOT, 'src/modules/catalog/service-item.schema.json'), 'utf8')) as object

const problems: string[] = []
const fail = (msg: string): void => { problems.push(msg) }

interface Dept { name: string; nameEn: string; code: string; description: string; address: string; phone: string }
interface Theme { slug: string; name: string; nameEn: string; audience: string; sort: number; description: string }
interface Step { name: string; department?: string; days?: number; after?: string[] }
interface Item {
  code: string; baseCode?: string; name: string; type: string
  department: { name: string; code?: string }; coDepartments?: { name: string; code?: string }[]
  themes?: string[]; steps?: Step[]; statutoryDays?: number; promisedDays?: number; caseKind?: string
  keywords?: string[]; status?: string; level?: string
}

const TYPE_CODE: Record<string, string> = {
  administrative_license: '01', administrative_penalty: '02', administrative_enforcement: '03', administrative_collection: '04',
  administrative_payment: '05', administrative_inspection: '06', administrative_confirmation: '07', administrative_reward: '08',
  administrative_adjudication: '09', other_administrative_power: '10', public_service: '20',
}

// ---- departments ----
const departments = JSON.parse(readFileSync(join(SEED, 'departments.json'), 'utf8')) as Dept[]
const deptByName = new Map<string, Dept>()
for (const d of departments) {
  for (const k of ['name', 'nameEn', 'code', 'description', 'address', 'phone'] as const) if (!d[k]) fail(`departments.json: ${String(d.name)} lacks ${k}`)
  if (deptByName.has(d.name)) fail(`departments.json: duplicate department ${d.name}`)
  deptByName.set(d.name, d)
  const err = checkUscc(d.code)
  if (err) fail(`departments.json: ${d.name} code ${d.code}: ${err}`)
  if (!/^0\d{2,3}-\d{7,8}$/.test(d.phone)) fail(`departments.json: ${d.name} phone ${d.phone} is not a fixed line`)
}
if (new Set(departments.map((d) => d.code)).size !== departments.length) fail('departments.json: duplicate department codes')
if (departments.length < 22) fail(`departments.json: ${departments.length} departments, need ≥ 22`)

// ---- themes ----
const themes = JSON.parse(readFileSync(join(SEED, 'themes.json'), 'utf8')) as Theme[]
const themeNames = new Set<string>()
for (const t of themes) {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(t.slug)) fail(`themes.json: slug ${t.slug} is not kebab-case`)
  if (t.audience !== 'individual' && t.audience !== 'enterprise') fail(`themes.json: ${t.slug} has audience ${t.audience}`)
  if (themeNames.has(t.name)) fail(`themes.json: duplicate theme name ${t.name}`)
  themeNames.add(t.name)
}
if (new Set(themes.map((t) => t.slug)).size !== themes.length) fail('themes.json: duplicate slugs')

// ---- items ----
const ajv = new Ajv2020({ allErrors: true, strict: false })
const validate = ajv.compile(schema)
const codes = new Map<string, string>()
const itemFiles = readdirSync(join(SEED, 'items')).filter((f) => f.endsWith('.jsonl')).sort()
let itemCount = 0
let parallelItems = 0
const perFile: string[] = []
const statusCount: Record<string, number> = {}

function hasCycle(steps: Step[]): boolean {
  const byName = new Map(steps.map((s) => [s.name, s]))
  const state = new Map<string, 1 | 2>()
  const visit = (n: string): boolean => {
    const st = state.get(n)
    if (st === 1) return true
    if (st === 2) return false
    state.set(n, 1)
    for (const a of byName.get(n)?.after ?? []) if (byName.has(a) && visit(a)) return true
    state.set(n, 2)
    return false
  }
  return steps.some((s) => visit(s.name))
}

for (const file of itemFiles) {
  const lines = readFileSync(join(SEED, 'items', file), 'utf8').split('\n')
  let n = 0
  lines.forEach((line, i) => {
    if (!line.trim()) return
    const where = `${file}:${i + 1}`
    let it: Item
    try { it = JSON.parse(line) as Item } catch (e) { fail(`${where}: invalid JSON (${(e as Error).message})`); return }
    n++
    if (!validate(it as unknown)) {
      for (const e of validate.errors ?? []) fail(`${where} ${it.name ?? ''}: schema ${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`)
    }
    const where2 = `${where} ${it.name}`
    if (codes.has(it.code)) fail(`${where2}: duplicate code ${it.code} (also ${codes.get(it.code)})`)
    codes.set(it.code, where2)
    if (it.keywords) fail(`${where2}: keywords must not be set in the seed`)
    const d = deptByName.get(it.department.name)
    if (!d) fail(`${where2}: department ${it.department.name} not in departments.json`)
    else if (it.department.code !== d.code) fail(`${where2}: department code ${it.department.code} ≠ ${d.code}`)
    for (const c of it.coDepartments ?? []) {
      const cd = deptByName.get(c.name)
      if (!cd) fail(`${where2}: co-department ${c.name} not in departments.json`)
      else if (c.code !== undefined && c.code !== cd.code) fail(`${where2}: co-department code of ${c.name} ≠ ${cd.code}`)
    }
    for (const t of it.themes ?? []) if (!themeNames.has(t)) fail(`${where2}: theme ${t} not in themes.json`)
    // code structure: USCC (18) + level digit + baseCode (12)
    if (it.code.length !== 31) fail(`${where2}: code should be 31 characters, got ${it.code.length}`)
    else {
      if (d && it.code.slice(0, 18) !== d.code) fail(`${where2}: code does not start with the department USCC`)
      if (it.baseCode && it.code.slice(19) !== it.baseCode) fail(`${where2}: code does not end with baseCode`)
      const lvl = it.code[18]
      if (lvl !== (it.level === 'county' ? '4' : '3')) fail(`${where2}: level digit ${lvl} does not match level ${it.level}`)
    }
    if (!it.baseCode || !/^\d{10}00$/.test(it.baseCode)) fail(`${where2}: baseCode ${it.baseCode} should be 12 digits ending in 00`)
    else if (it.baseCode.slice(0, 2) !== TYPE_CODE[it.type]) fail(`${where2}: baseCode type ${it.baseCode.slice(0, 2)} does not match type ${it.type}`)
    if (it.statutoryDays !== undefined && it.promisedDays !== undefined && it.promisedDays > it.statutoryDays) fail(`${where2}: promisedDays ${it.promisedDays} > statutoryDays ${it.statutoryDays}`)
    // steps graph
    const steps = it.steps ?? []
    const names = new Set<string>()
    for (const s of steps) { if (names.has(s.name)) fail(`${where2}: duplicate step ${s.name}`); names.add(s.name) }
    for (const s of steps) {
      for (const a of s.after ?? []) if (!names.has(a)) fail(`${where2}: step ${s.name} comes after unknown step ${a}`)
      if (s.department && !deptByName.has(s.department)) fail(`${where2}: step ${s.name} department ${s.department} not in departments.json`)
    }
    if (hasCycle(steps)) fail(`${where2}: steps form a cycle`)
    // parallel: ≥ 2 steps with the same non-empty predecessors, handled by ≥ 2 departments
    const groups = new Map<string, Set<string>>()
    for (const s of steps) {
      if (!s.after?.length) continue
      const key = [...s.after].sort().join('|')
      if (!groups.has(key)) groups.set(key, new Set())
      groups.get(key)!.add(s.department ?? it.department.name)
    }
    if ([...groups.values()].some((g) => g.size >= 2)) parallelItems++
    statusCount[it.status ?? 'published'] = (statusCount[it.status ?? 'published'] ?? 0) + 1
  })
  perFile.push(`${file} ${n}`)
  itemCount += n
}

if (itemCount < 160) fail(`only ${itemCount} items, need ≥ 160`)
if (parallelItems < 12) fail(`only ${parallelItems} items with parallel steps from ≥ 2 departments, need ≥ 12`)

// ---- popularity ----
const popularity = JSON.parse(readFileSync(join(SEED, 'popularity.json'), 'utf8')) as Record<string, number>
for (const [code, n] of Object.entries(popularity)) {
  if (!codes.has(code)) fail(`popularity.json: unknown item code ${code}`)
  if (typeof n !== 'number' || n < 0) fail(`popularity.json: bad volume for ${code}`)
}

console.log(`departments ${departments.length}, themes ${themes.length} (${themes.filter((t) => t.audience === 'individual').length} individual, ${themes.filter((t) => t.audience === 'enterprise').length} enterprise)`)
console.log(`items ${itemCount} in ${itemFiles.length} files: ${perFile.join(', ')}`)
console.log(`parallel items ${parallelItems}, popular ${Object.keys(popularity).length}, status ${JSON.stringify(statusCount)}`)
if (problems.length) {
  console.error(`\n${problems.length} problem(s):`)
  for (const p of problems) console.error(' - ' + p)
  process.exit(1)
}
console.log('seed OK')
