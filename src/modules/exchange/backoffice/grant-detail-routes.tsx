import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../../deps'
import { DomainError, ForbiddenError, NotFoundError } from '../../../platform/errors'
import type { AppEnv } from '../../../platform/http/context'
import { SummaryList } from '../../../platform/web/components'
import { CsrfField, TextArea } from '../../../platform/web/form-components'
import { t } from '../../../platform/web/i18n'
import { getStaff, requireStaff } from '../../identity'
import { departmentNames } from '../access-log-queries'
import { cst } from '../access-table'
import { getDataset } from '../dataset-queries'
import { decideGrant } from '../decide-grant'
import { mayDecideGrant, mayRevokeGrant, mayViewGrant } from '../exchange-policy'
import { getGrant, GRANT_STATUS_LABELS } from '../grant-queries'
import { revokeGrant } from '../revoke-grant'
import { grantActorOf, renderExchangeAdmin } from './admin-shell'

type FormState = { reason: string; error?: string | undefined; form?: 'decide' | 'revoke' }

/** One grant: its request and history; approve / refuse (provider head) or revoke (provider head). */
export function registerGrantDetailRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const anyStaff = requireStaff(deps)

  async function page(c: Context<AppEnv>, id: string, state: FormState = { reason: '' }, status: 200 | 400 | 409 = 200) {
    const lang = c.get('lang')
    const user = getStaff(c).user
    const g = await getGrant(deps.db, id)
    const ds = g ? await getDataset(deps.db, g.datasetCode) : undefined
    if (!g || !ds) throw new NotFoundError('没有这份授权，可能链接有误。请回到共享授权列表查看。 No such grant.', 'grant_unknown')
    if (!mayViewGrant(user, g, ds)) throw new ForbiddenError('只有申请部门、数据提供部门、电子监察人员和管理员可以查看这份授权。 Only the departments involved, supervisors and admins may see this grant.')
    const names = await departmentNames(deps.db)
    const labels = new Map(ds.fields.map((f) => [f.key, t(lang, f.label, f.labelEn)]))
    const title = t(lang, `共享授权：${ds.name}`, `Grant: ${ds.nameEn ?? ds.name}`)
    const csrf = getStaff(c).csrfToken
    const reasonField = (label: string, hint: string) => <TextArea lang={lang} id="reason" label={label} hint={hint} value={state.reason} error={state.error} />
    const done = c.req.query('done')
    const html = renderExchangeAdmin(
      c,
      { title, errors: state.error ? [{ href: 'reason', message: state.error }] : [], notice: done ? t(lang, '已处理。', 'Done.') : undefined },
      <>
        <p><a href="/admin/exchange/grants">{t(lang, '返回共享授权列表', 'Back to the grants')}</a></p>
        <h1>{title}</h1>
        <SummaryList
          rows={[
            { key: t(lang, '状态', 'Status'), value: t(lang, GRANT_STATUS_LABELS[g.status].zh, GRANT_STATUS_LABELS[g.status].en) },
            { key: t(lang, '数据集', 'Dataset'), value: <a href={`/admin/exchange/datasets/${ds.code}`}>{t(lang, ds.name, ds.nameEn ?? ds.name)}</a> },
            { key: t(lang, '数据提供部门', 'Provider'), value: ds.providerDepartmentId ? names.get(ds.providerDepartmentId) : undefined },
            { key: t(lang, '申请部门', 'Requested by'), value: `${names.get(g.consumerDepartmentId) ?? ''}（${g.requestedBy}，${cst(g.requestedAt)}）` },
            { key: t(lang, '字段', 'Fields'), value: g.fields.map((f) => labels.get(f) ?? f).join(t(lang, '、', ', ')) },
            { key: t(lang, '用途', 'Purpose'), value: g.purpose },
            { key: t(lang, '法律依据', 'Legal basis'), value: g.legalBasis },
            { key: t(lang, '有效期至', 'Valid until'), value: g.validUntil },
            { key: t(lang, '审批', 'Decision'), value: g.decidedAt ? `${g.decidedBy ?? ''}，${cst(g.decidedAt)}${g.decisionReason ? `：${g.decisionReason}` : ''}` : undefined },
            { key: t(lang, '撤销', 'Revocation'), value: g.revokedAt ? `${g.revokedBy ?? ''}，${cst(g.revokedAt)}：${g.revokeReason ?? ''}` : undefined },
          ]}
        />
        {g.status === 'requested' && mayDecideGrant(user, ds) ? (
          <form method="post" action={`/admin/exchange/grants/${g.id}/decide`} class="status-form" novalidate>
            <h2>{t(lang, '审批', 'Decide')}</h2>
            <CsrfField token={csrf} />
            {reasonField(t(lang, '审批意见', 'Reason'), t(lang, '不予批准时必填，申请部门会看到。', 'Required when refusing; the requesting department sees it.'))}
            <button type="submit" name="decision" value="approve" class="button">{t(lang, '批准', 'Approve')}</button>
            <button type="submit" name="decision" value="refuse" class="button-warning">{t(lang, '不予批准', 'Refuse')}</button>
          </form>
        ) : null}
        {g.status === 'approved' && mayRevokeGrant(user, ds) ? (
          <form method="post" action={`/admin/exchange/grants/${g.id}/revoke`} class="danger-zone" novalidate>
            <h2>{t(lang, '撤销授权', 'Revoke')}</h2>
            <CsrfField token={csrf} />
            {reasonField(t(lang, '撤销理由', 'Reason'), t(lang, '必填。撤销后申请部门立即不能再读取。', 'Required. Reads stop at once.'))}
            <button type="submit" class="button-warning">{t(lang, '撤销授权', 'Revoke the grant')}</button>
          </form>
        ) : null}
      </>,
    )
    return c.html(html, status)
  }

  const act = (kind: 'decide' | 'revoke') => async (c: Context<AppEnv>) => {
    const id = c.req.param('id') ?? ''
    const f = await c.req.parseBody()
    const reason = typeof f['reason'] === 'string' ? f['reason'].slice(0, 2000) : ''
    try {
      if (kind === 'decide') {
        const decision = f['decision'] === 'approve' ? 'approve' : f['decision'] === 'refuse' ? 'refuse' : undefined
        if (!decision) return page(c, id, { reason, error: t(c.get('lang'), '请选择“批准”或“不予批准”。', 'Choose approve or refuse.') }, 400)
        await decideGrant(deps.db, { actor: grantActorOf(c), grantId: id, decision, reason })
      } else {
        await revokeGrant(deps.db, { actor: grantActorOf(c), grantId: id, reason })
      }
      return c.redirect(`/admin/exchange/grants/${id}?done=1`, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || (err.status !== 400 && err.status !== 409)) throw err
      return page(c, id, { reason, error: err.fields[0]?.message ?? err.message }, err.status as 400 | 409)
    }
  }

  app.get('/admin/exchange/grants/:id', anyStaff, (c) => page(c, c.req.param('id')))
  app.post('/admin/exchange/grants/:id/decide', anyStaff, act('decide'))
  app.post('/admin/exchange/grants/:id/revoke', anyStaff, act('revoke'))
}
