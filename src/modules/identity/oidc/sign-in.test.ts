import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import * as client from 'openid-client'
import { Browser } from '../../../../test/browser'
import { citizenSession, createCitizen } from '../../../../test/citizens'
import { servedApp } from '../../../../test/served-app'
import { registerOauthClient } from '../index'

/**
 * A department website signs a citizen in through our OpenID Provider using a standard OpenID Connect client
 * library (openid-client v6): discovery, authorization code + PKCE S256 + state + nonce, consent, token
 * exchange, ID token validation, UserInfo. Runs against a real port because the client library fetches the
 * issuer's URLs itself.
 */
let s: Awaited<ReturnType<typeof servedApp>>
let rp: { clientId: string; clientSecret: string }
let cfg: client.Configuration
let department: { id: string; name: string }
const REDIRECT = 'http://localhost:9999/callback'
const admin = { type: 'staff' as const, id: null, name: 'test-admin' }

before(async () => {
  s = await servedApp('seeded')
  department = (await s.deps.directory.listDepartments())[0]!
  rp = await registerOauthClient(s.t.db, s.deps.secrets, { name: '市场监管网上办事大厅', departmentId: department.id, kind: 'web', redirectUris: [REDIRECT], actor: admin })
  cfg = await client.discovery(new URL(`${s.base}/oidc`), rp.clientId, rp.clientSecret, client.ClientSecretBasic(rp.clientSecret), { execute: [client.allowInsecureRequests] })
})
after(() => s.close())

async function authorizationUrl(extra: Record<string, string> = {}) {
  const verifier = client.randomPKCECodeVerifier()
  const checks = { pkceCodeVerifier: verifier, expectedState: client.randomState(), expectedNonce: client.randomNonce() }
  const url = client.buildAuthorizationUrl(cfg, {
    redirect_uri: REDIRECT,
    scope: 'openid profile phone',
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: checks.expectedState,
    nonce: checks.expectedNonce,
    ...extra,
  })
  return { url, checks }
}

/** Browser with a signed-in citizen, started at the authorization URL, stopped at the consent page. */
async function toConsent(citizenId: string, url: URL) {
  const b = new Browser(s.base)
  const first = await b.follow(url)
  // Not signed in to Yiwang: the interaction sends the citizen to the sign-in page and back.
  const login = first.url
  assert.equal(login.pathname, '/login')
  await first.res.arrayBuffer()
  const interaction = login.searchParams.get('next')!
  assert.match(interaction, /^\/oidc\/interaction\/[\w-]+$/)
  const session = await citizenSession(null, s.t.db, citizenId)
  b.setCookie(session.cookie)
  const consent = await b.follow(interaction)
  return { b, consent, session }
}

test('a department website signs a verified citizen in with openid-client: PKCE, consent, ID token, UserInfo', async () => {
  const citizen = await createCitizen(s.t.db, { displayName: '小张', verifiedAs: { name: '张三', idNumber: '110101199003071234' } })
  const { url, checks } = await authorizationUrl()
  const { b, consent, session } = await toConsent(citizen.id, url)
  assert.equal(consent.res.status, 200)
  const html = await consent.res.text()
  assert.match(html, /市场监管网上办事大厅/)
  assert.ok(html.includes(department.name), 'the page names the client’s department')
  assert.match(html, /实名可信等级/)
  assert.match(html, /不会向业务系统提供您的身份证号码/)
  const done = await b.follow(consent.url.pathname, { method: 'POST', body: new URLSearchParams({ _csrf: session.csrf, decision: 'allow' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  assert.equal(done.url.origin + done.url.pathname, REDIRECT)
  assert.ok(done.url.searchParams.get('code'))

  const tokens = await client.authorizationCodeGrant(cfg, done.url, checks)
  const claims = tokens.claims()!
  assert.equal(claims.sub, citizen.id)
  assert.equal(claims.nonce, checks.expectedNonce)
  assert.equal(claims.iss, `${s.base}/oidc`)
  assert.equal(claims.acr, 'urn:yiwang:loa:2')
  assert.equal(claims['trust_level'], 2)
  assert.equal(tokens.expires_in, 600)
  const info = await client.fetchUserInfo(cfg, tokens.access_token, citizen.id)
  assert.equal(info.nickname, '小张')
  assert.equal(info.name, '张三')
  assert.equal(info.phone_number, `${citizen.phone.slice(0, 3)}****${citizen.phone.slice(-4)}`)
  const everything = JSON.stringify({ claims, info })
  assert.ok(!everything.includes(citizen.phone) && !everything.includes('110101199003071234'), 'no full phone or 身份证号 leaves')
  const audit = await s.t.db.selectFrom('audit_log').select('action').where('actor_id', '=', citizen.id).where('subject_id', '=', rp.clientId).execute()
  assert.deepEqual(audit.map((a) => a.action), ['identity.oidc.consent_granted'])

  // Consent is remembered for the OP session: a second sign-in goes straight back with a code.
  const again = await authorizationUrl()
  const second = await b.follow(again.url)
  assert.equal(second.url.origin + second.url.pathname, REDIRECT)
  const t2 = await client.authorizationCodeGrant(cfg, second.url, again.checks)
  assert.equal(t2.claims()!.sub, citizen.id)

  // Signing out of Yiwang ends single sign-on too: the next request asks for a sign-in again.
  await s.t.db.deleteFrom('citizen_sessions').where('citizen_id', '=', citizen.id).execute()
  const third = await b.follow((await authorizationUrl()).url)
  assert.equal(third.url.pathname, '/login')
})

test('an unverified citizen gets trust level 1 and no real name', async () => {
  const citizen = await createCitizen(s.t.db, { displayName: '路人' })
  const { url, checks } = await authorizationUrl()
  const { b, consent, session } = await toConsent(citizen.id, url)
  const done = await b.follow(consent.url.pathname, { method: 'POST', body: new URLSearchParams({ _csrf: session.csrf, decision: 'allow' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  const tokens = await client.authorizationCodeGrant(cfg, done.url, checks)
  assert.equal(tokens.claims()!.acr, 'urn:yiwang:loa:1')
  const info = await client.fetchUserInfo(cfg, tokens.access_token, citizen.id)
  assert.equal(info['trust_level'], 1)
  assert.equal(info.name, undefined)
})

test('refusing consent sends access_denied back to the client, audited', async () => {
  const citizen = await createCitizen(s.t.db)
  const { url, checks } = await authorizationUrl()
  const { b, consent, session } = await toConsent(citizen.id, url)
  const done = await b.follow(consent.url.pathname, { method: 'POST', body: new URLSearchParams({ _csrf: session.csrf, decision: 'deny' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  assert.equal(done.url.origin + done.url.pathname, REDIRECT)
  assert.equal(done.url.searchParams.get('error'), 'access_denied')
  assert.equal(done.url.searchParams.get('state'), checks.expectedState)
  assert.equal(done.url.searchParams.get('code'), null)
  await assert.rejects(client.authorizationCodeGrant(cfg, done.url, checks), (e: { error?: string }) => e.error === 'access_denied')
  const audit = await s.t.db.selectFrom('audit_log').select('action').where('actor_id', '=', citizen.id).execute()
  assert.ok(audit.some((a) => a.action === 'identity.oidc.consent_refused'))
})
