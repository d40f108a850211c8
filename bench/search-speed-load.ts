/**
 * Load generator for bench/search-speed.ts, run as its own process so it does not share the server's event
 * loop: cycles through the given query paths with autocannon and prints the result as JSON on stdout.
 * Usage: node --import tsx bench/search-speed-load.ts URL PATHS.json SECONDS CONNECTIONS [RATE req/s, 0 = as fast as possible]
 */
import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'

const [url, pathsFile, seconds, connections, rate] = process.argv.slice(2)
const paths = JSON.parse(readFileSync(pathsFile!, 'utf8')) as string[]
let i = 0
const result = await autocannon({
  url: url!,
  connections: Number(connections ?? 50),
  duration: Number(seconds ?? 20),
  ...(Number(rate) > 0 ? { overallRate: Number(rate) } : {}),
  requests: [{ method: 'GET', setupRequest: (req: { path?: string }) => ({ ...req, path: paths[i++ % paths.length]! }) }],
})
process.stdout.write(JSON.stringify({
  requests: result.requests.average,
  total: result.requests.total,
  latency: { p50: result.latency.p50, p97_5: result.latency.p97_5, p99: result.latency.p99, max: result.latency.max, mean: result.latency.average },
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
}))
