import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { Config } from '../../platform/config'
import type { DB } from '../../platform/database'
import { UnauthorizedError } from '../../platform/errors'
import type { AppEnv } from '../../platform/http/context'
import { renderErrorPage } from '../../platform/web/error-page'
import { t } from '../../platform/web/i18n'
import { readSessionToken } from './staff-cookies'
import { findStaffSession, sameSecret, type StaffSession } from './staff-session'
import { hasAnyRole, type StaffRole } from './staff'

/**
 * THE SEAM between the back office and identity: every staff route is guarded by requireStaff(…) and reads
 * the signed-in person with getStaff(c). The identity issue replaces what sits behind these two functions
 * (accounts, roles per department, TOTP) without touching the routes.
 */
export type IdentityDeps = { db: DB; config: Pick<Config, 'secureCookies'> }

const sessions = new WeakMap<object, StaffSession>()
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** Back-office forms are text; 2 MB is far above the largest item (materials and all). */
const MAX_FORM_BYTES = 2 * 1024 * 1024

/**
 * Guards a staff route:
 *  - nobody signed in (or the session expired): GET → 303 to /admin/login?next=…, anything else → 403;
 *  - signed in without one of `roles` (admin always passes): 403;
 *  - every non-GET must carry the session's CSRF token (form field `_csrf` or header X-CSRF-Token): else 403.
 * Responses are marked no-store so a shared computer's back button shows nothing after sign-out.
 */
export function requireStaff(deps: IdentityDeps, ...roles: StaffRole[]): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({ maxSize: MAX_FORM_BYTES, onError: (c) => c.text('Payload too large', 413) })
  return async (c, next) => {
    const lang = c.get('lang')
    const write = !SAFE_METHODS.has(c.req.method)
    const session = await findStaffSession(deps.db, readSessionToken(c, deps.config))
    c.header('Cache-Control', 'no-store')
    if (!session) {
      if (!write) {
        const url = new URL(c.req.url)
        return c.redirect(`/admin/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303)
      }
      return c.html(renderErrorPage(c, 403, t(lang, '您尚未登录或登录已过期，请重新登录后再操作。', 'You are not signed in or your session expired; sign in again.')), 403)
    }
    if (!hasAnyRole(session.user, roles)) {
      return c.html(renderErrorPage(c, 403, t(lang, '您的账号没有访问此页面的权限。如需权限，请联系系统管理员。', 'Your account may not use this page; ask an administrator.')), 403)
    }
    if (!write) {
      sessions.set(c, session)
      await next()
      return
    }
    let denied = false
    const limited = await limit(c, async () => {
      const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
      const sent = typeof form['_csrf'] === 'string' ? form['_csrf'] : c.req.header('x-csrf-token')
      if (!sameSecret(sent, session.csrfToken)) {
        denied = true
        return
      }
      sessions.set(c, session)
      await next()
    })
    if (denied) {
      return c.html(renderErrorPage(c, 403, t(lang, '页面已过期或无法确认请求来自本系统，请返回上一页、刷新后重新提交。', 'The form expired or its origin could not be verified; go back, reload and submit again.')), 403)
    }
    return limited
  }
}

/** The signed-in staff member of this request. Only valid behind requireStaff. */
export function getStaff(c: Context): StaffSession {
  const s = sessions.get(c)
  if (!s) throw new UnauthorizedError()
  return s
}
