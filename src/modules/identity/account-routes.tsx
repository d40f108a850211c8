import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { Deps } from '../../deps'
import { DomainError, type FieldError } from '../../platform/errors'
import type { AppEnv } from '../../platform/http/context'
import { t } from '../../platform/web/i18n'
import { clearCitizenToken } from './citizen-cookies'
import { renderCitizenPage } from './citizen-pages-render'
import { clientIp, readForm, smallForm } from './citizen-routes-support'
import { disableCitizenTotp } from './citizen-totp-disable'
import { enableCitizenTotp } from './citizen-totp-enable'
import { newCitizenTotpSetup, openSetup, reopenSetup } from './citizen-totp-setup'
import { AccountPage, type AccountFlash } from './account-pages'
import { registerCitizenEmailRoutes } from './citizen-email-routes'
import { TotpDisablePage, TotpEnablePage } from './account-pages-totp'
import { VerifyPage } from './account-pages-verify'
import { getCitizen, requireCitizen } from './require-citizen'
import { signOutCitizenEverywhere } from './sign-out-citizen-everywhere'
import { verifyRealName } from './verify-real-name'

/** ?welcome=1 after registration, ?done=… after a change (post/redirect/get). */
const FLASHES: Record<string, AccountFlash> = { verified: 'verified', 'totp-on': 'totp-on', 'totp-off': 'totp-off' }
type Status = 200 | 400 | 409 | 429 | 503

/** 我的账号 (/account), 实名认证 (/account/verify), 动态验证码 (/account/totp), 退出所有设备. */
export function registerAccountRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const guard = requireCitizen(deps)
  const page = (c: Context<AppEnv>, title: string, path: string, body: Child, status: Status = 200) => {
    c.set('viewer', { displayName: getCitizen(c).user.displayName })
    return renderCitizenPage(c, deps.config, { title, path, hasErrors: status !== 200 }, body, status)
  }
  const totpLabel = (c: Context<AppEnv>) => `一网通办:${getCitizen(c).user.phoneMasked}`
  registerCitizenEmailRoutes(app, deps)

  app.get('/account', guard, (c) => {
    const s = getCitizen(c)
    const q = c.req.query()
    const flash = q['welcome'] === '1' ? 'welcome' : FLASHES[q['done'] ?? '']
    return page(c, t(c.get('lang'), '我的账号', 'My account'), '/account', <AccountPage lang={c.get('lang')} user={s.user} csrfToken={s.csrfToken} flash={flash} />)
  })

  app.post('/account/sessions/revoke-all', smallForm, guard, async (c) => {
    await signOutCitizenEverywhere(deps.db, getCitizen(c))
    clearCitizenToken(c, deps.config)
    return c.redirect('/login?signedout=all', 303)
  })

  const verifyTitle = (c: Context<AppEnv>) => t(c.get('lang'), '实名认证', 'Real-name verification')
  app.get('/account/verify', guard, (c) => {
    const s = getCitizen(c)
    return page(c, verifyTitle(c), '/account/verify', <VerifyPage lang={c.get('lang')} user={s.user} csrfToken={s.csrfToken} errors={[]} />)
  })
  app.post('/account/verify', smallForm, guard, async (c) => {
    const s = getCitizen(c)
    const f = await readForm(c)
    const input = { name: f['name'] ?? '', idNumber: f['idNumber'] ?? '', validUntil: f['validUntil'] ?? '', longTerm: f['longTerm'] === 'yes' }
    let status: Status
    let message: string
    let errors: FieldError[] = []
    try {
      await verifyRealName(deps, { citizenId: s.user.id, ...input, requestId: c.get('requestId') })
      return c.redirect('/account?done=verified', 303)
    } catch (err) {
      if (err instanceof DomainError && [400, 409, 429].includes(err.status)) {
        ;[status, message, errors] = [err.status as Status, err.message, err.fields]
      } else {
        // The registry (through the exchange) failed: say so and what to do; the details go to the log.
        c.get('log').error({ err }, 'real-name verification failed')
        ;[status, message] = [503, t(c.get('lang'), '人口库核验服务暂时不可用，请稍后再试；急需办理请携带身份证到政务服务窗口。', 'The population registry check is unavailable; try again later or visit a service counter.')]
      }
    }
    return page(c, verifyTitle(c), '/account/verify', <VerifyPage lang={c.get('lang')} user={s.user} csrfToken={s.csrfToken} errors={errors} message={message} name={input.name.slice(0, 30)} validUntil={input.validUntil.slice(0, 10)} longTerm={input.longTerm} />, status)
  })

  const totpTitle = (c: Context<AppEnv>) => t(c.get('lang'), '动态验证码登录', 'Two-step sign-in')
  app.get('/account/totp', guard, async (c) => {
    const s = getCitizen(c)
    if (s.user.totpEnabled) return page(c, totpTitle(c), '/account/totp', <TotpDisablePage lang={c.get('lang')} csrfToken={s.csrfToken} errors={[]} />)
    const setup = await newCitizenTotpSetup(deps.secrets, s.user.id, totpLabel(c))
    return page(c, totpTitle(c), '/account/totp', <TotpEnablePage lang={c.get('lang')} csrfToken={s.csrfToken} setup={setup} errors={[]} />)
  })
  app.post('/account/totp/enable', smallForm, guard, async (c) => {
    const s = getCitizen(c)
    const f = await readForm(c, 2048)
    try {
      await enableCitizenTotp(deps, { session: s, sealedSetup: f['setup'] ?? '', code: f['code'] ?? '' })
      return c.redirect('/account?done=totp-on', 303)
    } catch (err) {
      if (!(err instanceof DomainError) || ![400, 409].includes(err.status)) throw err
      if (err.status === 409) return c.redirect('/account/totp', 303)
      // Same secret again when it is still valid (the person already scanned it); else a fresh one.
      const secret = openSetup(deps.secrets, f['setup'], s.user.id)
      const setup = secret ? await reopenSetup(deps.secrets, s.user.id, secret, totpLabel(c)) : await newCitizenTotpSetup(deps.secrets, s.user.id, totpLabel(c))
      const errors = err.fields.length ? err.fields : [{ field: 'code', message: err.message }]
      return page(c, totpTitle(c), '/account/totp', <TotpEnablePage lang={c.get('lang')} csrfToken={s.csrfToken} setup={setup} errors={errors} />, 400)
    }
  })
  app.post('/account/totp/disable', smallForm, guard, async (c) => {
    const s = getCitizen(c)
    const f = await readForm(c)
    try {
      await disableCitizenTotp(deps, { session: s, password: f['password'] ?? '', code: f['code'] ?? '', ip: clientIp(c) })
      return c.redirect('/account?done=totp-off', 303)
    } catch (err) {
      if (!(err instanceof DomainError) || ![400, 409, 429].includes(err.status)) throw err
      if (err.status === 409) return c.redirect('/account/totp', 303)
      const errors = err.fields.length ? err.fields : [{ field: 'password', message: err.message }]
      return page(c, totpTitle(c), '/account/totp', <TotpDisablePage lang={c.get('lang')} csrfToken={s.csrfToken} errors={errors} />, err.status as Status)
    }
  })
}
