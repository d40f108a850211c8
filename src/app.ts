import { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from './deps'
import type { AppEnv } from './platform/http/context'
import { compression, language, requestContext, securityHeaders } from './platform/http/middleware'
import { registerAssets } from './platform/http/assets'
import { problemOf, ValidationError } from './platform/errors'
import { ping } from './platform/database'
import { renderErrorPage } from './platform/web/error-page'
import { registerRoutes } from './routes'

/** buildApp(deps): platform middleware, then every module's routes. Tests call it with a test database. */
export function buildApp(deps: Deps) {
  const app = new OpenAPIHono<AppEnv>({
    // zod validation failures → 400 problem+json naming each parameter.
    defaultHook: (result, c) => {
      if (!result.success) {
        const fields = result.error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: `参数“${i.path.join('.')}”无效：${i.message}。请按接口文档修正。 Invalid parameter.` }))
        const p = problemOf(new ValidationError(`请求参数有误：${fields.map((f) => f.field).join('、')}。 Invalid request parameters.`, fields, 'invalid_parameter'), c.get('requestId'))
        return c.json(p, 400, { 'Content-Type': 'application/problem+json' })
      }
    },
  })
  app.use(requestContext(deps.log))
  app.use(compression())
  app.use(securityHeaders())
  app.use(language())

  app.get('/healthz', (c) => c.json({ status: 'ok' }))
  app.get('/readyz', async (c) => {
    // The search index is loaded before the server listens (bootstrap awaits search.ready()), so readiness
    // is the database answering; an empty catalogue is a valid state.
    const dbOk = await ping(deps.db).catch(() => false)
    return c.json({ status: dbOk ? 'ready' : 'not ready', database: dbOk ? deps.dbKind : 'down', searchItems: deps.search.size() }, dbOk ? 200 : 503)
  })
  registerAssets(app)
  registerRoutes(app, deps)

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Yiwang 一网通办 API', version: '1.0.0', description: '政务服务事项目录与搜索等开放接口。Open API of the Yiwang government services platform. Errors are RFC 9457 problem+json with a stable `code`.' },
    servers: [{ url: deps.config.publicUrl }],
  })

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/')) {
      return c.json({ type: 'https://yiwang.example/problems/not_found', title: '接口不存在，请查看 /api/openapi.json。 No such endpoint.', status: 404, code: 'not_found', requestId: c.get('requestId') }, 404, { 'Content-Type': 'application/problem+json' })
    }
    return c.html(renderErrorPage(c, 404), 404)
  })
  app.onError((err, c) => {
    const p = problemOf(err, c.get('requestId'))
    if (p.status >= 500) c.get('log').error({ err }, 'unhandled error')
    if (c.req.path.startsWith('/api/')) return c.json(p, p.status as 500, { 'Content-Type': 'application/problem+json' })
    return c.html(renderErrorPage(c, p.status, p.title), p.status as 500)
  })
  return app
}
export type App = ReturnType<typeof buildApp>
