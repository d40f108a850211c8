import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { Browser } from '../../../../test/browser'
import { citizenSession, createCitizen } from '../../../../test/citizens'
import { servedApp } from '../../../../test/served-app'
import { registerOauthClient, revokeOauthClient } from '../index'

/** What the provider refuses, and how: redirect with an error when the client is known, a page when not. */
let s: Awaited<ReturnType<typeof servedApp>>
let rp: { clientId: string; clientSecret: string }
const REDIRECT = 'https://rp.example/callback'
const admin = { type: 'staff' as const, id: null, name: 'test-admin' }

before(async () => {
  s = await servedApp('seeded')
  rp = await registerOauthClient(s.t.db, s.deps.secrets, { name: '测试网站', departmentId: null, kind: 'web', redirectUris: [REDIRECT], actor: admin })
})
after(() => s.close())

function authorize(params: Record<string, string | undefined>) {
  const verifier = randomBytes(32).toString('base64url')
  const all: Record<string, string | undefined> = {
    client_id: rp.clientId,
    response_type: 'code',
    scope: 'openid profile',
    redirect_uri: REDIRECT,
    state: 'st-1',
    nonce: 'n-1',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    ...params,
  }
  const q = new URLSearchParams(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined))
  return new Browser(s.base).request(`/oidc/auth?${q}`)
}
const errorAt = (res: Response) => {
  const loc = new URL(res.headers.get('location')!)
  assert.equal(loc.origin + loc.pathname, REDIRECT)
  // Errors for implicit-style response types travel in the fragment (OAuth 2.0 Multiple Response Types §5).
  return loc.searchParams.get('error') ?? new URLSearchParams(loc.hash.slice(1)).get('error')
}

test('a redirect_uri the client did not register is never redirected to: a plain-language page instead', async () => {
  const res = await authorize({ redirect_uri: 'https://evil.example/steal' })
  assert.equal(res.status, 400)
  assert.equal(res.headers.get('location'), null)
  const html = await res.text()
  assert.match(html, /返回地址未经登记/)
  assert.match(html, /请返回原业务系统/)
  assert.ok(!html.includes('evil.example/steal"'), 'no link to the unregistered address')
  // The provider's own pages carry our security headers (they bypass Hono's middleware).
  assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/)
  assert.equal(res.headers.get('x-frame-options'), 'DENY')
})

test('PKCE is required, and only S256', async () => {
  assert.equal(errorAt(await authorize({ code_challenge: undefined, code_challenge_method: undefined })), 'invalid_request')
  assert.equal(errorAt(await authorize({ code_challenge_method: 'plain', code_challenge: 'a'.repeat(43) })), 'invalid_request')
  // …whereas a well-formed request goes on to the interaction.
  const ok = await authorize({})
  assert.match(ok.headers.get('location') ?? '', /\/oidc\/interaction\//)
})

test('response types other than code are refused', async () => {
  assert.equal(errorAt(await authorize({ response_type: 'id_token' })), 'unsupported_response_type')
})

test('a revoked client cannot start a sign-in', async () => {
  const gone = await registerOauthClient(s.t.db, s.deps.secrets, { name: '旧网站', departmentId: null, kind: 'web', redirectUris: [REDIRECT], actor: admin })
  await revokeOauthClient(s.t.db, { clientId: gone.clientId, actor: admin })
  const res = await authorize({ client_id: gone.clientId })
  assert.equal(res.status, 400)
  assert.equal(res.headers.get('location'), null)
  assert.match(await res.text(), /未在一网通办登记，或已被停用/)
})

test('an interaction opened in another browser (no interaction cookie) is refused, consent needs the CSRF token', async () => {
  const start = await authorize({})
  const interaction = new URL(start.headers.get('location')!, s.base).pathname
  // Someone else's browser and session, with this interaction's id:
  const mallory = await createCitizen(s.t.db)
  const other = new Browser(s.base)
  other.setCookie((await citizenSession(null, s.t.db, mallory.id)).cookie)
  const stolen = await other.request(interaction)
  assert.equal(stolen.status, 400)
  assert.match(await stolen.text(), /登录请求已失效/)
  assert.equal((await other.post(interaction, { decision: 'allow', _csrf: 'x' })).status, 403)

  // The citizen's own browser, signed in, at the consent page: posting without the right CSRF token is refused.
  const citizen = await createCitizen(s.t.db)
  const session = await citizenSession(null, s.t.db, citizen.id)
  const b = new Browser(s.base)
  b.setCookie(session.cookie)
  const q = new URLSearchParams({ client_id: rp.clientId, response_type: 'code', scope: 'openid', redirect_uri: REDIRECT, state: 's', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' })
  const consent = await b.follow(`/oidc/auth?${q}`)
  assert.equal(consent.res.status, 200)
  assert.match(consent.url.pathname, /^\/oidc\/interaction\//)
  assert.equal((await b.post(consent.url.pathname, { decision: 'allow' })).status, 403)
  assert.equal((await b.post(consent.url.pathname, { decision: 'allow', _csrf: 'x'.repeat(43) })).status, 403)
  const ok = await b.post(consent.url.pathname, { decision: 'allow', _csrf: session.csrf })
  assert.equal(ok.status, 303)
  assert.match(ok.headers.get('location') ?? '', /\/oidc\/auth\//)
})

test('bad input at the interaction: an unknown id is a plain "expired" page, a decision other than allow is a refusal', async () => {
  const citizen = await createCitizen(s.t.db)
  const session = await citizenSession(null, s.t.db, citizen.id)
  const b = new Browser(s.base)
  b.setCookie(session.cookie)
  const unknown = await b.request('/oidc/interaction/not-a-real-interaction')
  assert.equal(unknown.status, 400)
  assert.match(await unknown.text(), /请返回原业务系统/)
  const q = new URLSearchParams({ client_id: rp.clientId, response_type: 'code', scope: 'openid', redirect_uri: REDIRECT, state: 's2', code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' })
  const consent = await b.follow(`/oidc/auth?${q}`)
  const done = await b.follow(consent.url.pathname, { method: 'POST', body: new URLSearchParams({ _csrf: session.csrf, decision: 'yes please' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  assert.equal(done.url.origin + done.url.pathname, REDIRECT)
  assert.equal(done.url.searchParams.get('error'), 'access_denied')
})

