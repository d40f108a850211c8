import { checkIdNumber, checkMobilePhone, checkUscc, normalizeMobilePhone } from '../../../platform/identifiers'
import { FORM_LIMITS, allFields, type FieldError, type FormDefinition, type FormField, type FormValues } from './form-definition'

/**
 * validateFormValues: the one rule set for an applicant's answers, pure (no I/O), used by the server on every
 * save and submit. The browser gets the cheap part of it through HTML attributes the renderer sets (required,
 * maxlength, min/max, type=date/email/tel, inputmode); the server is the authority.
 *
 *  - unknown keys are dropped; hidden conditional fields are dropped and not validated;
 *  - `partial` (drafts): "required" is not checked, every format error still is;
 *  - values that fail are left out of `values` (the caller re-renders the posted input and saves nothing).
 */
export type ValidateOptions = {
  partial?: boolean
  /** "Today" for relative date limits (default: now, China Standard Time). */
  today?: Date
  /** GB/T 2260 existence check for address region codes (the caller passes the regions table); shape only when absent. */
  regionExists?: (code: string) => boolean
}

export type ValidationResult = { values: FormValues; errors: FieldError[] }

const MAX_ERRORS = 200
const REGION_RE = /^[1-9][0-9]{5}$/
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const NUMBER_RE = /^[+-]?\d{1,15}(\.\d{1,6})?$/
const EMAIL_RE = /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/
const UPLOAD_ID_RE = /^[A-Za-z0-9_-]{1,64}$/

type Msg = [zh: string, en: string]
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.every(isEmpty)) || (isObj(v) && Object.values(v).every(isEmpty))

function labelOf(f: FormField): Msg {
  return [f.label, f.labelEn ?? f.label]
}

/** One string out of a form value: strings, numbers and a single-element array are accepted. */
function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  if (Array.isArray(v) && v.length === 1) return scalar(v[0])
  return undefined
}

function cstDay(d: Date): number {
  const z = new Date(d.getTime() + 8 * 3600 * 1000)
  return Date.UTC(z.getUTCFullYear(), z.getUTCMonth(), z.getUTCDate()) / 86400000
}

function dateLabel(dayNumber: number): string {
  return new Date(dayNumber * 86400000).toISOString().slice(0, 10)
}

class Ctx {
  errors: FieldError[] = []
  constructor(readonly opts: ValidateOptions) {}
  add(path: string, [zh, en]: Msg) {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ path, message: zh, messageEn: en })
  }
}

