import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../deps'
import { DomainError } from '../../platform/errors'
import type { AppEnv } from '../../platform/http/context'
import { renderErrorPage } from '../../platform/web/error-page'
import { t } from '../../platform/web/i18n'
import { clearCitizenToken, readCitizenToken, writeCitizenToken } from './citizen-cookies'
import { LoginStep, TotpStep } from './citizen-pages-login'
import { renderCitizenPage } from './citizen-pages-render'
import { findCitizenSession } from './citizen-session'
import { clearPending, ensureFormToken, formTokenMatches, readPending, writePending } from './citizen-routes-cookies'
import { clientIp, readForm, smallForm } from './citizen-routes-support'
import { getCitizen, requireCitizen } from './require-citizen'
import { safeNextCitizen } from './safe-next'
import { signInCitizen } from './sign-in-citizen'
import { openPending, sealPending } from './sign-in-citizen-pending'
import { signInCitizenTotp } from './sign-in-citizen-totp'
import { signOutCitizen } from './sign-out-citizen'

/** 个人登录: /login (phone + password) → /login/totp when TOTP is on → next; POST /logout. */
export function registerCitizenLoginRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const title = (c: Context<AppEnv>) => t(c.get('lang') ?? 'zh', '个人登录', 'Sign in')
  const expiredForm = (c: Context<AppEnv>) => c.html(renderErrorPage(c, 403, t(c.get('lang'), '登录页面已过期，请重新打开登录页面后再试。', 'The sign-in page expired; open it again and retry.')), 403)
  const withNext = (path: string, next: string) => (next === '/account' ? path : `${path}?next=${encodeURIComponent(next)}`)

  app.get('/login', async (c) => {
    const next = safeNextCitizen(c.req.query('next'))
    if (await findCitizenSession(deps.db, readCitizenToken(c, deps.config))) {
      c.header('Cache-Control', 'no-store')
      return c.redirect(next, 303)
    }
    const so = c.req.query('signedout')
    return renderCitizenPage(c, deps.config, { title: title(c), path: withNext('/login', next) }, <LoginStep lang={c.get('lang')} formToken={ensureFormToken(c, deps.config)} next={next} signedOut={so === 'all' ? 'all' : so === '1' ? 'one' : undefined} />)
  })

  app.post('/login', smallForm, async (c) => {
    const form = await readForm(c)
    if (!formTokenMatches(c, deps.config, form['_csrf'])) return expiredForm(c)
    const next = safeNextCitizen(form['next'])
    const phone = form['phone'] ?? ''
    try {
      const r = await signInCitizen(deps, { phone, password: form['password'] ?? '', ip: clientIp(c), previousToken: readCitizenToken(c, deps.config) })
      c.header('Cache-Control', 'no-store')
      if (r.kind === 'totp_required') {
        writePending(c, deps.config, sealPending(deps.secrets, r.citizenId))
        return c.redirect(withNext('/login/totp', next), 303)
      }
      writeCitizenToken(c, deps.config, r.token)
      return c.redirect(next, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || (err.status !== 401 && err.status !== 429)) throw err
      // The phone is not echoed: pages never carry a full number (the person retypes it).
      const shown = /\d{7,}/.test(phone) ? '' : phone.slice(0, 20)
      return renderCitizenPage(c, deps.config, { title: title(c), path: withNext('/login', next), hasErrors: true }, <LoginStep lang={c.get('lang')} formToken={ensureFormToken(c, deps.config)} next={next} phone={shown} error={err.message} />, err.status as 401 | 429)
    }
  })

  app.get('/login/totp', (c) => {
    const next = safeNextCitizen(c.req.query('next'))
    if (!openPending(deps.secrets, readPending(c, deps.config))) return c.redirect(withNext('/login', next), 303)
    return renderCitizenPage(c, deps.config, { title: title(c), path: withNext('/login/totp', next) }, <TotpStep lang={c.get('lang')} formToken={ensureFormToken(c, deps.config)} next={next} />)
  })

  app.post('/login/totp', smallForm, async (c) => {
    const form = await readForm(c)
    if (!formTokenMatches(c, deps.config, form['_csrf'])) return expiredForm(c)
    const next = safeNextCitizen(form['next'])
    const citizenId = openPending(deps.secrets, readPending(c, deps.config))
    if (!citizenId) return c.redirect(withNext('/login', next), 303)
    try {
      const r = await signInCitizenTotp(deps, { citizenId, code: form['code'] ?? '', ip: clientIp(c), previousToken: readCitizenToken(c, deps.config) })
      clearPending(c, deps.config)
      writeCitizenToken(c, deps.config, r.token)
      c.header('Cache-Control', 'no-store')
      return c.redirect(next, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || (err.status !== 401 && err.status !== 429)) throw err
      if (err.status === 429) clearPending(c, deps.config)
      return renderCitizenPage(c, deps.config, { title: title(c), path: withNext('/login/totp', next), hasErrors: true }, <TotpStep lang={c.get('lang')} formToken={ensureFormToken(c, deps.config)} next={next} error={err.message} />, err.status as 401 | 429)
    }
  })

  app.post('/logout', requireCitizen(deps), async (c) => {
    await signOutCitizen(deps.db, getCitizen(c))
    clearCitizenToken(c, deps.config)
    return c.redirect('/login?signedout=1', 303)
  })
}
