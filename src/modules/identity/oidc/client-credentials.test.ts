import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { registerOauthClient, revokeOauthClient, rotateOauthClientSecret, verifyClientToken } from '../index'

let t: Awaited<ReturnType<typeof testApp>>
let departmentId: string
const admin = { type: 'staff' as const, id: null, name: 'test-admin' }
before(async () => {
  t = await testApp('seeded')
  departmentId = (await t.deps.directory.listDepartments())[0]!.id
})
after(() => t.close())

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`
function mint(id: string, secret: string, body: Record<string, string> = { grant_type: 'client_credentials', scope: 'exchange:read' }) {
  return t.app.request('/oidc/token', { method: 'POST', headers: { authorization: basic(id, secret), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) })
}
const system = (name = '市场监管业务系统') => registerOauthClient(t.db, t.deps.secrets, { name, departmentId, kind: 'system', actor: admin })

test('discovery names the issuer under /oidc, S256-only PKCE, code flow and client credentials', async () => {
  const res = await t.app.request('/oidc/.well-known/openid-configuration')
  assert.equal(res.status, 200)
  const d = (await res.json()) as Record<string, unknown>
  assert.equal(d['issuer'], 'http://localhost:3000/oidc')
  assert.equal(d['token_endpoint'], 'http://localhost:3000/oidc/token')
  assert.deepEqual(d['code_challenge_methods_supported'], ['S256'])
  assert.deepEqual(d['response_types_supported'], ['code'])
  assert.ok((d['grant_types_supported'] as string[]).includes('client_credentials'))
  assert.deepEqual(d['token_endpoint_auth_methods_supported'], ['client_secret_basic'])
  assert.ok((d['claims_supported'] as string[]).includes('trust_level'))
  assert.ok(!(d['claims_supported'] as string[]).some((c) => /id_number|id_card/.test(c)))
  const jwks = (await (await t.app.request('/oidc/jwks')).json()) as { keys: Record<string, unknown>[] }
  assert.equal(jwks.keys.length, 1)
  assert.equal(jwks.keys[0]!['alg'], 'RS256')
  assert.equal(jwks.keys[0]!['d'], undefined, 'the JWKS must not publish the private part')
  const stored = await t.db.selectFrom('oidc_keys').select('jwk_sealed').execute()
  assert.equal(stored.length, 1)
  assert.match(stored[0]!.jwk_sealed, /^v1\./, 'the signing key is stored sealed')
})

test('a system client mints a token with HTTP Basic and verifyClientToken names the client and its department', async () => {
  const c = await system()
  assert.match(c.clientSecret, /^[A-Za-z0-9_-]{43}$/)
  const res = await mint(c.clientId, c.clientSecret)
  assert.equal(res.status, 200)
  const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number; scope: string }
  assert.equal(body.token_type, 'Bearer')
  assert.equal(body.expires_in, 600)
  assert.equal(body.scope, 'exchange:read')
  const v = await verifyClientToken(t.deps, body.access_token)
  assert.deepEqual(v, { clientId: c.clientId, departmentId, name: '市场监管业务系统', scopes: ['exchange:read'] })
  // Without scope the client's registered default applies (RFC 6749 §3.3).
  const bare = (await (await mint(c.clientId, c.clientSecret, { grant_type: 'client_credentials' })).json()) as { access_token: string }
  assert.equal((await verifyClientToken(t.deps, bare.access_token))?.clientId, c.clientId)
  // A scope it was not given is not granted.
  assert.equal((await verifyClientToken(t.deps, body.access_token, { scope: 'exchange:write' })), undefined)
})

test('wrong secret, unknown client, garbage and expired tokens are refused', async () => {
  const c = await system()
  const wrong = await mint(c.clientId, 'not-the-secret')
  assert.equal(wrong.status, 401)
  assert.equal(((await wrong.json()) as { error: string }).error, 'invalid_client')
  assert.equal((await mint('no-such-client', c.clientSecret)).status, 401)
  const noGrant = await mint(c.clientId, c.clientSecret, { scope: 'exchange:read' })
  assert.equal(noGrant.status, 400)
  assert.equal(((await noGrant.json()) as { error: string }).error, 'invalid_request')
  const badGrant = await mint(c.clientId, c.clientSecret, { grant_type: 'password', username: 'a', password: 'b' })
  assert.equal(((await badGrant.json()) as { error: string }).error, 'unsupported_grant_type')
  assert.equal(await verifyClientToken(t.deps, 'x'.repeat(43)), undefined)
  assert.equal(await verifyClientToken(t.deps, ''), undefined)
  assert.equal(await verifyClientToken(t.deps, undefined), undefined)
  const { access_token } = (await (await mint(c.clientId, c.clientSecret)).json()) as { access_token: string }
  assert.ok(await verifyClientToken(t.deps, access_token))
  await t.db.updateTable('oidc_payloads').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', access_token).execute()
  assert.equal(await verifyClientToken(t.deps, access_token), undefined)
})

test('a web sign-in client cannot use client credentials', async () => {
  const web = await registerOauthClient(t.db, t.deps.secrets, { name: '网站', departmentId, kind: 'web', redirectUris: ['https://rp.example/cb'], actor: admin })
  const res = await mint(web.clientId, web.clientSecret)
  assert.equal(res.status, 400)
  // oidc-provider answers invalid_request with this description for a grant type the client was not given.
  assert.match(((await res.json()) as { error_description: string }).error_description, /grant type is not allowed/)
})

test('revoking a client stops its tokens at once and its secret no longer works', async () => {
  const c = await system()
  const { access_token } = (await (await mint(c.clientId, c.clientSecret)).json()) as { access_token: string }
  assert.ok(await verifyClientToken(t.deps, access_token))
  await revokeOauthClient(t.db, { clientId: c.clientId, reason: '系统下线', actor: admin })
  assert.equal(await verifyClientToken(t.deps, access_token), undefined)
  assert.equal((await mint(c.clientId, c.clientSecret)).status, 401)
  const left = await t.db.selectFrom('oidc_payloads').select('id').where('id', '=', access_token).execute()
  assert.equal(left.length, 0, 'issued tokens are deleted, not only ignored')
  const audit = await t.db.selectFrom('audit_log').select(['action', 'reason']).where('subject_id', '=', c.clientId).orderBy('seq').execute()
  assert.deepEqual(audit.map((a) => a.action), ['identity.oauth_client.registered', 'identity.oauth_client.revoked'])
  assert.equal(audit[1]!.reason, '系统下线')
  await assert.rejects(revokeOauthClient(t.db, { clientId: c.clientId, actor: admin }), /已经停用/)
})

test('rotating the secret: the old one is refused, the new one works, the audit never holds a secret', async () => {
  const c = await system()
  const r = await rotateOauthClientSecret(t.db, t.deps.secrets, { clientId: c.clientId, actor: admin })
  assert.notEqual(r.clientSecret, c.clientSecret)
  assert.equal((await mint(c.clientId, c.clientSecret)).status, 401)
  assert.equal((await mint(c.clientId, r.clientSecret)).status, 200)
  const rows = await t.db.selectFrom('audit_log').select('details').where('subject_id', '=', c.clientId).execute()
  const text = JSON.stringify(rows)
  assert.ok(!text.includes(c.clientSecret) && !text.includes(r.clientSecret))
  const stored = await t.db.selectFrom('oauth_clients').select('secret_sealed').where('client_id', '=', c.clientId).executeTakeFirstOrThrow()
  assert.ok(!stored.secret_sealed.includes(r.clientSecret))
})

test('registration refuses bad input with field messages and citizens as actors', async () => {
  await assert.rejects(registerOauthClient(t.db, t.deps.secrets, { name: ' ', departmentId, kind: 'system', actor: admin }), (e: { fields: { field: string }[] }) => e.fields.some((f) => f.field === 'name'))
  for (const bad of [['http://rp.example/cb'], ['ftp://x/y'], ['https://rp.example/cb#frag'], ['not a url'], []]) {
    await assert.rejects(
      registerOauthClient(t.db, t.deps.secrets, { name: '网站', departmentId, kind: 'web', redirectUris: bad, actor: admin }),
      (e: { fields: { field: string }[] }) => e.fields.some((f) => f.field === 'redirectUris'),
      `refused: ${bad.join(',')}`,
    )
  }
  const dev = await registerOauthClient(t.db, t.deps.secrets, { name: '开发', departmentId: null, kind: 'web', redirectUris: ['http://localhost:8080/cb', 'http://127.0.0.1/cb'], actor: admin })
  assert.ok(dev.clientId)
  await assert.rejects(registerOauthClient(t.db, t.deps.secrets, { name: 'x', departmentId, kind: 'system', actor: { type: 'citizen', id: 'c', name: 'c' } }), /没有权限|not allowed/)
})
