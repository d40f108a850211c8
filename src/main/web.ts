import { serve } from '@hono/node-server'
import { buildApp } from '../app'
import { buildDeps, type Runtime } from './bootstrap'

/** Serves the portal, back office and API until SIGINT/SIGTERM. */
export async function startWeb(rt: Runtime): Promise<void> {
  const deps = await buildDeps(rt)
  const app = buildApp(deps)
  const server = serve({ fetch: app.fetch, port: rt.cfg.port, hostname: rt.cfg.host }, (info) => {
    rt.log.info({ port: info.port, database: rt.handle.kind, items: deps.search.size() }, `Yiwang is serving at http://localhost:${info.port}`)
  })
  const stop = async () => {
    rt.log.info('shutting down')
    server.close()
    deps.search.close()
    await rt.handle.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
