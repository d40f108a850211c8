import type { FieldError } from '../../../platform/errors'
import type { Material, ServiceItemRecord, Step } from '../service-item'

/**
 * The editor form as flat name → value pairs (exactly what the browser posts), and the two conversions
 * record → form (to pre-fill) and form → record (to save). Field names double as element ids, so a
 * validation path such as `materials[2].name` maps to the id `materials-<row>-name` of the row the person
 * actually typed in (empty rows are dropped before saving, so record indices and form rows differ).
 */
export type FormValues = Record<string, string | string[]>
export type DepartmentOption = { id: string; name: string; code: string | null }

export const ROW_GROUPS = {
  materials: ['name', 'required', 'form', 'originals', 'copies', 'source', 'issuer', 'licenseType', 'sharedDataset', 'notes', 'templateUrl'],
  steps: ['name', 'department', 'days', 'after'],
  faqs: ['q', 'a'],
} as const
export type RowGroup = keyof typeof ROW_GROUPS
/** Fields entered one entry per line in a textarea. */
const LINE_LISTS = ['legalBasis', 'specialProcedures', 'intermediaryServices', 'keywords'] as const
const BOOLEANS = ['supportsAppointment', 'supportsOnlinePayment', 'supportsDelivery'] as const
const MAX_ROW = 499
/** Checkbox groups post in option order; a hidden `order-<group>` field keeps the record's own order. */
export const ORDERED_GROUPS = ['audience', 'themes', 'channels'] as const

export function str(v: FormValues, key: string): string {
  const x = v[key]
  return (Array.isArray(x) ? (x[0] ?? '') : (x ?? '')).trim()
}
export function list(v: FormValues, key: string): string[] {
  const x = v[key]
  return (Array.isArray(x) ? x : x === undefined || x === '' ? [] : [x]).map((s) => s.trim()).filter(Boolean)
}
/** Checked values in the order the record had them; newly ticked ones follow in option order. */
function ordered(v: FormValues, key: string): string[] {
  const order = str(v, `order-${key}`).split(/\r?\n/).filter(Boolean)
  const picked = [...new Set(list(v, key))]
  const rank = (x: string) => (order.includes(x) ? order.indexOf(x) : order.length + picked.indexOf(x))
  return picked.sort((a, b) => rank(a) - rank(b))
}
const lines = (s: string) => s.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)
/** steps "after": names separated by commas (half- or full-width) or 、. */
export const splitNames = (s: string) => s.split(/[,，、;；]/).map((l) => l.trim()).filter(Boolean)
const toHalfWidth = (s: string) => s.replace(/[０-９．]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))

/** Row numbers present in the posted form for a group (sorted; bounded so a hostile form cannot loop long). */
export function rowsOf(v: FormValues, group: RowGroup): number[] {
  const re = new RegExp(`^${group}-(\\d{1,3})-`)
  const rows = new Set<number>()
  for (const k of Object.keys(v)) {
    const m = re.exec(k)
    if (m && Number(m[1]) <= MAX_ROW) rows.add(Number(m[1]))
  }
  return [...rows].sort((a, b) => a - b)
}

export type FormToRecord = {
  record: Record<string, unknown>
  /** Problems found while reading the form (numbers that are not numbers, rows without a name); field = element id. */
  errors: FieldError[]
  /** Record index → form row number, per group, to map validation paths back to the fields. */
  rowMap: Record<RowGroup, number[]>
}

