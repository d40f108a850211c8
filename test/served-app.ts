import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { buildApp } from '../src/app'
import type { Deps } from '../src/deps'
import { composeDeps } from '../src/main/compose'
import { parseConfig } from '../src/platform/config'
import { testApp } from './app'

/**
 * The app on a REAL port (127.0.0.1:<ephemeral>) over a fresh test database, with PUBLIC_URL set to that
 * address — for flows whose URLs must be reachable by an outside client (OpenID Connect discovery, redirects).
 * `t` is the underlying testApp (db, sms, close); `deps` are the served app's.
 */
export async function servedApp(kind: 'migrated' | 'seeded' = 'seeded') {
  const t = await testApp(kind)
  // The public URL must name the port, which is known only once listening: the app is built after.
  const late: { app?: ReturnType<typeof buildApp> } = {}
  const server = serve({ fetch: (req, env) => late.app!.fetch(req, env), port: 0, hostname: '127.0.0.1' })
  await once(server, 'listening')
  const port = (server.address() as AddressInfo).port
  const base = `http://127.0.0.1:${port}`
  const config = { ...parseConfig({ NODE_ENV: 'test', PUBLIC_URL: base }), databaseUrl: undefined }
  const deps: Deps = composeDeps({ config, db: t.db, dbKind: t.deps.dbKind, log: t.deps.log, search: t.deps.search, secrets: t.deps.secrets, sms: t.deps.sms, storage: t.deps.storage })
  late.app = buildApp(deps)
  return {
    t,
    deps,
    base,
    async close() {
      server.close()
      if ('closeAllConnections' in server) server.closeAllConnections()
      await t.close()
    },
  }
}
