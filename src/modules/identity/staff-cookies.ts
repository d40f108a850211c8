import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Config } from '../../platform/config'

/**
 * Cookie names and flags in one place. Over https the `__Host-` prefix pins the cookie to this host and
 * path "/" with Secure set, so a sibling subdomain cannot plant or read it.
 */
type CookieConfig = Pick<Config, 'secureCookies'>

export function sessionCookieName(cfg: CookieConfig): string {
  return cfg.secureCookies ? '__Host-yw_staff' : 'yw_staff'
}
export function loginCookieName(cfg: CookieConfig): string {
  return cfg.secureCookies ? '__Secure-yw_login' : 'yw_login'
}

export function readSessionToken(c: Context, cfg: CookieConfig): string | undefined {
  return getCookie(c, sessionCookieName(cfg))
}
/** No Max-Age: the cookie ends with the browser; the server enforces the 30 min idle / 12 h absolute limits. */
export function writeSessionToken(c: Context, cfg: CookieConfig, token: string): void {
  setCookie(c, sessionCookieName(cfg), token, { path: '/', httpOnly: true, sameSite: 'Lax', secure: cfg.secureCookies })
}
export function clearSessionToken(c: Context, cfg: CookieConfig): void {
  deleteCookie(c, sessionCookieName(cfg), { path: '/', secure: cfg.secureCookies, httpOnly: true, sameSite: 'Lax' })
}

/** The login form's double-submit token (the login POST has no session yet to hold a CSRF token). */
export function readLoginToken(c: Context, cfg: CookieConfig): string | undefined {
  return getCookie(c, loginCookieName(cfg))
}
export function writeLoginToken(c: Context, cfg: CookieConfig, token: string): void {
  setCookie(c, loginCookieName(cfg), token, { path: '/admin/login', httpOnly: true, sameSite: 'Lax', secure: cfg.secureCookies, maxAge: 2 * 3600 })
}
export function clearLoginToken(c: Context, cfg: CookieConfig): void {
  deleteCookie(c, loginCookieName(cfg), { path: '/admin/login', secure: cfg.secureCookies, httpOnly: true, sameSite: 'Lax' })
}
