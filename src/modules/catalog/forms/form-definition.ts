import { z } from 'zod'

/**
 * The application form of a service item (issue 4, Deliver 2): catalogue data, versioned per item in
 * `item_forms`, generated from the item's materials when nobody has curated one (generate-form.ts), validated
 * by validateFormValues (validate-values.ts) on the server, rendered by FormFields (form-fields.tsx).
 *
 * Values are FLAT: every field key is unique in the whole form (not only its section), so `values.area` and the
 * HTML name `f.area` need no section prefix. Rows columns are unique within their row.
 */
export type PrefillKey =
  | 'applicant.name' | 'applicant.idNumber' | 'applicant.phone' | 'applicant.email' | 'applicant.address'
  | 'enterprise.name' | 'enterprise.uscc' | 'enterprise.legalRepName' | 'enterprise.address' | 'enterprise.regionCode'
export type FieldType = 'text' | 'textarea' | 'number' | 'date' | 'select' | 'radio' | 'checkbox' | 'idNumber' | 'uscc' | 'phone' | 'email' | 'address' | 'rows' | 'file'
export type FormField = {
  /** ^[a-z][a-zA-Z0-9]{0,39}$, unique in the form (rows columns: unique within the row). */
  key: string
  type: FieldType
  label: string; labelEn?: string; hint?: string; hintEn?: string
  required?: boolean
  /** select / radio / checkbox */
  options?: { value: string; label: string; labelEn?: string }[]
  /**
   * number: value range; date: days relative to the day of validation (max: 0 = not in the future, min: 0 = not in
   * the past); rows: row count; checkbox: number of ticked options; file: number of files (max).
   */
  min?: number; max?: number
  /** text (default 200), textarea (default 2000); never above 10000. */
  maxLength?: number
  /** text/textarea only: a whole-value regular expression (≤ 200 characters, no nested quantifiers). */
  pattern?: string; patternMessage?: string
  /** Shown only when the earlier top-level field `field` equals one of `equals` / is not empty. Hidden → dropped, not validated. */
  showIf?: { field: string; equals?: string | string[]; notEmpty?: boolean }
  /** Filled from the verified profile or a registry and shown locked with its source; posted values are ignored. */
  prefill?: PrefillKey
  /** rows only: the columns of each row (no rows, no file inside). */
  columns?: FormField[]
  /** file only: index into the item's `materials` this upload satisfies. */
  materialIndex?: number
}
export type FormSection = { key: string; title: string; titleEn?: string; fields: FormField[] }
export type FormDefinition = { schemaVersion: 1; sections: FormSection[] }
/** rows → array of objects; checkbox → string[]; address → { regionCode, detail }; number → number; file → string[] (upload ids). */
export type FormValues = Record<string, unknown>
/** path: 'area', 'premisesAddress.detail', 'staff[2].name'; '' for the whole form. */
export type FieldError = { path: string; message: string; messageEn: string }

export const PREFILL_KEYS: readonly PrefillKey[] = [
  'applicant.name', 'applicant.idNumber', 'applicant.phone', 'applicant.email', 'applicant.address',
  'enterprise.name', 'enterprise.uscc', 'enterprise.legalRepName', 'enterprise.address', 'enterprise.regionCode',
]
export const FIELD_TYPES: readonly FieldType[] = ['text', 'textarea', 'number', 'date', 'select', 'radio', 'checkbox', 'idNumber', 'uscc', 'phone', 'email', 'address', 'rows', 'file']
export const FIELD_TYPE_LABELS: Record<FieldType, { zh: string; en: string }> = {
  text: { zh: '单行文字', en: 'Text' }, textarea: { zh: '多行文字', en: 'Long text' }, number: { zh: '数字', en: 'Number' }, date: { zh: '日期', en: 'Date' },
  select: { zh: '下拉选择', en: 'Select' }, radio: { zh: '单选', en: 'Radio' }, checkbox: { zh: '多选', en: 'Checkboxes' }, idNumber: { zh: '身份证号', en: 'ID number' },
  uscc: { zh: '统一社会信用代码', en: 'USCC' }, phone: { zh: '手机号码', en: 'Mobile' }, email: { zh: '电子邮箱', en: 'Email' }, address: { zh: '地址（含行政区划）', en: 'Address' },
  rows: { zh: '可重复行', en: 'Repeating rows' }, file: { zh: '上传文件', en: 'File upload' },
}
/** Where prefilled data comes from (the text under a locked field: "来源：…"). The applications layer may pass its own. */
export const PREFILL_SOURCES: Record<PrefillKey, { zh: string; en: string }> = {
  'applicant.name': { zh: '实名认证信息（公安人口库）', en: 'Verified identity (population registry)' },
  'applicant.idNumber': { zh: '实名认证信息（公安人口库）', en: 'Verified identity (population registry)' },
  'applicant.phone': { zh: '账号绑定手机', en: 'Your account phone' },
  'applicant.email': { zh: '账号资料', en: 'Your account' },
  'applicant.address': { zh: '公安人口库', en: 'Population registry' },
  'enterprise.name': { zh: '市场监管法人库', en: 'Legal entity registry' },
  'enterprise.uscc': { zh: '市场监管法人库', en: 'Legal entity registry' },
  'enterprise.legalRepName': { zh: '市场监管法人库', en: 'Legal entity registry' },
  'enterprise.address': { zh: '市场监管法人库', en: 'Legal entity registry' },
  'enterprise.regionCode': { zh: '市场监管法人库', en: 'Legal entity registry' },
}

