/** The editable controls of a form: one field of any kind, and a rows (table) field whose cells are fields. */
import type { Child } from 'hono/jsx'
import { t } from '../../../platform/web/i18n'
import { FORM_LIMITS, type FormField } from './form-definition'
import { describedBy, ErrorText, fieldId, group, Hint, isObj, L, list, Required, str, type Ctx } from './field-parts'
import { rowCount } from './form-post'

/** One field (or a rows column: `name`/`path` carry the row prefix). */
export function Field({ ctx, f, value, name, path, locked }: { ctx: Ctx; f: FormField; value: unknown; name: string; path: string; locked: string | undefined }): Child {
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
