import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from '../../deps'
import { DomainError } from '../../platform/errors'
import type { AppEnv } from '../../platform/http/context'
import { renderErrorPage } from '../../platform/web/error-page'
import { t } from '../../platform/web/i18n'
import { renderLoginPage } from './login-page'
import { pendingStepPath } from './require-staff'
import { sessionGuard } from './session-guard'
import { signInStaff } from './sign-in-staff'
import { signOutStaff } from './sign-out-staff'
import { clearLoginToken, clearSessionToken, readLoginToken, readSessionToken, writeLoginToken, writeSessionToken } from './staff-cookies'
import { findStaffSession, isTokenShaped, newToken, sameSecret, type StaffSession } from './staff-session'
import { safeNext } from './staff-next'
import { registerStaffTotpRoutes } from './staff-totp-routes'
import { registerAdminStaffRoutes } from './admin-staff-routes'
import { registerStaffHome } from './staff-home'
import { knownIp } from './citizen-routes-support'

export { safeNext }

/**
 * Staff sign-in: password (here), then the TOTP code or enrolment and a forced password change
 * (staff-totp-routes.tsx), sign-out, and the staff administration pages (admin-staff-routes.tsx).
 */
export function registerIdentityRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  app.get('/admin/login', async (c) => {
    const next = safeNext(c.req.query('next'))
    c.header('Cache-Control', 'no-store')
    const current = await findStaffSession(deps.db, readSessionToken(c, deps.config))
    if (current) {
      const step = pendingStepPath(current)
      return c.redirect(step ? `${step}?next=${encodeURIComponent(next)}` : next, 303)
    }
    let loginToken = readLoginToken(c, deps.config)
    if (!isTokenShaped(loginToken)) {
      loginToken = newToken()
      writeLoginToken(c, deps.config, loginToken)
    }
    return c.html(renderLoginPage(c, { next, loginToken, signedOut: c.req.query('signedout') === '1' }))
  })

  app.post('/admin/login', async (c) => {
    const lang = c.get('lang')
    c.header('Cache-Control', 'no-store')
    if (Number(c.req.header('content-length') ?? 0) > 16 * 1024) return c.text('Payload too large', 413)
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
    const cookieToken = readLoginToken(c, deps.config)
    if (!sameSecret(typeof form['_csrf'] === 'string' ? form['_csrf'] : undefined, cookieToken)) {
      return c.html(renderErrorPage(c, 403, t(lang, '登录页面已过期，请重新打开登录页面后再试。', 'The sign-in page expired; open it again and retry.')), 403)
    }
    const username = typeof form['username'] === 'string' ? form['username'] : ''
    const password = typeof form['password'] === 'string' ? form['password'] : ''
    const next = safeNext(form['next'])
    try {
      const r = await signInStaff(deps.db, { username, password, previousToken: readSessionToken(c, deps.config), ip: knownIp(c) })
      writeSessionToken(c, deps.config, r.token)
      clearLoginToken(c, deps.config)
      const step = r.next === 'enrol' ? '/admin/login/totp/setup' : '/admin/login/totp'
      return c.redirect(`${step}?next=${encodeURIComponent(next)}`, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || (err.status !== 401 && err.status !== 429)) throw err
      const status = err.status as 401 | 429
      return c.html(renderLoginPage(c, { next, loginToken: cookieToken!, username: username.slice(0, 64), error: err.message }), status)
    }
  })

  // Any session may sign out, including one stopped at the TOTP step ("cancel"); CSRF still required.
  const anySession = new WeakMap<object, StaffSession>()
  const signedInOrPending = sessionGuard({ find: (c) => findStaffSession(deps.db, readSessionToken(c, deps.config)), loginPath: '/admin/login', store: anySession })
  app.post('/admin/logout', signedInOrPending, async (c) => {
    await signOutStaff(deps.db, anySession.get(c)!)
    clearSessionToken(c, deps.config)
    return c.redirect('/admin/login?signedout=1', 303)
  })

  registerStaffTotpRoutes(app, deps)
  registerAdminStaffRoutes(app, deps)
  registerStaffHome(app, deps)
}
