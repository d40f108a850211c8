import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../../deps'
import { DomainError } from '../../../platform/errors'
import type { AppEnv } from '../../../platform/http/context'
import { renderErrorPage } from '../../../platform/web/error-page'
import { CsrfField, type SummaryError } from '../../../platform/web/form-components'
import { t, type Lang } from '../../../platform/web/i18n'
import { getStaff, hasRoleIn, requireStaff } from '../../identity'
import { formatTime, renderAdmin } from '../backoffice/admin-page'
import { inLang } from '../backoffice/field-labels'
import { getItemByCode, type ItemRow } from '../catalog-queries'
import { FIELD_TYPE_LABELS, PREFILL_SOURCES, type DefinitionError, type FormDefinition, type FormField } from './form-definition'
import { FormFields, type Prefilled } from './form-fields'
import { generateForm, materialPlan } from './generate-form'
import { getItemForm, listItemFormVersions, saveItemForm, type ItemForm } from './item-forms'
import { listRegionOptions } from './region-options'

/**
 * 申请表单 of an item in the catalogue editor: /admin/items/:code/form. catalog_editor in the item's department
 * (an unscoped editor: every item). Shows the form as an outline with move/remove per field, a preview rendered
 * by FormFields, and the definition as JSON to edit; saving makes a new version (identical → nothing),
 * "从材料重新生成" saves the generated form as a new version. Invalid input → 400 with every problem listed and
 * the editor's text kept; nothing written.
 */
const MAX_JSON = 300_000

type Page = { item: ItemRow; form: ItemForm; json?: string; errors?: DefinitionError[]; problem?: string; notice?: string; status?: 200 | 400 | 409 }

const actorOf = (c: Context<AppEnv>) => {
  const s = getStaff(c)
  return { type: 'staff' as const, id: s.user.id, name: s.user.displayName }
}

function conditionText(lang: Lang, f: FormField): string {
  if (!f.showIf) return ''
  const eq = f.showIf.equals === undefined ? '' : [f.showIf.equals].flat().join(t(lang, '或', ' or '))
  return f.showIf.notEmpty && !eq ? t(lang, `${f.showIf.field} 已填写时`, `when ${f.showIf.field} is filled in`) : t(lang, `${f.showIf.field} = ${eq} 时`, `when ${f.showIf.field} = ${eq}`)
}

