import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from '../../../deps'
import type { AppEnv } from '../../../platform/http/context'
import { Pagination } from '../../../platform/web/components'
import { Select, TextInput } from '../../../platform/web/form-components'
import { t } from '../../../platform/web/i18n'
import { departmentDirectory } from '../../catalog'
import { getStaff, requireStaff } from '../../identity'
import { listAccess, type AccessFilter } from '../access-log-queries'
import { accessLogDepartments } from '../exchange-policy'
import { AccessTable } from '../access-table'
import { listDatasets } from '../dataset-queries'
import { isDay } from '../grant-rules'
import { renderExchangeAdmin } from './admin-shell'

const PAGE_SIZE = 50

/**
 * 数据访问日志 for supervision (电子监察): every read by dataset, consuming department and date range
 * (China Standard Time days), subjects masked. Supervisors see their region's departments, admins everything
 * (exchange-policy.mayViewAccessLog / accessLogDepartments).
 */
export function registerAccessLogRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  app.get('/admin/exchange/access-log', requireStaff(deps, 'supervisor'), async (c) => {
    const lang = c.get('lang')
    const q = (k: string) => (c.req.query(k) ?? '').trim().slice(0, 64)
    const [datasets, departments] = await Promise.all([listDatasets(deps.db), departmentDirectory(deps.db).listDepartments()])
    // A supervisor sees the reads of the departments in their region; admins everything (exchange-policy).
    const scope = accessLogDepartments(getStaff(c).user, departments)
    const names = new Map(departments.filter((d) => scope === 'all' || scope.includes(d.id)).map((d) => [d.id, d.name]))
    const v = { dataset: q('dataset'), department: q('department'), from: q('from'), to: q('to'), outcome: q('outcome') }
    const errors: { href: string; message: string }[] = []
    if (v.dataset && !datasets.some((d) => d.code === v.dataset)) errors.push({ href: 'dataset', message: t(lang, '请从列表中选择数据集。', 'Choose a dataset from the list.') })
    if (v.department && !names.has(v.department)) errors.push({ href: 'department', message: t(lang, '请从列表中选择部门。', 'Choose a department from the list.') })
    for (const k of ['from', 'to'] as const) if (v[k] && !isDay(v[k])) errors.push({ href: k, message: t(lang, '日期格式应为 YYYY-MM-DD，例如 2026-11-21。', 'Dates are YYYY-MM-DD, e.g. 2026-11-21.') })
    if (!errors.length && v.from && v.to && v.from > v.to) errors.push({ href: 'to', message: t(lang, '结束日期不能早于开始日期。', 'The end date is before the start date.') })
    const raw = c.req.query('page') ?? '1'
    const page = /^\d{1,4}$/.test(raw) && Number(raw) >= 1 ? Number(raw) : 1
    const filter: AccessFilter = errors.length
      ? {}
      : { ...(scope === 'all' ? {} : { departmentIds: scope }), ...(v.dataset ? { dataset: v.dataset } : {}), ...(v.department ? { departmentId: v.department } : {}), ...(v.from ? { from: v.from } : {}), ...(v.to ? { to: v.to } : {}), ...(v.outcome === 'granted' || v.outcome === 'refused' ? { outcome: v.outcome } : {}) }
    const result = errors.length ? undefined : await listAccess(deps.db, filter, page, PAGE_SIZE)
    const title = t(lang, '数据访问日志', 'Data access log')
    const fieldError = (id: string) => errors.find((e) => e.href === id)?.message
    const params = new URLSearchParams(Object.entries(v).filter(([, x]) => x))
    const html = renderExchangeAdmin(
      c,
      { title, errors },
      <>
        <h1>{title}</h1>
        <p>{t(lang, '每一次共享数据读取（含被拒绝的请求）都记录在此，记录不可修改、不可删除。查询对象只显示脱敏号码。', 'Every shared-data read, refused ones included, is recorded here and cannot be changed or deleted. Subjects are shown masked.')}</p>
        <form method="get" action="/admin/exchange/access-log" class="admin-filters" aria-label={t(lang, '筛选', 'Filter')}>
          <Select lang={lang} id="dataset" label={t(lang, '数据集', 'Dataset')} options={datasets.map((d) => ({ value: d.code, label: t(lang, d.name, d.nameEn ?? d.name) }))} value={v.dataset} empty={t(lang, '全部', 'All')} error={fieldError('dataset')} />
          <Select lang={lang} id="department" label={t(lang, '使用部门', 'Department')} options={[...names].map(([id, name]) => ({ value: id, label: name })).sort((a, b) => a.label.localeCompare(b.label, 'zh'))} value={v.department} empty={t(lang, '全部', 'All')} error={fieldError('department')} />
          <TextInput lang={lang} id="from" label={t(lang, '开始日期', 'From')} value={v.from} width="m" hint="YYYY-MM-DD" error={fieldError('from')} />
          <TextInput lang={lang} id="to" label={t(lang, '结束日期', 'To')} value={v.to} width="m" hint="YYYY-MM-DD" error={fieldError('to')} />
          <Select lang={lang} id="outcome" label={t(lang, '结果', 'Outcome')} options={[{ value: 'granted', label: t(lang, '已提供', 'Provided') }, { value: 'refused', label: t(lang, '已拒绝', 'Refused') }]} value={v.outcome} empty={t(lang, '全部', 'All')} />
          <button type="submit" class="button-secondary">{t(lang, '筛选', 'Filter')}</button>
        </form>
        {result ? (
          <>
            <AccessTable lang={lang} staff rows={result.rows} caption={t(lang, `共 ${result.total} 条，最新的在前`, `${result.total} reads, newest first`)} />
            <Pagination lang={lang} page={page} pageSize={PAGE_SIZE} total={result.total} hrefFor={(p) => `/admin/exchange/access-log?${new URLSearchParams([...params, ['page', String(p)]]).toString()}`} />
          </>
        ) : null}
      </>,
    )
    return c.html(html, errors.length ? 400 : 200)
  })
}
