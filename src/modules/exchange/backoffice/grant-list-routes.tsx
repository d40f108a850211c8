import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../../deps'
import { DomainError, type FieldError } from '../../../platform/errors'
import type { AppEnv } from '../../../platform/http/context'
import { Tag } from '../../../platform/web/components'
import { t } from '../../../platform/web/i18n'
import { getStaff, requireStaff } from '../../identity'
import { departmentNames } from '../access-log-queries'
import { cst } from '../access-table'
import { listDatasets } from '../dataset-queries'
import { grantDepartments, requestableDepartments, shanghaiToday } from '../exchange-policy'
import { GRANT_STATUS_LABELS, listGrants, type GrantStatus } from '../grant-queries'
import { oneYearAfter } from '../grant-rules'
import { requestGrant } from '../request-grant'
import { grantActorOf, renderExchangeAdmin } from './admin-shell'
import { EMPTY_GRANT_FORM, GrantRequestForm, type GrantFormValues } from './grant-form'

const STATUSES: GrantStatus[] = ['requested', 'approved', 'refused', 'revoked']
const STATUS_TONE = { requested: 'info', approved: 'success', refused: 'warn', revoked: 'danger' } as const
const FIELD_IDS = ['dataset', 'consumerDepartmentId', 'fields', 'purpose', 'validUntil', 'legalBasis']

/** /admin/exchange/grants: the grants a staff member may see, by status, and the request form. */
export function registerGrantListRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const anyStaff = requireStaff(deps)

  async function page(c: Context<AppEnv>, form: { values: GrantFormValues; errors: FieldError[] }, status: 200 | 400 | 409 = 200) {
    const lang = c.get('lang')
    const user = getStaff(c).user
    const rawStatus = c.req.query('status')
    const filter = STATUSES.find((s) => s === rawStatus)
    const visible = grantDepartments(user)
    const [grants, datasets, names] = await Promise.all([
      listGrants(deps.db, { ...(filter ? { status: filter } : {}), ...(visible === 'all' ? {} : { departmentIds: visible }) }),
      listDatasets(deps.db),
      departmentNames(deps.db),
    ])
    const mine = requestableDepartments(user)
    const departments = (mine === 'all' ? [...names.keys()] : mine).map((id) => ({ id, name: names.get(id) ?? id })).sort((a, b) => a.name.localeCompare(b.name, 'zh'))
    const byCode = new Map(datasets.map((d) => [d.code, d]))
    const errors = new Map<string, string>()
    for (const e of form.errors) if (!errors.has(e.field)) errors.set(FIELD_IDS.includes(e.field) ? e.field : 'purpose', e.message)
    const title = t(lang, '共享授权', 'Access grants')
    const done = c.req.query('done')
    const html = renderExchangeAdmin(
      c,
      { title, errors: [...errors].map(([href, message]) => ({ href, message })), notice: done === 'requested' ? t(lang, '申请已提交，等待数据提供部门负责人审批。', 'Request submitted; the provider’s head will decide.') : undefined },
      <>
        <h1>{title}</h1>
        <p>{t(lang, '有条件共享的数据须由使用部门说明用途和期限提出申请，经数据提供部门负责人批准后方可读取；提供部门可随时撤销。', 'Conditional data is read only under a grant the consuming department requests (purpose and period) and the provider’s head approves; the provider may revoke it at any time.')}</p>
        <nav aria-label={t(lang, '按状态筛选', 'Filter by status')}>
          <ul class="action-links">
            <li><a href="/admin/exchange/grants" aria-current={!filter ? 'page' : undefined}>{t(lang, '全部', 'All')}</a></li>
            {STATUSES.map((s) => (
              <li><a href={`/admin/exchange/grants?status=${s}`} aria-current={filter === s ? 'page' : undefined}>{t(lang, GRANT_STATUS_LABELS[s].zh, GRANT_STATUS_LABELS[s].en)}</a></li>
            ))}
          </ul>
        </nav>
        <table class="table">
          <caption>{t(lang, `共 ${grants.length} 份`, `${grants.length} grants`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, '数据集', 'Dataset')}</th>
              <th scope="col">{t(lang, '申请部门', 'Requested by')}</th>
              <th scope="col">{t(lang, '用途', 'Purpose')}</th>
              <th scope="col">{t(lang, '有效期至', 'Valid until')}</th>
              <th scope="col">{t(lang, '状态', 'Status')}</th>
              <th scope="col">{t(lang, '申请时间', 'Requested')}</th>
            </tr>
          </thead>
          <tbody>
            {grants.map((g) => {
              const ds = byCode.get(g.datasetCode)
              return (
                <tr>
                  <td><a href={`/admin/exchange/grants/${g.id}`}>{ds ? t(lang, ds.name, ds.nameEn ?? ds.name) : g.datasetCode}</a></td>
                  <td>{names.get(g.consumerDepartmentId) ?? '—'}</td>
                  <td>{g.purpose}</td>
                  <td>{g.validUntil}</td>
                  <td><Tag tone={STATUS_TONE[g.status]}>{t(lang, GRANT_STATUS_LABELS[g.status].zh, GRANT_STATUS_LABELS[g.status].en)}</Tag></td>
                  <td>{cst(g.requestedAt)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
        {departments.length ? (
          <GrantRequestForm lang={lang} csrf={getStaff(c).csrfToken} datasets={datasets.filter((d) => d.shareType === 'conditional')} departments={departments} values={form.values} errors={errors} maxDay={oneYearAfter(shanghaiToday())} />
        ) : (
          <p class="hint">{t(lang, '只有部门审批人员或部门负责人可以为本部门申请授权。', 'Only department officers and heads may request grants for their department.')}</p>
        )}
      </>,
    )
    return c.html(html, status)
  }

  app.get('/admin/exchange/grants', anyStaff, (c) => page(c, { values: { ...EMPTY_GRANT_FORM, dataset: (c.req.query('dataset') ?? '').slice(0, 64) }, errors: [] }))

  app.post('/admin/exchange/grants', anyStaff, async (c) => {
    const f = await c.req.parseBody({ all: true })
    const one = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : '')
    const many = (k: string) => (Array.isArray(f[k]) ? (f[k] as unknown[]) : [f[k]]).filter((x): x is string => typeof x === 'string')
    const values: GrantFormValues = { dataset: one('dataset').slice(0, 64), consumerDepartmentId: one('consumerDepartmentId'), fields: many('fields').slice(0, 50), purpose: one('purpose').slice(0, 1000), validUntil: one('validUntil').slice(0, 20), legalBasis: one('legalBasis').slice(0, 1000) }
    try {
      await requestGrant(deps.db, { actor: grantActorOf(c), dataset: values.dataset, consumerDepartmentId: values.consumerDepartmentId || null, fields: values.fields, purpose: values.purpose, validUntil: values.validUntil, legalBasis: values.legalBasis })
      return c.redirect('/admin/exchange/grants?done=requested', 303)
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500 || err.status === 404) throw err
      if (err.status === 403) throw err
      const errors = err.fields.length ? err.fields : [{ field: 'dataset', message: err.message }]
      return page(c, { values, errors }, err.status === 409 ? 409 : 400)
    }
  })
}
