import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../deps'
import { DomainError, type FieldError } from '../../platform/errors'
import type { AppEnv } from '../../platform/http/context'
import { SummaryList } from '../../platform/web/components'
import { CsrfField, Fieldset, TextArea } from '../../platform/web/form-components'
import { t } from '../../platform/web/i18n'
import { createMandate } from './create-mandate'
import { doneNotice, field, formErrors, renderMyPage } from './enterprise-page'
import { lastDayOf } from './mandate-dates'
import { actAsSelfFirst, mandateNotFound } from './mandate-errors'
import { splitItemCodes } from './mandate-fields'
import { EMPTY_MANDATE_FORM, MandateForm, mandateLabels, type MandateFormValues } from './mandate-form'
import { actingAsSelf, isGrantorOf } from './mandate-policy'
import { getMandate, listMandatesGrantedBy, listMandatesHeldBy, mandateState } from './mandate-queries'
import { GivenMandatesTable, HeldMandatesTable, ScopeText } from './mandate-table'
import { getCitizen, requireCitizen } from './require-citizen'
import { MAX_REASON, revokeMandate } from './revoke-mandate'

/** 委托代办 between citizens: give a mandate for named items, see those given and received, revoke. */
export function registerMandateRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const verified = requireCitizen(deps, { minTrust: 2 })

  const listPage = async (c: Context<AppEnv>, values: MandateFormValues, errors: FieldError[]) => {
    const lang = c.get('lang')
    const session = getCitizen(c)
    const now = new Date()
    const given = await listMandatesGrantedBy(deps.db, 'citizen', session.user.id)
    const received = (await listMandatesHeldBy(deps.db, session.user.id)).filter((m) => m.grantorType === 'citizen')
    const names = await deps.directory.itemNames([...given, ...received].flatMap((m) => m.itemCodes))
    const { summary, byField } = formErrors(lang, errors, mandateLabels(lang))
    const title = t(lang, '委托代办', 'Authorise someone to act for you')
    return renderMyPage(c, deps, session, { title, errors: summary, notice: doneNotice(lang, c.req.query('done')), status: errors.length ? 400 : 200 }, (
      <>
        <h1>{title}</h1>
        <p>{t(lang, '您可以委托已实名认证的亲友代您办理指定的事项。受托人只能办理您写明的事项，授权到期或撤销后自动失效。', 'You can let a verified relative or friend apply for named services on your behalf, until the end date or until you revoke it.')}</p>
        <h2>{t(lang, '我委托他人', 'Authorisations I gave')}</h2>
        <GivenMandatesTable lang={lang} mandates={given} names={names} now={now} caption={t(lang, `共 ${given.length} 条`, `${given.length} in total`)} {...(actingAsSelf(session) ? { revokeHref: (m: { id: string }) => `/account/mandates/${m.id}/revoke` } : {})} />
        <h2>{t(lang, '他人委托我', 'Authorisations I received')}</h2>
        <HeldMandatesTable lang={lang} mandates={received} names={names} now={now} csrf={session.csrfToken} actingMandateId={session.actingFor?.mandateId ?? null} caption={t(lang, `共 ${received.length} 条`, `${received.length} in total`)} />
        <Fieldset legend={t(lang, '新增委托', 'New authorisation')} id="new">
          {actingAsSelf(session) ? (
            <MandateForm lang={lang} action="/account/mandates" csrf={session.csrfToken} values={values} errors={byField} allowAll={false} submit={t(lang, '确认委托', 'Authorise')} />
          ) : <p>{t(lang, '您正在代表他人办理，请先切换回本人身份再委托他人。', 'You are acting for someone else; switch back to yourself first.')}</p>}
        </Fieldset>
      </>
    ))
  }

  app.get('/account/mandates', verified, (c) => listPage(c, EMPTY_MANDATE_FORM, []))
  app.post('/account/mandates', verified, async (c) => {
    const form = await c.req.parseBody()
    const values: MandateFormValues = { agentName: field(form, 'agentName'), agentIdNumber: field(form, 'agentIdNumber'), scope: field(form, 'scope'), itemCodes: field(form, 'itemCodes'), validUntil: field(form, 'validUntil') }
    try {
      await createMandate(deps, { session: getCitizen(c), grantor: { type: 'citizen' }, ...values, itemCodes: splitItemCodes(values.itemCodes) })
      return c.redirect('/account/mandates?done=mandate_added', 303)
    } catch (err) {
      if (!(err instanceof DomainError) || err.status !== 400) throw err
      const shown = { ...values, agentName: values.agentName.slice(0, 30), agentIdNumber: '', validUntil: values.validUntil.slice(0, 10), itemCodes: values.itemCodes.slice(0, 2000) }
      return listPage(c, shown, err.fields)
    }
  })

  const revokePage = async (c: Context<AppEnv>, errors: FieldError[], reason = '') => {
    const lang = c.get('lang')
    const session = getCitizen(c)
    const m = await getMandate(deps.db, c.req.param('mandateId') ?? '')
    if (!m || !isGrantorOf(session, m)) throw mandateNotFound()
    if (!actingAsSelf(session)) throw actAsSelfFirst()
    const names = await deps.directory.itemNames(m.itemCodes)
    const { summary, byField } = formErrors(lang, errors, { reason: t(lang, '撤销原因', 'Reason') })
    const state = mandateState(m, new Date())
    const title = t(lang, `撤销委托：${m.agentName}`, `Revoke authorisation: ${m.agentName}`)
    return renderMyPage(c, deps, session, { title, errors: summary, status: errors.length ? 400 : 200 }, (
      <div class="narrow">
        <p><a href="/account/mandates">{t(lang, '返回委托代办', 'Back to authorisations')}</a></p>
        <h1>{title}</h1>
        <SummaryList rows={[
          { key: t(lang, '受托人', 'Proxy'), value: `${m.agentName}（${m.agentIdNumberMasked}）` },
          { key: t(lang, '委托事项', 'Services'), value: <ScopeText lang={lang} m={m} names={names} /> },
          { key: t(lang, '授权至', 'Until'), value: lastDayOf(m.validUntil) },
        ]} />
        {state === 'active' || state === 'pending' ? (
          <form method="post" action={`/account/mandates/${m.id}/revoke`} novalidate>
            <CsrfField token={session.csrfToken} />
            <TextArea lang={lang} id="reason" label={t(lang, '撤销原因', 'Reason')} value={reason} error={byField.get('reason')} required rows={2} hint={t(lang, `最多${MAX_REASON}字。撤销后对方下一次操作即失去代办权限。`, `At most ${MAX_REASON} characters. Takes effect on their next request.`)} />
            <button type="submit" class="button button-warning">{t(lang, '确认撤销', 'Revoke')}</button>
          </form>
        ) : <p>{t(lang, '该委托已撤销或已过期，无需再撤销。', 'This authorisation is already revoked or expired.')}</p>}
      </div>
    ))
  }

  app.get('/account/mandates/:mandateId/revoke', verified, (c) => revokePage(c, []))
  app.post('/account/mandates/:mandateId/revoke', verified, async (c) => {
    const form = await c.req.parseBody()
    const reason = field(form, 'reason')
    const mandateId = c.req.param('mandateId')
    const m = await getMandate(deps.db, mandateId)
    // This path is for mandates between citizens; an enterprise's agents are revoked on the enterprise's page.
    if (!m || m.grantorType !== 'citizen') throw mandateNotFound()
    try {
      await revokeMandate(deps.db, { session: getCitizen(c), mandateId, reason })
      return c.redirect('/account/mandates?done=revoked', 303)
    } catch (err) {
      if (!(err instanceof DomainError) || err.status !== 400) throw err
      return revokePage(c, err.fields, reason.slice(0, MAX_REASON))
    }
  })
}
