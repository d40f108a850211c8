import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from '../../../deps'
import type { AppEnv } from '../../../platform/http/context'

/** Public portal pages: home, search, guide, department, theme, sitemap.xml, robots.txt. */
export function registerCatalogPortal(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  void app
  void deps
}
