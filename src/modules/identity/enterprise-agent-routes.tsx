import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../deps'
import { DomainError, type FieldError } from '../../platform/errors'
import type { AppEnv } from '../../platform/http/context'
import { SummaryList } from '../../platform/web/components'
import { CsrfField, TextArea } from '../../platform/web/form-components'
import { t } from '../../platform/web/i18n'
import type { CitizenSession } from './citizen-session'
import { createMandate } from './create-mandate'
import { field, formErrors, renderMyPage } from './enterprise-page'
import { getEnterprise, type Enterprise } from './enterprise-queries'
import { lastDayOf } from './mandate-dates'
import { actAsSelfFirst, enterpriseNotFound, mandateNotFound } from './mandate-errors'
import { splitItemCodes } from './mandate-fields'
import { EMPTY_MANDATE_FORM, MandateForm, mandateLabels, type MandateFormValues } from './mandate-form'
import { actingAsSelf, canManageAgents, isLegalRep } from './mandate-policy'
import { getMandate, mandateState } from './mandate-queries'
import { ScopeText } from './mandate-table'
import { getCitizen, requireCitizen } from './require-citizen'
import { revokeMandate, MAX_REASON } from './revoke-mandate'

/** 经办人授权: the legal representative (as themself) adds an agent or revokes one. Nobody else sees these pages. */
export function registerEnterpriseAgentRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const verified = requireCitizen(deps, { minTrust: 2 })

  /** The enterprise if this session may manage its agents; 404 for everyone who may not (403 only to say "switch back"). */
  async function managed(session: CitizenSession, id: string): Promise<Enterprise> {
    const e = await getEnterprise(deps.db, id)
    if (e && isLegalRep(session, e) && !actingAsSelf(session)) throw actAsSelfFirst()
    if (!e || !canManageAgents(session, e)) throw enterpriseNotFound()
    return e
  }

  const newPage = (c: Context<AppEnv>, e: Enterprise, values: MandateFormValues, errors: FieldError[]) => {
    const lang = c.get('lang')
    const session = getCitizen(c)
    const { summary, byField } = formErrors(lang, errors, mandateLabels(lang))
    const title = t(lang, '新增经办人', 'Add an agent')
    return renderMyPage(c, deps, session, { title, errors: summary, status: errors.length ? 400 : 200 }, (
      <div class="narrow">
        <p><a href={`/enterprise/${e.id}`}>{t(lang, `返回 ${e.name}`, `Back to ${e.name}`)}</a></p>
        <h1>{title}</h1>
        <p>{t(lang, `授权后，经办人可以代表“${e.name}”在授权范围和期限内办理业务。您可以随时撤销授权。`, `The agent may act for ${e.name} within the scope and period you set. You can revoke it at any time.`)}</p>
        <MandateForm lang={lang} action={`/enterprise/${e.id}/agents/new`} csrf={session.csrfToken} values={values} errors={byField} allowAll submit={t(lang, '确认授权', 'Authorise')} />
      </div>
    ))
  }

  app.get('/enterprise/:id/agents/new', verified, async (c) => newPage(c, await managed(getCitizen(c), c.req.param('id')), EMPTY_MANDATE_FORM, []))
  app.post('/enterprise/:id/agents/new', verified, async (c) => {
    const session = getCitizen(c)
    const form = await c.req.parseBody()
    const values: MandateFormValues = { agentName: field(form, 'agentName'), agentIdNumber: field(form, 'agentIdNumber'), scope: field(form, 'scope'), itemCodes: field(form, 'itemCodes'), validUntil: field(form, 'validUntil') }
    try {
      await createMandate(deps, { session, grantor: { type: 'enterprise', enterpriseId: c.req.param('id') }, ...values, itemCodes: splitItemCodes(values.itemCodes) })
      return c.redirect(`/enterprise/${c.req.param('id')}?done=agent_added`, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || err.status !== 400) throw err
      const shown = { ...values, agentName: values.agentName.slice(0, 30), agentIdNumber: '', validUntil: values.validUntil.slice(0, 10), itemCodes: values.itemCodes.slice(0, 2000) }
      return newPage(c, await managed(session, c.req.param('id')), shown, err.fields)
    }
  })

  const revokePage = async (c: Context<AppEnv>, errors: FieldError[], reason = '') => {
    const lang = c.get('lang')
    const session = getCitizen(c)
    const e = await managed(session, c.req.param('id') ?? '')
    const m = await getMandate(deps.db, c.req.param('mandateId') ?? '')
    if (!m || m.grantorType !== 'enterprise' || m.grantorId !== e.id) throw mandateNotFound()
    const names = await deps.directory.itemNames(m.itemCodes)
    const { summary, byField } = formErrors(lang, errors, { reason: t(lang, '撤销原因', 'Reason') })
    const state = mandateState(m, new Date())
    const title = t(lang, `撤销经办人授权：${m.agentName}`, `Revoke agent: ${m.agentName}`)
    return renderMyPage(c, deps, session, { title, errors: summary, status: errors.length ? 400 : 200 }, (
      <div class="narrow">
        <p><a href={`/enterprise/${e.id}`}>{t(lang, `返回 ${e.name}`, `Back to ${e.name}`)}</a></p>
        <h1>{title}</h1>
        <SummaryList rows={[
          { key: t(lang, '经办人', 'Agent'), value: `${m.agentName}（${m.agentIdNumberMasked}）` },
          { key: t(lang, '授权范围', 'Scope'), value: <ScopeText lang={lang} m={m} names={names} /> },
          { key: t(lang, '授权至', 'Until'), value: lastDayOf(m.validUntil) },
        ]} />
        {state === 'active' || state === 'pending' ? (
          <form method="post" action={`/enterprise/${e.id}/agents/${m.id}/revoke`} novalidate>
            <CsrfField token={session.csrfToken} />
            <TextArea lang={lang} id="reason" label={t(lang, '撤销原因', 'Reason')} value={reason} error={byField.get('reason')} required rows={2} hint={t(lang, `例如“人员离职”，最多${MAX_REASON}字。撤销后对方下一次操作即失去代办权限。`, `E.g. the agent left. At most ${MAX_REASON} characters. Takes effect on their next request.`)} />
            <button type="submit" class="button button-warning">{t(lang, '确认撤销', 'Revoke')}</button>
          </form>
        ) : <p>{t(lang, '该授权已撤销或已过期，无需再撤销。', 'This authorisation is already revoked or expired.')}</p>}
      </div>
    ))
  }

  app.get('/enterprise/:id/agents/:mandateId/revoke', verified, (c) => revokePage(c, []))
  app.post('/enterprise/:id/agents/:mandateId/revoke', verified, async (c) => {
    const form = await c.req.parseBody()
    const reason = field(form, 'reason')
    try {
      await revokeMandate(deps.db, { session: getCitizen(c), mandateId: c.req.param('mandateId'), enterpriseId: c.req.param('id'), reason })
      return c.redirect(`/enterprise/${c.req.param('id')}?done=revoked`, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || err.status !== 400) throw err
      return revokePage(c, err.fields, reason.slice(0, MAX_REASON))
    }
  })
}
