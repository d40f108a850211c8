import { knownIp } from './citizen-routes-support'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../deps'
import { DomainError } from '../../platform/errors'
import type { AppEnv } from '../../platform/http/context'
import { renderErrorPage } from '../../platform/web/error-page'
import { t } from '../../platform/web/i18n'
import { clearSessionToken, readSessionToken, writeSessionToken } from './staff-cookies'
import { safeNext } from './staff-next'
import { changeStaffPassword } from './staff-password-change'
import { renderPasswordChangePage } from './staff-password-page'
import { getPendingStaff, requireStaffStep } from './staff-step-guard'
import { startStaffTotpEnrolment } from './staff-totp-enrol'
import { renderTotpPage, renderTotpSetupPage } from './staff-totp-page'
import { completeStaffTotp } from './staff-totp-verify'
import { totpQrSvg } from './totp'

const str = (v: unknown) => (typeof v === 'string' ? v : '')

/**
 * The steps that finish a staff sign-in after the password: the TOTP code (/admin/login/totp), enrolment of
 * an authenticator for accounts without one (/admin/login/totp/setup), and the forced password change
 * (/admin/login/password). Each is reachable only with the pending session of that step (staff-step-guard).
 */
export function registerStaffTotpRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  async function setupPage(c: Context<AppEnv>, next: string, error?: string) {
    const s = getPendingStaff(c)
    const { secret, uri } = await startStaffTotpEnrolment(deps, s)
    return c.html(renderTotpSetupPage(c, { csrf: s.csrfToken, next, error, secret, uri, qrSvg: await totpQrSvg(uri) }), error ? 401 : 200)
  }

  /** A correct code: the new session cookie, then the password change if one is due, else where they were going. */
  async function finish(c: Context<AppEnv>, enrol: boolean) {
    const form = await c.req.parseBody()
    const next = safeNext(form['next'])
    try {
      const r = await completeStaffTotp(deps, { session: getPendingStaff(c), code: str(form['code']), previousToken: readSessionToken(c, deps.config), ip: knownIp(c) })
      writeSessionToken(c, deps.config, r.token)
      return c.redirect(r.mustChangePassword ? `/admin/login/password?next=${encodeURIComponent(next)}` : next, 303)
    } catch (err) {
      if (!(err instanceof DomainError)) throw err
      if (err.code === 'staff_totp_failed') return enrol ? setupPage(c, next, err.message) : c.html(renderTotpPage(c, { csrf: getPendingStaff(c).csrfToken, next, error: err.message }), 401)
      // Locked out or the sign-in expired: the pending session is gone; start again from the password.
      clearSessionToken(c, deps.config)
      const lang = c.get('lang')
      return c.html(renderErrorPage(c, err.status, `${err.message} ${t(lang, '请重新打开登录页面。', 'Open the sign-in page again.')}`), err.status as 401 | 429)
    }
  }

  app.get('/admin/login/totp', requireStaffStep(deps, '/admin/login/totp'), (c) =>
    c.html(renderTotpPage(c, { csrf: getPendingStaff(c).csrfToken, next: safeNext(c.req.query('next')) })),
  )
  app.post('/admin/login/totp', requireStaffStep(deps, '/admin/login/totp'), (c) => finish(c, false))

  app.get('/admin/login/totp/setup', requireStaffStep(deps, '/admin/login/totp/setup'), (c) => setupPage(c, safeNext(c.req.query('next'))))
  app.post('/admin/login/totp/setup', requireStaffStep(deps, '/admin/login/totp/setup'), (c) => finish(c, true))

  app.get('/admin/login/password', requireStaffStep(deps, '/admin/login/password'), (c) =>
    c.html(renderPasswordChangePage(c, { csrf: getPendingStaff(c).csrfToken, next: safeNext(c.req.query('next')) })),
  )
  app.post('/admin/login/password', requireStaffStep(deps, '/admin/login/password'), async (c) => {
    const form = await c.req.parseBody()
    const next = safeNext(form['next'])
    const session = getPendingStaff(c)
    try {
      await changeStaffPassword(deps.db, { session, password: str(form['password']), confirm: str(form['confirm']) })
      return c.redirect(next, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || err.status !== 400) throw err
      return c.html(renderPasswordChangePage(c, { csrf: session.csrfToken, next, errors: err.fields }), 400)
    }
  })
}
