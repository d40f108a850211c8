import type { Child } from 'hono/jsx'
import type { SummaryError } from '../../../platform/web/form-components'
import { t, type Lang } from '../../../platform/web/i18n'
import { FORM_LIMITS, PREFILL_SOURCES, allFields, type FieldError, type FormDefinition, type FormField, type FormValues, type PrefillKey } from './form-definition'
import type { RegionOption } from './region-options'

/**
 * FormFields: renders a FormDefinition as accessible server-side HTML (GOV.UK pattern of
 * platform/web/form-components: label for=, hint and error linked by aria-describedby, fieldset/legend for
 * groups). Lives in catalog so the catalogue editor can preview a form; applications re-exports it
 * (src/modules/applications/forms/form-fields.tsx) for the applicant pages.
 *
 * HTML names: `f.<key>`; rows `f.<rows>.<i>.<col>`; address `f.<key>.regionCode` / `f.<key>.detail`; a file
 * field keeps its uploaded ids as ticked checkboxes `f.<key>` and takes new files as `upload.<key>` (the page
 * stores them and adds their ids — its form needs enctype="multipart/form-data").
 * No `required` attribute is emitted (conditional fields and draft saves must not be blocked by the browser);
 * aria-required says it, the server checks it. Conditional fields carry data-show-if for form-fields.js.
 */
export type Prefilled = Record<string, { source: string }>
export type FormFieldsProps = {
  def: FormDefinition
  /** Clean values, or the posted raw values when re-rendering after errors (anything is displayed safely). */
  values: FormValues
  errors: FieldError[]
  /** Locked (prefilled) fields by key, with the text shown as "来源：…". */
  prefilled: Prefilled
  lang: Lang
  /** Review pages: answers as a description list, no controls. */
  readOnly?: boolean
  /** Address region picker options (listRegionOptions). */
  regions?: RegionOption[]
  /** Already uploaded files per file field. */
  attachments?: Record<string, { id: string; name: string }[]>
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
/** Element id of a value path: 'staff[2].name' → 'f-staff-2-name'. Error-summary links use it. */
export function fieldId(path: string): string {
  return `f-${path.replace(/\[(\d+)\]/g, '-$1').replace(/\./g, '-')}`
}
/** The error summary entries for `errors`, in form order, linking to each field. */
export function summaryErrors(lang: Lang, errors: FieldError[]): SummaryError[] {
  return errors.map((e) => ({ href: e.path ? fieldId(e.path) : 'main', message: lang === 'en' ? e.messageEn : e.message }))
}

function str(v: unknown): string {
  if (typeof v === 'string') return v.length > FORM_LIMITS.maxLengthCeiling ? v.slice(0, FORM_LIMITS.maxLengthCeiling) : v
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  if (Array.isArray(v) && v.length === 1) return str(v[0])
  return ''
}
function list(v: unknown): string[] {
  return (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v]).filter((x): x is string => typeof x === 'string').slice(0, FORM_LIMITS.options)
}

type Ctx = { lang: Lang; errors: Map<string, FieldError>; prefilled: Prefilled; regions: RegionOption[]; attachments: Record<string, { id: string; name: string }[]> }
const L = (ctx: Ctx, zh: string, en: string | undefined) => (ctx.lang === 'en' && en ? en : zh)

function ErrorText({ ctx, id, e }: { ctx: Ctx; id: string; e: FieldError | undefined }) {
  if (!e) return null
  return (
    <p class="error-message" id={`${id}-error`}>
      <span class="visually-hidden">{t(ctx.lang, '错误：', 'Error: ')}</span>
      {ctx.lang === 'en' ? e.messageEn : e.message}
    </p>
  )
}

function Hint({ ctx, id, f, source }: { ctx: Ctx; id: string; f: FormField; source?: string | undefined }) {
  const hint = f.hint ? L(ctx, f.hint, f.hintEn) : ''
  if (!hint && !source) return null
  return (
    <p class="hint" id={`${id}-hint`}>
      {hint}
      {source ? <span class="prefill-source">{`${hint ? ' ' : ''}${t(ctx.lang, '来源：', 'Source: ')}${source}${t(ctx.lang, '（不可修改）', ' (cannot be changed here)')}`}</span> : null}
    </p>
  )
}

function Required({ ctx, f }: { ctx: Ctx; f: FormField }) {
  return f.required ? <span class="required-mark">{t(ctx.lang, '（必填）', ' (required)')}</span> : <span class="required-mark">{t(ctx.lang, '（选填）', ' (optional)')}</span>
}