export const FORM_LIMITS = {
  sections: 30, fields: 200, columns: 50, options: 100, keyLength: 40, label: 100, hint: 500, optionValue: 60,
  textDefault: 200, textareaDefault: 2000, maxLengthCeiling: 10_000, rowsDefault: 50, rowsCeiling: 500, filesDefault: 10, pattern: 200,
  /** whole definition, canonical JSON */
  definitionBytes: 200_000,
} as const

export const KEY_RE = /^[a-z][a-zA-Z0-9]{0,39}$/
const OPTION_TYPES: FieldType[] = ['select', 'radio', 'checkbox']

/** Nested quantifiers ((a+)+, (\w*)*) are the classic catastrophic-backtracking shapes: refused. */
export function unsafePattern(p: string): string | null {
  if (p.length > FORM_LIMITS.pattern) return `格式规则最多${FORM_LIMITS.pattern}个字符。 A pattern has at most ${FORM_LIMITS.pattern} characters.`
  if (/\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*[+*{?]/.test(p) || /\\[1-9]/.test(p)) {
    return '格式规则不能含嵌套的重复（如 (a+)+）或反向引用，请简化。 Nested repetition and back-references are not allowed; simplify the pattern.'
  }
  try {
    new RegExp(`^(?:${p})$`, 'u')
  } catch {
    return '格式规则不是有效的正则表达式，请检查括号和转义。 The pattern is not a valid regular expression.'
  }
  return null
}

const text = (max: number) => z.string().trim().min(1).max(max)
const optionSchema = z.strictObject({ value: z.string().min(1).max(FORM_LIMITS.optionValue), label: text(FORM_LIMITS.label), labelEn: text(FORM_LIMITS.label).optional() })
const fieldShape = {
  key: z.string().regex(KEY_RE),
  type: z.enum(FIELD_TYPES as [FieldType, ...FieldType[]]),
  label: text(FORM_LIMITS.label),
  labelEn: text(FORM_LIMITS.label).optional(),
  hint: text(FORM_LIMITS.hint).optional(),
  hintEn: text(FORM_LIMITS.hint).optional(),
  required: z.boolean().optional(),
  options: z.array(optionSchema).min(1).max(FORM_LIMITS.options).optional(),
  min: z.number().finite().optional(),
  max: z.number().finite().optional(),
  maxLength: z.number().int().min(1).max(FORM_LIMITS.maxLengthCeiling).optional(),
  pattern: z.string().min(1).max(FORM_LIMITS.pattern).optional(),
  patternMessage: text(FORM_LIMITS.hint).optional(),
  showIf: z.strictObject({ field: z.string().regex(KEY_RE), equals: z.union([z.string().max(FORM_LIMITS.optionValue), z.array(z.string().max(FORM_LIMITS.optionValue)).min(1).max(FORM_LIMITS.options)]).optional(), notEmpty: z.boolean().optional() }).optional(),
  prefill: z.enum(PREFILL_KEYS as [PrefillKey, ...PrefillKey[]]).optional(),
  materialIndex: z.number().int().min(0).max(999).optional(),
}
const columnSchema = z.strictObject(fieldShape)
const fieldSchema = z.strictObject({ ...fieldShape, columns: z.array(columnSchema).min(1).max(FORM_LIMITS.columns).optional() })
const sectionSchema = z.strictObject({ key: z.string().regex(KEY_RE), title: text(FORM_LIMITS.label), titleEn: text(FORM_LIMITS.label).optional(), fields: z.array(fieldSchema).max(FORM_LIMITS.fields) })
/** The structure of a definition; semantic rules (unique keys, showIf order, options…) are in validateDefinition. */
export const formDefinitionSchema = z.strictObject({ schemaVersion: z.literal(1), sections: z.array(sectionSchema).min(1).max(FORM_LIMITS.sections) })

export type DefinitionError = { path: string; message: string }

function pathOf(p: readonly PropertyKey[]): string {
  return p.map((x, i) => (typeof x === 'number' ? `[${x}]` : `${i ? '.' : ''}${String(x)}`)).join('')
}

function zodMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': return '类型不对或缺少此项，请按说明填写。 Wrong type or missing.'
    case 'too_big': return `超过上限（${String((issue as { maximum?: unknown }).maximum)}），请精简。 Above the limit.`
    case 'too_small': return '不能为空或数量不足，请补充。 Empty or too few.'
    case 'unrecognized_keys': return `有不认识的属性：${(issue as { keys: string[] }).keys.join('、')}，请删除。 Unknown properties.`
    case 'invalid_value': return '取值不在允许范围内，请从说明中选择。 Value not allowed.'
    case 'invalid_format': return '格式不对：键名以小写字母开头，只含字母和数字，最多40个字符。 Keys start with a lower-case letter, letters and digits only, at most 40.'
    default: return '此项有误，请检查。 Invalid.'
  }
}

