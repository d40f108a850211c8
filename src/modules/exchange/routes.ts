import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from '../../deps'
import type { AppEnv } from '../../platform/http/context'
import { registerExchangeApi } from './api/routes'
import { registerAccessLogRoutes } from './backoffice/access-log-routes'
import { registerDatasetRoutes } from './backoffice/dataset-routes'
import { registerGrantDetailRoutes } from './backoffice/grant-detail-routes'
import { registerGrantListRoutes } from './backoffice/grant-list-routes'
import { registerDataAccessPage } from './me/data-access-routes'

/**
 * The exchange's routes: the REST API for department systems (/api/v1/exchange/…), the back office
 * (/admin/exchange/… — catalogue, grants, access log) and the citizen's 我的数据使用记录 (/me/data-access).
 */
export function registerExchangeRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  registerExchangeApi(app, deps)
  registerDatasetRoutes(app, deps)
  registerGrantListRoutes(app, deps)
  registerGrantDetailRoutes(app, deps)
  registerAccessLogRoutes(app, deps)
  registerDataAccessPage(app, deps)
}
