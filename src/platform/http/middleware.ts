import type { MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { randomBytes, randomUUID } from 'node:crypto'
import type { Logger } from '../logger'
import { parseLang } from '../web/i18n'
import type { AppEnv } from './context'

/** Request id (honours a sane incoming X-Request-Id), child logger, access log line. */
export function requestContext(log: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id')
    const id = incoming && /^[\w.-]{8,64}$/.test(incoming) ? incoming : randomUUID()
    c.set('requestId', id)
    const child = log.child({ requestId: id })
    c.set('log', child)
    c.set('nonce', randomBytes(12).toString('base64'))
    const t0 = performance.now()
    await next()
    c.header('X-Request-Id', id)
    const ms = Math.round((performance.now() - t0) * 10) / 10
    const status = c.res.status
    if (status >= 500) child.error({ method: c.req.method, path: c.req.path, status, ms }, 'request failed')
    else child.debug({ method: c.req.method, path: c.req.path, status, ms }, 'request')
  }
}

/** Security headers on every response (CSP with a per-request nonce for the few inline scripts). */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    const nonce = c.get('nonce')
    c.header('Content-Security-Policy', `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'`)
    c.header('X-Content-Type-Options', 'nosniff')
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin')
    c.header('X-Frame-Options', 'DENY')
    c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
  }
}

/** Language: ?lang=en|zh switches and remembers it in a cookie; default Chinese. */
export function language(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const fromQuery = parseLang(c.req.query('lang'))
    if (fromQuery) setCookie(c, 'lang', fromQuery, { path: '/', sameSite: 'Lax', maxAge: 365 * 24 * 3600, httpOnly: true })
    c.set('lang', fromQuery ?? parseLang(getCookie(c, 'lang')) ?? 'zh')
    await next()
  }
}
