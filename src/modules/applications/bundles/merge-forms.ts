import { allFields, materialPlan, type FieldError, type FormDefinition, type FormField, type FormSection, type FormValues, type Material } from '../../catalog'
import { DEFAULT_SEPARATE, type BundleDefinition } from './bundle-definitions'

/**
 * The merged form of a 一件事 bundle — a PURE function of the bundle's merge rules and each item's pinned form.
 *
 * Which fields are "the same question" (checked in this order, per field of each item in bundle order):
 *   1. an alias of the bundle names its key (premisesAddress ≡ venueAddress ≡ signAddress);
 *   2. a file field: the same material — by licenseType, else by the item's material name — is uploaded once;
 *   3. a key in `separate` (default: the generic 申请事项说明) stays the item's own;
 *   4. a prefilled field: the same prefill key (applicant.name …) — the first such field of an item only;
 *   5. otherwise the same key and the same type.
 * Two fields only merge when they are compatible (same type; same options; same row columns; same pattern;
 * overlapping ranges — the tighter range wins); an item never contributes two fields to one question.
 *
 * Layout: 申请人信息 (every field of the items' applicant sections, asked once), 共同事项 (questions two or more
 * items ask), 共用材料 (files two or more items need), then one section per item with what only it asks. A
 * merged field keeps its condition (showIf) only when every item asks it under the same condition; otherwise it
 * is always shown and required only where some item requires it unconditionally — the item forms, validated
 * one by one at submission, stay the authority and their errors are mapped back onto the merged fields.
 */
export type BundleItemForm = {
  code: string
  name: string
  definition: FormDefinition
  /** The item's materials (names and licence types of file fields). */
  materials: Material[]
}
export type MergedForm = {
  definition: FormDefinition
  /** Per item (bundle order): item field key → merged field key. */
  items: { code: string; name: string; keys: Record<string, string> }[]
  /** Merged field key → the item fields it stands for. */
  sources: Record<string, { item: number; key: string }[]>
  /** Field count of each item's own form. */
  itemFieldCounts: number[]
}
type MergeRules = Pick<BundleDefinition, 'aliases' | 'separate'>
type Slot = { item: number; section: string; f: FormField }

const choice = (f: FormField) => f.type === 'select' || f.type === 'radio' || f.type === 'checkbox'
const optionSig = (f: FormField) => JSON.stringify((f.options ?? []).map((o) => o.value).sort())
const columnSig = (f: FormField) => JSON.stringify((f.columns ?? []).map((c) => [c.key, c.type, c.required === true, optionSig(c), c.pattern ?? '']))
const lo = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b))
const hi = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.min(a, b))

function compatible(a: FormField, b: FormField): boolean {
  if (a.type !== b.type) return false
  if (choice(a) && optionSig(a) !== optionSig(b)) return false
  if (a.type === 'rows' && columnSig(a) !== columnSig(b)) return false
  if ((a.pattern ?? '') !== (b.pattern ?? '')) return false
  if (a.prefill && b.prefill && a.prefill !== b.prefill) return false
  const min = lo(a.min, b.min), max = hi(a.max, b.max)
  return min === undefined || max === undefined || min <= max
}

const KEY_MAX = 40
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

