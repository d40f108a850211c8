/** Review pages: a field's answer as text in a description list (rows as a table). */
import { t } from '../../../platform/web/i18n'
import type { FormField } from './form-definition'
import { isObj, L, list, str, type Ctx } from './field-parts'

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

export function ReadOnlyField({ ctx, f, value }: { ctx: Ctx; f: FormField; value: unknown }) {
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
