import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Context } from 'hono'
import type { HttpBindings } from '@hono/node-server'
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response'
import type Provider from 'oidc-provider'
import type { AppEnv } from '../../../platform/http/context'

/**
 * Runs oidc-provider (a Koa app) under /oidc inside Hono on @hono/node-server.
 *
 * On the Node server the provider gets the raw IncomingMessage/ServerResponse (c.env.incoming/outgoing) and
 * answers itself; we return RESPONSE_ALREADY_SENT (a fresh Response carrying its marker header, since the
 * platform middleware sets headers on whatever we return and the shared constant must stay clean), which
 * @hono/node-server recognises and leaves the socket alone. Nothing before us reads the body (no body parser
 * runs for /oidc), so the provider parses the stream itself.
 *
 * In-process requests (app.request() in tests) have no Node objects; they are relayed over a loopback
 * listener running the same handler, so the same provider code answers either way.
 */
type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>

export function nodeHandlerFor(provider: Provider, issuer: string): NodeHandler {
  const { host, protocol, pathname: mountPath } = new URL(issuer)
  const callback = provider.callback()
  return async (req, res) => {
    // Mounted like express app.use('/oidc', …): the provider routes see /auth, and read the mount path from
    // originalUrl when it builds URLs (oidc-provider lib/helpers/oidc_context.js urlFor).
    const url = req.url ?? '/'
    Object.assign(req, { originalUrl: url, url: url.slice(mountPath.length) || '/' })
    // Every URL the provider builds derives from the configured issuer, never from what the client sent.
    req.headers.host = host
    req.headers['x-forwarded-host'] = host
    req.headers['x-forwarded-proto'] = protocol.slice(0, -1)
    await callback(req, res)
    if (!res.writableEnded) await new Promise<void>((resolve) => res.once('close', resolve).once('finish', resolve))
  }
}

export async function handOff(c: Context<AppEnv>, handler: NodeHandler): Promise<Response> {
  const env = c.env as Partial<HttpBindings> | undefined
  if (env?.incoming && env.outgoing) {
    env.outgoing.setHeader('X-Request-Id', c.get('requestId'))
    await handler(env.incoming, env.outgoing)
    const sent = new Response(null, { status: env.outgoing.statusCode, headers: RESPONSE_ALREADY_SENT.headers })
    // @hono/node-server replaces the global Response with a lightweight one whose fast path writes headers
    // without looking for the already-sent marker; reading .body turns it into a full Response first.
    void sent.body
    return sent
  }
  return relay(c.req.raw, handler)
}

const loopbacks = new WeakMap<NodeHandler, Promise<number>>()

function loopbackPort(handler: NodeHandler): Promise<number> {
  let p = loopbacks.get(handler)
  if (!p) {
    p = new Promise((resolve, reject) => {
      const server = createServer((req, res) => void handler(req, res))
      server.on('error', reject)
      server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
      server.unref()
    })
    loopbacks.set(handler, p)
  }
  return p
}

const NULL_BODY = new Set([101, 204, 205, 304])

async function relay(req: Request, handler: NodeHandler): Promise<Response> {
  const port = await loopbackPort(handler)
  const u = new URL(req.url)
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.from(await req.arrayBuffer())
  const headers: Record<string, string> = Object.fromEntries(req.headers)
  if (body) headers['content-length'] = String(body.length)
  return new Promise((resolve, reject) => {
    const out = httpRequest({ host: '127.0.0.1', port, method: req.method, path: u.pathname + u.search, headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (d: Buffer) => chunks.push(d))
      res.on('error', reject)
      res.on('end', () => {
        const h = new Headers()
        for (const [k, v] of Object.entries(res.headers)) {
          if (v === undefined || k === 'connection' || k === 'transfer-encoding') continue
          for (const x of Array.isArray(v) ? v : [v]) h.append(k, x)
        }
        const status = res.statusCode ?? 500
        resolve(new Response(NULL_BODY.has(status) ? null : Buffer.concat(chunks), { status, headers: h }))
      })
    })
    out.on('error', reject)
    out.end(body)
  })
}
