import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from '../../../deps'
import type { AppEnv } from '../../../platform/http/context'
import { registerAdminClientRoutes } from '../admin-clients-routes'
import { EXCHANGE_READ_SCOPE } from '../oauth-client'
import { registerInteractionRoutes } from './interaction-routes'
import { handOff, nodeHandlerFor } from './mount'
import { getOidcProvider, issuerOf, OIDC_PATH } from './provider'

/** Name of the OpenAPI security scheme for department systems (client credentials); API routes cite it. */
export const CLIENT_CREDENTIALS_SCHEME = 'departmentSystem'

/**
 * Single sign-on: the OpenID Provider under /oidc (discovery at /oidc/.well-known/openid-configuration), the
 * interaction pages, the admin pages for clients (/admin/clients), and the OAuth 2.0 client-credentials security scheme in /api/openapi.json
 * (OpenAPI 3.1 §4.8.27 Security Scheme Object, type oauth2 / openIdConnect).
 */
export function registerOidcRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  registerInteractionRoutes(app, deps)
  registerAdminClientRoutes(app, deps)

  const issuer = issuerOf(deps.config)
  let handler: ReturnType<typeof build> | undefined
  const build = () => getOidcProvider(deps).then((p) => nodeHandlerFor(p, issuer))
  const current = () => {
    handler ??= build()
    handler.catch(() => (handler = undefined))
    return handler
  }
  app.all(`${OIDC_PATH}/*`, async (c) => handOff(c, await current()))

  app.openAPIRegistry.registerComponent('securitySchemes', CLIENT_CREDENTIALS_SCHEME, {
    type: 'oauth2',
    description:
      '部门业务系统以 OAuth 2.0 客户端凭证（RFC 6749 §4.4）获取访问令牌：POST /oidc/token，HTTP Basic 认证（client_id:client_secret），grant_type=client_credentials&scope=exchange:read；令牌10分钟有效，以 Authorization: Bearer 发送。接入系统由管理员在 /admin/clients 登记。 ' +
      'Department systems get an access token with OAuth 2.0 client credentials: POST /oidc/token with HTTP Basic (client_id:client_secret), grant_type=client_credentials&scope=exchange:read; valid 10 minutes; send it as Authorization: Bearer. Administrators register systems at /admin/clients.',
    flows: { clientCredentials: { tokenUrl: `${issuer}/token`, scopes: { [EXCHANGE_READ_SCOPE]: '通过数据共享交换读取共享数据 Read shared data through the exchange' } } },
  })
  app.openAPIRegistry.registerComponent('securitySchemes', 'yiwangSignIn', {
    type: 'openIdConnect',
    description: '一网通办统一身份认证（单点登录）。 Yiwang single sign-on (authorization code + PKCE S256).',
    openIdConnectUrl: `${issuer}/.well-known/openid-configuration`,
  })
}
