import type { Hono } from 'hono'
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { AppEnv } from './context'

const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' }
const ASSET_DIR = fileURLToPath(new URL('../web/assets/', import.meta.url))

/** Serves src/platform/web/assets/* from memory with ETags (small, fixed set of files). */
export function registerAssets(app: Hono<AppEnv>): void {
  const files = new Map<string, { body: Buffer; type: string; etag: string }>()
  for (const f of readdirSync(ASSET_DIR)) {
    const body = readFileSync(join(ASSET_DIR, f))
    files.set(f, { body, type: TYPES[extname(f)] ?? 'application/octet-stream', etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` })
  }
  app.get('/assets/:file', (c) => {
    const f = files.get(c.req.param('file'))
    if (!f) return c.text('Not found', 404)
    if (c.req.header('if-none-match') === f.etag) return c.body(null, 304)
    c.header('Content-Type', f.type)
    c.header('ETag', f.etag)
    c.header('Cache-Control', 'public, max-age=3600')
    return c.body(new Uint8Array(f.body))
  })
}
