import type { Child } from 'hono/jsx'
import type { Lang } from './i18n'
import { t } from './i18n'

/**
 * Form building blocks in the GOV.UK pattern: an error summary at the top that links to each field, and at
 * each field its label, hint and inline error, wired with aria-describedby / aria-invalid. No inline styles
 * (CSP); classes are styled in assets/admin.css. Works without JavaScript.
 */

export type SummaryError = { /** id of the element to focus */ href: string; message: string }

/** "存在以下问题" box listing every problem as a link to its field. Render it first inside <main>. */
export function ErrorSummary({ lang, errors, title }: { lang: Lang; errors: SummaryError[]; title?: string }) {
  if (!errors.length) return null
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} id="error-summary">
      <h2 id="error-summary-title">{title ?? t(lang, '存在以下问题，请修改后再提交', 'There is a problem')}</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${e.href}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

type FieldBase = {
  lang: Lang
  id: string
  /** Form field name; defaults to id. */
  name?: string
  label: string
  hint?: string | undefined
  error?: string | undefined
  /** Visually hide the label (rows of a table-like repeating group keep a real label for screen readers). */
  hideLabel?: boolean
  required?: boolean
}

function describedBy(p: FieldBase): string | undefined {
  const ids = [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : ''].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

function Label(p: FieldBase) {
  return (
    <label class={p.hideLabel ? 'visually-hidden' : 'label'} for={p.id}>
      {p.label}
      {p.required ? <span class="required-mark">{t(p.lang, '（必填）', ' (required)')}</span> : null}
    </label>
  )
}

function HintAndError(p: FieldBase) {
  return (
    <>
      {p.hint ? <p class="hint" id={`${p.id}-hint`}>{p.hint}</p> : null}
      {p.error ? (
        <p class="error-message" id={`${p.id}-error`}>
          <span class="visually-hidden">{t(p.lang, '错误：', 'Error: ')}</span>
          {p.error}
        </p>
      ) : null}
    </>
  )
}

function groupClass(p: FieldBase, extra?: string): string {
  return ['form-group', p.error ? 'form-group-error' : '', extra ?? ''].filter(Boolean).join(' ')
}

export function TextInput(
  p: FieldBase & { value?: string | undefined; type?: 'text' | 'password' | 'number' | 'tel' | 'url'; autocomplete?: string; inputmode?: 'numeric' | 'decimal' | 'text'; width?: 's' | 'm' | 'l'; maxlength?: number },
) {
  return (
    <div class={groupClass(p)}>
      <Label {...p} />
      <HintAndError {...p} />
      <input
        class={`input${p.width ? ` input-${p.width}` : ''}${p.error ? ' input-error' : ''}`}
        id={p.id}
        name={p.name ?? p.id}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        maxlength={p.maxlength}
        aria-describedby={describedBy(p)}
        aria-invalid={p.error ? 'true' : undefined}
        required={p.required}
      />
    </div>
  )
}

export function TextArea(p: FieldBase & { value?: string | undefined; rows?: number }) {
  return (
    <div class={groupClass(p)}>
      <Label {...p} />
      <HintAndError {...p} />
      <textarea
        class={`textarea${p.error ? ' input-error' : ''}`}
        id={p.id}
        name={p.name ?? p.id}
        rows={p.rows ?? 3}
        aria-describedby={describedBy(p)}
        aria-invalid={p.error ? 'true' : undefined}
        required={p.required}
      >
        {p.value ?? ''}
      </textarea>
    </div>
  )
}

export type Option = { value: string; label: string }

export function Select(p: FieldBase & { value?: string | undefined; options: Option[]; /** label of an empty first option */ empty?: string }) {
  return (
    <div class={groupClass(p)}>
      <Label {...p} />
      <HintAndError {...p} />
      <select class={`select${p.error ? ' input-error' : ''}`} id={p.id} name={p.name ?? p.id} aria-describedby={describedBy(p)} aria-invalid={p.error ? 'true' : undefined} required={p.required}>
        {p.empty !== undefined ? <option value="">{p.empty}</option> : null}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === (p.value ?? '')}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

/**
 * A group of checkboxes sharing one name. The first box carries `id` so an error-summary link lands on it;
 * the others get `${id}-${n}`.
 */
export function Checkboxes(p: { lang: Lang; id: string; name?: string; legend: string; hint?: string | undefined; error?: string | undefined; options: Option[]; values: string[]; required?: boolean }) {
  const name = p.name ?? p.id
  const hintId = p.hint ? `${p.id}-hint` : ''
  const errorId = p.error ? `${p.id}-error` : ''
  return (
    <div class={`form-group${p.error ? ' form-group-error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
        <legend class="legend-small">
          {p.legend}
          {p.required ? <span class="required-mark">{t(p.lang, '（必填）', ' (required)')}</span> : null}
        </legend>
        {p.hint ? <p class="hint" id={hintId}>{p.hint}</p> : null}
        {p.error ? (
          <p class="error-message" id={errorId}>
            <span class="visually-hidden">{t(p.lang, '错误：', 'Error: ')}</span>
            {p.error}
          </p>
        ) : null}
        <div class="checkboxes">
          {p.options.map((o, i) => {
            const id = i === 0 ? p.id : `${p.id}-${i}`
            return (
              <div class="checkbox">
                <input type="checkbox" id={id} name={name} value={o.value} checked={p.values.includes(o.value)} />
                <label for={id}>{o.label}</label>
              </div>
            )
          })}
        </div>
      </fieldset>
    </div>
  )
}

/** A titled section of a form. */
export function Fieldset({ legend, hint, children, id }: { legend: string; hint?: string; children: Child; id?: string }) {
  return (
    <fieldset class="fieldset section" id={id}>
      <legend class="legend">{legend}</legend>
      {hint ? <p class="hint">{hint}</p> : null}
      {children}
    </fieldset>
  )
}

/** The per-session anti-CSRF token every POST form must carry (field name `_csrf`). */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />
}

export const CSRF_FIELD = '_csrf'
