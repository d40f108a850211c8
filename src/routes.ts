import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from './deps'
import type { AppEnv } from './platform/http/context'
import { registerIdentityRoutes } from './modules/identity/routes'
import { registerCatalogApi } from './modules/catalog/api/routes'
import { registerCatalogPortal } from './modules/catalog/portal/routes'
import { registerCatalogBackoffice } from './modules/catalog/backoffice/routes'

/** Every module's routes, in one visible place. */
export function registerRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  registerIdentityRoutes(app, deps)
  registerCatalogApi(app, deps)
  registerCatalogBackoffice(app, deps)
  registerCatalogPortal(app, deps)
}
