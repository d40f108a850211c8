import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Config } from '../../platform/config'

/** Citizen session cookie: HttpOnly, SameSite=Lax, Secure + `__Host-` prefix over https (see staff-cookies.ts). */
type CookieConfig = Pick<Config, 'secureCookies'>

export function citizenCookieName(cfg: CookieConfig): string {
  return cfg.secureCookies ? '__Host-yw_session' : 'yw_session'
}
export function readCitizenToken(c: Context, cfg: CookieConfig): string | undefined {
  return getCookie(c, citizenCookieName(cfg))
}
export function writeCitizenToken(c: Context, cfg: CookieConfig, token: string): void {
  setCookie(c, citizenCookieName(cfg), token, { path: '/', httpOnly: true, sameSite: 'Lax', secure: cfg.secureCookies })
}
export function clearCitizenToken(c: Context, cfg: CookieConfig): void {
  deleteCookie(c, citizenCookieName(cfg), { path: '/', secure: cfg.secureCookies, httpOnly: true, sameSite: 'Lax' })
}
