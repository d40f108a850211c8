import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Hono } from 'hono'
import { writeCitizenToken } from './citizen-cookies'
import { ensureFormToken, formTokenMatches, writePending } from './citizen-routes-cookies'

/** Cookie flags over https (PUBLIC_URL https://… → secureCookies): HttpOnly, Secure, SameSite, host-only prefixes. */
test('over https every citizen cookie is HttpOnly, Secure, SameSite=Lax and prefixed', async () => {
  const cfg = { secureCookies: true }
  const app = new Hono()
  app.get('/x', (c) => {
    ensureFormToken(c, cfg)
    writeCitizenToken(c, cfg, 'token')
    writePending(c, cfg, 'sealed')
    return c.text('ok')
  })
  const cookies = (await app.request('/x')).headers.getSetCookie()
  assert.equal(cookies.length, 3)
  for (const h of cookies) {
    assert.match(h, /; HttpOnly/, h)
    assert.match(h, /; Secure/, h)
    assert.match(h, /; SameSite=Lax/, h)
  }
  assert.ok(cookies.some((h) => h.startsWith('__Host-yw_form=') && /Path=\//.test(h)))
  assert.ok(cookies.some((h) => h.startsWith('__Host-yw_session=token') && !/Max-Age/i.test(h)), 'session cookie ends with the browser')
  assert.ok(cookies.some((h) => h.startsWith('__Secure-yw_mfa=sealed') && /Path=\/login/.test(h) && /Max-Age=300/.test(h)))
})

test('the double-submit token must match the cookie exactly', async () => {
  const cfg = { secureCookies: false }
  const app = new Hono()
  app.post('/x', async (c) => c.text(formTokenMatches(c, cfg, (await c.req.parseBody())['_csrf']) ? 'yes' : 'no'))
  const send = async (cookie: string, token: string) => (await app.request('/x', { method: 'POST', body: new URLSearchParams({ _csrf: token }), headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } })).text()
  const tok = 'a'.repeat(43)
  assert.equal(await send(`yw_form=${tok}`, tok), 'yes')
  assert.equal(await send(`yw_form=${tok}`, 'b'.repeat(43)), 'no')
  assert.equal(await send('', tok), 'no')
  assert.equal(await send(`yw_form=${tok}`, ''), 'no')
})
