import cluster from 'node:cluster'
import { serve } from '@hono/node-server'
import { buildApp } from '../app'
import { buildDeps, type Runtime } from './bootstrap'

/**
 * Serves the portal, back office and API until SIGINT/SIGTERM. With WEB_CONCURRENCY > 1 on PostgreSQL the
 * primary forks that many workers sharing the port (node:cluster); app servers are stateless — each builds its
 * own search index from the database (ADR 0002) — so this is how one machine uses all its cores.
 */
export async function startWeb(rt: Runtime): Promise<void> {
  const n = rt.cfg.webConcurrency
  if (n > 1 && cluster.isPrimary) {
    if (rt.handle.kind === 'postgres') return startWorkers(rt, n)
    rt.log.warn({ webConcurrency: n }, 'WEB_CONCURRENCY > 1 needs PostgreSQL (the embedded database is one process); serving with one process')
  }
  const deps = await buildDeps(rt)
  const app = buildApp(deps)
  const server = serve({ fetch: app.fetch, port: rt.cfg.port, hostname: rt.cfg.host }, (info) => {
    rt.log.info({ port: info.port, database: rt.handle.kind, items: deps.search.size(), worker: cluster.worker?.id }, `Yiwang is serving at http://localhost:${info.port}`)
  })
  const stop = async () => {
    rt.log.info('shutting down')
    server.close()
    deps.search.close()
    await deps.jobs.stop()
    deps.mailer.close?.()
    await rt.handle.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

async function startWorkers(rt: Runtime, n: number): Promise<void> {
  await rt.handle.close() // the primary only supervises
  let stopping = false
  rt.log.info({ workers: n }, 'starting web workers')
  // A 64 MB young generation: search allocates many short-lived objects per request, and the default 16 MB
  // semi-space means frequent scavenges that show up as tail latency (bench/search-speed.ts at 100k items,
  // 2 workers, paced 1,000 req/s: p99 27 ms → 14 ms). Node flags given explicitly still win (they come later).
  cluster.setupPrimary({ execArgv: ['--max-semi-space-size=64', ...process.execArgv] })
  for (let i = 0; i < n; i++) cluster.fork()
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
      return
    }
    rt.log.error({ pid: worker.process.pid, code, signal }, 'web worker exited; starting a new one')
    cluster.fork()
  })
  const stop = () => {
    stopping = true
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM')
    setTimeout(() => process.exit(0), 10_000).unref()
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
