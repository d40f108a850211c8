import type Provider from 'oidc-provider'
import type { Configuration, interactionPolicy as InteractionPolicy, KoaContextWithOIDC } from 'oidc-provider'
import type { Config } from '../../../platform/config'
import type { DB } from '../../../platform/database'
import type { Logger } from '../../../platform/logger'
import type { Secrets } from '../../../platform/secrets'
import { citizenCookieName } from '../citizen-cookies'
import { findCitizenSession } from '../citizen-session'
import { EXCHANGE_READ_SCOPE } from '../oauth-client'
import { ACR_VALUES, CLAIMS, findCitizenAccount } from './account'
import { adapterFactory } from './adapter'
import { loadSigningKeys } from './keys'
import { endCitizenSessionOnLogout } from './logout'
import { logoutSource, postLogoutSuccessSource, renderProviderError } from './provider-pages'
import { securityHeadersForProvider } from './provider-security'

/** What the provider needs from Deps (kept narrow so verifyClientToken and tests can pass a Deps). */
export type OidcDeps = { config: Pick<Config, 'publicUrl' | 'secureCookies'>; db: DB; secrets: Secrets; log: Logger }

export const OIDC_PATH = '/oidc'
export const issuerOf = (cfg: Pick<Config, 'publicUrl'>) => `${cfg.publicUrl}${OIDC_PATH}`
export const interactionPath = (uid: string) => `${OIDC_PATH}/interaction/${encodeURIComponent(uid)}`

// One provider per Deps (a web process has one; each test app its own). Made at first use because the signing
// keys come from the database.
const providers = new WeakMap<object, Promise<Provider>>()

export function getOidcProvider(deps: OidcDeps): Promise<Provider> {
  let p = providers.get(deps)
  if (!p) {
    p = createOidcProvider(deps)
    p.catch(() => providers.delete(deps))
    providers.set(deps, p)
  }
  return p
}

/**
 * The login prompt also fires when the browser's Yiwang citizen session is gone or belongs to someone else:
 * signing out of Yiwang signs out of single sign-on too (OpenID Connect Core 1.0 §3.1.2.3 leaves "is the
 * End-User authenticated" to the OP; ours answers with the citizen session, not only the OP cookie).
 */
function policy(deps: OidcDeps, interactionPolicy: typeof InteractionPolicy) {
  const p = interactionPolicy.base()
  p.get('login')!.checks.push(
    new interactionPolicy.Check('yiwang_session', '一网通办登录已失效 The Yiwang sign-in is no longer valid', 'login_required', async (ctx) => {
      const session = await findCitizenSession(deps.db, ctx.cookies.get(citizenCookieName(deps.config), { signed: false }) ?? undefined)
      return !session || session.user.id !== ctx.oidc.session?.accountId ? interactionPolicy.Check.REQUEST_PROMPT : interactionPolicy.Check.NO_NEED_TO_PROMPT
    }),
  )
  return p
}

async function createOidcProvider(deps: OidcDeps): Promise<Provider> {
  // Loaded here, at the first sign-on request, not when the app starts (koa and friends: start-up cost).
  const { default: OidcProvider, interactionPolicy } = await import('oidc-provider')
  const keys = await loadSigningKeys(deps.db, deps.secrets)
  // Cookie signing key derived from the platform key (HKDF-based pseudonym), so every process agrees.
  const cookieKey = deps.secrets.pseudonym('oidc/cookie-key', 'v1')
  const cookie = { httpOnly: true, sameSite: 'lax' as const, signed: true, secure: deps.config.secureCookies }
  const configuration: Configuration = {
    adapter: adapterFactory(deps.db, deps.secrets, deps.log),
    findAccount: (_ctx, sub) => findCitizenAccount(deps.db, sub),
    jwks: { keys: keys as never },
    claims: CLAIMS,
    scopes: ['openid', 'profile', 'phone', EXCHANGE_READ_SCOPE],
    acrValues: ACR_VALUES,
    // Scope claims in the ID token too (Core §5.4 allows it): relying parties need trust_level at sign-in.
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    clientAuthMethods: ['client_secret_basic'],
    // RFC 7636 + RFC 9700 §2.1.1: every authorization request carries a code_challenge, S256 only.
    pkce: { required: () => true, methods: ['S256'] } as Configuration['pkce'],
    cookies: {
      keys: [cookieKey],
      names: { session: 'yw_oidc', interaction: 'yw_oidc_interaction', resume: 'yw_oidc_resume' },
      long: cookie,
      short: cookie,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    },
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 600,
      IdToken: 600,
      ClientCredentials: 600,
      Interaction: 600,
      Session: 12 * 3600,
      Grant: 12 * 3600,
    },
    interactions: { url: (_ctx, interaction) => interactionPath(interaction.uid), policy: policy(deps, interactionPolicy) },
    renderError: renderProviderError,
  }
  const provider = new OidcProvider(issuerOf(deps.config), configuration)
  // The issuer is authoritative for every URL the provider builds; routes.ts sets Host and X-Forwarded-Proto
  // from it, so proxy mode only ever reads values we wrote.
  provider.proxy = true
  provider.use(securityHeadersForProvider)
  provider.use(endCitizenSessionOnLogout(deps))
  provider.on('server_error', (_ctx: KoaContextWithOIDC, err: Error) => deps.log.error({ err }, 'oidc provider error'))
  return provider
}