/** Validates one field's value; returns the clean value, or undefined (absent or invalid — errors recorded). */
function field(f: FormField, raw: unknown, path: string, ctx: Ctx): unknown {
  const [lz, le] = labelOf(f)
  const partial = !!ctx.opts.partial
  const required = !!f.required && !partial
  if (isEmpty(raw)) {
    if (required) {
      const zh = ['select', 'radio', 'checkbox'].includes(f.type) ? `请选择“${lz}”。` : f.type === 'file' ? `请上传“${lz}”。` : f.type === 'rows' ? `请至少填写一行“${lz}”。` : `请填写“${lz}”。`
      const en = ['select', 'radio', 'checkbox'].includes(f.type) ? `Choose "${le}".` : f.type === 'file' ? `Upload "${le}".` : f.type === 'rows' ? `Fill in at least one row of "${le}".` : `Enter "${le}".`
      ctx.add(path, [zh, en])
    }
    return undefined
  }
  switch (f.type) {
    case 'text':
    case 'textarea': {
      const s = scalar(raw)
      if (s === undefined) return ctx.add(path, [`“${lz}”应为文字，请重新填写。`, `"${le}" must be text.`])
      const v = f.type === 'text' ? s.trim().replace(/[\r\n]+/g, ' ') : s.replace(/\r\n/g, '\n').trim()
      const max = f.maxLength ?? (f.type === 'text' ? FORM_LIMITS.textDefault : FORM_LIMITS.textareaDefault)
      if ([...v].length > max) return ctx.add(path, [`“${lz}”最多${max}个字，当前${[...v].length}个字，请精简。`, `"${le}" has at most ${max} characters; shorten it.`])
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v)) return ctx.add(path, [`“${lz}”含有不可见的控制字符，请删除后重新输入。`, `"${le}" contains control characters; retype it.`])
      if (f.pattern && !new RegExp(`^(?:${f.pattern})$`, 'u').test(v)) {
        return ctx.add(path, [f.patternMessage ?? `“${lz}”的格式不对，请按提示填写。`, f.patternMessage ? `"${le}" does not match the required format.` : `"${le}" is not in the expected format.`])
      }
      return v
    }
    case 'number': {
      const s = scalar(raw)?.trim().replace(/[,，\s]/g, '')
      if (s === undefined || !NUMBER_RE.test(s)) return ctx.add(path, [`“${lz}”请填写数字，例如 120 或 35.5。`, `"${le}" must be a number, e.g. 120 or 35.5.`])
      const n = Number(s)
      if (f.min !== undefined && n < f.min) return ctx.add(path, [`“${lz}”不能小于${f.min}。`, `"${le}" must be at least ${f.min}.`])
      if (f.max !== undefined && n > f.max) return ctx.add(path, [`“${lz}”不能大于${f.max}。`, `"${le}" must be at most ${f.max}.`])
      return n
    }
    case 'date': {
      const s = scalar(raw)?.trim()
      const m = s ? DATE_RE.exec(s) : null
      const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null
      if (!m || !d || d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3]) || Number(m[1]) < 1900 || Number(m[1]) > 2200) {
        return ctx.add(path, [`“${lz}”请按 年-月-日 填写真实日期，例如 2026-03-01。`, `"${le}" must be a real date as YYYY-MM-DD, e.g. 2026-03-01.`])
      }
      const day = d.getTime() / 86400000
      const today = cstDay(ctx.opts.today ?? new Date())
      if (f.min !== undefined && day < today + f.min) return ctx.add(path, [`“${lz}”不能早于${dateLabel(today + f.min)}。`, `"${le}" cannot be before ${dateLabel(today + f.min)}.`])
      if (f.max !== undefined && day > today + f.max) return ctx.add(path, [`“${lz}”不能晚于${dateLabel(today + f.max)}。`, `"${le}" cannot be after ${dateLabel(today + f.max)}.`])
      return s
    }
    case 'select':
    case 'radio': {
      const s = scalar(raw)
      if (s === undefined || !f.options?.some((o) => o.value === s)) return ctx.add(path, [`“${lz}”请从列出的选项中选择。`, `Choose "${le}" from the options listed.`])
      return s
    }
    case 'checkbox': {
      const list = (Array.isArray(raw) ? raw : [raw]).filter((x) => !isEmpty(x))
      if (list.length > (f.options?.length ?? 0) || list.some((x) => typeof x !== 'string' || !f.options?.some((o) => o.value === x))) {
        return ctx.add(path, [`“${lz}”请从列出的选项中勾选。`, `Tick "${le}" from the options listed.`])
      }
      const v = f.options!.map((o) => o.value).filter((x) => list.includes(x))
      if (f.min !== undefined && v.length < f.min && !partial) return ctx.add(path, [`“${lz}”至少勾选${f.min}项。`, `Tick at least ${f.min} for "${le}".`])
      if (f.max !== undefined && v.length > f.max) return ctx.add(path, [`“${lz}”最多勾选${f.max}项。`, `Tick at most ${f.max} for "${le}".`])
      return v
    }
    case 'idNumber': {
      const s = scalar(raw)?.trim().toUpperCase()
      const bad = s === undefined ? '身份证号应为18位。 An ID number has 18 characters.' : checkIdNumber(s, ctx.opts.today)
      if (bad) return ctx.add(path, splitMessage(`${lz}：`, `${le}: `, bad))
      return s
    }
    case 'uscc': {
      const s = scalar(raw)?.trim().toUpperCase()
      const bad = s === undefined ? '统一社会信用代码应为18位。 A unified social credit code has 18 characters.' : checkUscc(s)
      if (bad) return ctx.add(path, splitMessage(`${lz}：`, `${le}: `, bad))
      return s
    }
    case 'phone': {
      const s0 = scalar(raw)
      const s = s0 === undefined ? undefined : normalizeMobilePhone(s0.trim())
      const bad = s === undefined || s.length > 20 ? '手机号码应为11位。 A mobile number has 11 digits.' : checkMobilePhone(s)
      if (bad) return ctx.add(path, splitMessage(`${lz}：`, `${le}: `, bad))
      return s
    }
    case 'email': {
      const s = scalar(raw)?.trim()
      if (s === undefined || s.length > 254 || !EMAIL_RE.test(s)) return ctx.add(path, [`“${lz}”请填写有效的电子邮箱，例如 name@example.com。`, `"${le}" must be an email address like name@example.com.`])
      return s
    }
    case 'address': {
      if (!isObj(raw)) return ctx.add(path, [`“${lz}”请选择所在区县并填写详细地址。`, `For "${le}", choose the district and enter the street address.`])
      const region = scalar(raw['regionCode'])?.trim() ?? ''
      const detail = (scalar(raw['detail']) ?? '').trim().replace(/[\r\n]+/g, ' ')
      let ok = true
      if (!region) {
        if (!partial) ctx.add(`${path}.regionCode`, [`请为“${lz}”选择所在区县。`, `Choose the district for "${le}".`])
        ok = false
      } else if (!REGION_RE.test(region) || (ctx.opts.regionExists && !ctx.opts.regionExists(region))) {
        ctx.add(`${path}.regionCode`, [`“${lz}”的行政区划不在国家区划代码表中，请从列表中选择。`, `The district of "${le}" is not a GB/T 2260 region; choose one from the list.`])
        ok = false
      }
      if (!detail) {
        if (!partial) ctx.add(`${path}.detail`, [`请填写“${lz}”的详细地址（街道、门牌号）。`, `Enter the street address of "${le}".`])
        ok = false
      } else if ([...detail].length > 200) {
        ctx.add(`${path}.detail`, [`“${lz}”的详细地址最多200个字，请精简。`, `The street address of "${le}" has at most 200 characters.`])
        ok = false
      }
      if (ok) return { regionCode: region, detail }
      if (partial && (region || detail) && !ctx.errors.some((e) => e.path.startsWith(`${path}.`))) return { ...(region ? { regionCode: region } : {}), ...(detail ? { detail } : {}) }
      return undefined
    }
    case 'rows': {
      const list = Array.isArray(raw) ? raw : isObj(raw) ? Object.keys(raw).filter((k) => /^\d{1,4}$/.test(k)).sort((a, b) => Number(a) - Number(b)).map((k) => raw[k]) : null
      if (!list) return ctx.add(path, [`“${lz}”的内容无法识别，请重新填写。`, `"${le}" could not be read; fill it in again.`])
      const max = f.max ?? FORM_LIMITS.rowsDefault
      const rows = list.filter((r) => !isEmpty(r))
      if (rows.length > max) return ctx.add(path, [`“${lz}”最多${max}行，当前${rows.length}行，请删除多余的行。`, `"${le}" has at most ${max} rows; remove some.`])
      if (f.min !== undefined && rows.length < f.min && !partial) ctx.add(path, [`“${lz}”至少填写${f.min}行。`, `Fill in at least ${f.min} rows of "${le}".`])
      const out: Record<string, unknown>[] = []
      let bad = false
      rows.forEach((r, i) => {
        if (!isObj(r)) {
          bad = true
          return ctx.add(`${path}[${i}]`, [`“${lz}”第${i + 1}行无法识别，请重新填写。`, `Row ${i + 1} of "${le}" could not be read.`])
        }
        const row: Record<string, unknown> = {}
        const before = ctx.errors.length
        for (const c of f.columns ?? []) {
          const v = field(c, r[c.key], `${path}[${i}].${c.key}`, ctx)
          if (v !== undefined) row[c.key] = v
        }
        if (ctx.errors.length > before) bad = true
        out.push(row)
      })
      return bad && !partial ? undefined : out
    }
    case 'file': {
      const list = (Array.isArray(raw) ? raw : [raw]).filter((x) => !isEmpty(x))
      const max = f.max ?? FORM_LIMITS.filesDefault
      if (list.some((x) => typeof x !== 'string' || !UPLOAD_ID_RE.test(x))) return ctx.add(path, [`“${lz}”的文件无法识别，请重新上传。`, `The file for "${le}" could not be read; upload it again.`])
      const v = [...new Set(list as string[])]
      if (v.length > max) return ctx.add(path, [`“${lz}”最多上传${max}个文件，请删除多余的文件。`, `Upload at most ${max} files for "${le}".`])
      return v
    }
  }
}

