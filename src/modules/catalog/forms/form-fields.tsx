import type { SummaryError } from '../../../platform/web/form-components'
import type { Lang } from '../../../platform/web/i18n'
import type { FieldError, FormDefinition, FormValues } from './form-definition'
import type { RegionOption } from './region-options'
import { fieldId, isObj, L, type Ctx } from './field-parts'
import { Field } from './field-controls'
import type { Prefilled } from './form-post'
import { ReadOnlyField } from './read-only-field'

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
 * The controls are in field-controls.tsx, the review answers in read-only-field.tsx, reading the post in form-post.ts.
 */
export { fieldId } from './field-parts'
export { applyPrefill, applyRowAction, parseFormPost, type Prefilled } from './form-post'

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

/** The error summary entries for `errors`, in form order, linking to each field. */
export function summaryErrors(lang: Lang, errors: FieldError[]): SummaryError[] {
  return errors.map((e) => ({ href: e.path ? fieldId(e.path) : 'main', message: lang === 'en' ? e.messageEn : e.message }))
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
