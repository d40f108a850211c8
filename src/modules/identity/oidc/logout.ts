import type { KoaContextWithOIDC } from 'oidc-provider'
import { citizenCookieName } from '../citizen-cookies'
import { findCitizenSession } from '../citizen-session'
import { signOutCitizen } from '../sign-out-citizen'
import type { OidcDeps } from './provider'

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0 §2, §3) ends the Yiwang citizen session too,
 * when the person confirmed "退出登录": single sign-on rests on that session (provider.ts login check), so
 * ending only the provider's own cookie would sign them straight back in. Runs around the provider's
 * end_session_confirm route; the session's server-side row is deleted and audited (signOutCitizen).
 */
export function endCitizenSessionOnLogout(deps: OidcDeps) {
  const name = citizenCookieName(deps.config)
  return async (ctx: KoaContextWithOIDC, next: () => Promise<unknown>): Promise<void> => {
    await next()
    if (ctx.oidc?.route !== 'end_session_confirm' || !ctx.oidc.params?.['logout'] || ctx.status >= 400) return
    const session = await findCitizenSession(deps.db, ctx.cookies.get(name, { signed: false }) ?? undefined)
    if (session) await signOutCitizen(deps.db, session)
    ctx.cookies.set(name, '', { path: '/', expires: new Date(0), httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies, signed: false })
  }
}