const describedBy = (id: string, hasHint: boolean, hasError: boolean) => [hasHint ? `${id}-hint` : '', hasError ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
const group = (error: boolean, extra = '') => ['form-group', error ? 'form-group-error' : '', extra].filter(Boolean).join(' ')

/** One field (or a rows column: `name`/`path` carry the row prefix). */
function Field({ ctx, f, value, name, path, locked }: { ctx: Ctx; f: FormField; value: unknown; name: string; path: string; locked: string | undefined }): Child {
  const id = fieldId(path)
  const e = ctx.errors.get(path)
  const hasHint = !!f.hint || !!locked
  const label = L(ctx, f.label, f.labelEn)
  const aria = { 'aria-describedby': describedBy(id, hasHint, !!e), 'aria-invalid': e ? ('true' as const) : undefined, 'aria-required': f.required ? ('true' as const) : undefined }
  const inputClass = `input${e ? ' input-error' : ''}${locked ? ' input-locked' : ''}`
  switch (f.type) {
    case 'textarea':
      return (
        <div class={group(!!e)}>
          <label class="label" for={id}>{label}<Required ctx={ctx} f={f} /></label>
          <Hint ctx={ctx} id={id} f={f} source={locked} />
          <ErrorText ctx={ctx} id={id} e={e} />
          <textarea class={`textarea${e ? ' input-error' : ''}`} id={id} name={name} rows={4} maxlength={f.maxLength ?? FORM_LIMITS.textareaDefault} readonly={!!locked} {...aria}>{str(value)}</textarea>
        </div>
      )
    case 'select':
      return (
        <div class={group(!!e)}>
          <label class="label" for={id}>{label}<Required ctx={ctx} f={f} /></label>
          <Hint ctx={ctx} id={id} f={f} source={locked} />
          <ErrorText ctx={ctx} id={id} e={e} />
          <select class={`select${e ? ' input-error' : ''}`} id={id} name={name} disabled={!!locked} data-locked={locked ? '' : undefined} {...aria}>
            <option value="">{t(ctx.lang, '请选择', 'Choose')}</option>
            {(f.options ?? []).map((o) => <option value={o.value} selected={o.value === str(value)}>{L(ctx, o.label, o.labelEn)}</option>)}
          </select>
        </div>
      )
    case 'radio':
    case 'checkbox': {
      const chosen = f.type === 'checkbox' ? list(value) : [str(value)]
      return (
        <div class={group(!!e)}>
          <fieldset class="fieldset" aria-describedby={describedBy(id, hasHint, !!e)}>
            <legend class="legend-small">{label}<Required ctx={ctx} f={f} /></legend>
            <Hint ctx={ctx} id={id} f={f} source={locked} />
            <ErrorText ctx={ctx} id={id} e={e} />
            <div class={f.type === 'radio' ? 'radios' : 'checkboxes'}>
              {(f.options ?? []).map((o, i) => {
                const oid = i === 0 ? id : `${id}--${i}`
                return (
                  <div class="checkbox">
                    <input type={f.type} id={oid} name={name} value={o.value} checked={chosen.includes(o.value)} disabled={!!locked} data-locked={locked ? '' : undefined} />
                    <label for={oid}>{L(ctx, o.label, o.labelEn)}</label>
                  </div>
                )
              })}
            </div>
          </fieldset>
        </div>
      )
    }
    case 'address': {
      const v = isObj(value) ? value : {}
      const region = str(v['regionCode'])
      const eRegion = ctx.errors.get(`${path}.regionCode`)
      const eDetail = ctx.errors.get(`${path}.detail`)
      return (
        <div class={group(!!(e || eRegion || eDetail))} id={id} tabindex={-1}>
          <fieldset class="fieldset" aria-describedby={describedBy(id, hasHint, !!e)}>
            <legend class="legend-small">{label}<Required ctx={ctx} f={f} /></legend>
            <Hint ctx={ctx} id={id} f={f} source={locked} />
            <ErrorText ctx={ctx} id={id} e={e} />
            <div class="form-group">
              <label class="label" for={`${id}-regionCode`}>{t(ctx.lang, '所在区县', 'District')}</label>
              <ErrorText ctx={ctx} id={`${id}-regionCode`} e={eRegion} />
              <select class={`select${eRegion ? ' input-error' : ''}`} id={`${id}-regionCode`} name={`${name}.regionCode`} disabled={!!locked} data-region-picker="" aria-describedby={eRegion ? `${id}-regionCode-error` : undefined} aria-invalid={eRegion ? 'true' : undefined} aria-required={f.required ? 'true' : undefined}>
                <option value="">{t(ctx.lang, '请选择', 'Choose')}</option>
                {ctx.regions.map((r) => <option value={r.code} selected={r.code === region}>{r.name}</option>)}
                {region && !ctx.regions.some((r) => r.code === region) ? <option value={region} selected>{region}</option> : null}
              </select>
            </div>
            <div class="form-group">
              <label class="label" for={`${id}-detail`}>{t(ctx.lang, '详细地址（街道、门牌号）', 'Street address')}</label>
              <ErrorText ctx={ctx} id={`${id}-detail`} e={eDetail} />
              <input class={`input${eDetail ? ' input-error' : ''}${locked ? ' input-locked' : ''}`} id={`${id}-detail`} name={`${name}.detail`} type="text" maxlength={200} value={str(v['detail'])} readonly={!!locked} autocomplete="street-address" aria-describedby={eDetail ? `${id}-detail-error` : undefined} aria-invalid={eDetail ? 'true' : undefined} aria-required={f.required ? 'true' : undefined} />
            </div>
          </fieldset>
        </div>
      )
    }
    case 'rows':
      return <Rows ctx={ctx} f={f} value={value} />
    case 'file': {
      const have = ctx.attachments[f.key] ?? []
      const kept = new Set(list(value))
      return (
        <div class={group(!!e)}>
          <label class="label" for={id}>{label}<Required ctx={ctx} f={f} /></label>
          <Hint ctx={ctx} id={id} f={f} />
          <ErrorText ctx={ctx} id={id} e={e} />
          {have.length ? (
            <ul class="file-list">
              {have.map((a, i) => (
                <li class="checkbox">
                  <input type="checkbox" id={`${id}-kept-${i}`} name={name} value={a.id} checked={kept.size === 0 || kept.has(a.id)} />
                  <label for={`${id}-kept-${i}`}>{t(ctx.lang, `保留 ${a.name}`, `Keep ${a.name}`)}</label>
                </li>
              ))}
            </ul>
          ) : null}
          <input class="file-input" id={id} name={`upload.${f.key}`} type="file" multiple={(f.max ?? 2) > 1} accept=".pdf,.jpg,.jpeg,.png,.ofd" {...aria} />
        </div>
      )
    }
    default: {
      const type = f.type === 'email' ? 'email' : f.type === 'date' ? 'date' : f.type === 'phone' ? 'tel' : 'text'
      const inputmode = f.type === 'number' ? 'decimal' : f.type === 'phone' || f.type === 'idNumber' ? 'numeric' : undefined
      const maxlength = f.type === 'text' ? (f.maxLength ?? FORM_LIMITS.textDefault) : f.type === 'idNumber' || f.type === 'uscc' ? 18 : f.type === 'phone' ? 20 : f.type === 'email' ? 254 : f.type === 'number' ? 24 : undefined
      const width = f.type === 'number' || f.type === 'date' ? ' input-s' : f.type === 'idNumber' || f.type === 'uscc' || f.type === 'phone' ? ' input-m' : ''
      const autocomplete = f.prefill === 'applicant.name' ? 'name' : f.type === 'phone' ? 'tel' : f.type === 'email' ? 'email' : 'off'
      return (
        <div class={group(!!e)}>
          <label class="label" for={id}>{label}<Required ctx={ctx} f={f} /></label>
          <Hint ctx={ctx} id={id} f={f} source={locked} />
          <ErrorText ctx={ctx} id={id} e={e} />
          <input class={inputClass + width} id={id} name={name} type={type} value={str(value)} maxlength={maxlength} inputmode={inputmode} autocomplete={autocomplete} spellcheck={f.type === 'text' ? undefined : false} readonly={!!locked} {...aria} />
        </div>
      )
    }
  }
}

function rowCount(f: FormField, value: unknown): number {
  const n = Array.isArray(value) ? value.length : 0
  return Math.min(Math.max(n, f.min ?? 1, 1), f.max ?? FORM_LIMITS.rowsDefault, FORM_LIMITS.rowsCeiling)
}

function Rows({ ctx, f, value }: { ctx: Ctx; f: FormField; value: unknown }) {
  const id = fieldId(f.key)
  const e = ctx.errors.get(f.key)
  const rows = Array.isArray(value) ? value : []
  const n = rowCount(f, value)
  const max = f.max ?? FORM_LIMITS.rowsDefault
  const label = L(ctx, f.label, f.labelEn)
  return (
    <div class={group(!!e)} id={id} tabindex={-1}>
      <fieldset class="fieldset" aria-describedby={describedBy(id, !!f.hint, !!e)}>
        <legend class="legend-small">{label}<Required ctx={ctx} f={f} /></legend>
        <Hint ctx={ctx} id={id} f={f} />
        <ErrorText ctx={ctx} id={id} e={e} />
        <div class="form-rows" data-rows={f.key} data-max={String(max)} data-row-label={t(ctx.lang, `${label} 第 {n} 行`, `${label}, row {n}`)}>
          {Array.from({ length: n }, (_, i) => {
            const row = isObj(rows[i]) ? rows[i] : {}
            return (
              <fieldset class="form-row" data-row={String(i)}>
                <legend class="legend-small">{t(ctx.lang, `${label} 第 ${i + 1} 行`, `${label}, row ${i + 1}`)}</legend>
                <div class="form-row-fields">
                  {(f.columns ?? []).map((c) => <Field ctx={ctx} f={c} value={row[c.key]} name={`f.${f.key}.${i}.${c.key}`} path={`${f.key}[${i}].${c.key}`} locked={undefined} />)}
                </div>
                <button type="submit" class="button-link" name="_action" value={`delrow:${f.key}:${i}`} data-del-row="" hidden={n <= 1}>
                  {t(ctx.lang, `删除此行`, `Remove this row`)}
                </button>
              </fieldset>
            )
          })}
        </div>
        {n < max ? (
          <button type="submit" class="button-secondary" name="_action" value={`addrow:${f.key}`} data-add-row={f.key}>
            {t(ctx.lang, '添加一行', 'Add a row')}
          </button>
        ) : null}
      </fieldset>
    </div>
  )
}

/** Review (readOnly) text of a value. */
function answer(ctx: Ctx, f: FormField, v: unknown): string {
  if (v === undefined || v === null || v === '' || (Array.isArray(v) && !v.length)) return t(ctx.lang, '未填写', 'Not given')
  const opt = (x: string) => { const o = f.options?.find((y) => y.value === x); return o ? L(ctx, o.label, o.labelEn) : x }
  switch (f.type) {
    case 'select': case 'radio': return opt(str(v))
    case 'checkbox': return list(v).map(opt).join('、')
    case 'address': {
      const a = isObj(v) ? v : {}
      const r = ctx.regions.find((x) => x.code === str(a['regionCode']))
      return `${r?.name ?? str(a['regionCode'])} ${str(a['detail'])}`.trim()
    }
    case 'file': {
      const names = new Map((ctx.attachments[f.key] ?? []).map((a) => [a.id, a.name]))
      return list(v).map((id) => names.get(id) ?? id).join('、')
    }
    default: return str(v)
  }
}

function ReadOnlyField({ ctx, f, value }: { ctx: Ctx; f: FormField; value: unknown }) {
  const label = L(ctx, f.label, f.labelEn)
  if (f.type === 'rows') {
    const rows = (Array.isArray(value) ? value : []).filter(isObj)
    return (
      <div class="form-answer">
        <dt>{label}</dt>
        <dd>
          {rows.length ? (
            <div class="table-wrap">
              <table class="table">
                <thead><tr>{(f.columns ?? []).map((c) => <th scope="col">{L(ctx, c.label, c.labelEn)}</th>)}</tr></thead>
                <tbody>{rows.map((r) => <tr>{(f.columns ?? []).map((c) => <td>{answer(ctx, c, r[c.key])}</td>)}</tr>)}</tbody>
              </table>
            </div>
          ) : t(ctx.lang, '未填写', 'Not given')}
        </dd>
      </div>
    )
  }
  const src = ctx.prefilled[f.key]?.source
  return (
    <div class="form-answer">
      <dt>{label}</dt>
      <dd>{answer(ctx, f, value)}{src ? <span class="prefill-source">{` ${t(ctx.lang, '来源：', 'Source: ')}${src}`}</span> : null}</dd>
    </div>
  )
}

export function FormFields(p: FormFieldsProps) {
  const ctx: Ctx = { lang: p.lang, errors: new Map(), prefilled: p.prefilled, regions: p.regions ?? [], attachments: p.attachments ?? {} }
  for (const e of p.errors) if (!ctx.errors.has(e.path)) ctx.errors.set(e.path, e)
  const values = isObj(p.values) ? p.values : {}
  return (
    <div class="form-fields">
      {p.def.sections.map((s) => (
        <fieldset class="fieldset section form-section" id={`s-${s.key}`}>
          <legend class="legend">{L(ctx, s.title, s.titleEn)}</legend>
          {p.readOnly ? (
            <dl class="summary form-answers">{s.fields.map((f) => <ReadOnlyField ctx={ctx} f={f} value={values[f.key]} />)}</dl>
          ) : (
            s.fields.map((f) => {
              const field = <Field ctx={ctx} f={f} value={values[f.key]} name={`f.${f.key}`} path={f.key} locked={p.prefilled[f.key]?.source} />
              return f.showIf ? (
                <div class="conditional" data-show-if={JSON.stringify({ field: f.showIf.field, equals: f.showIf.equals === undefined ? undefined : [f.showIf.equals].flat(), notEmpty: f.showIf.notEmpty })}>
                  {field}
                </div>
              ) : field
            })
          )}
        </fieldset>
      ))}
      {p.readOnly ? null : <script src="/assets/form-fields.js" defer></script>}
    </div>
  )
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
