import { after, before, beforeEach, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { CITIZEN_PASSWORD, createCitizen, DEMO_RESIDENTS, fakeIdNumber } from '../../../test/citizens'
import { assertNoRawIdentifiers, Browser, hiddenField } from './citizen-routes-test-support'
import { addThroughApi, postJson, signedIn, SoftPasskey } from './passkey-test-support'
import { totpCode } from './totp'
import { clearOfTotpBoundary } from '../../../test/totp'

let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('seeded')
})
after(() => t.close())
beforeEach(() => clearOfTotpBoundary())

const citizen = (id: string) => t.db.selectFrom('citizens').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const audits = (id: string, action: string) => t.db.selectFrom('audit_log').selectAll().where('actor_id', '=', id).where('action', '=', action).execute()
let n = 0
const verified = () => createCitizen(t.db, { verifiedAs: { name: '测试员', idNumber: fakeIdNumber(++n) } })

test('add a passkey: level 2 → 3, listed with its name, session second-factor, audited; the page works without JS', async () => {
  const c = await verified()
  const { b, csrf, page } = await signedIn(t.app, c.phone)
  assert.match(page, /<form class="card" hidden="" data-passkey="register"/, 'the add form waits for passkey.js')
  assert.match(page, /<script src="\/assets\/passkey.js" defer=""><\/script>/)
  assert.ok(page.includes('您还没有添加通行密钥'))
  const key = new SoftPasskey()
  const { options, res } = await addThroughApi(b, csrf, key, '我的手机 13912345678')
  assert.equal(res.status, 200, res.html)
  assert.deepEqual(res.json, { ok: true, redirect: '/account/passkeys?done=added' })
  assert.equal((options as unknown as { authenticatorSelection: { residentKey: string; userVerification: string } }).authenticatorSelection.residentKey, 'required')
  assert.equal((await citizen(c.id)).trust_level, 3)
  const row = await t.db.selectFrom('passkeys').selectAll().where('id', '=', key.id).executeTakeFirstOrThrow()
  assert.equal(row.citizen_id, c.id)
  assert.equal(row.label, '我的手机 139****5678', 'a phone typed into the name is masked')
  const s = await t.db.selectFrom('citizen_sessions').select('mfa_at').where('citizen_id', '=', c.id).executeTakeFirstOrThrow()
  assert.ok(s.mfa_at, 'this session now counts as second-factor authenticated')
  assert.equal((await audits(c.id, 'identity.citizen.passkey_added')).length, 1)
  const list = await b.get('/account/passkeys?done=added')
  assert.ok(list.html.includes('已添加通行密钥') && list.html.includes('我的手机 139****5678') && list.html.includes('尚未用于登录'))
  assertNoRawIdentifiers(list.html, '/account/passkeys')
  assert.ok((await b.get('/account')).html.includes('href="/account/passkeys"'), '/account links to passkeys')

  // The same authenticator is excluded next time; registering it again is refused.
  const again = await addThroughApi(b, csrf, key)
  assert.deepEqual((again.options as unknown as { excludeCredentials: { id: string }[] }).excludeCredentials.map((x) => x.id), [key.id])
  assert.equal(again.res.status, 409)
})

test('a registration challenge is used once, lives 5 minutes, belongs to its citizen', async () => {
  const c = await verified()
  const { b, csrf } = await signedIn(t.app, c.phone)
  const key = new SoftPasskey()
  const o = await postJson(b, '/account/passkeys/options', csrf, {})
  const credential = key.attestation(o.json['options'] as { challenge: string })
  assert.equal((await postJson(b, '/account/passkeys', csrf, { credential })).status, 200)
  const replay = await postJson(b, '/account/passkeys', csrf, { credential })
  assert.equal(replay.status, 400)
  assert.equal(replay.json['code'], 'passkey_challenge_expired')

  const o2 = await postJson(b, '/account/passkeys/options', csrf, {})
  const challenge = (o2.json['options'] as { challenge: string }).challenge
  await t.db.updateTable('webauthn_challenges').set({ expires_at: new Date(Date.now() - 1000) }).where('challenge', '=', challenge).execute()
  const late = await postJson(b, '/account/passkeys', csrf, { credential: new SoftPasskey().attestation({ challenge }) })
  assert.equal(late.status, 400)
  assert.equal(late.json['code'], 'passkey_challenge_expired')

  // Another citizen cannot finish with a challenge made for this one.
  const o3 = await postJson(b, '/account/passkeys/options', csrf, {})
  const other = await signedIn(t.app, (await verified()).phone)
  const stolen = await postJson(other.b, '/account/passkeys', other.csrf, { credential: new SoftPasskey().attestation(o3.json['options'] as { challenge: string }) })
  assert.equal(stolen.status, 400)

  // Wrong origin (a phishing site relaying the ceremony) and no user verification are refused and audited.
  const o4 = await postJson(b, '/account/passkeys/options', csrf, {})
  const phished = await postJson(b, '/account/passkeys', csrf, { credential: new SoftPasskey().attestation(o4.json['options'] as { challenge: string }, { origin: 'https://yiwang.example.evil' }) })
  assert.equal(phished.status, 400)
  assert.equal(phished.json['code'], 'passkey_not_verified')
  const o5 = await postJson(b, '/account/passkeys/options', csrf, {})
  const noUv = await postJson(b, '/account/passkeys', csrf, { credential: new SoftPasskey().attestation(o5.json['options'] as { challenge: string }, { userVerified: false }) })
  assert.equal(noUv.status, 400)
  assert.equal((await audits(c.id, 'identity.citizen.passkey_add_failed')).length, 2)
})

