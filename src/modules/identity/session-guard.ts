import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from '../../platform/http/context'
import { renderErrorPage } from '../../platform/web/error-page'
import { t } from '../../platform/web/i18n'
import { sameSecret } from './staff-session'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** Forms are text; 2 MB is far above the largest (a catalogue item with all its materials). */
const MAX_FORM_BYTES = 2 * 1024 * 1024

/**
 * The one session guard behind requireStaff and requireCitizen:
 *  - no live session: GET → 303 to `loginPath?next=…`, anything else → 403;
 *  - `check` may refuse (role, trust level, second factor) with its own response;
 *  - every non-GET must carry the session's CSRF token (form field `_csrf` or header X-CSRF-Token): else 403;
 *  - responses are no-store, so a shared computer's back button shows nothing after sign-out.
 */
export function sessionGuard<S extends { csrfToken: string }>(opts: {
  find(c: Context<AppEnv>): Promise<S | undefined>
  loginPath: string
  store: WeakMap<object, S>
  check?(c: Context<AppEnv>, session: S): Response | Promise<Response | undefined> | undefined
  /** Body limit in bytes for routes that take file uploads (default MAX_FORM_BYTES). */
  maxBodyBytes?: number
}): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({ maxSize: opts.maxBodyBytes ?? MAX_FORM_BYTES, onError: (c) => c.text('Payload too large', 413) })
  return async (c, next) => {
    const lang = c.get('lang')
    const write = !SAFE_METHODS.has(c.req.method)
    const session = await opts.find(c)
    c.header('Cache-Control', 'no-store')
    if (!session) {
      if (!write) {
        const url = new URL(c.req.url)
        return c.redirect(`${opts.loginPath}?next=${encodeURIComponent(url.pathname + url.search)}`, 303)
      }
      return c.html(renderErrorPage(c, 403, t(lang, '您尚未登录或登录已过期，请重新登录后再操作。', 'You are not signed in or your session expired; sign in again.')), 403)
    }
    const refused = await opts.check?.(c, session)
    if (refused) return refused
    if (!write) {
      opts.store.set(c, session)
      await next()
      return
    }
    let denied = false
    const limited = await limit(c, async () => {
      const type = c.req.header('content-type') ?? ''
      const isForm = type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')
      const form = isForm ? await c.req.parseBody().catch(() => ({}) as Record<string, unknown>) : {}
      const sent = typeof form['_csrf'] === 'string' ? form['_csrf'] : c.req.header('x-csrf-token')
      if (!sameSecret(sent, session.csrfToken)) {
        denied = true
        return
      }
      opts.store.set(c, session)
      await next()
    })
    if (denied) {
      return c.html(renderErrorPage(c, 403, t(lang, '页面已过期或无法确认请求来自本系统，请返回上一页、刷新后重新提交。', 'The form expired or its origin could not be verified; go back, reload and submit again.')), 403)
    }
    return limited
  }
}
