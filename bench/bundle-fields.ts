/**
 * 一件事: how many questions each seeded bundle's merged form saves against filling in every item's form
 * separately (Deliver 12). Pure: the items and forms the demo seed loads (catalog/seed/items/*.jsonl, curated
 * forms in catalog/forms/seed/, generated forms for the rest), merged by the same mergeForms the pages use.
 *   npx tsx bench/bundle-fields.ts
 * "all fields" counts every field of the definitions (including the other applicant kind's conditional ones);
 * "as an individual" counts only what a person applying for themself is shown.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { generateForm, validateDefinition, type FormDefinition, type ServiceItemRecord } from '../src/modules/catalog'
import { BUNDLES, bundleMaterials, mergeForms, mergedFieldSavings } from '../src/modules/applications'

const root = new URL('../src/modules/catalog/', import.meta.url)
const records = new Map<string, ServiceItemRecord>()
for (const f of readdirSync(new URL('seed/items/', root))) {
  for (const line of readFileSync(new URL(`seed/items/${f}`, root), 'utf8').split('\n')) if (line.trim()) {
    const r = JSON.parse(line) as ServiceItemRecord
    records.set(r.code, r)
  }
}
const formOf = (r: ServiceItemRecord): FormDefinition => {
  const curated = new URL(`forms/seed/${r.code}.json`, root)
  return existsSync(curated) ? (JSON.parse(readFileSync(curated, 'utf8')) as FormDefinition) : generateForm(r)
}

const rows: string[][] = [['bundle', 'items', 'all fields: separate → merged (saved)', 'as an individual: separate → merged (saved)', 'uploads: separate → merged']]
for (const b of BUNDLES) {
  const items = b.items.map((i) => {
    const r = records.get(i.code)
    if (!r) throw new Error(`${b.code}: item ${i.code} is not in the seed`)
    return { code: r.code, name: r.name, materials: r.materials ?? [], definition: formOf(r) }
  })
  const m = mergeForms(b, items)
  const bad = validateDefinition(m.definition)
  if (bad.length) throw new Error(`${b.code}: merged form invalid: ${JSON.stringify(bad)}`)
  const all = mergedFieldSavings(m)
  const person = mergedFieldSavings(m, { itemForms: items.map((i) => i.definition), applicantKind: 'individual' })
  const files = (d: FormDefinition) => d.sections.flatMap((s) => s.fields).filter((f) => f.type === 'file').length
  const mats = bundleMaterials(items)
  rows.push([
    `${b.name} (${b.code})`, String(items.length), `${all.separate} → ${all.merged} (${all.saved})`, `${person.separate} → ${person.merged} (${person.saved})`,
    `${items.reduce((n, i) => n + files(i.definition), 0)} → ${files(m.definition)}; 免提交 ${mats.filter((x) => x.disposition === 'shared').length}`,
  ])
}
const width = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)))
for (const r of rows) console.log(r.map((v, c) => v + ' '.repeat(width[c]! - [...v].length)).join('  '))
