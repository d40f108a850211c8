import type { Context, MiddlewareHandler } from 'hono'
import type { Config } from '../../platform/config'
import type { DB } from '../../platform/database'
import { UnauthorizedError } from '../../platform/errors'
import type { AppEnv } from '../../platform/http/context'
import { renderErrorPage } from '../../platform/web/error-page'
import { t } from '../../platform/web/i18n'
import { readSessionToken } from './staff-cookies'
import { findStaffSession, type StaffSession } from './staff-session'
import { sessionGuard } from './session-guard'
import { hasAnyRole, type StaffRole } from './staff'

/**
 * THE SEAM between the back office and identity: every staff route is guarded by requireStaff(…) and reads
 * the signed-in person with getStaff(c). The identity issue replaces what sits behind these two functions
 * (accounts, roles per department, TOTP) without touching the routes.
 */
export type IdentityDeps = { db: DB; config: Pick<Config, 'secureCookies'> }

const sessions = new WeakMap<object, StaffSession>()

/**
 * Guards a staff route:
 *  - nobody signed in (or the session expired): GET → 303 to /admin/login?next=…, anything else → 403;
 *  - signed in without one of `roles` (admin always passes): 403;
 *  - every non-GET must carry the session's CSRF token (form field `_csrf` or header X-CSRF-Token): else 403.
 * Responses are marked no-store so a shared computer's back button shows nothing after sign-out.
 */
export function requireStaff(deps: IdentityDeps, ...roles: StaffRole[]): MiddlewareHandler<AppEnv> {
  return sessionGuard({
    find: (c) => findStaffSession(deps.db, readSessionToken(c, deps.config)),
    loginPath: '/admin/login',
    store: sessions,
    check: (c, session) => {
      if (hasAnyRole(session.user, roles)) return undefined
      const lang = c.get('lang')
      return c.html(renderErrorPage(c, 403, t(lang, '您的账号没有访问此页面的权限。如需权限，请联系系统管理员。', 'Your account may not use this page; ask an administrator.')), 403)
    },
  })
}

/** The signed-in staff member of this request. Only valid behind requireStaff. */
export function getStaff(c: Context): StaffSession {
  const s = sessions.get(c)
  if (!s) throw new UnauthorizedError()
  return s
}
