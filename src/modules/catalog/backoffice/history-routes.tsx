import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from '../../../deps'
import type { AppEnv } from '../../../platform/http/context'
import { Select } from '../../../platform/web/form-components'
import { t } from '../../../platform/web/i18n'
import { requireStaff } from '../../identity'
import { getItemByCode, getItemVersion, listItemVersions } from '../catalog-queries'
import { formatTime, intParam, renderAdmin } from './admin-page'
import { diffRecords } from './item-diff'
import { StatusTag } from './item-page-routes'

/** Version history of an item and a readable diff between any two of its versions. */
export function registerHistoryRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const editor = requireStaff(deps, 'catalog_editor')

  app.get('/admin/items/:code/versions', editor, async (c) => {
    const lang = c.get('lang')
    const item = await getItemByCode(deps.db, c.req.param('code'))
    if (!item) return c.notFound()
    const versions = await listItemVersions(deps.db, item.id)
    const base = `/admin/items/${encodeURIComponent(item.code)}`
    const title = t(lang, `版本历史：${item.name}`, `Version history: ${item.name}`)
    const opts = versions.map((v) => ({ value: String(v.version), label: t(lang, `第 ${v.version} 版`, `Version ${v.version}`) }))
    return c.html(
      renderAdmin(
        c,
        { title },
        <>
          <h1>{title}</h1>
          <p><a href={base}>{t(lang, '返回事项页', 'Back to the item')}</a></p>
          <table class="table">
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, '版本', 'Version')}</th>
                <th scope="col">{t(lang, '状态', 'Status')}</th>
                <th scope="col">{t(lang, '修改人', 'By')}</th>
                <th scope="col">{t(lang, '修改说明', 'Note')}</th>
                <th scope="col">{t(lang, '时间', 'Time')}</th>
                <th scope="col">{t(lang, '比较', 'Compare')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr>
                  <td>{v.version}</td>
                  <td><StatusTag lang={lang} status={v.status} /></td>
                  <td>{v.actor}</td>
                  <td>{v.note ?? ''}</td>
                  <td>{formatTime(v.createdAt)}</td>
                  <td>
                    {v.version > 1 ? (
                      <a href={`${base}/diff?from=${v.version - 1}&to=${v.version}`}>{t(lang, `与第 ${v.version - 1} 版比较`, `Compare with version ${v.version - 1}`)}</a>
                    ) : (
                      t(lang, '首个版本', 'First version')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {versions.length > 1 ? (
            <form method="get" action={`${base}/diff`} class="admin-filters">
              <h2>{t(lang, '比较任意两个版本', 'Compare any two versions')}</h2>
              <Select lang={lang} id="from" label={t(lang, '旧版本', 'Older')} options={opts} value={String(Math.max(1, item.version - 1))} />
              <Select lang={lang} id="to" label={t(lang, '新版本', 'Newer')} options={opts} value={String(item.version)} />
              <button type="submit" class="button-secondary">{t(lang, '比较', 'Compare')}</button>
            </form>
          ) : null}
        </>,
      ),
    )
  })

  app.get('/admin/items/:code/diff', editor, async (c) => {
    const lang = c.get('lang')
    const item = await getItemByCode(deps.db, c.req.param('code'))
    if (!item) return c.notFound()
    const to = intParam(c.req.query('to'), item.version, 1, item.version)
    const from = intParam(c.req.query('from'), Math.max(1, to - 1), 1, item.version)
    const [a, b] = await Promise.all([getItemVersion(deps.db, item.id, from), getItemVersion(deps.db, item.id, to)])
    if (!a || !b) return c.notFound()
    const changes = diffRecords(lang, a.record, b.record)
    const base = `/admin/items/${encodeURIComponent(item.code)}`
    const title = t(lang, `第 ${from} 版与第 ${to} 版的差异：${item.name}`, `Changes from version ${from} to ${to}: ${item.name}`)
    const kindText = { added: t(lang, '新增', 'Added'), removed: t(lang, '删除', 'Removed'), changed: t(lang, '修改', 'Changed') }
    return c.html(
      renderAdmin(
        c,
        { title },
        <>
          <h1>{title}</h1>
          <p>
            <a href={`${base}/versions`}>{t(lang, '返回版本历史', 'Back to the history')}</a>
          </p>
          <dl class="summary">
            <div><dt>{t(lang, `第 ${from} 版`, `Version ${from}`)}</dt><dd>{a.actor} · {formatTime(a.createdAt)} · {a.note ?? ''}</dd></div>
            <div><dt>{t(lang, `第 ${to} 版`, `Version ${to}`)}</dt><dd>{b.actor} · {formatTime(b.createdAt)} · {b.note ?? ''}</dd></div>
          </dl>
          {changes.length === 0 ? (
            <p>{t(lang, '两个版本内容相同。', 'The two versions are identical.')}</p>
          ) : (
            <table class="table diff">
              <caption>{t(lang, `共 ${changes.length} 处变化`, `${changes.length} changes`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(lang, '字段', 'Field')}</th>
                  <th scope="col">{t(lang, '变化', 'Change')}</th>
                  <th scope="col">{t(lang, '原内容', 'Before')}</th>
                  <th scope="col">{t(lang, '新内容', 'After')}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((ch) => (
                  <tr class={`diff-${ch.kind}`}>
                    <th scope="row">{ch.label}</th>
                    <td>{kindText[ch.kind]}</td>
                    <td>{ch.before !== undefined ? <del><span class="visually-hidden">{t(lang, '删除：', 'Removed: ')}</span>{ch.before}</del> : '—'}</td>
                    <td>{ch.after !== undefined ? <ins><span class="visually-hidden">{t(lang, '新增：', 'Added: ')}</span>{ch.after}</ins> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>,
      ),
    )
  })
}
