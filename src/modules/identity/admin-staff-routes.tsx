import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from '../../deps'
import type { AppEnv } from '../../platform/http/context'

export function registerAdminStaffRoutes(_app: OpenAPIHono<AppEnv>, _deps: Deps): void {}
