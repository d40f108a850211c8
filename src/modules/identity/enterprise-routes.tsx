import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from '../../deps'
import { DomainError } from '../../platform/errors'
import type { AppEnv } from '../../platform/http/context'
import { t } from '../../platform/web/i18n'
import { registerActingRoutes } from './acting-routes'
import { registerEnterpriseAgentRoutes } from './enterprise-agent-routes'
import { registerEnterpriseClaimRoutes } from './enterprise-claim-routes'
import { doneNotice, field, renderMyPage } from './enterprise-page'
import { renderEnterpriseProfile } from './enterprise-profile-page'
import { getEnterprise, listEnterprisesOf } from './enterprise-queries'
import { enterpriseNotFound } from './mandate-errors'
import { canViewEnterprise } from './mandate-policy'
import { listMandatesHeldBy } from './mandate-queries'
import { registerMandateRoutes } from './mandate-routes'
import { HeldMandatesTable } from './mandate-table'
import { getCitizen, requireCitizen } from './require-citizen'
import { updateEnterpriseContact } from './update-enterprise-contact'

/**
 * Enterprises (法人), agents (经办人) and mandates (委托代办): every page here needs a real-name account
 * (trust ≥ 2). An enterprise is visible to its legal representative and to an agent currently acting for it;
 * to anybody else it does not exist (404).
 */
export function registerEnterpriseRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const verified = requireCitizen(deps, { minTrust: 2 })
  registerEnterpriseClaimRoutes(app, deps)

  app.get('/enterprise', verified, async (c) => {
    const lang = c.get('lang')
    const session = getCitizen(c)
    const now = new Date()
    const mine = await listEnterprisesOf(deps.db, session.user.id)
    const held = (await listMandatesHeldBy(deps.db, session.user.id)).filter((m) => m.grantorType === 'enterprise')
    const names = await deps.directory.itemNames(held.flatMap((m) => m.itemCodes))
    const title = t(lang, '我的企业', 'My enterprises')
    return renderMyPage(c, deps, session, { title, notice: doneNotice(lang, c.req.query('done')) }, (
      <>
        <h1>{title}</h1>
        <h2>{t(lang, '我是法定代表人的企业', 'Enterprises I represent')}</h2>
        {mine.length ? (
          <ul class="results-list">
            {mine.map((e) => <li><a href={`/enterprise/${e.id}`}>{e.name}</a> <code>{e.uscc}</code></li>)}
          </ul>
        ) : <p class="empty">{t(lang, '您还没有认领企业。', 'You have not claimed an enterprise yet.')}</p>}
        <p><a class="button button-secondary" href="/enterprise/claim">{t(lang, '认领企业', 'Claim an enterprise')}</a></p>
        <h2>{t(lang, '我可以代办的企业', 'Enterprises I can act for')}</h2>
        <HeldMandatesTable lang={lang} mandates={held} names={names} now={now} csrf={session.csrfToken} actingMandateId={session.actingFor?.mandateId ?? null} caption={t(lang, '企业给我的经办人授权', 'Enterprises that made me their agent')} />
        {session.actingFor?.type === 'enterprise' ? <p><a href={`/enterprise/${session.actingFor.id}`}>{t(lang, `查看 ${session.actingFor.name} 的企业信息`, `Open ${session.actingFor.name}`)}</a></p> : null}
      </>
    ))
  })

  app.get('/enterprise/:id', verified, async (c) => {
    const session = getCitizen(c)
    const e = await getEnterprise(deps.db, c.req.param('id'))
    if (!e || !canViewEnterprise(session, e)) throw enterpriseNotFound()
    return renderEnterpriseProfile(c, deps, session, e)
  })

  app.post('/enterprise/:id/contact', verified, async (c) => {
    const session = getCitizen(c)
    const form = await c.req.parseBody()
    const values = { phone: field(form, 'phone'), email: field(form, 'email'), address: field(form, 'address') }
    try {
      await updateEnterpriseContact(deps.db, { session, enterpriseId: c.req.param('id'), ...values, clearPhone: field(form, 'clearPhone') === '1' })
      return c.redirect(`/enterprise/${c.req.param('id')}?done=contact`, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || err.status !== 400) throw err
      const e = (await getEnterprise(deps.db, c.req.param('id')))!
      return renderEnterpriseProfile(c, deps, session, e, { values: { ...values, phone: '' }, errors: err.fields })
    }
  })

  registerEnterpriseAgentRoutes(app, deps)
  registerMandateRoutes(app, deps)
  registerActingRoutes(app, deps)
}
