import { EXCHANGE_READ_SCOPE } from '../oauth-client'
import { getOidcProvider, type OidcDeps } from './provider'

export type VerifiedClient = { clientId: string; departmentId: string | null; name: string; scopes: string[] }

/**
 * The department system behind a client-credentials access token (RFC 6749 §4.4; sent as
 * `Authorization: Bearer …`, RFC 6750 §2.1), or undefined when the token is unknown, expired, was not issued
 * by the client-credentials grant, its client has been revoked since, or it lacks `scope` (default
 * exchange:read). Tokens are opaque and looked up in oidc_payloads through the provider's model, so every web
 * process agrees and revoking a client takes effect at once.
 *
 * A token requested without `scope` carries the client's registered default scope (RFC 6749 §3.3: "process
 * the request using a pre-defined default value"): system clients are registered with exchange:read.
 */
export async function verifyClientToken(deps: OidcDeps, token: string | undefined, opts: { scope?: string } = {}): Promise<VerifiedClient | undefined> {
  if (typeof token !== 'string' || token.length < 16 || token.length > 512) return undefined
  const provider = await getOidcProvider(deps)
  const found = await provider.ClientCredentials.find(token)
  if (!found || found.isExpired || !found.clientId) return undefined
  const client = await deps.db
    .selectFrom('oauth_clients')
    .select(['client_id', 'name', 'department_id', 'grant_types'])
    .where('client_id', '=', found.clientId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (!client || !client.grant_types.includes('client_credentials')) return undefined
  const scopes = found.scope ? found.scope.split(' ') : [EXCHANGE_READ_SCOPE]
  const required = opts.scope ?? EXCHANGE_READ_SCOPE
  if (!scopes.includes(required)) return undefined
  return { clientId: client.client_id, departmentId: client.department_id, name: client.name, scopes }
}
