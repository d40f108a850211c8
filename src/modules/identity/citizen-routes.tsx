import type { OpenAPIHono } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import type { Deps } from '../../deps'
import type { AppEnv } from '../../platform/http/context'
import { registerAccountRoutes } from './account-routes'
import { readCitizenToken } from './citizen-cookies'
import { registerCitizenLoginRoutes } from './citizen-routes-login'
import { registerRegistrationRoutes } from './citizen-routes-register'
import { findCitizenSession } from './citizen-session'
import { registerPasskeyRoutes } from './passkey-routes'

/**
 * Citizen accounts on the portal: 注册 (/register…), 登录 (/login, /login/totp), /logout, 我的账号 (/account…).
 * Also sets the portal header's viewer (signed-in name or 登录 / 注册) for every later portal route — which is
 * why src/routes.ts registers this before the catalogue portal.
 */
export function registerCitizenRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  app.use('*', portalViewer(deps))
  registerRegistrationRoutes(app, deps)
  registerCitizenLoginRoutes(app, deps)
  registerAccountRoutes(app, deps)
  registerPasskeyRoutes(app, deps)
}

/** Looks the session up only for portal page views that carry a citizen cookie (no cost for anonymous visitors or the API). */
function portalViewer(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path
    if ((c.req.method === 'GET' || c.req.method === 'HEAD') && !/^\/(?:api|assets|admin)(?:\/|$)/.test(path)) {
      const token = readCitizenToken(c, deps.config)
      if (token) {
        const s = await findCitizenSession(deps.db, token)
        if (s) c.set('viewer', { displayName: s.user.displayName })
      }
    }
    await next()
  }
}