/** identifiers.ts writes "中文。 English." in one string: split it, prefixed with the field label. */
function splitMessage(zhPrefix: string, enPrefix: string, both: string): Msg {
  const i = both.search(/ [A-Z]/)
  const [zh, en] = i > 0 ? [both.slice(0, i), both.slice(i + 1)] : [both, both]
  // "身份证号：身份证号校验位…" says the label twice: drop the prefix when the message starts with it.
  return [zh.startsWith(zhPrefix.slice(0, -1)) ? zh : zhPrefix + zh, enPrefix + en]
}

/** Whether a top-level field is shown given the (already cleaned) values of the fields before it. */
export function isShown(f: FormField, values: FormValues): boolean {
  if (!f.showIf) return true
  const v = values[f.showIf.field]
  if (f.showIf.notEmpty && isEmpty(v)) return false
  if (f.showIf.equals !== undefined) {
    const want = [f.showIf.equals].flat()
    const got = Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)]
    return got.some((x) => want.includes(x))
  }
  return true
}

/**
 * Validates `raw` (a JSON object, or what parseFormPost made of a form post) against `def`. Never throws:
 * anything that is not an object is one error at path ''.
 */
export function validateFormValues(def: FormDefinition, raw: unknown, opts: ValidateOptions = {}): ValidationResult {
  const ctx = new Ctx(opts)
  const values: FormValues = {}
  if (!isObj(raw)) {
    ctx.add('', ['提交的表单内容无法识别，请刷新页面后重新填写。', 'The form could not be read; reload the page and fill it in again.'])
    return { values, errors: ctx.errors }
  }
  for (const f of allFields(def)) {
    if (!isShown(f, values)) continue
    const v = Object.hasOwn(raw, f.key) ? raw[f.key] : undefined
    const clean = field(f, v, f.key, ctx)
    if (clean !== undefined) values[f.key] = clean
  }
  return { values, errors: ctx.errors }
}
