import type { Lang } from '../../../platform/web/i18n'
import { FIELD_ORDER, type ServiceItemRecord } from '../service-item'
import { fieldLabel, options, statusLabel } from './field-labels'

/**
 * A readable field-by-field difference between two versions of an item: scalars old → new, lists by
 * entry added/removed, and materials, steps and FAQs row by row (rows matched by name, then compared
 * field by field). Pure; the page renders it with <del>/<ins> and text labels.
 */
export type Change = { label: string; kind: 'added' | 'removed' | 'changed'; before?: string; after?: string }

type Rec = Record<string, unknown>
const ROWS: Record<string, { key: string; fields: string[] }> = {
  materials: { key: 'name', fields: ['name', 'required', 'form', 'originals', 'copies', 'source', 'issuer', 'licenseType', 'sharedDataset', 'notes', 'templateUrl'] },
  steps: { key: 'name', fields: ['name', 'department', 'days', 'after'] },
  faqs: { key: 'q', fields: ['q', 'a'] },
}
const OBJECTS: Record<string, string[]> = {
  department: ['name', 'code'],
  region: ['code', 'name'],
  fee: ['charged', 'standard', 'basis', 'amountYuan'],
  result: ['name', 'kind', 'licenseType', 'validityYears'],
}

const ENUMS: Record<string, (lang: Lang) => { value: string; label: string }[]> = {
  type: options.type,
  level: options.level,
  caseKind: options.caseKind,
  crossRegionScope: options.crossRegionScope,
  onlineLevel: options.onlineLevel,
  audience: options.audience,
  channels: options.channels,
  'materials.form': options.materialForm,
  'materials.source': options.materialSource,
  'result.kind': options.resultKind,
}

/** A value as text for people: enum labels, 是/否, lists joined with "、". */
export function formatValue(lang: Lang, key: string, v: unknown): string {
  if (v === undefined || v === null) return ''
  if (typeof v === 'boolean') return v ? (lang === 'en' ? 'Yes' : '是') : lang === 'en' ? 'No' : '否'
  if (key === 'status') return statusLabel(lang, String(v))
  if (Array.isArray(v)) return v.map((x) => formatValue(lang, key, x)).join(lang === 'en' ? ', ' : '、')
  if (typeof v === 'object') {
    const o = v as Rec
    if (key === 'coDepartments') return o.code ? `${String(o.name)}（${String(o.code)}）` : String(o.name)
    return Object.entries(o).map(([k, x]) => `${fieldLabel(lang, `${key}.${k}`)}：${formatValue(lang, `${key}.${k}`, x)}`).join('；')
  }
  const e = ENUMS[key]?.(lang).find((o) => o.value === String(v))
  return e ? e.label : String(v)
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

function diffList(lang: Lang, key: string, a: unknown[], b: unknown[], out: Change[]): void {
  const label = fieldLabel(lang, key)
  const fa = a.map((x) => formatValue(lang, key, x))
  const fb = b.map((x) => formatValue(lang, key, x))
  for (const x of fa) if (!fb.includes(x)) out.push({ label, kind: 'removed', before: x })
  for (const x of fb) if (!fa.includes(x)) out.push({ label, kind: 'added', after: x })
  if (!out.some((c) => c.label === label) && !same(fa, fb)) out.push({ label: `${label} · ${lang === 'en' ? 'order' : '顺序'}`, kind: 'changed', before: fa.join(' → '), after: fb.join(' → ') })
}

function diffRows(lang: Lang, group: string, a: Rec[], b: Rec[], out: Change[]): void {
  const { key, fields } = ROWS[group]!
  const groupLabel = fieldLabel(lang, group)
  const used = new Set<number>()
  // Pair each old row with the first unused new row of the same name; otherwise it was removed.
  const pairs: [Rec | undefined, Rec | undefined, number][] = []
  a.forEach((row) => {
    const j = b.findIndex((x, k) => !used.has(k) && x[key] === row[key])
    if (j >= 0) used.add(j)
    pairs.push([row, j >= 0 ? b[j] : undefined, j])
  })
  b.forEach((row, k) => {
    if (!used.has(k)) pairs.push([undefined, row, k])
  })
  const rowText = (r: Rec) => fields.filter((f) => r[f] !== undefined).map((f) => `${fieldLabel(lang, `${group}.${f}`)}：${formatValue(lang, `${group}.${f}`, r[f])}`).join('；')
  for (const [x, y] of pairs) {
    const name = String((x ?? y)![key] ?? '')
    const label = `${groupLabel}「${name}」`
    if (x && !y) out.push({ label, kind: 'removed', before: rowText(x) })
    else if (!x && y) out.push({ label, kind: 'added', after: rowText(y) })
    else if (x && y) {
      for (const f of fields) {
        if (same(x[f], y[f])) continue
        const fk = `${group}.${f}`
        const change: Change = { label: `${label} · ${fieldLabel(lang, fk)}`, kind: x[f] === undefined ? 'added' : y[f] === undefined ? 'removed' : 'changed' }
        if (x[f] !== undefined) change.before = formatValue(lang, fk, x[f])
        if (y[f] !== undefined) change.after = formatValue(lang, fk, y[f])
        out.push(change)
      }
    }
  }
  const order = (rows: Rec[]) => rows.map((r) => String(r[key])).filter((n) => a.some((r) => r[key] === n) && b.some((r) => r[key] === n))
  if (!same(order(a), order(b))) out.push({ label: `${groupLabel} · ${lang === 'en' ? 'order' : '顺序'}`, kind: 'changed', before: order(a).join(' → '), after: order(b).join(' → ') })
}

/** Every difference from `a` (older) to `b` (newer), in the order of the exchange format. */
export function diffRecords(lang: Lang, a: ServiceItemRecord, b: ServiceItemRecord): Change[] {
  const out: Change[] = []
  const A = a as unknown as Rec
  const B = b as unknown as Rec
  for (const key of FIELD_ORDER as string[]) {
    const x = A[key]
    const y = B[key]
    if (same(x, y)) continue
    if (ROWS[key]) diffRows(lang, key, (x as Rec[] | undefined) ?? [], (y as Rec[] | undefined) ?? [], out)
    else if (Array.isArray(x) || Array.isArray(y)) diffList(lang, key, (x as unknown[] | undefined) ?? [], (y as unknown[] | undefined) ?? [], out)
    else if (OBJECTS[key]) {
      for (const f of OBJECTS[key]!) {
        const xo = (x as Rec | undefined)?.[f]
        const yo = (y as Rec | undefined)?.[f]
        if (same(xo, yo)) continue
        const fk = `${key}.${f}`
        const c: Change = { label: `${fieldLabel(lang, key)} · ${fieldLabel(lang, fk)}`, kind: xo === undefined ? 'added' : yo === undefined ? 'removed' : 'changed' }
        if (xo !== undefined) c.before = formatValue(lang, fk, xo)
        if (yo !== undefined) c.after = formatValue(lang, fk, yo)
        out.push(c)
      }
    } else {
      const c: Change = { label: fieldLabel(lang, key), kind: x === undefined ? 'added' : y === undefined ? 'removed' : 'changed' }
      if (x !== undefined) c.before = formatValue(lang, key, x)
      if (y !== undefined) c.after = formatValue(lang, key, y)
      // status: an absent status means published (the exchange format's default).
      if (key === 'status') {
        c.kind = 'changed'
        c.before = formatValue(lang, key, x ?? 'published')
        c.after = formatValue(lang, key, y ?? 'published')
        if (c.before === c.after) continue
      }
      out.push(c)
    }
  }
  return out
}
