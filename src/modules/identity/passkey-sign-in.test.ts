import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { createCitizen, fakeIdNumber } from '../../../test/citizens'
import { assertNoRawIdentifiers } from './citizen-routes-test-support'
import { addThroughApi, loginOptions, postJson, signedIn, SoftPasskey } from './passkey-test-support'

let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('seeded')
})
after(() => t.close())

let n = 50
/** A verified account with one passkey (added through the API), and that passkey. */
async function withPasskey() {
  const c = await createCitizen(t.db, { verifiedAs: { name: '测试员', idNumber: fakeIdNumber(++n) } })
  const { b, csrf } = await signedIn(t.app, c.phone)
  const key = new SoftPasskey()
  assert.equal((await addThroughApi(b, csrf, key)).res.status, 200)
  return { c, key }
}
const failures = (action = 'identity.citizen.sign_in_failed') => t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq', 'desc').execute()

test('使用通行密钥登录: usernameless, user verification required; the session is second-factor authenticated', async () => {
  const { c, key } = await withPasskey()
  const { b, token, page, options } = await loginOptions(t.app, '10.7.0.1')
  assert.match(page, /<div class="card" hidden="" data-passkey="sign-in"/, 'hidden until passkey.js finds WebAuthn')
  assert.ok(page.includes('使用通行密钥登录') && page.includes('name="password"'), 'the password form is still there')
  assertNoRawIdentifiers(page, '/login')
  assert.deepEqual(options.allowCredentials ?? [], [], 'discoverable: no account named before the passkey answers')
  assert.equal(options.userVerification, 'required')

  const r = await postJson(b, '/login/passkey', token, { credential: key.assertion(options), next: '/account/verify' })
  assert.equal(r.status, 200, r.html)
  assert.deepEqual(r.json, { ok: true, redirect: '/account/verify' })
  assert.ok(b.jar.has('yw_session'))
  const s = await t.db.selectFrom('citizen_sessions').select(['mfa_at']).where('citizen_id', '=', c.id).orderBy('created_at', 'desc').executeTakeFirstOrThrow()
  assert.ok(s.mfa_at, 'mfa_at set: a passkey is phishing-resistant and verified the person')
  const row = await t.db.selectFrom('passkeys').select(['counter', 'last_used_at']).where('id', '=', key.id).executeTakeFirstOrThrow()
  assert.equal(Number(row.counter), 1)
  assert.ok(row.last_used_at)
  const list = await b.get('/account/passkeys')
  assert.equal(list.res.status, 200)
  assert.ok(!list.html.includes('尚未用于登录'), 'last used is shown')
  const ok = await t.db.selectFrom('audit_log').selectAll().where('actor_id', '=', c.id).where('action', '=', 'identity.citizen.signed_in').orderBy('seq', 'desc').executeTakeFirstOrThrow()
  assert.deepEqual((ok.details as { factors: string[] }).factors, ['passkey'])
  // An unsafe next falls back to /account.
  const again = await loginOptions(t.app)
  const r2 = await postJson(again.b, '/login/passkey', again.token, { credential: key.assertion(again.options), next: '//evil.example/' })
  assert.equal(r2.json['redirect'], '/account')
})

test('a signature counter that does not grow is refused (cloned authenticator) and counted as a failure', async () => {
  const { c, key } = await withPasskey()
  const first = await loginOptions(t.app)
  assert.equal((await postJson(first.b, '/login/passkey', first.token, { credential: key.assertion(first.options, { counter: 5 }) })).status, 200)
  for (const counter of [3, 5]) {
    const l = await loginOptions(t.app)
    const r = await postJson(l.b, '/login/passkey', l.token, { credential: key.assertion(l.options, { counter }) })
    assert.equal(r.status, 401, `counter ${counter}`)
    assert.equal(r.json['code'], 'citizen_passkey_failed')
    assert.ok(!l.b.jar.has('yw_session'))
  }
  const mine = (await failures()).filter((f) => f.actor_id === c.id)
  assert.deepEqual(mine.map((f) => (f.details as { outcome: string }).outcome), ['counter_regression', 'counter_regression'])
  assert.equal(Number((await t.db.selectFrom('passkeys').select('counter').where('id', '=', key.id).executeTakeFirstOrThrow()).counter), 5)
})

test('a sign-in challenge is used once and lives 5 minutes', async () => {
  const { key } = await withPasskey()
  const l = await loginOptions(t.app)
  const credential = key.assertion(l.options)
  assert.equal((await postJson(l.b, '/login/passkey', l.token, { credential })).status, 200)
  const replay = await postJson(l.b, '/login/passkey', l.token, { credential })
  assert.equal(replay.status, 400)
  assert.equal(replay.json['code'], 'passkey_challenge_expired')

  const late = await loginOptions(t.app)
  await t.db.updateTable('webauthn_challenges').set({ expires_at: new Date(Date.now() - 1) }).where('challenge', '=', late.options.challenge).execute()
  const r = await postJson(late.b, '/login/passkey', late.token, { credential: key.assertion(late.options) })
  assert.equal(r.status, 400)
  assert.equal(r.json['code'], 'passkey_challenge_expired')
  // A challenge made for adding a passkey does not sign anyone in.
  const { b, csrf } = await signedIn(t.app, (await createCitizen(t.db)).phone)
  const reg = await postJson(b, '/account/passkeys/options', csrf, {})
  const l2 = await loginOptions(t.app)
  const cross = await postJson(l2.b, '/login/passkey', l2.token, { credential: key.assertion({ challenge: (reg.json['options'] as { challenge: string }).challenge }) })
  assert.equal(cross.status, 400)
})

test('refused: wrong origin (phishing), no user verification, unknown or removed credential, disabled account', async () => {
  const { c, key } = await withPasskey()
  for (const tweak of [{ origin: 'https://yiwang.example.evil' }, { userVerified: false }, { rpID: 'evil.example' }]) {
    const l = await loginOptions(t.app)
    assert.equal((await postJson(l.b, '/login/passkey', l.token, { credential: key.assertion(l.options, tweak) })).status, 401, JSON.stringify(tweak))
  }
  const stranger = new SoftPasskey()
  const l = await loginOptions(t.app, '10.7.0.9')
  assert.equal((await postJson(l.b, '/login/passkey', l.token, { credential: stranger.assertion(l.options) })).status, 401)
  assert.equal(((await failures())[0]!.details as { outcome: string; ip: string }).outcome, 'unknown_credential')
  await t.db.updateTable('citizens').set({ disabled: true }).where('id', '=', c.id).execute()
  const d = await loginOptions(t.app)
  assert.equal((await postJson(d.b, '/login/passkey', d.token, { credential: key.assertion(d.options) })).status, 401)
})

test('/login passkey endpoints: the double-submit token is required (403); malformed JSON → 400', async () => {
  const l = await loginOptions(t.app)
  assert.equal((await postJson(l.b, '/login/passkey/options', undefined, {})).status, 403)
  assert.equal((await postJson(l.b, '/login/passkey/options', 'A'.repeat(43), {})).status, 403)
  assert.equal((await postJson(l.b, '/login/passkey', undefined, { credential: {} })).status, 403)
  const bad = await postJson(l.b, '/login/passkey', l.token, 'not json')
  assert.equal(bad.status, 400)
  assert.equal(bad.json['code'], 'passkey_malformed')
  assert.equal((await postJson(l.b, '/login/passkey', l.token, { credential: { id: '!!', rawId: 'x', type: 'public-key', response: {} } })).status, 400)
})
