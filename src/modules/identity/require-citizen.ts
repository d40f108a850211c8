import type { Context, MiddlewareHandler } from 'hono'
import { UnauthorizedError } from '../../platform/errors'
import type { AppEnv } from '../../platform/http/context'
import { renderErrorPage } from '../../platform/web/error-page'
import { t } from '../../platform/web/i18n'
import { TRUST_LEVEL_LABELS, meetsTrustLevel, type TrustLevel } from './citizen'
import { readCitizenToken } from './citizen-cookies'
import { findCitizenSession, type CitizenSession } from './citizen-session'
import type { IdentityDeps } from './require-staff'
import { sessionGuard } from './session-guard'

const sessions = new WeakMap<object, CitizenSession>()

/**
 * THE SEAM for citizen (and enterprise-agent) pages: guards a route like requireStaff does for the back office.
 * Not signed in → /login?next=…; `minTrust` not reached → 403 page that says how to raise the level
 * (实名认证 at /account/verify). CSRF on every non-GET.
 */
export function requireCitizen(deps: IdentityDeps, opts: { minTrust?: TrustLevel } = {}): MiddlewareHandler<AppEnv> {
  return sessionGuard({
    find: (c) => findCitizenSession(deps.db, readCitizenToken(c, deps.config)),
    loginPath: '/login',
    store: sessions,
    check: (c, session) => {
      if (!opts.minTrust || meetsTrustLevel(session.user, opts.minTrust)) return undefined
      const lang = c.get('lang')
      const need = TRUST_LEVEL_LABELS[opts.minTrust]
      return c.html(
        renderErrorPage(
          c,
          403,
          t(lang, `此功能需要“${need.zh}”的账号。请先到“账号与安全”完成实名认证（/account/verify）。`, `This needs an account that is “${need.en}”. Verify your real name first under Account (/account/verify).`),
        ),
        403,
      )
    },
  })
}

/** The signed-in citizen of this request. Only valid behind requireCitizen. */
export function getCitizen(c: Context): CitizenSession {
  const s = sessions.get(c)
  if (!s) throw new UnauthorizedError()
  return s
}

/** The citizen signed in on this request, if any, for pages that work either way (header, /apply). */
export function peekCitizen(c: Context, deps: IdentityDeps): Promise<CitizenSession | undefined> {
  return findCitizenSession(deps.db, readCitizenToken(c, deps.config))
}
