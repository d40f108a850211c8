import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from '../../deps'
import { DomainError } from '../../platform/errors'
import type { AppEnv } from '../../platform/http/context'
import { renderErrorPage } from '../../platform/web/error-page'
import { t } from '../../platform/web/i18n'
import { renderLoginPage } from './login-page'
import { getStaff, requireStaff } from './require-staff'
import { signInStaff } from './sign-in-staff'
import { signOutStaff } from './sign-out-staff'
import { clearLoginToken, clearSessionToken, readLoginToken, readSessionToken, writeLoginToken, writeSessionToken } from './staff-cookies'
import { findStaffSession, isTokenShaped, newToken, sameSecret } from './staff-session'

/** Only back-office paths on this host are valid places to return to after sign-in (no open redirect). */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 500) return '/admin'
  if (!/^\/admin(?:[/?#]|$)/.test(next) || next.includes('\\') || /^\/admin\/log(?:in|out)\b/.test(next)) return '/admin'
  return next
}

/** Staff sign-in / sign-out (minimal until the identity issue replaces it behind the same seam). */
export function registerIdentityRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  app.get('/admin/login', async (c) => {
    const next = safeNext(c.req.query('next'))
    c.header('Cache-Control', 'no-store')
    if (await findStaffSession(deps.db, readSessionToken(c, deps.config))) return c.redirect(next, 303)
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
      const r = await signInStaff(deps.db, { username, password, previousToken: readSessionToken(c, deps.config) })
      writeSessionToken(c, deps.config, r.token)
      clearLoginToken(c, deps.config)
      return c.redirect(next, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || (err.status !== 401 && err.status !== 429)) throw err
      const status = err.status as 401 | 429
      return c.html(renderLoginPage(c, { next, loginToken: cookieToken!, username: username.slice(0, 64), error: err.message }), status)
    }
  })

  app.post('/admin/logout', requireStaff(deps), async (c) => {
    await signOutStaff(deps.db, getStaff(c))
    clearSessionToken(c, deps.config)
    return c.redirect('/admin/login?signedout=1', 303)
  })
}
