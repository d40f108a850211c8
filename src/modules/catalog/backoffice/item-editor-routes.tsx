import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../../deps'
import { DomainError, type FieldError } from '../../../platform/errors'
import type { AppEnv } from '../../../platform/http/context'
import type { SummaryError } from '../../../platform/web/form-components'
import { t, type Lang } from '../../../platform/web/i18n'
import { getStaff, requireStaff } from '../../identity'
import { getItemByCode, listDepartments, listThemes, regionCodes, type ItemRow } from '../catalog-queries'
import { validateItem } from '../item-validation'
import { saveItem } from '../save-item'
import { FIELD_LABELS, fieldLabel, inLang } from './field-labels'
import { FIELD_ORDER } from '../service-item'
import { ItemForm } from './item-form'
import { fieldIdOf, formToRecord, labelKeyOfId, recordToForm, str, type DepartmentOption, type FormValues, type RowGroup } from './item-form-values'
import { renderAdmin } from './admin-page'

type FormPage = {
  mode: 'new' | 'edit'
  values: FormValues
  errors?: FieldError[]
  extraRows: Partial<Record<RowGroup, number>>
  item?: ItemRow
  expectedVersion?: number
  conflict?: { message: string; from: number; to: number }
}

/** Summary line: "申请材料 · 材料名称（第 3 行）：请填写…". */
function summaryMessage(lang: Lang, e: FieldError): string {
  const { key, row } = labelKeyOfId(e.field)
  const group = key.includes('.') && row !== undefined ? `${fieldLabel(lang, key.split('.')[0]!)} · ` : ''
  const rowText = row !== undefined ? t(lang, `（第 ${row} 行）`, ` (row ${row})`) : ''
  return `${group}${fieldLabel(lang, key)}${rowText}：${inLang(lang, e.message)}`
}

/** Where a field sits in the form (schema order, then row, then column), so the summary reads top to bottom. */
function formPosition(id: string): number {
  const { key, row } = labelKeyOfId(id)
  const [top, sub] = key.split('.')
  const i = (FIELD_ORDER as string[]).indexOf(top === 'region' ? 'region' : top!)
  const sub_ = sub ? Object.keys(FIELD_LABELS).indexOf(key) : 0
  return (i < 0 ? FIELD_ORDER.length : i) * 1_000_000 + (row ?? 0) * 1000 + Math.max(0, sub_)
}

/** The schema's "missing required field" names the JSON key; on a form, say it plainly. */
function friendly(message: string): string {
  return message.startsWith('缺少必填字段') ? '此项必填，请填写或选择。 This field is required.' : message
}

async function formContext(deps: Deps): Promise<{ departments: DepartmentOption[]; themes: string[] }> {
  const [deps_, themes] = await Promise.all([listDepartments(deps.db), listThemes(deps.db)])
  return { departments: deps_.map((d) => ({ id: d.id, name: d.name, code: d.code })), themes: themes.map((x) => x.name) }
}

async function renderForm(c: Context<AppEnv>, deps: Deps, p: FormPage): Promise<string> {
  const lang = c.get('lang')
  const ctx = await formContext(deps)
  const errors = p.errors ?? []
  const byId = new Map<string, string>()
  for (const e of errors) if (!byId.has(e.field)) byId.set(e.field, inLang(lang, e.message))
  const summary: SummaryError[] = [...errors].sort((a, b) => formPosition(a.field) - formPosition(b.field)).map((e) => ({ href: e.field, message: summaryMessage(lang, e) }))
  if (p.conflict) summary.unshift({ href: 'conflict', message: inLang(lang, p.conflict.message) })
  const code = p.item?.code
  const title = p.mode === 'new' ? t(lang, '新建事项', 'New service item') : t(lang, `修改事项：${p.item?.name ?? ''}`, `Edit: ${p.item?.name ?? ''}`)
  return renderAdmin(
    c,
    { title, errors: summary },
    <>
      <h1>{title}</h1>
      {p.item ? (
        <p class="meta">
          {t(lang, `实施编码 ${code}，您正在修改第 ${p.expectedVersion} 版。`, `Code ${code}; you are editing version ${p.expectedVersion}.`)} <a href={`/admin/items/${encodeURIComponent(code!)}`}>{t(lang, '返回事项页', 'Back to the item')}</a>
        </p>
      ) : null}
      {p.conflict ? (
        <div class="warning" id="conflict" tabindex={-1}>
          <p>{t(lang, '您填写的内容仍保留在下方，但尚未保存。', 'Your input is kept below but was not saved.')}</p>
          <p>
            <a href={`/admin/items/${encodeURIComponent(code!)}/diff?from=${p.conflict.from}&to=${p.conflict.to}`}>{t(lang, '查看他人做了哪些修改', 'See what the other person changed')}</a>
            {' · '}
            <a href={`/admin/items/${encodeURIComponent(code!)}/edit`}>{t(lang, '放弃我的修改，打开最新版本重新编辑', 'Discard my changes and edit the latest version')}</a>
          </p>
        </div>
      ) : null}
      <ItemForm
        lang={lang}
        mode={p.mode}
        action={p.mode === 'new' ? '/admin/items/new' : `/admin/items/${encodeURIComponent(code!)}/edit`}
        values={p.values}
        errors={byId}
        departments={ctx.departments}
        themes={ctx.themes}
        csrfToken={getStaff(c).csrfToken}
        extraRows={p.extraRows}
        {...(p.expectedVersion !== undefined ? { expectedVersion: p.expectedVersion } : {})}
      />
    </>,
  )
}