test('CSRF token missing → 403; malformed JSON or credential → 400; not signed in → 403', async () => {
  const c = await verified()
  const { b, csrf } = await signedIn(t.app, c.phone)
  assert.equal((await postJson(b, '/account/passkeys/options', undefined, {})).status, 403)
  assert.equal((await postJson(b, '/account/passkeys/options', 'x'.repeat(43), {})).status, 403)
  assert.equal((await postJson(b, '/account/passkeys', undefined, { credential: {} })).status, 403)
  const bad = await postJson(b, '/account/passkeys', csrf, '{"credential": ')
  assert.equal(bad.status, 400)
  assert.equal(bad.json['code'], 'passkey_malformed')
  assert.equal((await postJson(b, '/account/passkeys', csrf, { credential: { id: 'x', type: 'public-key' } })).status, 400)
  assert.equal((await postJson(b, '/account/passkeys', csrf, '[1,2]')).status, 400)
  assert.equal((await postJson(new Browser(t.app), '/account/passkeys/options', csrf, {})).status, 403)
  assert.equal((await new Browser(t.app).get('/account/passkeys')).res.status, 303)
})

test('remove: someone else’s credential id is 404; removing the only second factor lowers 3 → 2; rename', async () => {
  const a = await verified()
  const sa = await signedIn(t.app, a.phone)
  const key = new SoftPasskey()
  assert.equal((await addThroughApi(sa.b, sa.csrf, key)).res.status, 200)
  assert.equal((await citizen(a.id)).trust_level, 3)

  const other = await signedIn(t.app, (await verified()).phone)
  const path = `/account/passkeys/${key.id}`
  assert.equal((await other.b.get(`${path}/delete`)).res.status, 404)
  assert.equal((await other.b.post(`${path}/delete`, { _csrf: other.csrf })).res.status, 404)
  assert.equal((await other.b.get(`${path}/rename`)).res.status, 404)
  assert.equal((await other.b.post(`${path}/rename`, { _csrf: other.csrf, label: 'mine now' })).res.status, 404)
  assert.ok(await t.db.selectFrom('passkeys').select('id').where('id', '=', key.id).executeTakeFirst(), 'still there')

  const ren = await sa.b.post(`${path}/rename`, { _csrf: sa.csrf, label: '办公室电脑' })
  assert.equal(ren.res.headers.get('location'), '/account/passkeys?done=renamed')
  assert.equal((await sa.b.post(`${path}/rename`, { _csrf: sa.csrf, label: '长'.repeat(41) })).res.status, 400)

  const confirm = await sa.b.get(`${path}/delete`)
  assert.ok(confirm.html.includes('删除通行密钥“办公室电脑”') && confirm.html.includes('账号等级将降为 2 级'))
  assert.equal((await sa.b.post(`${path}/delete`, { _csrf: 'wrong' })).res.status, 403)
  const del = await sa.b.post(`${path}/delete`, { _csrf: hiddenField(confirm.html, '_csrf')! })
  assert.equal(del.res.headers.get('location'), '/account/passkeys?done=removed')
  assert.equal((await citizen(a.id)).trust_level, 2)
  const removed = await audits(a.id, 'identity.citizen.passkey_removed')
  assert.equal((removed[0]!.details as { trustLevel: number }).trustLevel, 2)
  assert.equal((await sa.b.post(`${path}/delete`, { _csrf: sa.csrf })).res.status, 404, 'gone')
})

test('a passkey added before 实名认证 makes the verification land on level 3', async () => {
  const c = await createCitizen(t.db)
  const { b, csrf } = await signedIn(t.app, c.phone)
  assert.equal((await addThroughApi(b, csrf, new SoftPasskey())).res.status, 200)
  assert.equal((await citizen(c.id)).trust_level, 1)
  const r = DEMO_RESIDENTS[2]
  const v = await b.post('/account/verify', { _csrf: csrf, name: r.name, idNumber: r.idNumber, validUntil: r.idCardValidUntil ?? '', longTerm: r.idCardValidUntil ? '' : 'yes' })
  assert.equal(v.res.status, 303, v.html.slice(0, 400))
  assert.equal((await citizen(c.id)).trust_level, 3)
})

test('with TOTP and a passkey, turning either off keeps level 3; the last one off brings 2', async () => {
  const c = await verified()
  const { b, csrf } = await signedIn(t.app, c.phone)
  const key = new SoftPasskey()
  assert.equal((await addThroughApi(b, csrf, key)).res.status, 200)
  const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'
  await t.db.updateTable('citizens').set({ totp_secret: t.deps.secrets.seal(secret), totp_enabled_at: new Date() }).where('id', '=', c.id).execute()
  const off = await b.post('/account/totp/disable', { _csrf: csrf, password: CITIZEN_PASSWORD, code: totpCode(secret) })
  assert.equal(off.res.headers.get('location'), '/account?done=totp-off', off.html.slice(0, 300))
  assert.equal((await citizen(c.id)).trust_level, 3, 'the passkey is still a second factor')
  await t.db.updateTable('citizens').set({ totp_secret: t.deps.secrets.seal(secret), totp_enabled_at: new Date() }).where('id', '=', c.id).execute()
  assert.equal((await b.post(`/account/passkeys/${key.id}/delete`, { _csrf: csrf })).res.status, 303)
  assert.equal((await citizen(c.id)).trust_level, 3, 'TOTP is still a second factor')
})
