import type { MiddlewareHandler } from 'hono'
import { UnauthorizedError, problemOf } from '../../../platform/errors'
import type { AppEnv } from '../../../platform/http/context'

/** A department system authenticated by an OAuth2 client-credentials access token. */
export type ApiClient = { clientId: string; departmentId: string | null; name: string }
export type ClientVerifier = (token: string) => Promise<ApiClient | undefined>

const clients = new WeakMap<object, ApiClient>()

/**
 * Bearer-token guard for department systems (RFC 6750 §2.1 header only — never a query parameter, which
 * would land in logs). Missing or invalid token → 401 problem+json with WWW-Authenticate (§3).
 */
export function clientAuth(verify: ClientVerifier): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const m = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/.exec(c.req.header('authorization') ?? '')
    const client = m ? await verify(m[1]!) : undefined
    if (!client) {
      const err = m
        ? new UnauthorizedError('访问令牌无效或已过期，请用客户端凭证在 /oidc/token 重新获取。 The access token is invalid or expired; get a new one at /oidc/token.', 'invalid_token')
        : new UnauthorizedError('缺少访问令牌：请先以客户端凭证（client_credentials）在 /oidc/token 获取令牌，并放在 Authorization: Bearer 头中。 Send an OAuth2 client-credentials token as Authorization: Bearer.', 'unauthorized')
      const challenge = m ? 'Bearer realm="yiwang", error="invalid_token"' : 'Bearer realm="yiwang"'
      return c.json(problemOf(err, c.get('requestId')), 401, { 'Content-Type': 'application/problem+json', 'WWW-Authenticate': challenge })
    }
    clients.set(c, client)
    await next()
  }
}

export function getClient(c: object): ApiClient {
  const client = clients.get(c)
  if (!client) throw new UnauthorizedError()
  return client
}
