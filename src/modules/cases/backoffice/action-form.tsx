/** The action forms’ shared parts: the error mapping (summary links, field ids), one form’s frame, radios and reason fields. */
import type { Child } from 'hono/jsx'
import type { FieldError } from '../../../platform/errors'
import { CsrfField, TextArea, type SummaryError } from '../../../platform/web/form-components'
import { t, type Lang } from '../../../platform/web/i18n'
import type { Available, CaseActionName, Posted } from './case-actions'

/** What went wrong with the last POST: which form, what was posted, the field messages and the overall message. */
export type ActionError = { action: CaseActionName; formKey: string; values: Posted; errors: FieldError[]; message: string }

/** Element id of a field inside one action form: "decide-<step>-reason", "correction-items-0-problem". */
export const fieldDomId = (formKey: string, field: string) => `${formKey}-${field.replace(/[^A-Za-z0-9]+/g, '-')}`
/** Operation field names that are not a control of their own, and the control that stands for them. */
const controlFor = (action: CaseActionName, field: string) => (field === 'items' ? 'items.0.target' : action === 'issue' && field === 'result' ? 'resultName' : field)

/** The error summary entries: each field message links to its control; a conflict links to the form (or the actions). */
export function summaryFor(lang: Lang, e: ActionError | undefined, rendered: Set<string>): SummaryError[] {
  if (!e) return []
  const formHref = rendered.has(e.formKey) ? e.formKey : 'actions'
  if (!e.errors.length) return [{ href: formHref, message: e.message }]
  return e.errors.map((f) => ({ href: rendered.has(e.formKey) ? fieldDomId(e.formKey, controlFor(e.action, f.field)) : formHref, message: f.message }))
}

/** Form keys of every action form the page renders (so the summary links only to what exists). */
export function renderedForms(a: Available): Set<string> {
  const keys = new Set<string>()
  if (a.review) for (const k of ['accept', 'not-accept', 'correction']) keys.add(k)
  for (const s of a.steps) {
    if (s.claim) keys.add(`claim-${s.step.id}`)
    if (s.assignees) keys.add(`assign-${s.step.id}`)
    if (s.complete) keys.add(`complete-${s.step.id}`)
    if (s.decide) keys.add(`decide-${s.step.id}`)
    if (s.returnTargets.length) keys.add(`return-${s.step.id}`)
    if (s.pause) keys.add(`pause-${s.step.id}`)
    for (const p of s.resumable) keys.add(`resume-${p.id}`)
  }
  if (a.extendMax) keys.add('extend')
  if (a.issue) keys.add('issue')
  if (a.deliver) keys.add('deliver')
  if (a.terminate) keys.add('terminate')
  return keys
}

export type FormCtx = { lang: Lang; csrf: string; caseId: string; error: ActionError | undefined }
/** Value and message of one field of one form (posted values come back only into the form that was posted). */
export function fieldOf(ctx: FormCtx, formKey: string) {
  const mine = ctx.error?.formKey === formKey ? ctx.error : undefined
  return {
    id: (name: string) => fieldDomId(formKey, name),
    value: (name: string, fallback = '') => mine?.values[name] ?? fallback,
    error: (name: string) => mine?.errors.find((e) => e.field === name || (name === 'resultName' && mine.action === 'issue' && e.field === 'result'))?.message,
  }
}

export function ActionForm(p: { ctx: FormCtx; formKey: string; action: CaseActionName; title: string; hidden: Record<string, string | number>; submit: string; danger?: boolean; intro?: Child; children?: Child }) {
  return (
    <section id={p.formKey} class={p.danger ? 'danger-zone' : 'status-form'} aria-labelledby={`${p.formKey}-title`} tabindex={-1}>
      <h3 id={`${p.formKey}-title`}>{p.title}</h3>
      {p.intro}
      <form method="post" action={`/admin/cases/${p.ctx.caseId}/${p.action}`} novalidate>
        <CsrfField token={p.ctx.csrf} />
        {Object.entries(p.hidden).map(([k, v]) => <input type="hidden" name={k} value={String(v)} />)}
        {p.children}
        <button type="submit" class={p.danger ? 'button-warning' : 'button'}>{p.submit}</button>
      </form>
    </section>
  )
}

export function Radios(p: { lang: Lang; id: string; name: string; legend: string; hint?: string; error?: string | undefined; value: string; options: { value: string; label: string }[] }) {
  const hintId = p.hint ? `${p.id}-hint` : ''
  const errId = p.error ? `${p.id}-error` : ''
  return (
    <div class={`form-group${p.error ? ' form-group-error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={[hintId, errId].filter(Boolean).join(' ') || undefined}>
        <legend class="legend-small">{p.legend}<span class="required-mark">{t(p.lang, '（必选）', ' (required)')}</span></legend>
        {p.hint ? <p class="hint" id={hintId}>{p.hint}</p> : null}
        {p.error ? <p class="error-message" id={errId}><span class="visually-hidden">{t(p.lang, '错误：', 'Error: ')}</span>{p.error}</p> : null}
        <div class="radios">
          {p.options.map((o, i) => {
            const id = i === 0 ? p.id : `${p.id}-${i}`
            return (
              <div class="checkbox">
                <input type="radio" id={id} name={p.name} value={o.value} checked={p.value === o.value} />
                <label for={id}>{o.label}</label>
              </div>
            )
          })}
        </div>
      </fieldset>
    </div>
  )
}

export function ReasonField({ ctx, f, name = 'reason', label, hint, required = true }: { ctx: FormCtx; f: ReturnType<typeof fieldOf>; name?: string; label: string; hint?: string; required?: boolean }) {
  return <TextArea lang={ctx.lang} id={f.id(name)} name={name} label={label} hint={hint} value={f.value(name)} error={f.error(name)} required={required} />
}
