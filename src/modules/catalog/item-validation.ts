import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js'
import type { FieldError } from '../../platform/errors'
import { checkUscc } from '../../platform/identifiers'
import { serviceItemSchema, type ServiceItemRecord } from './service-item'

/**
 * Validation of one service item: the shared JSON Schema exactly (ajv, draft 2020-12), then the domain rules
 * the schema cannot express. Every problem names its field and says, in plain Chinese (then English), what to fix.
 */
const ajv = new Ajv2020({ allErrors: true, strict: false })
// Compiled at the first validation, not when the module loads (every process loads it; few validate items).
let compiled: ReturnType<typeof ajv.compile> | undefined
const schemaValidator = () => (compiled ??= ajv.compile(serviceItemSchema))

/** Limits against oversized input; the schema leaves many text fields unbounded. */
export const LIMITS = { lineBytes: 512 * 1024, text: 20_000, arrayItems: 500 }

export type ValidationContext = {
  /** True when the GB/T 2260 code exists in the regions table. */
  regionExists(code: string): boolean
}

function fieldOf(e: ErrorObject): string {
  const base = e.instancePath.replace(/^\//, '').replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.')
  if (e.keyword === 'required') return base ? `${base}.${String(e.params.missingProperty)}` : String(e.params.missingProperty)
  if (e.keyword === 'additionalProperties') {
    const p = String(e.params.additionalProperty)
    return base ? `${base}.${p}` : p
  }
  return base || '(line)'
}

function messageOf(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>
  switch (e.keyword) {
    case 'required':
      return `缺少必填字段“${String(p.missingProperty)}”，请补充。 Required field is missing.`
    case 'additionalProperties':
      return `未知字段“${String(p.additionalProperty)}”，交换格式不允许此字段，请删除或改用规定字段名。 Unknown field; remove it or use a field of the format.`
    case 'type':
      return `类型不正确，应为${typeZh(String(p.type))}。 Wrong type: expected ${String(p.type)}.`
    case 'enum':
      return `取值不在允许范围内，可选值：${(p.allowedValues as unknown[]).join(', ')}。 Value not allowed.`
    case 'maxLength':
      return `内容过长，最多${String(p.limit)}个字符。 Too long: at most ${String(p.limit)} characters.`
    case 'minLength':
      return `不能为空，请填写。 Must not be empty.`
    case 'pattern':
      return `格式不正确（行政区划代码应为6位或9位数字）。 Wrong format.`
    case 'minimum':
      return `不能小于${String(p.limit)}。 Must be at least ${String(p.limit)}.`
    case 'maximum':
      return `不能大于${String(p.limit)}。 Must be at most ${String(p.limit)}.`
    case 'minItems':
      return `至少需要${String(p.limit)}项。 At least ${String(p.limit)} entries are required.`
    default:
      return `${e.message ?? '取值无效'}。 Invalid value.`
  }
}
function typeZh(t: string): string {
  return ({ string: '文本', number: '数字', integer: '整数', boolean: '是/否 (true/false)', array: '列表', object: '对象' } as Record<string, string>)[t] ?? t
}

/** Schema + domain validation. Returns [] when the record is acceptable. */
export function validateItem(input: unknown, ctx: ValidationContext): FieldError[] {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return [{ field: '(line)', message: '每行必须是一个 JSON 对象。 Each line must be one JSON object.' }]
  }
  const errors: FieldError[] = []
  const validateSchema = schemaValidator()
  if (!validateSchema(input)) {
    const seen = new Set<string>()
    for (const e of validateSchema.errors ?? []) {
      if (e.keyword === 'if' || e.keyword === 'anyOf') continue
      const fe = { field: fieldOf(e), message: messageOf(e) }
      const key = `${fe.field}|${fe.message}`
      if (!seen.has(key)) {
        seen.add(key)
        errors.push(fe)
      }
    }
    return errors
  }
  const r = input as ServiceItemRecord
  checkSizes(r, '', errors)
  if (r.region && !ctx.regionExists(r.region.code)) {
    errors.push({ field: 'region.code', message: `行政区划代码“${r.region.code}”不存在于 GB/T 2260 区划表中，请核对。 Unknown region code.` })
  }
  if (r.department.code) {
    const m = checkUscc(r.department.code)
    if (m) errors.push({ field: 'department.code', message: m })
  }
  r.coDepartments?.forEach((d, i) => {
    if (d.code) {
      const m = checkUscc(d.code)
      if (m) errors.push({ field: `coDepartments[${i}].code`, message: m })
    }
  })
  if (r.promisedDays !== undefined && r.statutoryDays !== undefined && r.promisedDays > r.statutoryDays) {
    errors.push({ field: 'promisedDays', message: `承诺办结时限（${r.promisedDays}个工作日）不能超过法定办结时限（${r.statutoryDays}个工作日）。 The promised limit cannot exceed the statutory limit.` })
  }
  errors.push(...checkSteps(r))
  if (!r.name.trim()) errors.push({ field: 'name', message: '事项名称不能为空。 The name must not be blank.' })
  if (!r.code.trim()) errors.push({ field: 'code', message: '实施编码不能为空。 The code must not be blank.' })
  return errors
}

function checkSizes(v: unknown, path: string, errors: FieldError[]): void {
  if (typeof v === 'string') {
    if (v.length > LIMITS.text) errors.push({ field: path || '(line)', message: `内容过长，最多${LIMITS.text}个字符。 Too long.` })
  } else if (Array.isArray(v)) {
    if (v.length > LIMITS.arrayItems) errors.push({ field: path, message: `条目过多，最多${LIMITS.arrayItems}项。 Too many entries.` })
    v.forEach((x, i) => checkSizes(x, `${path}[${i}]`, errors))
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) checkSizes(x, path ? `${path}.${k}` : k, errors)
  }
}

/** Steps form a graph through `after`: names unique, predecessors exist, no cycles. */
export function checkSteps(r: Pick<ServiceItemRecord, 'steps'>): FieldError[] {
  const steps = r.steps ?? []
  const errors: FieldError[] = []
  const names = new Map<string, number>()
  steps.forEach((s, i) => {
    if (names.has(s.name)) errors.push({ field: `steps[${i}].name`, message: `环节名称“${s.name}”重复，每个环节名称须唯一。 Step names must be unique.` })
    names.set(s.name, i)
  })
  steps.forEach((s, i) =>
    (s.after ?? []).forEach((a, j) => {
      if (!names.has(a)) errors.push({ field: `steps[${i}].after[${j}]`, message: `前置环节“${a}”不存在，请填写本事项已有的环节名称。 Unknown predecessor step.` })
      if (a === s.name) errors.push({ field: `steps[${i}].after[${j}]`, message: '环节不能以自身为前置环节。 A step cannot follow itself.' })
    }),
  )
  if (errors.length) return errors
  // Kahn's algorithm: if not every step can be ordered, there is a cycle.
  const indeg = steps.map((s) => (s.after ?? []).length)
  const queue = steps.flatMap((_, i) => (indeg[i] === 0 ? [i] : []))
  let seen = 0
  while (queue.length) {
    const i = queue.shift()!
    seen++
    steps.forEach((s, j) => {
      if ((s.after ?? []).includes(steps[i]!.name) && --indeg[j]! === 0) queue.push(j)
    })
  }
  if (seen < steps.length) errors.push({ field: 'steps', message: '办理流程存在循环依赖（环节互为前置），请调整“前置环节”。 The steps form a cycle.' })
  return errors
}
