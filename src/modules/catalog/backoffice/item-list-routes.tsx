import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from '../../../deps'
import type { AppEnv } from '../../../platform/http/context'
import { Pagination } from '../../../platform/web/components'
import { Select, TextInput } from '../../../platform/web/form-components'
import { t } from '../../../platform/web/i18n'
import { getStaff, hasAnyRole, requireStaff } from '../../identity'
import { listDepartments, listItemsForEditor } from '../catalog-queries'
import type { ItemStatus } from '../service-item'
import { formatTime, intParam, renderAdmin } from './admin-page'
import { statusLabel, STATUS_LABELS } from './field-labels'
import { StatusTag } from './item-page-routes'

const PAGE_SIZE = 25

/** /admin — every item in every status, filterable by text (name or code), status and department. */
export function registerItemListRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  // Every staff member signs in to /admin; those without the catalogue role go to their home page (工作台).
  app.get('/admin', requireStaff(deps), async (c) => {
    if (!hasAnyRole(getStaff(c).user, ['catalog_editor'])) return c.redirect('/admin/home', 303)
    const lang = c.get('lang')
    const q = (c.req.query('q') ?? '').trim().slice(0, 100)
    const statusQ = c.req.query('status') ?? ''
    const status = Object.hasOwn(STATUS_LABELS, statusQ) ? (statusQ as ItemStatus) : undefined
    const departments = await listDepartments(deps.db)
    const depQ = c.req.query('department') ?? ''
    const department = departments.find((d) => d.id === depQ)
    const page = intParam(c.req.query('page'), 1, 1, 10_000)
    const { items, total } = await listItemsForEditor(deps.db, { ...(q ? { q } : {}), ...(status ? { status } : {}), ...(department ? { departmentId: department.id } : {}), page, pageSize: PAGE_SIZE })
    const params = (p: number) => {
      const u = new URLSearchParams()
      if (q) u.set('q', q)
      if (status) u.set('status', status)
      if (department) u.set('department', department.id)
      if (p > 1) u.set('page', String(p))
      const s = u.toString()
      return s ? `/admin?${s}` : '/admin'
    }
    const title = t(lang, '服务事项', 'Service items')
    return c.html(
      renderAdmin(
        c,
        { title },
        <>
          <div class="title-row">
            <h1>{title}</h1>
            <a class="button" href="/admin/items/new">{t(lang, '新建事项', 'New item')}</a>
          </div>
          <form method="get" action="/admin" class="admin-filters" role="search" aria-label={t(lang, '筛选事项', 'Filter items')}>
            <TextInput lang={lang} id="q" label={t(lang, '名称或实施编码', 'Name or code')} value={q} maxlength={100} />
            <Select lang={lang} id="status" label={t(lang, '状态', 'Status')} value={status ?? ''} empty={t(lang, '全部状态', 'All')} options={Object.keys(STATUS_LABELS).map((s) => ({ value: s, label: statusLabel(lang, s) }))} />
            <Select lang={lang} id="department" label={t(lang, '实施主体', 'Department')} value={department?.id ?? ''} empty={t(lang, '全部部门', 'All departments')} options={departments.map((d) => ({ value: d.id, label: d.name }))} />
            <button type="submit" class="button-secondary">{t(lang, '筛选', 'Filter')}</button>
          </form>
          <p role="status">{t(lang, `共 ${total} 个事项`, `${total} items`)}{total > PAGE_SIZE ? t(lang, `，第 ${page} 页`, `, page ${page}`) : ''}</p>
          {items.length ? (
            <table class="table">
              <caption class="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(lang, '实施编码', 'Code')}</th>
                  <th scope="col">{t(lang, '事项名称', 'Name')}</th>
                  <th scope="col">{t(lang, '实施主体', 'Department')}</th>
                  <th scope="col">{t(lang, '状态', 'Status')}</th>
                  <th scope="col">{t(lang, '版本', 'Version')}</th>
                  <th scope="col">{t(lang, '最后修改', 'Last change')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr>
                    <td class="code">{i.code}</td>
                    <td><a href={`/admin/items/${encodeURIComponent(i.code)}`}>{i.name}</a></td>
                    <td>{i.department.name}</td>
                    <td><StatusTag lang={lang} status={i.status} /></td>
                    <td>{i.version}</td>
                    <td>{formatTime(i.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t(lang, '没有符合条件的事项。可以换个关键词或清除筛选条件。', 'No items match; try other words or clear the filters.')}</p>
          )}
          <Pagination lang={lang} page={page} pageSize={PAGE_SIZE} total={total} hrefFor={params} />
        </>,
      ),
    )
  })
}