export function formToRecord(v: FormValues, departments: DepartmentOption[]): FormToRecord {
  const errors: FieldError[] = []
  const r: Record<string, unknown> = {}
  const rowMap: Record<RowGroup, number[]> = { materials: [], steps: [], faqs: [] }
  const num = (key: string, opts: { integer?: boolean } = {}): number | undefined => {
    const s = toHalfWidth(str(v, key))
    if (!s) return undefined
    const n = Number(s)
    if (!/^\d+(\.\d+)?$/.test(s) || !Number.isFinite(n) || (opts.integer && !Number.isInteger(n))) {
      errors.push({ field: key, message: opts.integer ? '请输入不小于 0 的整数，例如 2。 Enter a whole number such as 2.' : '请输入不小于 0 的数字，例如 20。 Enter a number such as 20.' })
      return undefined
    }
    return n
  }
  const text = (key: string, target = key) => {
    const s = str(v, key)
    if (s) r[target] = s
  }

  text('code')
  text('baseCode')
  text('name')
  text('type')
  const depId = str(v, 'department')
  if (depId) {
    const d = departments.find((x) => x.id === depId)
    if (d) r.department = d.code ? { name: d.name, code: d.code } : { name: d.name }
    else errors.push({ field: 'department', message: '所选实施主体不存在，请重新选择。 Choose a department from the list.' })
  }
  const co = lines(str(v, 'coDepartments')).map((l) => {
    const [name, code] = l.split(/[|｜]/).map((x) => x.trim())
    return code ? { name: name ?? '', code } : { name: name ?? '' }
  })
  if (co.length) r.coDepartments = co
  const regionCode = toHalfWidth(str(v, 'region-code'))
  const regionName = str(v, 'region-name')
  if (regionCode) r.region = regionName ? { code: regionCode, name: regionName } : { code: regionCode }
  else if (regionName) errors.push({ field: 'region-code', message: '填写了区划名称时，请同时填写6位行政区划代码。 Enter the region code too.' })
  text('level')
  const audience = ordered(v, 'audience')
  if (audience.length) r.audience = audience
  const themes = ordered(v, 'themes')
  if (themes.length) r.themes = themes
  text('description')
  const legal = lines(str(v, 'legalBasis'))
  if (legal.length) r.legalBasis = legal
  text('conditions')

  const materials: Material[] = []
  for (const row of rowsOf(v, 'materials')) {
    const f = (k: string) => `materials-${row}-${k}`
    if (ROW_GROUPS.materials.every((k) => !str(v, f(k)))) continue
    const m: Record<string, unknown> = { name: str(v, f('name')) }
    if (!m.name) errors.push({ field: f('name'), message: '请填写材料名称，或清空这一行。 Enter the material name or clear the row.' })
    const req = str(v, f('required'))
    if (req) m.required = req === 'true'
    for (const k of ['form', 'source', 'issuer', 'licenseType', 'sharedDataset', 'notes', 'templateUrl']) if (str(v, f(k))) m[k] = str(v, f(k))
    for (const k of ['originals', 'copies']) {
      const n = num(f(k), { integer: true })
      if (n !== undefined) m[k] = n
    }
    rowMap.materials.push(row)
    materials.push(m as Material)
  }
  if (materials.length) r.materials = materials

  const steps: Step[] = []
  for (const row of rowsOf(v, 'steps')) {
    const f = (k: string) => `steps-${row}-${k}`
    if (ROW_GROUPS.steps.every((k) => !str(v, f(k)))) continue
    const s: Record<string, unknown> = { name: str(v, f('name')) }
    if (!s.name) errors.push({ field: f('name'), message: '请填写环节名称，或清空这一行。 Enter the step name or clear the row.' })
    if (str(v, f('department'))) s.department = str(v, f('department'))
    const days = num(f('days'))
    if (days !== undefined) s.days = days
    const after = splitNames(str(v, f('after')))
    if (after.length) s.after = after
    rowMap.steps.push(row)
    steps.push(s as Step)
  }
  if (steps.length) r.steps = steps

  text('caseKind')
  for (const k of ['statutoryDays', 'promisedDays']) {
    const n = num(k)
    if (n !== undefined) r[k] = n
  }
  const fee: Record<string, unknown> = {}
  if (str(v, 'fee-charged')) fee.charged = str(v, 'fee-charged') === 'true'
  if (str(v, 'fee-standard')) fee.standard = str(v, 'fee-standard')
  if (str(v, 'fee-basis')) fee.basis = str(v, 'fee-basis')
  const amount = num('fee-amountYuan')
  if (amount !== undefined) fee.amountYuan = amount
  if (Object.keys(fee).length) r.fee = fee
  const channels = ordered(v, 'channels')
  if (channels.length) r.channels = channels
  const online = num('onlineLevel', { integer: true })
  if (online !== undefined) r.onlineLevel = online
  const visits = num('visitsRequired', { integer: true })
  if (visits !== undefined) r.visitsRequired = visits
  text('crossRegionScope')
  for (const k of BOOLEANS) if (str(v, k)) r[k] = str(v, k) === 'true'
  const result: Record<string, unknown> = {}
  for (const k of ['name', 'kind', 'licenseType']) if (str(v, `result-${k}`)) result[k] = str(v, `result-${k}`)
  const validity = num('result-validityYears')
  if (validity !== undefined) result.validityYears = validity
  if (Object.keys(result).length) r.result = result
  for (const k of ['specialProcedures', 'intermediaryServices']) {
    const l = lines(str(v, k))
    if (l.length) r[k] = l
  }
  for (const k of ['location', 'hours', 'consultPhone', 'complaintPhone']) text(k)

  const faqs: { q: string; a: string }[] = []
  for (const row of rowsOf(v, 'faqs')) {
    const q = str(v, `faqs-${row}-q`)
    const a = str(v, `faqs-${row}-a`)
    if (!q && !a) continue
    if (!q) errors.push({ field: `faqs-${row}-q`, message: '请填写问题，或清空这一行。 Enter the question or clear the row.' })
    if (!a) errors.push({ field: `faqs-${row}-a`, message: '请填写解答，或清空这一行。 Enter the answer or clear the row.' })
    rowMap.faqs.push(row)
    faqs.push({ q, a })
  }
  if (faqs.length) r.faqs = faqs
  const keywords = lines(str(v, 'keywords'))
  if (keywords.length) r.keywords = keywords
  return { record: r, errors, rowMap }
}

