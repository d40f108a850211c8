import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from '../../deps'
import type { AppEnv } from '../../platform/http/context'
import { CsrfField } from '../../platform/web/form-components'
import { t } from '../../platform/web/i18n'
import { doneNotice, field, renderMyPage } from './enterprise-page'
import { listMandatesHeldBy } from './mandate-queries'
import { HeldMandatesTable } from './mandate-table'
import { getCitizen, requireCitizen } from './require-citizen'
import { startActingFor } from './start-acting'
import { stopActingFor } from './stop-acting'

/** 我的代办: the mandates I hold; switch this session to act for a grantor, or back to myself. */
export function registerActingRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const verified = requireCitizen(deps, { minTrust: 2 })

  app.get('/me/acting', verified, async (c) => {
    const lang = c.get('lang')
    const session = getCitizen(c)
    const held = await listMandatesHeldBy(deps.db, session.user.id)
    const names = await deps.directory.itemNames(held.flatMap((m) => m.itemCodes))
    const title = t(lang, '我的代办', 'Acting for others')
    return renderMyPage(c, deps, session, { title, notice: doneNotice(lang, c.req.query('done')) }, (
      <>
        <h1>{title}</h1>
        <p>{t(lang, '企业授权您为经办人，或亲友委托您代办时，可以在这里切换为代表对方办理。切换后，页面顶部会一直提示您正在代表谁。', 'When an enterprise makes you its agent or someone authorises you, switch here to act for them; a banner at the top always says for whom.')}</p>
        {session.actingFor ? (
          <form method="post" action="/me/acting/stop">
            <CsrfField token={session.csrfToken} />
            <button type="submit" class="button button-secondary">{t(lang, '退出代办，切换回本人', 'Stop acting; back to myself')}</button>
          </form>
        ) : <p>{t(lang, '您目前以本人身份办理。', 'You are acting for yourself.')}</p>}
        <HeldMandatesTable lang={lang} mandates={held} names={names} now={new Date()} csrf={session.csrfToken} actingMandateId={session.actingFor?.mandateId ?? null} caption={t(lang, '我收到的授权', 'Authorisations I hold')} />
      </>
    ))
  })

  app.post('/me/acting', verified, async (c) => {
    const form = await c.req.parseBody()
    const r = await startActingFor(deps.db, { session: getCitizen(c), mandateId: field(form, 'mandateId') })
    return c.redirect(r.type === 'enterprise' ? `/enterprise/${r.id}?done=acting` : '/me/acting?done=acting', 303)
  })

  app.post('/me/acting/stop', verified, async (c) => {
    await stopActingFor(deps.db, { session: getCitizen(c) })
    return c.redirect('/me/acting?done=stopped', 303)
  })
}
