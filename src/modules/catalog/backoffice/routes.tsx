import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from '../../../deps'
import type { AppEnv } from '../../../platform/http/context'
import { registerDepartmentRoutes } from './departments-routes'
import { registerFormEditorRoutes } from '../forms/form-editor-routes'
import { registerHistoryRoutes } from './history-routes'
import { registerItemEditorRoutes } from './item-editor-routes'
import { registerItemListRoutes } from './item-list-routes'
import { registerItemPageRoutes } from './item-page-routes'
import { registerSynonymRoutes } from './synonym-routes'

/**
 * Back office: catalogue editor (list, create, edit, publish, suspend, versions with diff), synonyms.
 * Every route is guarded by requireStaff(deps, 'catalog_editor') — the identity seam. /admin/items/new is
 * registered before /admin/items/:code so "new" is never read as a code.
 */
export function registerCatalogBackoffice(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  registerItemListRoutes(app, deps)
  registerItemEditorRoutes(app, deps)
  registerItemPageRoutes(app, deps)
  registerFormEditorRoutes(app, deps)
  registerHistoryRoutes(app, deps)
  registerSynonymRoutes(app, deps)
  registerDepartmentRoutes(app, deps)
}
