import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from '../../../deps'
import type { AppEnv } from '../../../platform/http/context'

/** /api/v1/services… — the catalogue's open API (zod → OpenAPI 3.1). */
export function registerCatalogApi(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  void app
  void deps
}
