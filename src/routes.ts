import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from './deps'
import type { AppEnv } from './platform/http/context'
import { registerIdentityRoutes } from './modules/identity/routes'
import { registerOidcRoutes } from './modules/identity/oidc/routes'
import { registerCitizenRoutes } from './modules/identity/citizen-routes'
import { registerCatalogApi } from './modules/catalog/api/routes'
import { registerCatalogPortal } from './modules/catalog/portal/routes'
import { registerCalendarApi } from './platform/calendar/api'
import { registerCalendarAdmin } from './modules/catalog/backoffice/calendar-routes'
import { registerEnterpriseRoutes } from './modules/identity/enterprise-routes'
import { registerCatalogBackoffice } from './modules/catalog/backoffice/routes'
import { registerGeographyApi } from './modules/exchange/api/geography'
import { registerRegistryAdmin } from './modules/exchange/backoffice/registries-routes'
import { registerExchangeRoutes } from './modules/exchange/routes'
import { registerUploadRoutes } from './modules/applications/uploads/upload-routes'
import { registerApplicationPortal } from './modules/applications/portal/apply-routes'
import { registerCasesPortal } from './modules/cases/portal/routes'
import { registerSubmissionApi } from './modules/applications/api/submission-route'
import { registerInboxRoutes } from './modules/notifications'
import { getCitizen, getStaff, renderBackoffice, requireCitizen, requireStaff } from './modules/identity'
import { registerBundlePortal } from './modules/applications/portal/bundle-routes'
import { registerBundleProgress } from './modules/cases/portal/bundle-progress'
import { registerCaseBackoffice } from './modules/cases/backoffice/routes'
import { registerWalletRoutes } from './modules/licences'
import { registerLicenceWeb } from './modules/licences/web/routes'
import { registerLicenceBackoffice } from './modules/licences/backoffice/routes'

/** Every module's routes, in one visible place. */
export function registerRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  registerIdentityRoutes(app, deps)
  registerOidcRoutes(app, deps)
  registerCitizenRoutes(app, deps)
  registerCatalogApi(app, deps)
  registerCatalogBackoffice(app, deps)
  registerEnterpriseRoutes(app, deps)
  registerExchangeRoutes(app, deps)
  registerUploadRoutes(app, deps)
  registerApplicationPortal(app, deps)
  registerCasesPortal(app, deps)
  registerCaseBackoffice(app, deps)
  registerSubmissionApi(app, deps)
  registerInboxRoutes(app, deps, { requireCitizen: (d) => requireCitizen(d), getCitizen, requireStaff: (d) => requireStaff(d), getStaff, renderBackoffice })
  registerBundlePortal(app, deps)
  registerBundleProgress(app, deps)
  registerWalletRoutes(app, deps)
  registerGeographyApi(app, deps)
  registerRegistryAdmin(app, deps)
  registerCalendarApi(app, deps)
  registerCalendarAdmin(app, deps)
  registerCatalogPortal(app, deps)
  registerLicenceWeb(app, deps)
  registerLicenceBackoffice(app, deps)
}
