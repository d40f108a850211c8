/** The form post read back into values: nested raw values, the no-JS row buttons, and prefilled (locked) fields. */
import type { Lang } from '../../../platform/web/i18n'
import { FORM_LIMITS, PREFILL_SOURCES, allFields, type FormDefinition, type FormField, type PrefillKey } from './form-definition'

export type Prefilled = Record<string, { source: string }>

export function rowCount(f: FormField, value: unknown): number {
  const n = Array.isArray(value) ? value.length : 0
  return Math.min(Math.max(n, f.min ?? 1, 1), f.max ?? FORM_LIMITS.rowsDefault, FORM_LIMITS.rowsCeiling)
}

/**
 * The flat form post (`c.req.parseBody({ all: true })`, strings only) as the nested raw object validateFormValues
 * takes. Only the definition's fields are read; row indices above the limit and anything else are ignored.
 */
export function parseFormPost(def: FormDefinition, body: Record<string, string | string[]>): Record<string, unknown> {
  const one = (k: string): string | undefined => {
    const v = body[k]
    return typeof v === 'string' ? v : Array.isArray(v) ? v.find((x) => typeof x === 'string') : undefined
  }
  const many = (k: string): string[] | undefined => {
    const v = body[k]
    return typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x) => typeof x === 'string') : undefined
  }
  const read = (f: FormField, name: string): unknown => {
    if (f.type === 'checkbox' || f.type === 'file') return many(name)
    if (f.type === 'address') {
      const regionCode = one(`${name}.regionCode`), detail = one(`${name}.detail`)
      return regionCode === undefined && detail === undefined ? undefined : { regionCode: regionCode ?? '', detail: detail ?? '' }
    }
    return one(name)
  }
  const raw: Record<string, unknown> = {}
  for (const f of allFields(def)) {
    if (f.type !== 'rows') {
      const v = read(f, `f.${f.key}`)
      if (v !== undefined) raw[f.key] = v
      continue
    }
    const prefix = `f.${f.key}.`
    const indices = new Set<number>()
    for (const k of Object.keys(body)) {
      if (!k.startsWith(prefix)) continue
      const m = /^(\d{1,3})\./.exec(k.slice(prefix.length))
      if (m && Number(m[1]) < FORM_LIMITS.rowsCeiling) indices.add(Number(m[1]))
    }
    if (!indices.size) continue
    raw[f.key] = [...indices].sort((a, b) => a - b).map((i) => {
      const row: Record<string, unknown> = {}
      for (const c of f.columns ?? []) {
        const v = read(c, `${prefix}${i}.${c.key}`)
        if (v !== undefined) row[c.key] = v
      }
      return row
    })
  }
  return raw
}

/**
 * The no-JS row buttons: `_action=addrow:<key>` appends a blank row, `_action=delrow:<key>:<i>` removes row i.
 * Returns the raw values to re-render (nothing is validated or saved), or null when the post is not a row action.
 */
export function applyRowAction(def: FormDefinition, body: Record<string, string | string[]>, raw: Record<string, unknown>): Record<string, unknown> | null {
  const a = typeof body['_action'] === 'string' ? body['_action'] : ''
  const m = /^(addrow|delrow):([a-z][a-zA-Z0-9]{0,39})(?::(\d{1,3}))?$/.exec(a)
  if (!m) return null
  const f = allFields(def).find((x) => x.key === m[2] && x.type === 'rows')
  if (!f) return null
  const rows = Array.isArray(raw[f.key]) ? [...(raw[f.key] as unknown[])] : []
  while (rows.length < rowCount(f, rows)) rows.push({})
  if (m[1] === 'addrow' && rows.length < (f.max ?? FORM_LIMITS.rowsDefault)) rows.push({})
  if (m[1] === 'delrow' && m[3] !== undefined && Number(m[3]) < rows.length) rows.splice(Number(m[3]), 1)
  return { ...raw, [f.key]: rows }
}

/**
 * Overwrites every prefilled field with the data the applications layer read from the verified profile or a
 * registry (posted values for locked fields are never trusted), and says which fields are locked and why.
 * `sources` overrides the default source texts (PREFILL_SOURCES).
 */
export function applyPrefill(
  def: FormDefinition,
  raw: Record<string, unknown>,
  data: Partial<Record<PrefillKey, unknown>>,
  lang: Lang = 'zh',
  sources: Partial<Record<PrefillKey, string>> = {},
): { values: Record<string, unknown>; prefilled: Prefilled } {
  const values = { ...raw }
  const prefilled: Prefilled = {}
  for (const f of allFields(def)) {
    if (!f.prefill) continue
    const v = data[f.prefill]
    if (v === undefined || v === null || v === '') continue
    values[f.key] = v
    prefilled[f.key] = { source: sources[f.prefill] ?? (lang === 'en' ? PREFILL_SOURCES[f.prefill].en : PREFILL_SOURCES[f.prefill].zh) }
  }
  return { values, prefilled }
}