function fieldRules(f: FormField, at: string, inRows: boolean, err: (path: string, m: string) => void): void {
  if (OPTION_TYPES.includes(f.type)) {
    if (!f.options?.length) err(`${at}.options`, '单选、多选和下拉选择至少要有一个选项。 Add at least one option.')
    else {
      const seen = new Set<string>()
      f.options.forEach((o, i) => {
        if (seen.has(o.value)) err(`${at}.options[${i}].value`, `选项值“${o.value}”重复，请改为不同的值。 Duplicate option value.`)
        seen.add(o.value)
      })
    }
  } else if (f.options) err(`${at}.options`, '只有单选、多选和下拉选择可以设置选项。 Only select, radio and checkbox fields have options.')
  if (f.type === 'rows') {
    if (inRows) err(`${at}.type`, '可重复行里不能再嵌套可重复行。 Rows cannot be nested.')
    else if (!f.columns?.length) err(`${at}.columns`, '可重复行至少要有一列。 Add at least one column.')
    else {
      const seen = new Set<string>()
      f.columns.forEach((c, i) => {
        const cat = `${at}.columns[${i}]`
        if (seen.has(c.key)) err(`${cat}.key`, `列“${c.key}”重复，请改名。 Duplicate column key.`)
        seen.add(c.key)
        if (c.type === 'file' || c.type === 'rows') err(`${cat}.type`, '可重复行的列不能是文件或可重复行。 A column cannot be a file or rows.')
        if (c.showIf) err(`${cat}.showIf`, '可重复行的列不支持显示条件。 Columns cannot be conditional.')
        if (c.prefill) err(`${cat}.prefill`, '可重复行的列不能自动填充。 Columns cannot be prefilled.')
        fieldRules(c, cat, true, err)
      })
    }
  } else if (f.columns) err(`${at}.columns`, '只有可重复行可以设置列。 Only rows fields have columns.')
  if (f.type === 'file') {
    if (f.materialIndex === undefined) err(`${at}.materialIndex`, '上传文件要说明对应第几项申请材料（materialIndex）。 Say which material this upload is for.')
    if (f.prefill) err(`${at}.prefill`, '上传文件不能自动填充。 Files cannot be prefilled.')
  } else if (f.materialIndex !== undefined) err(`${at}.materialIndex`, '只有上传文件对应申请材料。 Only file fields have a material.')
  if (f.maxLength !== undefined && f.type !== 'text' && f.type !== 'textarea') err(`${at}.maxLength`, '只有文字项可以设置最大长度。 Only text fields have a maximum length.')
  if (f.pattern !== undefined) {
    if (f.type !== 'text' && f.type !== 'textarea') err(`${at}.pattern`, '只有文字项可以设置格式规则。 Only text fields have a pattern.')
    else {
      const bad = unsafePattern(f.pattern)
      if (bad) err(`${at}.pattern`, bad)
    }
  }
  if (f.min !== undefined || f.max !== undefined) {
    if (!['number', 'date', 'rows', 'checkbox', 'file'].includes(f.type)) err(`${at}.min`, '只有数字、日期、多选、可重复行和上传文件可以设置上下限。 Only number, date, checkbox, rows and file fields have limits.')
    if (f.min !== undefined && f.max !== undefined && f.min > f.max) err(`${at}.max`, '上限不能小于下限。 max must not be below min.')
    if (['rows', 'checkbox', 'file'].includes(f.type)) {
      for (const k of ['min', 'max'] as const) {
        const v = f[k]
        if (v !== undefined && (!Number.isInteger(v) || v < 0 || v > FORM_LIMITS.rowsCeiling)) err(`${at}.${k}`, `数量上下限应为0至${FORM_LIMITS.rowsCeiling}的整数。 Counts are whole numbers from 0 to ${FORM_LIMITS.rowsCeiling}.`)
      }
    }
    if (f.type === 'date') {
      for (const k of ['min', 'max'] as const) {
        const v = f[k]
        if (v !== undefined && (!Number.isInteger(v) || Math.abs(v) > 100 * 366)) err(`${at}.${k}`, '日期上下限是相对今天的天数（整数，±36600以内）。 Date limits are whole days from today.')
      }
    }
  }
  if (f.prefill && (f.type === 'rows' || f.type === 'checkbox')) err(`${at}.prefill`, '这种类型不能自动填充。 This type cannot be prefilled.')
}

