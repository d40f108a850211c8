import type { Context, MiddlewareHandler } from 'hono'
import { UnauthorizedError } from '../../platform/errors'
import type { AppEnv } from '../../platform/http/context'
import { renderErrorPage } from '../../platform/web/error-page'
import { t } from '../../platform/web/i18n'
import { safeNext } from './staff-next'
import { pendingStepPath, type IdentityDeps } from './require-staff'
import { readSessionToken } from './staff-cookies'
import { findStaffSession, type StaffSession } from './staff-session'
import { sessionGuard } from './session-guard'

const pending = new WeakMap<object, StaffSession>()

/**
 * Guards the pages that FINISH a sign-in (TOTP code, enrolment, forced password change). They need a session
 * (the one the password step created) whose next step is `path`; a session at another step is sent there,
 * a complete one to where it was going. CSRF is checked on POST exactly as for requireStaff.
 */
export function requireStaffStep(deps: IdentityDeps, path: '/admin/login/totp' | '/admin/login/totp/setup' | '/admin/login/password'): MiddlewareHandler<AppEnv> {
  return sessionGuard({
    find: (c) => findStaffSession(deps.db, readSessionToken(c, deps.config)),
    loginPath: '/admin/login',
    store: pending,
    check: (c, session) => {
      const step = pendingStepPath(session)
      if (step === path) return undefined
      if (c.req.method === 'GET' || c.req.method === 'HEAD') {
        const next = safeNext(c.req.query('next'))
        return c.redirect(step ? `${step}?next=${encodeURIComponent(next)}` : next, 303)
      }
      const lang = c.get('lang')
      return c.html(renderErrorPage(c, 403, t(lang, '此步骤已完成或已过期，请重新打开登录页面。', 'This step is finished or expired; open the sign-in page again.')), 403)
    },
  })
}

/** The session of a sign-in in progress. Only valid behind requireStaffStep. */
export function getPendingStaff(c: Context): StaffSession {
  const s = pending.get(c)
  if (!s) throw new UnauthorizedError()
  return s
}