export function mergeForms(rules: MergeRules, items: BundleItemForm[]): MergedForm {
  const separate = new Set([...DEFAULT_SEPARATE, ...(rules.separate ?? [])])
  const aliasOf = (key: string) => rules.aliases?.find((a) => a.fields.includes(key))
  const classes = new Map<string, Slot[]>()

  items.forEach((it, i) => {
    const taken = new Set<string>()
    for (const s of it.definition.sections) {
      for (const f of s.fields) {
        const alias = aliasOf(f.key)
        let cls: string
        if (alias) cls = `alias:${alias.key}`
        else if (f.type === 'file') {
          const m = f.materialIndex === undefined ? undefined : it.materials[f.materialIndex]
          cls = `material:${m?.licenseType || m?.name || `${i}:${f.key}`}`
        } else if (separate.has(f.key)) cls = `own:${i}:${f.key}`
        else if (f.prefill && !taken.has(`prefill:${f.prefill}`)) cls = `prefill:${f.prefill}`
        else cls = `key:${f.key}:${f.type}`
        const existing = classes.get(cls)
        if (taken.has(cls) || (existing && !compatible(existing[0]!.f, f))) cls = `own:${i}:${f.key}`
        taken.add(cls)
        classes.set(cls, [...(classes.get(cls) ?? []), { item: i, section: s.key, f }])
      }
    }
  })

  // Layout: applicant → shared → shared files → each item's own.
  const all = [...classes.entries()]
  const applicant = all.filter(([, slots]) => slots[0]!.section === 'applicant')
  const rest = all.filter(([, slots]) => slots[0]!.section !== 'applicant')
  const shared = rest.filter(([, slots]) => slots.length > 1 && slots[0]!.f.type !== 'file')
  const sharedFiles = rest.filter(([, slots]) => slots.length > 1 && slots[0]!.f.type === 'file')
  const own = items.map((_, i) => rest.filter(([, slots]) => slots.length === 1 && slots[0]!.item === i))

  // Keys: the alias key or the first item's key; an item's own field that collides is renamed it<n><Key>.
  const used = new Set<string>()
  const keyOf = new Map<string, string>()
  const claim = (cls: string, slots: Slot[]) => {
    const alias = cls.startsWith('alias:') ? cls.slice(6) : null
    const want = alias ?? slots[0]!.f.key
    let key = want
    if (used.has(key)) {
      const ownKey = `it${slots[0]!.item + 1}${cap(want)}`
      key = ownKey.length <= KEY_MAX && !used.has(ownKey) ? ownKey : ''
      for (let n = 2; !key; n++) if (!used.has(`${want.slice(0, KEY_MAX - 4)}${n}`)) key = `${want.slice(0, KEY_MAX - 4)}${n}`
    }
    used.add(key)
    keyOf.set(cls, key)
  }
  for (const [cls, slots] of [...applicant, ...shared, ...sharedFiles, ...own.flat()]) claim(cls, slots)

  const maps = items.map(() => ({} as Record<string, string>))
  const sources: Record<string, { item: number; key: string }[]> = {}
  for (const [cls, slots] of classes) {
    const key = keyOf.get(cls)!
    sources[key] = slots.map((s) => ({ item: s.item, key: s.f.key }))
    for (const s of slots) maps[s.item]![s.f.key] = key
  }

  const build = (cls: string, slots: Slot[]): FormField => {
    const alias = cls.startsWith('alias:') ? rules.aliases!.find((a) => a.key === cls.slice(6)) : undefined
    const { showIf: _showIf, ...base } = slots[0]!.f
    const field: FormField = { ...base, key: keyOf.get(cls)! }
    const conds = slots.map((s) => (s.f.showIf ? JSON.stringify({ ...s.f.showIf, field: maps[s.item]![s.f.showIf.field] ?? `?${s.f.showIf.field}` }) : ''))
    const sameCondition = conds.every((c) => c === conds[0])
    if (sameCondition && conds[0]) field.showIf = JSON.parse(conds[0]) as FormField['showIf']
    const required = sameCondition ? slots.some((s) => s.f.required) : slots.some((s) => s.f.required && !s.f.showIf)
    if (required) field.required = true
    else delete field.required
    for (const s of slots.slice(1)) {
      const min = lo(field.min, s.f.min), max = hi(field.max, s.f.max), len = hi(field.maxLength, s.f.maxLength)
      if (min !== undefined) field.min = min
      if (max !== undefined) field.max = max
      if (len !== undefined) field.maxLength = len
    }
    if (alias?.label) field.label = alias.label
    if (alias?.labelEn) field.labelEn = alias.labelEn
    if (alias?.hint) {
      field.hint = alias.hint
      if (alias.hintEn) field.hintEn = alias.hintEn
      else delete field.hintEn
    } else if (slots.length > 1) {
      const names = [...new Set(slots.map((s) => items[s.item]!.name))]
      field.hint = `${field.hint ? `${field.hint} ` : ''}用于：${names.join('、')}。`.slice(0, 500)
      field.hintEn = `${field.hintEn ? `${field.hintEn} ` : ''}Used for ${names.length} services.`.slice(0, 500)
    }
    return field
  }
  const section = (key: string, title: string, titleEn: string | undefined, list: [string, Slot[]][]): FormSection[] =>
    list.length ? [{ key, title, ...(titleEn ? { titleEn } : {}), fields: list.map(([cls, slots]) => build(cls, slots)) }] : []
  const definition: FormDefinition = {
    schemaVersion: 1,
    sections: [
      ...section('applicant', '申请人信息', 'Applicant', applicant),
      ...section('shared', '共同事项', 'Shared details', shared),
      ...section('sharedMaterials', '共用材料', 'Documents used by several services', sharedFiles),
      ...items.flatMap((it, i) => section(`item${i + 1}`, it.name, undefined, own[i]!)),
    ],
  }
  return {
    definition,
    items: items.map((it, i) => ({ code: it.code, name: it.name, keys: maps[i]! })),
    sources,
    itemFieldCounts: items.map((it) => allFields(it.definition).length),
  }
}