/** The posted form as FormValues (files, if any, are ignored). */
async function readForm(c: Context<AppEnv>): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true })
  const v: FormValues = {}
  for (const [k, x] of Object.entries(body)) {
    if (typeof x === 'string') v[k] = x
    else if (Array.isArray(x)) v[k] = x.filter((s): s is string => typeof s === 'string')
  }
  return v
}

export function registerItemEditorRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const editor = requireStaff(deps, 'catalog_editor')

  const notFound = (c: Context<AppEnv>) => c.notFound()

  /** Save or re-render: the one POST handler behind both "new" and "edit". */
  async function submit(c: Context<AppEnv>, mode: 'new' | 'edit', item?: ItemRow) {
    const values = await readForm(c)
    const action = str(values, '_action')
    const expectedVersion = mode === 'edit' ? Number(str(values, 'expectedVersion')) : undefined
    const base: Omit<FormPage, 'extraRows'> = { mode, values, ...(item ? { item } : {}), ...(expectedVersion !== undefined ? { expectedVersion } : {}) }
    const more = /^more-(materials|steps|faqs)$/.exec(action)
    if (more) return c.html(await renderForm(c, deps, { ...base, extraRows: { [more[1] as RowGroup]: 3 } }))

    const { departments } = await formContext(deps)
    const conv = formToRecord(values, departments)
    const record = conv.record
    if (item) record.code = item.code
    record.status = item ? item.status : 'draft'
    const note = str(values, 'note')
    const errors: FieldError[] = [...conv.errors]
    if (note.length > 500) errors.push({ field: 'note', message: '修改说明最多500字。 At most 500 characters.' })
    if (mode === 'edit' && !Number.isInteger(expectedVersion)) errors.push({ field: 'note', message: '页面已过期，请重新打开编辑页面。 The page expired; open the editor again.' })
    const withValidation = async () => {
      const regions = await regionCodes(deps.db)
      const seen = new Set(errors.map((e) => e.field))
      for (const e of validateItem(record, { regionExists: (x) => regions.has(x) })) {
        const field = fieldIdOf(e.field, conv.rowMap)
        if (!seen.has(field)) errors.push({ field, message: friendly(e.message) })
      }
      return c.html(await renderForm(c, deps, { ...base, errors, extraRows: {} }), 400)
    }
    if (errors.length) return withValidation()

    const s = getStaff(c)
    try {
      const r = await saveItem(deps.db, {
        record,
        actor: { type: 'staff', id: s.user.id, name: s.user.displayName },
        note: note || (mode === 'new' ? '新建事项' : '修改事项'),
        ...(mode === 'new' ? { mustBeNew: true } : { expectedVersion: expectedVersion! }),
      })
      if (r.outcome !== 'unchanged') await deps.search.refresh()
      return c.redirect(`/admin/items/${encodeURIComponent(r.code)}?done=${r.outcome}&v=${r.version}`, 303)
    } catch (err) {
      if (!(err instanceof DomainError)) throw err
      if (err.code === 'item_invalid') {
        for (const e of err.fields) errors.push({ field: fieldIdOf(e.field, conv.rowMap), message: friendly(e.message) })
        return c.html(await renderForm(c, deps, { ...base, errors, extraRows: {} }), 400)
      }
      if (err.code === 'item_code_taken') {
        errors.push({ field: 'code', message: err.message })
        return c.html(await renderForm(c, deps, { ...base, errors, extraRows: {} }), 409)
      }
      if (err.code === 'item_version_conflict' && item) {
        const latest = await getItemByCode(deps.db, item.code)
        return c.html(await renderForm(c, deps, { ...base, extraRows: {}, conflict: { message: err.message, from: expectedVersion!, to: latest?.version ?? item.version } }), 409)
      }
      throw err
    }
  }

  app.get('/admin/items/new', editor, async (c) => c.html(await renderForm(c, deps, { mode: 'new', values: {}, extraRows: { materials: 3, steps: 3, faqs: 2 } })))
  app.post('/admin/items/new', editor, (c) => submit(c, 'new'))

  app.get('/admin/items/:code/edit', editor, async (c) => {
    const item = await getItemByCode(deps.db, c.req.param('code'))
    if (!item) return notFound(c)
    const { departments } = await formContext(deps)
    return c.html(await renderForm(c, deps, { mode: 'edit', item, values: recordToForm(item.record, departments), expectedVersion: item.version, extraRows: { materials: 2, steps: 2, faqs: 1 } }))
  })
  app.post('/admin/items/:code/edit', editor, async (c) => {
    const item = await getItemByCode(deps.db, c.req.param('code'))
    if (!item) return notFound(c)
    return submit(c, 'edit', item)
  })
}
