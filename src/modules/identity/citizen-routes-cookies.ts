import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Config } from '../../platform/config'
import { isTokenShaped, newToken, sameSecret } from './staff-session'

/**
 * Cookies of the pages before a session exists (/login, /login/totp, /register):
 *  - `yw_form`: double-submit CSRF token (cookie + hidden field must match), like /admin/login's;
 *  - `yw_mfa`: the sealed "password accepted, waiting for the second factor" state (sign-in-citizen-pending.ts).
 * HttpOnly, SameSite=Lax; over https Secure with the __Host-/__Secure- prefixes (not plantable from subdomains).
 */
type CookieConfig = Pick<Config, 'secureCookies'>
const formName = (cfg: CookieConfig) => (cfg.secureCookies ? '__Host-yw_form' : 'yw_form')
const mfaName = (cfg: CookieConfig) => (cfg.secureCookies ? '__Secure-yw_mfa' : 'yw_mfa')

/** The browser's form token, created (and set) when missing. */
export function ensureFormToken(c: Context, cfg: CookieConfig): string {
  const have = getCookie(c, formName(cfg))
  if (isTokenShaped(have)) return have
  const token = newToken()
  setCookie(c, formName(cfg), token, { path: '/', httpOnly: true, sameSite: 'Lax', secure: cfg.secureCookies, maxAge: 2 * 3600 })
  return token
}
export function formTokenMatches(c: Context, cfg: CookieConfig, sent: unknown): boolean {
  return sameSecret(typeof sent === 'string' ? sent : undefined, getCookie(c, formName(cfg)))
}

export function readPending(c: Context, cfg: CookieConfig): string | undefined {
  return getCookie(c, mfaName(cfg))
}
export function writePending(c: Context, cfg: CookieConfig, sealed: string): void {
  setCookie(c, mfaName(cfg), sealed, { path: '/login', httpOnly: true, sameSite: 'Lax', secure: cfg.secureCookies, maxAge: 300 })
}
export function clearPending(c: Context, cfg: CookieConfig): void {
  deleteCookie(c, mfaName(cfg), { path: '/login', secure: cfg.secureCookies, httpOnly: true, sameSite: 'Lax' })
}
