import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from './deps'
import type { AppEnv } from './platform/http/context'

/** Every module's routes, in one visible place. */
export function registerRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  void app
  void deps
}
