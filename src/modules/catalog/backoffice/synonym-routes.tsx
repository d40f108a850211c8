import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../../deps'
import { DomainError, type FieldError } from '../../../platform/errors'
import type { AppEnv } from '../../../platform/http/context'
import { CsrfField, Fieldset, TextArea, TextInput } from '../../../platform/web/form-components'
import { t, type Lang } from '../../../platform/web/i18n'
import { getStaff, requireStaff } from '../../identity'
import { listSynonyms } from '../catalog-queries'
import { deleteSynonym } from '../delete-synonym'
import { saveSynonym } from '../save-synonym'
import { formatTime, renderAdmin } from './admin-page'
import { inLang } from './field-labels'

/** The search synonym dictionary (everyday phrase → official terms): list, add, edit, delete. */
type Values = { phrase: string; expansions: string; note: string }
const LABELS: Record<string, [string, string]> = { phrase: ['群众说法', 'Everyday phrase'], expansions: ['规范用语', 'Official terms'], note: ['备注', 'Note'] }
const label = (lang: Lang, k: string) => t(lang, LABELS[k]![0], LABELS[k]![1])
const fieldId = (f: string) => (f.startsWith('expansions') ? 'expansions' : f === 'note' ? 'note' : 'phrase')
const splitTerms = (s: string) => s.split(/[\n,，、;；]/).map((x) => x.trim()).filter(Boolean)

function SynonymForm({ lang, action, values, errors, csrf, submit }: { lang: Lang; action: string; values: Values; errors: Map<string, string>; csrf: string; submit: string }) {
  return (
    <form method="post" action={action} novalidate>
      <CsrfField token={csrf} />
      <TextInput lang={lang} id="phrase" label={label(lang, 'phrase')} value={values.phrase} error={errors.get('phrase')} required width="m" hint={t(lang, '群众搜索时常用的说法，例如“开饭店”。', 'What people type, e.g. 开饭店.')} />
      <TextArea lang={lang} id="expansions" label={label(lang, 'expansions')} value={values.expansions} error={errors.get('expansions')} required rows={3} hint={t(lang, '对应的规范用语，每行一个或用逗号分隔，例如“食品经营”“餐饮”。', 'Official terms, one per line or comma-separated.')} />
      <TextInput lang={lang} id="note" label={label(lang, 'note')} value={values.note} error={errors.get('note')} width="l" />
      <button type="submit" class="button">{submit}</button>
    </form>
  )
}

