import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from '../../deps'
import type { AppEnv } from '../../platform/http/context'

/** Staff sign-in / sign-out (minimal until the identity issue replaces it behind the same seam). */
export function registerIdentityRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  void app
  void deps
}
