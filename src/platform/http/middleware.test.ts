import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Hono } from 'hono'
import { gunzipSync, inflateSync } from 'node:zlib'
import { createLogger } from '../logger'
import type { AppEnv } from './context'
import { compression, requestContext, securityHeaders } from './middleware'

const big = 'x'.repeat(5000)
function app() {
  const a = new Hono<AppEnv>()
  a.use(requestContext(createLogger('silent')))
  a.use(compression())
  a.use(securityHeaders())
  a.get('/page', (c) => c.html(`<p>${big}</p>`))
  a.get('/api/v1/x', (c) => c.json({ big }))
  a.get('/small', (c) => c.html('<p>hi</p>'))
  a.get('/no-transform', (c) => { c.header('Cache-Control', 'no-transform'); return c.html(big) })
  return a
}

test('gzip for clients that accept it, with Vary and no Content-Length', async () => {
  const res = await app().request('/page', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } })
  assert.equal(res.headers.get('content-encoding'), 'gzip')
  assert.match(res.headers.get('vary') ?? '', /accept-encoding/i)
  assert.equal(res.headers.get('content-length'), null)
  assert.equal(gunzipSync(Buffer.from(await res.arrayBuffer())).toString(), `<p>${big}</p>`)
})

test('q-values are honoured (deflate preferred over gzip;q=0), identity when nothing acceptable', async () => {
  const d = await app().request('/api/v1/x', { headers: { 'Accept-Encoding': 'gzip;q=0, deflate' } })
  assert.equal(d.headers.get('content-encoding'), 'deflate')
  assert.deepEqual(JSON.parse(inflateSync(Buffer.from(await d.arrayBuffer())).toString()), { big })
  const none = await app().request('/api/v1/x')
  assert.equal(none.headers.get('content-encoding'), null)
  assert.deepEqual(await none.json(), { big })
})

test('small bodies and no-transform responses are sent as they are', async () => {
  const s = await app().request('/small', { headers: { 'Accept-Encoding': 'gzip' } })
  assert.equal(s.headers.get('content-encoding'), null)
  assert.equal(await s.text(), '<p>hi</p>')
  const n = await app().request('/no-transform', { headers: { 'Accept-Encoding': 'gzip' } })
  assert.equal(n.headers.get('content-encoding'), null)
})

test('pages get a CSP with this request\'s nonce; API responses a no-script CSP; request id echoed', async () => {
  const p = await app().request('/page', { headers: { 'X-Request-Id': 'req-12345678' } })
  assert.match(p.headers.get('content-security-policy') ?? '', /script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)
  assert.equal(p.headers.get('x-request-id'), 'req-12345678')
  assert.equal(p.headers.get('x-content-type-options'), 'nosniff')
  const a = await app().request('/api/v1/x')
  assert.match(a.headers.get('content-security-policy') ?? '', /^default-src 'none'/)
  assert.match(a.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/)
})