/** The merged values split back into each item's own values (bundle order), keyed as each item's form expects. */
export function splitValues(m: MergedForm, values: FormValues): FormValues[] {
  return m.items.map((it) => {
    const out: FormValues = {}
    for (const [itemKey, mergedKey] of Object.entries(it.keys)) if (mergedKey in values) out[itemKey] = values[mergedKey]
    return out
  })
}

/** An item form's error path ('premisesAddress.detail', 'staff[2].name', '') on the merged form. */
export function mergedPath(m: MergedForm, item: number, path: string): string {
  const k = /^([a-zA-Z0-9]+)([\s\S]*)$/.exec(path)
  if (!k) return path
  return `${m.items[item]?.keys[k[1]!] ?? k[1]}${k[2]}`
}

/** Item-form errors on the merged form: one per merged path (the first), named after the item when useful. */
export function mergedErrors(m: MergedForm, perItem: FieldError[][]): FieldError[] {
  const seen = new Map<string, FieldError>()
  perItem.forEach((errors, i) => {
    for (const e of errors) {
      const path = mergedPath(m, i, e.path)
      if (!seen.has(path)) seen.set(path, { ...e, path, ...(path === '' ? { message: `${m.items[i]!.name}：${e.message}` } : {}) })
    }
  })
  return [...seen.values()]
}

export type FieldSavings = { separate: number; merged: number; saved: number }

/**
 * How many questions the merged form saves against filling in every item's form separately. Counts every field
 * of the definitions; with `applicantKind`, only what that kind of applicant is shown (fields conditional on the
 * other kind left out on both sides).
 */
export function mergedFieldSavings(m: MergedForm, opts: { itemForms?: FormDefinition[]; applicantKind?: 'individual' | 'enterprise' } = {}): FieldSavings {
  const count = (def: FormDefinition) => allFields(def).filter((f) => !opts.applicantKind || f.showIf?.field !== 'applicantKind' || [f.showIf.equals].flat().includes(opts.applicantKind)).length
  const separate = opts.applicantKind && opts.itemForms ? opts.itemForms.reduce((n, d) => n + count(d), 0) : m.itemFieldCounts.reduce((a, b) => a + b, 0)
  const merged = opts.applicantKind ? count(m.definition) : allFields(m.definition).length
  return { separate, merged, saved: separate - merged }
}

export type BundleMaterial = {
  name: string
  licenseType?: string
  /** upload: uploaded once for every item that needs it; shared: 免提交, read from shared data; form: the merged form replaces it. */
  disposition: 'upload' | 'shared' | 'form'
  sharedDataset?: string
  required: boolean
  items: string[]
  /** An upload material the applicant's valid e-licence satisfies (免提交; bundle-licences.ts). */
  licence?: { typeName: string; number: string }
}

/** Every material of the bundle's items, the same one (licence type, else name) listed once with the items that need it. */
export function bundleMaterials(items: { name: string; materials: Material[] }[]): BundleMaterial[] {
  const out = new Map<string, BundleMaterial>()
  for (const it of items) {
    for (const { material: m, disposition } of materialPlan({ materials: it.materials })) {
      const id = disposition === 'form' ? `form:${it.name}:${m.name}` : `${disposition}:${m.licenseType || m.name}`
      const seen = out.get(id)
      if (seen) {
        if (!seen.items.includes(it.name)) seen.items.push(it.name)
        seen.required ||= m.required !== false
      } else {
        out.set(id, {
          name: m.name, ...(m.licenseType ? { licenseType: m.licenseType } : {}), disposition, ...(m.sharedDataset ? { sharedDataset: m.sharedDataset } : {}),
          required: m.required !== false, items: [it.name],
        })
      }
    }
  }
  return [...out.values()]
}
