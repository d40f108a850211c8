import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from '../../../deps'
import type { AppEnv } from '../../../platform/http/context'

/** Back office: catalogue editor (list, create, edit, publish, suspend, versions with diff), synonyms. */
export function registerCatalogBackoffice(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  void app
  void deps
}