/** The form pre-filled from a record (with no empty rows; the page adds those). */
export function recordToForm(r: ServiceItemRecord, departments: DepartmentOption[]): FormValues {
  const v: FormValues = {}
  const set = (k: string, x: string | number | boolean | undefined) => {
    if (x !== undefined && x !== '') v[k] = String(x)
  }
  set('code', r.code)
  set('baseCode', r.baseCode)
  set('name', r.name)
  set('type', r.type)
  const dep = departments.find((d) => (r.department.code ? d.code === r.department.code : false)) ?? departments.find((d) => d.name === r.department.name)
  set('department', dep?.id)
  set('coDepartments', (r.coDepartments ?? []).map((d) => (d.code ? `${d.name} | ${d.code}` : d.name)).join('\n'))
  set('region-code', r.region?.code)
  set('region-name', r.region?.name)
  set('level', r.level)
  v.audience = [...r.audience]
  v.themes = [...(r.themes ?? [])]
  for (const g of ORDERED_GROUPS) set(`order-${g}`, (r[g] ?? []).join('\n'))
  set('description', r.description)
  set('conditions', r.conditions)
  ;(r.materials ?? []).forEach((m, i) => {
    for (const k of ROW_GROUPS.materials) set(`materials-${i}-${k}`, m[k as keyof Material])
  })
  ;(r.steps ?? []).forEach((s, i) => {
    set(`steps-${i}-name`, s.name)
    set(`steps-${i}-department`, s.department)
    set(`steps-${i}-days`, s.days)
    set(`steps-${i}-after`, (s.after ?? []).join('，'))
  })
  set('caseKind', r.caseKind)
  set('statutoryDays', r.statutoryDays)
  set('promisedDays', r.promisedDays)
  set('fee-charged', r.fee?.charged)
  set('fee-standard', r.fee?.standard)
  set('fee-basis', r.fee?.basis)
  set('fee-amountYuan', r.fee?.amountYuan)
  v.channels = [...(r.channels ?? [])]
  set('onlineLevel', r.onlineLevel)
  set('visitsRequired', r.visitsRequired)
  set('crossRegionScope', r.crossRegionScope)
  for (const k of BOOLEANS) set(k, r[k])
  set('result-name', r.result?.name)
  set('result-kind', r.result?.kind)
  set('result-licenseType', r.result?.licenseType)
  set('result-validityYears', r.result?.validityYears)
  for (const k of LINE_LISTS) set(k, (r[k] ?? []).join('\n'))
  for (const k of ['location', 'hours', 'consultPhone', 'complaintPhone'] as const) set(k, r[k])
  ;(r.faqs ?? []).forEach((f, i) => {
    set(`faqs-${i}-q`, f.q)
    set(`faqs-${i}-a`, f.a)
  })
  return v
}

/** Maps a validateItem path (`materials[2].name`, `steps[1].after[0]`, `region.code`) to a form element id. */
export function fieldIdOf(path: string, rowMap: Record<RowGroup, number[]>): string {
  const row = /^(materials|steps|faqs)(?:\[(\d+)\](?:\.(\w+))?)?/.exec(path)
  if (row) {
    const group = row[1] as RowGroup
    const first = group === 'faqs' ? 'q' : 'name'
    const formRow = row[2] !== undefined ? (rowMap[group][Number(row[2])] ?? Number(row[2])) : (rowMap[group][0] ?? 0)
    const field = row[3] && (ROW_GROUPS[group] as readonly string[]).includes(row[3]) ? row[3] : group === 'steps' && path === 'steps' ? 'after' : first
    return `${group}-${formRow}-${field}`
  }
  if (path.startsWith('department')) return 'department'
  if (path.startsWith('coDepartments')) return 'coDepartments'
  if (path === 'region' || path.startsWith('region.code')) return 'region-code'
  if (path.startsWith('region.name')) return 'region-name'
  const nested = /^(fee|result)\.(\w+)/.exec(path)
  if (nested) return `${nested[1]}-${nested[2]}`
  if (path === 'fee') return 'fee-charged'
  if (path === 'result') return 'result-name'
  const listItem = /^(\w+)\[\d+\]/.exec(path)
  if (listItem) return listItem[1]!
  if (path === '(line)' || path === '') return 'code'
  return path
}

/** The label key (FIELD_LABELS) and 1-based row number of a form element id. */
export function labelKeyOfId(id: string): { key: string; row?: number } {
  const m = /^(materials|steps|faqs)-(\d+)-(\w+)$/.exec(id)
  if (m) return { key: `${m[1]}.${m[3]}`, row: Number(m[2]) + 1 }
  const n = /^(fee|result|region)-(\w+)$/.exec(id)
  if (n) return { key: `${n[1]}.${n[2]}` }
  return { key: id }
}