/**
 * Checks a definition: structure (zod) then the rules zod cannot say — keys unique across the form, showIf
 * naming an EARLIER top-level field (and one of its options when it has options), options only where they
 * belong, rows columns, sane limits, safe patterns, ≤ 200 fields in all. Returns [] when valid.
 */
export function validateDefinition(def: unknown): DefinitionError[] {
  const parsed = formDefinitionSchema.safeParse(def)
  if (!parsed.success) return parsed.error.issues.slice(0, 50).map((i) => ({ path: pathOf(i.path), message: zodMessage(i) }))
  const d = parsed.data as FormDefinition
  const errors: DefinitionError[] = []
  const err = (path: string, message: string) => errors.push({ path, message })
  if (JSON.stringify(d).length > FORM_LIMITS.definitionBytes) err('', `表单定义过大（上限约${FORM_LIMITS.definitionBytes / 1000}KB），请精简。 The definition is too large.`)
  const total = d.sections.reduce((n, s) => n + s.fields.length, 0)
  if (total > FORM_LIMITS.fields) err('sections', `整张表最多${FORM_LIMITS.fields}项，当前${total}项。 At most ${FORM_LIMITS.fields} fields in a form.`)
  const sectionKeys = new Set<string>()
  const earlier = new Map<string, FormField>()
  d.sections.forEach((s, si) => {
    if (sectionKeys.has(s.key)) err(`sections[${si}].key`, `分组“${s.key}”重复，请改名。 Duplicate section key.`)
    sectionKeys.add(s.key)
    s.fields.forEach((f, fi) => {
      const at = `sections[${si}].fields[${fi}]`
      if (earlier.has(f.key)) err(`${at}.key`, `字段“${f.key}”在表中已出现，请改为不同的键名。 Duplicate field key.`)
      fieldRules(f, at, false, err)
      if (f.showIf) {
        const dep = earlier.get(f.showIf.field)
        if (!dep) err(`${at}.showIf.field`, `显示条件要引用排在它前面的字段，找不到“${f.showIf.field}”。 showIf must name an earlier field.`)
        else if (dep.type === 'rows' || dep.type === 'file') err(`${at}.showIf.field`, '显示条件不能引用可重复行或上传文件。 showIf cannot name rows or file fields.')
        else if (f.showIf.equals !== undefined && dep.options) {
          const allowed = new Set(dep.options.map((o) => o.value))
          for (const v of [f.showIf.equals].flat()) if (!allowed.has(v)) err(`${at}.showIf.equals`, `“${v}”不是字段“${dep.key}”的选项。 Not an option of that field.`)
        }
        if (f.showIf.equals === undefined && !f.showIf.notEmpty) err(`${at}.showIf`, '显示条件要写 equals（等于某值）或 notEmpty（已填写）。 Give equals or notEmpty.')
      }
      earlier.set(f.key, f)
    })
  })
  return errors
}

/** Every top-level field in order (sections flattened). */
export function allFields(def: FormDefinition): FormField[] {
  return def.sections.flatMap((s) => s.fields)
}