function Outline({ lang, item, form, csrf }: { lang: Lang; item: ItemRow; form: ItemForm; csrf: string }) {
  const materials = item.record.materials ?? []
  return (
    <form method="post" action={`/admin/items/${encodeURIComponent(item.code)}/form`}>
      <CsrfField token={csrf} />
      <input type="hidden" name="expectedVersion" value={String(form.version)} />
      {form.definition.sections.map((s, si) => (
        <section aria-labelledby={`outline-${s.key}`}>
          <h3 id={`outline-${s.key}`}>{s.title}{s.titleEn ? ` · ${s.titleEn}` : ''} <span class="meta">({s.key})</span></h3>
          <div class="table-wrap">
            <table class="table form-outline">
              <thead>
                <tr>
                  <th scope="col">{t(lang, '字段', 'Field')}</th>
                  <th scope="col">{t(lang, '类型', 'Type')}</th>
                  <th scope="col">{t(lang, '必填', 'Required')}</th>
                  <th scope="col">{t(lang, '自动填充', 'Prefill')}</th>
                  <th scope="col">{t(lang, '显示条件', 'Shown')}</th>
                  <th scope="col">{t(lang, '操作', 'Actions')}</th>
                </tr>
              </thead>
              <tbody>
                {s.fields.map((f, fi) => (
                  <tr>
                    <th scope="row">
                      {f.label} <span class="meta code">{f.key}</span>
                      {f.columns ? <div class="meta">{t(lang, '列：', 'Columns: ')}{f.columns.map((c) => c.label).join('、')}</div> : null}
                      {f.options ? <div class="meta">{t(lang, '选项：', 'Options: ')}{f.options.map((o) => o.label).join('、')}</div> : null}
                      {f.type === 'file' && f.materialIndex !== undefined ? <div class="meta">{t(lang, '对应材料：', 'Material: ')}{materials[f.materialIndex]?.name ?? `#${f.materialIndex}`}</div> : null}
                    </th>
                    <td>{lang === 'en' ? FIELD_TYPE_LABELS[f.type].en : FIELD_TYPE_LABELS[f.type].zh}</td>
                    <td>{f.required ? t(lang, '是', 'Yes') : t(lang, '否', 'No')}</td>
                    <td>{f.prefill ? (lang === 'en' ? PREFILL_SOURCES[f.prefill].en : PREFILL_SOURCES[f.prefill].zh) : ''}</td>
                    <td>{conditionText(lang, f)}</td>
                    <td>
                      {fi > 0 ? <button type="submit" class="button-link" name="_action" value={`move:${si}:${fi}:up`}>{t(lang, `上移 ${f.label}`, `Move ${f.label} up`)}</button> : null}
                      {fi < s.fields.length - 1 ? <button type="submit" class="button-link" name="_action" value={`move:${si}:${fi}:down`}>{t(lang, `下移 ${f.label}`, `Move ${f.label} down`)}</button> : null}
                      <button type="submit" class="button-link" name="_action" value={`remove:${si}:${fi}`}>{t(lang, `删除 ${f.label}`, `Remove ${f.label}`)}</button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </form>
  )
}

async function render(c: Context<AppEnv>, deps: Deps, p: Page): Promise<Response> {
  const lang = c.get('lang')
  const csrf = getStaff(c).csrfToken
  const { item, form } = p
  const path = `/admin/items/${encodeURIComponent(item.code)}/form`
  const [regions, versions] = await Promise.all([listRegionOptions(deps.db), listItemFormVersions(deps.db, item.id)])
  const prefilled: Prefilled = {}
  for (const s of form.definition.sections) for (const f of s.fields) if (f.prefill) prefilled[f.key] = { source: lang === 'en' ? PREFILL_SOURCES[f.prefill].en : PREFILL_SOURCES[f.prefill].zh }
  const errors = p.errors ?? []
  const summary: SummaryError[] = [
    ...(p.problem ? [{ href: 'definition', message: p.problem }] : []),
    ...errors.slice(0, 50).map((e) => ({ href: 'definition', message: `${e.path || t(lang, '整个表单', 'whole form')}：${inLang(lang, e.message)}` })),
  ]
  const title = t(lang, `申请表单：${item.name}`, `Application form: ${item.name}`)
  const plan = materialPlan(item.record)
  const html = renderAdmin(
    c,
    { title, errors: summary, errorTitle: t(lang, '表单没有保存，请修改以下问题', 'The form was not saved; fix these problems'), notice: p.notice },
    <>
      <h1>{title}</h1>
      <p class="meta">
        {form.generated
          ? t(lang, '当前使用根据申请材料自动生成的表单（第 0 版），尚未保存过。', 'This item uses the form generated from its materials (version 0); nobody has saved one yet.')
          : t(lang, `当前为第 ${form.version} 版，${form.savedBy ?? ''} 保存于 ${form.savedAt ? formatTime(form.savedAt) : ''}。`, `Version ${form.version}, saved by ${form.savedBy ?? ''} at ${form.savedAt ? formatTime(form.savedAt) : ''}.`)}{' '}
        <a href={`/admin/items/${encodeURIComponent(item.code)}`}>{t(lang, '返回事项页', 'Back to the item')}</a>
      </p>
      <h2>{t(lang, '表单结构', 'Outline')}</h2>
      <Outline lang={lang} item={item} form={form} csrf={csrf} />
      <h2>{t(lang, '申请材料与表单', 'Materials and the form')}</h2>
      <ul>
        {plan.map((m) => (
          <li>
            {m.material.name}：
            {m.disposition === 'shared' ? t(lang, `免提交（共享数据：${m.material.sharedDataset}）`, `not uploaded (shared data: ${m.material.sharedDataset})`) : m.disposition === 'form' ? t(lang, '由在线填写的本表单代替', 'replaced by this online form') : t(lang, '申请人上传', 'uploaded by the applicant')}
          </li>
        ))}
      </ul>
      <h2 id="preview-title">{t(lang, '预览（申请人看到的样子）', 'Preview (what applicants see)')}</h2>
      <section class="form-preview" aria-labelledby="preview-title">
        <form action="#" method="get" aria-label={t(lang, '表单预览，不能提交', 'Form preview, cannot be submitted')}>
          <FormFields def={form.definition} values={{}} errors={[]} prefilled={prefilled} lang={lang} regions={regions} />
        </form>
      </section>
      <h2>{t(lang, '修改表单定义', 'Edit the definition')}</h2>
      <form method="post" action={path}>
        <CsrfField token={csrf} />
        <input type="hidden" name="expectedVersion" value={String(form.version)} />
        <div class={`form-group${p.problem || errors.length ? ' form-group-error' : ''}`}>
          <label class="label" for="definition">{t(lang, '表单定义（JSON）', 'Form definition (JSON)')}</label>
          <p class="hint" id="definition-hint">
            {t(lang, '字段类型、选项、显示条件和自动填充的写法见 CONTEXT.md“Forms”。保存后生成新版本，已开始的申请仍使用原来的版本。', 'See CONTEXT.md "Forms" for field types, options, conditions and prefill. Saving makes a new version; applications already started keep theirs.')}
          </p>
          {p.problem || errors.length ? (
            <div class="error-message" id="definition-error">
              {p.problem ? <p>{p.problem}</p> : null}
              {errors.length ? <ul>{errors.slice(0, 50).map((e) => <li><code>{e.path || '/'}</code> {inLang(lang, e.message)}</li>)}</ul> : null}
            </div>
          ) : null}
          <textarea class="textarea json-editor" id="definition" name="definition" rows={30} spellcheck={false} aria-describedby={p.problem || errors.length ? 'definition-hint definition-error' : 'definition-hint'} aria-invalid={p.problem || errors.length ? 'true' : undefined}>
            {p.json ?? JSON.stringify(form.definition, null, 2)}
          </textarea>
        </div>
        <button type="submit" class="button" name="_action" value="save">{t(lang, '保存为新版本', 'Save as a new version')}</button>
      </form>
      <form method="post" action={path}>
        <CsrfField token={csrf} />
        <input type="hidden" name="expectedVersion" value={String(form.version)} />
        <p class="hint">{t(lang, '按事项当前的申请材料重新生成表单，并保存为新版本（现有的修改会被替换，旧版本仍可在历史中查到）。', "Regenerate the form from the item's current materials and save it as a new version (earlier versions stay in the history).")}</p>
        <button type="submit" class="button-secondary" name="_action" value="regenerate">{t(lang, '从材料重新生成', 'Regenerate from materials')}</button>
      </form>
      {versions.length ? (
        <>
          <h2>{t(lang, '版本历史', 'Versions')}</h2>
          <ul>{versions.map((v) => <li>{t(lang, `第 ${v.version} 版 · ${v.savedBy} · ${formatTime(v.savedAt)}`, `Version ${v.version} · ${v.savedBy} · ${formatTime(v.savedAt)}`)}</li>)}</ul>
        </>
      ) : null}
    </>,
  )
  return c.html(html, p.status ?? 200)
}

/** move:<s>:<f>:up|down and remove:<s>:<f> on a copy of the definition; null when the action names nothing. */
export function outlineAction(def: FormDefinition, action: string): FormDefinition | null {
  const m = /^(move|remove):(\d{1,2}):(\d{1,3})(?::(up|down))?$/.exec(action)
  if (!m) return null
  const copy = JSON.parse(JSON.stringify(def)) as FormDefinition
  const s = copy.sections[Number(m[2])]
  const fi = Number(m[3])
  if (!s || fi >= s.fields.length) return null
  if (m[1] === 'remove') {
    s.fields.splice(fi, 1)
    return copy
  }
  const to = m[4] === 'up' ? fi - 1 : fi + 1
  if (to < 0 || to >= s.fields.length) return null
  const [f] = s.fields.splice(fi, 1)
  s.fields.splice(to, 0, f!)
  return copy
}

export function registerFormEditorRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const editor = requireStaff(deps, 'catalog_editor')

  /** The item, if this editor may change it (catalog_editor of its department, or unscoped); else a response. */
  async function load(c: Context<AppEnv>): Promise<ItemRow | Response> {
    const item = await getItemByCode(deps.db, c.req.param('code') ?? '')
    if (!item) return c.notFound()
    if (!hasRoleIn(getStaff(c).user, 'catalog_editor', { departmentId: item.department.id })) {
      const lang = c.get('lang')
      return c.html(renderErrorPage(c, 403, t(lang, `您只能修改本部门事项的表单；“${item.name}”属于${item.department.name}。如需权限，请联系系统管理员。`, `You may only edit forms of your department's items; ask an administrator.`)), 403)
    }
    return item
  }

  app.get('/admin/items/:code/form', editor, async (c) => {
    const item = await load(c)
    if (item instanceof Response) return item
    const form = (await getItemForm(deps.db, item.id))!
    const done = c.req.query('done')
    const lang = c.get('lang')
    const notice = done === 'saved' ? t(lang, `表单已保存为第 ${form.version} 版。`, `The form was saved as version ${form.version}.`) : done === 'unchanged' ? t(lang, '表单没有变化，未生成新版本。', 'Nothing changed; no new version was made.') : undefined
    return render(c, deps, { item, form, ...(notice ? { notice } : {}) })
  })

  app.post('/admin/items/:code/form', editor, async (c) => {
    const item = await load(c)
    if (item instanceof Response) return item
    const lang = c.get('lang')
    const body = await c.req.parseBody()
    const action = typeof body['_action'] === 'string' ? body['_action'] : 'save'
    const json = typeof body['definition'] === 'string' ? body['definition'] : undefined
    const form = (await getItemForm(deps.db, item.id))!
    const expected = Number(body['expectedVersion'])
    const keep = json !== undefined ? { json } : {}
    if (!Number.isInteger(expected) || expected !== form.version) {
      return render(c, deps, { item, form, ...keep, status: 409, problem: t(lang, `表单已被他人改为第 ${form.version} 版，您的修改没有保存。下方是您填写的内容，请对照最新版本后再保存。`, `Someone saved version ${form.version} meanwhile; your change was not saved. Your text is kept below.`) })
    }
    let definition: unknown
    if (action === 'regenerate') definition = generateForm(item.record)
    else if (action === 'save') {
      if (json === undefined || !json.trim()) return render(c, deps, { item, form, json: json ?? '', status: 400, problem: t(lang, '请填写表单定义（JSON）。', 'Enter the form definition (JSON).') })
      if (json.length > MAX_JSON) return render(c, deps, { item, form, json: json.slice(0, MAX_JSON), status: 400, problem: t(lang, `表单定义过长（最多${MAX_JSON}个字符），请精简。`, `The definition is too long (at most ${MAX_JSON} characters).`) })
      try {
        definition = JSON.parse(json)
      } catch (err) {
        const m = /position (\d+)/.exec(String((err as Error).message))
        const pos = m ? Number(m[1]) : -1
        const line = pos >= 0 ? json.slice(0, pos).split('\n').length : 0
        return render(c, deps, { item, form, json, status: 400, problem: t(lang, `不是有效的 JSON${line ? `（第 ${line} 行附近）` : ''}：请检查引号、逗号和括号是否成对。`, `Not valid JSON${line ? ` (near line ${line})` : ''}: check quotes, commas and brackets.`) })
      }
    } else {
      definition = outlineAction(form.definition, action)
      if (!definition) return render(c, deps, { item, form, status: 400, problem: t(lang, '未知的操作，请从页面上的按钮提交。', 'Unknown action; use the buttons on the page.') })
    }
    try {
      const r = await saveItemForm(deps.db, { itemId: item.id, definition, actor: actorOf(c), note: action === 'regenerate' ? '从材料重新生成' : action === 'save' ? '修改表单定义' : action })
      return c.redirect(`/admin/items/${encodeURIComponent(item.code)}/form?done=${r.outcome}`, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== 'item_form_invalid') throw err
      return render(c, deps, { item, form, json: json ?? JSON.stringify(definition, null, 2), status: 400, errors: err.fields.map((f) => ({ path: f.field, message: f.message })) })
    }
  })
}
