import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import * as client from 'openid-client'
import { Browser } from '../../../../test/browser'
import { citizenSession, createCitizen } from '../../../../test/citizens'
import { servedApp } from '../../../../test/served-app'
import { registerOauthClient } from '../index'

let s: Awaited<ReturnType<typeof servedApp>>
let cfg: client.Configuration
const REDIRECT = 'http://127.0.0.1:9999/cb'
before(async () => {
  s = await servedApp('seeded')
  const rp = await registerOauthClient(s.t.db, s.deps.secrets, { name: '退出测试网站', departmentId: null, kind: 'web', redirectUris: [REDIRECT], actor: { type: 'system', name: 'test' } })
  cfg = await client.discovery(new URL(`${s.base}/oidc`), rp.clientId, rp.clientSecret, client.ClientSecretBasic(rp.clientSecret), { execute: [client.allowInsecureRequests] })
})
after(() => s.close())

async function signedIn(b: Browser, csrf: string) {
  const verifier = client.randomPKCECodeVerifier()
  const state = client.randomState()
  const url = client.buildAuthorizationUrl(cfg, { redirect_uri: REDIRECT, scope: 'openid', code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', state })
  const consent = await b.follow(url)
  const done = await b.follow(consent.url.pathname, { method: 'POST', body: new URLSearchParams({ _csrf: csrf, decision: 'allow' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  return client.authorizationCodeGrant(cfg, done.url, { pkceCodeVerifier: verifier, expectedState: state })
}

test('logout started by the website, confirmed by the citizen, ends the Yiwang session as well', async () => {
  const citizen = await createCitizen(s.t.db)
  const session = await citizenSession(null, s.t.db, citizen.id)
  const b = new Browser(s.base)
  b.setCookie(session.cookie)
  const tokens = await signedIn(b, session.csrf)

  const page = await b.request(client.buildEndSessionUrl(cfg, { id_token_hint: tokens.id_token! }))
  assert.equal(page.status, 200)
  const html = await page.text()
  assert.match(html, /退出单点登录/)
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1]!
  const confirm = await b.follow('/oidc/session/end/confirm', { method: 'POST', body: new URLSearchParams({ xsrf, logout: 'yes' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  assert.equal(confirm.res.status, 200)
  assert.match(await confirm.res.text(), /已退出单点登录/)
  const left = await s.t.db.selectFrom('citizen_sessions').select('id').where('citizen_id', '=', citizen.id).execute()
  assert.equal(left.length, 0, 'the Yiwang session row is gone')
  const audit = await s.t.db.selectFrom('audit_log').select('action').where('actor_id', '=', citizen.id).execute()
  assert.ok(audit.some((a) => a.action === 'identity.citizen.signed_out'))
})

test('choosing to stay signed in keeps the Yiwang session', async () => {
  const citizen = await createCitizen(s.t.db)
  const session = await citizenSession(null, s.t.db, citizen.id)
  const b = new Browser(s.base)
  b.setCookie(session.cookie)
  const tokens = await signedIn(b, session.csrf)
  const html = await (await b.request(client.buildEndSessionUrl(cfg, { id_token_hint: tokens.id_token! }))).text()
  const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)![1]!
  await b.follow('/oidc/session/end/confirm', { method: 'POST', body: new URLSearchParams({ xsrf }), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  const left = await s.t.db.selectFrom('citizen_sessions').select('id').where('citizen_id', '=', citizen.id).execute()
  assert.equal(left.length, 1)
})
