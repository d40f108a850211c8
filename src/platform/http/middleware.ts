import type { Context, MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress'
import { randomBytes, randomUUID } from 'node:crypto'
import { deflateSync, gzipSync } from 'node:zlib'
import type { Logger } from '../logger'
import { parseLang } from '../web/i18n'
import type { AppEnv } from './context'

/**
 * Sets response headers after the handler ran. Hono's `c.header()` on a finished response re-creates the
 * Response for every call (and turns @hono/node-server's lightweight response into a full web-stream one);
 * setting them on its Headers directly costs nothing. Immutable headers (a fetched Response) fall back.
 */
function setAfter(c: Context, headers: [string, string][]): void {
  try {
    const h = c.res.headers
    for (const [k, v] of headers) h.set(k, v)
  } catch {
    for (const [k, v] of headers) c.header(k, v)
  }
}

/** Request id (honours a sane incoming X-Request-Id), child logger, access log line. */
export function requestContext(log: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id')
    const id = incoming && /^[\w.-]{8,64}$/.test(incoming) ? incoming : randomUUID()
    c.set('requestId', id)
    const child = log.child({ requestId: id })
    c.set('log', child)
    // JSON endpoints render no inline script: no nonce (and a CSP without one, see securityHeaders).
    if (!c.req.path.startsWith('/api/')) c.set('nonce', randomBytes(12).toString('base64'))
    const t0 = performance.now()
    await next()
    setAfter(c, [['X-Request-Id', id]])
    const ms = Math.round((performance.now() - t0) * 10) / 10
    const status = c.res.status
    if (status >= 500) child.error({ method: c.req.method, path: c.req.path, status, ms }, 'request failed')
    else child.debug({ method: c.req.method, path: c.req.path, status, ms }, 'request')
  }
}

const STATIC_SECURITY_HEADERS: [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['X-Frame-Options', 'DENY'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
]
/** Pages: scripts only from us or carrying this request's nonce. */
const pageCsp = (nonce: string) => `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'`
/** JSON endpoints (no nonce was made for them): nothing may run or load in their context at all. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

/**
 * Security headers on every response (CSP with a per-request nonce for the few inline scripts of pages). A
 * handler that set its own CSP keeps it (uploaded files are served with a stricter one: `sandbox`).
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    const nonce = c.get('nonce')
    const own = c.res.headers.get('Content-Security-Policy')
    setAfter(c, [['Content-Security-Policy', own ?? (nonce ? pageCsp(nonce) : API_CSP)], ...STATIC_SECURITY_HEADERS])
  }
}

const ENCODINGS = ['gzip', 'deflate'] as const
/** The client's preferred encoding we support (q-values honoured; gzip wins a tie), or undefined. */
function selectEncoding(header: string | undefined): (typeof ENCODINGS)[number] | undefined {
  if (!header) return undefined
  const q = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    const v = qp ? Number(qp.slice(2)) : 1
    q.set(name, Number.isFinite(v) ? v : 0)
  }
  let best: (typeof ENCODINGS)[number] | undefined
  let bestQ = 0
  for (const e of ENCODINGS) {
    const v = q.get(e) ?? q.get('*') ?? 0
    if (v > bestQ) { best = e; bestQ = v }
  }
  return best
}
const VARY_AE = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i
const NO_TRANSFORM = /(?:^|,)\s*?no-transform\s*?(?:,|$)/i
const BUFFERED = /^application\/(?:problem\+)?json|^text\/html/i

/**
 * Response compression for clients that accept it (gzip, else deflate; ≥ `threshold` bytes; compressible
 * types; not for no-transform), like hono/compress but cheaper: headers are set in place, and the JSON and
 * HTML bodies this app builds as strings are compressed in one zlib call instead of through a web stream.
 */
export function compression(threshold = 1024): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next()
    const res = c.res
    const h = res.headers
    if (res.status === 206 || c.req.method === 'HEAD' || h.has('Content-Encoding') || h.has('Transfer-Encoding')) return
    const length = h.get('Content-Length')
    if (length && Number(length) < threshold) return
    const type = h.get('Content-Type')
    if (!type || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type)) return
    const cc = h.get('Cache-Control')
    if (cc && NO_TRANSFORM.test(cc)) return
    const vary = h.get('Vary')
    if (vary !== '*' && !(vary && VARY_AE.test(vary))) setAfter(c, [['Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding']])
    const encoding = selectEncoding(c.req.header('Accept-Encoding'))
    if (!encoding || !c.res.body) return
    // Assigning c.res merges the previous response's headers into the new one: adjust them afterwards.
    const init = { status: res.status, statusText: res.statusText, headers: res.headers }
    if (BUFFERED.test(type)) {
      const raw = new Uint8Array(await c.res.arrayBuffer())
      if (raw.byteLength < threshold) {
        c.res = new Response(raw, init)
        return
      }
      c.res = new Response(encoding === 'gzip' ? gzipSync(raw) : deflateSync(raw), init)
    } else {
      c.res = new Response(c.res.body.pipeThrough(new CompressionStream(encoding)), init)
    }
    const out = c.res.headers
    out.delete('Content-Length')
    out.set('Content-Encoding', encoding)
    const etag = out.get('ETag')
    if (etag && !etag.startsWith('W/')) out.set('ETag', `W/${etag}`)
  }
}

/** Language: ?lang=en|zh switches and remembers it in a cookie; default Chinese. */
export function language(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const fromQuery = parseLang(c.req.query('lang'))
    if (fromQuery) setCookie(c, 'lang', fromQuery, { path: '/', sameSite: 'Lax', maxAge: 365 * 24 * 3600, httpOnly: true })
    c.set('lang', fromQuery ?? parseLang(getCookie(c, 'lang')) ?? 'zh')
    await next()
  }
}
