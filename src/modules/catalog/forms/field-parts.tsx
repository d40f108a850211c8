/** The small parts every rendered field shares: the render context, value coercion, label, hint, error text. */
import { t, type Lang } from '../../../platform/web/i18n'
import { FORM_LIMITS, type FieldError, type FormField } from './form-definition'
import type { Prefilled } from './form-post'
import type { RegionOption } from './region-options'

export const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
/** Element id of a value path: 'staff[2].name' → 'f-staff-2-name'. Error-summary links use it. */
export function fieldId(path: string): string {
  return `f-${path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`
}

export function str(v: unknown): string {
  if (typeof v === 'string') return v.length > FORM_LIMITS.maxLengthCeiling ? v.slice(0, FORM_LIMITS.maxLengthCeiling) : v
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  if (Array.isArray(v) && v.length === 1) return str(v[0])
  return ''
}
export function list(v: unknown): string[] {
  return (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v]).filter((x): x is string => typeof x === 'string').slice(0, FORM_LIMITS.options)
}

export type Ctx = { lang: Lang; errors: Map<string, FieldError>; prefilled: Prefilled; regions: RegionOption[]; attachments: Record<string, { id: string; name: string }[]> }
export const L = (ctx: Ctx, zh: string, en: string | undefined) => (ctx.lang === 'en' && en ? en : zh)

export function ErrorText({ ctx, id, e }: { ctx: Ctx; id: string; e: FieldError | undefined }) {
  if (!e) return null
  return (
    <p class="error-message" id={`${id}-error`}>
      <span class="visually-hidden">{t(ctx.lang, '错误：', 'Error: ')}</span>
      {ctx.lang === 'en' ? e.messageEn : e.message}
    </p>
  )
}

export function Hint({ ctx, id, f, source }: { ctx: Ctx; id: string; f: FormField; source?: string | undefined }) {
  const hint = f.hint ? L(ctx, f.hint, f.hintEn) : ''
  if (!hint && !source) return null
  return (
    <p class="hint" id={`${id}-hint`}>
      {hint}
      {source ? <span class="prefill-source">{`${hint ? ' ' : ''}${t(ctx.lang, '来源：', 'Source: ')}${source}${t(ctx.lang, '（不可修改）', ' (cannot be changed here)')}`}</span> : null}
    </p>
  )
}

export function Required({ ctx, f }: { ctx: Ctx; f: FormField }) {
  return f.required ? <span class="required-mark">{t(ctx.lang, '（必填）', ' (required)')}</span> : <span class="required-mark">{t(ctx.lang, '（选填）', ' (optional)')}</span>
}

export const describedBy = (id: string, hasHint: boolean, hasError: boolean) => [hasHint ? `${id}-hint` : '', hasError ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
export const group = (error: boolean, extra = '') => ['form-group', error ? 'form-group-error' : '', extra].filter(Boolean).join(' ')