export function registerSynonymRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const editor = requireStaff(deps, 'catalog_editor')
  const actorOf = (c: Context<AppEnv>) => {
    const s = getStaff(c)
    return { type: 'staff' as const, id: s.user.id, name: s.user.displayName }
  }
  const summary = (lang: Lang, errors: FieldError[]) => errors.map((e) => ({ href: fieldId(e.field), message: `${label(lang, fieldId(e.field))}：${inLang(lang, e.message)}` }))
  const byField = (lang: Lang, errors: FieldError[]) => {
    const m = new Map<string, string>()
    for (const e of errors) if (!m.has(fieldId(e.field))) m.set(fieldId(e.field), inLang(lang, e.message))
    return m
  }

  async function listPage(c: Context<AppEnv>, form: { values: Values; errors: FieldError[] }) {
    const lang = c.get('lang')
    const q = (c.req.query('q') ?? '').trim().slice(0, 30)
    const all = await listSynonyms(deps.db)
    const rows = q ? all.filter((s) => s.phrase.includes(q) || s.expansions.some((e) => e.includes(q))) : all
    const title = t(lang, '搜索同义词', 'Search synonyms')
    const done = c.req.query('done')
    const notice = done === 'saved' ? t(lang, '已保存，门户搜索已生效。', 'Saved; the portal search uses it now.') : done === 'deleted' ? t(lang, '已删除。', 'Deleted.') : undefined
    return renderAdmin(
      c,
      { title, errors: summary(lang, form.errors), notice },
      <>
        <h1>{title}</h1>
        <p>{t(lang, '把群众的日常说法对应到事项的规范用语，帮助搜索找到正确的服务。', 'Map everyday phrases to official terms so search finds the right service.')}</p>
        <Fieldset legend={t(lang, '新增同义词', 'Add a synonym')}>
          <SynonymForm lang={lang} action="/admin/synonyms" values={form.values} errors={byField(lang, form.errors)} csrf={getStaff(c).csrfToken} submit={t(lang, '新增', 'Add')} />
        </Fieldset>
        <form method="get" action="/admin/synonyms" class="admin-filters" role="search" aria-label={t(lang, '查找同义词', 'Find synonyms')}>
          <TextInput lang={lang} id="q" label={t(lang, '查找', 'Find')} value={q} width="m" />
          <button type="submit" class="button-secondary">{t(lang, '查找', 'Find')}</button>
        </form>
        <table class="table">
          <caption>{t(lang, `共 ${rows.length} 条`, `${rows.length} entries`)}</caption>
          <thead>
            <tr>
              <th scope="col">{label(lang, 'phrase')}</th>
              <th scope="col">{label(lang, 'expansions')}</th>
              <th scope="col">{label(lang, 'note')}</th>
              <th scope="col">{t(lang, '最后修改', 'Last change')}</th>
              <th scope="col"><span class="visually-hidden">{t(lang, '操作', 'Actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr>
                <td>{s.phrase}</td>
                <td>{s.expansions.join('、')}</td>
                <td>{s.note ?? ''}</td>
                <td>{s.updatedBy ?? ''} {formatTime(s.updatedAt)}</td>
                <td><a href={`/admin/synonyms/${s.id}/edit`}>{t(lang, '编辑', 'Edit')}<span class="visually-hidden">{s.phrase}</span></a></td>
              </tr>
            ))}
          </tbody>
        </table>
      </>,
    )
  }

  async function editPage(c: Context<AppEnv>, id: string, form?: { values: Values; errors: FieldError[] }) {
    const lang = c.get('lang')
    const s = (await listSynonyms(deps.db)).find((x) => x.id === id)
    if (!s) return undefined
    const values = form?.values ?? { phrase: s.phrase, expansions: s.expansions.join('\n'), note: s.note ?? '' }
    const errors = form?.errors ?? []
    const title = t(lang, `编辑同义词：${s.phrase}`, `Edit synonym: ${s.phrase}`)
    const csrf = getStaff(c).csrfToken
    return renderAdmin(
      c,
      { title, errors: summary(lang, errors) },
      <>
        <h1>{title}</h1>
        <p><a href="/admin/synonyms">{t(lang, '返回同义词列表', 'Back to the list')}</a></p>
        <SynonymForm lang={lang} action={`/admin/synonyms/${id}`} values={values} errors={byField(lang, errors)} csrf={csrf} submit={t(lang, '保存', 'Save')} />
        <form method="post" action={`/admin/synonyms/${id}/delete`} class="danger-zone">
          <h2>{t(lang, '删除这条同义词', 'Delete this synonym')}</h2>
          <CsrfField token={csrf} />
          <button type="submit" class="button-warning">{t(lang, `删除“${s.phrase}”`, `Delete “${s.phrase}”`)}</button>
        </form>
      </>,
    )
  }

  const readValues = async (c: Context<AppEnv>): Promise<Values> => {
    const f = await c.req.parseBody()
    const s = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : '')
    return { phrase: s('phrase'), expansions: s('expansions'), note: s('note') }
  }
  const save = async (c: Context<AppEnv>, id?: string) => {
    const values = await readValues(c)
    try {
      await saveSynonym(deps.db, { ...(id ? { id } : {}), phrase: values.phrase, expansions: splitTerms(values.expansions), note: values.note, actor: actorOf(c) })
      await deps.search.refresh()
      return c.redirect('/admin/synonyms?done=saved', 303)
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err
      if (err.status === 404) return c.notFound()
      const errors = err.fields.length ? err.fields : [{ field: 'phrase', message: err.message }]
      const html = id ? await editPage(c, id, { values, errors }) : await listPage(c, { values, errors })
      return html ? c.html(html, err.status as 400) : c.notFound()
    }
  }

  app.get('/admin/synonyms', editor, async (c) => c.html(await listPage(c, { values: { phrase: '', expansions: '', note: '' }, errors: [] })))
  app.post('/admin/synonyms', editor, (c) => save(c))
  app.get('/admin/synonyms/:id/edit', editor, async (c) => {
    const html = await editPage(c, c.req.param('id'))
    return html ? c.html(html) : c.notFound()
  })
  app.post('/admin/synonyms/:id', editor, (c) => save(c, c.req.param('id')))
  app.post('/admin/synonyms/:id/delete', editor, async (c) => {
    try {
      await deleteSynonym(deps.db, { id: c.req.param('id'), actor: actorOf(c) })
    } catch (err) {
      if (err instanceof DomainError && err.status === 404) return c.notFound()
      throw err
    }
    await deps.search.refresh()
    return c.redirect('/admin/synonyms?done=deleted', 303)
  })
}
