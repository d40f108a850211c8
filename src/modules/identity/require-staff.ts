import type { Context, MiddlewareHandler } from 'hono'
import type { Config } from '../../platform/config'
import type { DB } from '../../platform/database'
import { UnauthorizedError } from '../../platform/errors'
import type { AppEnv } from '../../platform/http/context'
import type { Secrets } from '../../platform/secrets'
import { renderErrorPage } from '../../platform/web/error-page'
import { t } from '../../platform/web/i18n'
import { readSessionToken } from './staff-cookies'
import { findStaffSession, type StaffSession } from './staff-session'
import { sessionGuard } from './session-guard'
import { hasAnyRole, type StaffRole } from './staff'

/**
 * THE SEAM between the back office and identity: every staff route is guarded by requireStaff(…) and reads
 * the signed-in person with getStaff(c). Behind it since issue 3: scoped roles (staff_roles), mandatory TOTP
 * and forced password change (ADR 0004 addendum).
 */
export type IdentityDeps = { db: DB; config: Pick<Config, 'secureCookies'>; secrets?: Pick<Secrets, 'seal' | 'open'> }

const sessions = new WeakMap<object, StaffSession>()

/** Where an unfinished sign-in continues: the TOTP step, enrolment, or the forced password change. */
export function pendingStepPath(s: Pick<StaffSession, 'mfaAt' | 'totpEnrolled' | 'mustChangePassword'>): string | null {
  if (!s.mfaAt) return s.totpEnrolled ? '/admin/login/totp' : '/admin/login/totp/setup'
  if (s.mustChangePassword) return '/admin/login/password'
  return null
}

/**
 * Guards a staff route:
 *  - nobody signed in (or the session expired): GET → 303 to /admin/login?next=…, anything else → 403;
 *  - password accepted but no TOTP code yet (mfa_at null), or a one-time password not yet replaced: that is
 *    not signed in — GET → 303 to the step that finishes the sign-in, anything else → 403;
 *  - signed in without one of `roles` (admin always passes): 403;
 *  - every non-GET must carry the session's CSRF token (form field `_csrf` or header X-CSRF-Token): else 403.
 * Responses are marked no-store so a shared computer's back button shows nothing after sign-out.
 */
export function requireStaff(deps: IdentityDeps, ...roles: StaffRole[]): MiddlewareHandler<AppEnv> {
  return staffGuard(deps, roles)
}

/** requireStaff for a route that receives a file upload: the same checks, a larger body limit (bytes). */
export function requireStaffUpload(deps: IdentityDeps, maxBodyBytes: number, ...roles: StaffRole[]): MiddlewareHandler<AppEnv> {
  return staffGuard(deps, roles, maxBodyBytes)
}

function staffGuard(deps: IdentityDeps, roles: StaffRole[], maxBodyBytes?: number): MiddlewareHandler<AppEnv> {
  return sessionGuard({
    ...(maxBodyBytes ? { maxBodyBytes } : {}),
    find: (c) => findStaffSession(deps.db, readSessionToken(c, deps.config)),
    loginPath: '/admin/login',
    store: sessions,
    check: (c, session) => {
      const lang = c.get('lang')
      const step = pendingStepPath(session)
      if (step) {
        if (c.req.method === 'GET' || c.req.method === 'HEAD') {
          const url = new URL(c.req.url)
          return c.redirect(`${step}?next=${encodeURIComponent(url.pathname + url.search)}`, 303)
        }
        return c.html(renderErrorPage(c, 403, t(lang, '登录尚未完成：请先输入动态验证码（或按提示修改密码）后再操作。', 'Sign-in is not complete: enter your authenticator code (or change your password) first.')), 403)
      }
      if (hasAnyRole(session.user, roles)) return undefined
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
