import { after, before, beforeEach, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { CITIZEN_PASSWORD, createCitizen, createDemoCitizen } from '../../../test/citizens'
import { Browser, hiddenField, loginThroughForm } from './citizen-routes-test-support'
import { openPending, sealPending } from './sign-in-citizen-pending'
import { totpCode } from './totp'
import { clearOfTotpBoundary } from '../../../test/totp'

let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('seeded')
})
after(() => t.close())
beforeEach(() => clearOfTotpBoundary())

const secretIn = (html: string) => /<p class="secret">([A-Z2-7 ]+)<\/p>/.exec(html)?.[1]!.replace(/ /g, '')
const citizen = (id: string) => t.db.selectFrom('citizens').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const PREV_STEP = 30_000

/** Signs in and enables TOTP through the pages; returns the secret (the test plays the authenticator app). */
async function enable(b: Browser, phone: string, at = Date.now() - PREV_STEP) {
  assert.equal((await loginThroughForm(b, phone, CITIZEN_PASSWORD)).res.status, 303)
  const page = await b.get('/account/totp')
  assert.match(page.html, /<svg[^>]*>/, 'QR code inline')
  assert.match(page.html, /href="otpauth:\/\/totp\//)
  const secret = secretIn(page.html)!
  const base = { _csrf: hiddenField(page.html, '_csrf')!, setup: hiddenField(page.html, 'setup')! }
  const wrong = await b.post('/account/totp/enable', { ...base, code: totpCode(secret, at) === '000000' ? '111111' : '000000' })
  assert.equal(wrong.res.status, 400)
  assert.ok(wrong.html.includes('动态验证码不正确') && secretIn(wrong.html) === secret, 'same secret offered again')
  const ok = await b.post('/account/totp/enable', { ...base, code: totpCode(secret, at) })
  assert.equal(ok.res.status, 303)
  assert.equal(ok.res.headers.get('location'), '/account?done=totp-on')
  return secret
}

test('enable on a verified account → level 3; sign-in then needs the code; a used code is refused (replay)', async () => {
  const c = await createDemoCitizen(t.db, 1)
  const b = new Browser(t.app)
  const enabledAt = Date.now() - PREV_STEP
  const secret = await enable(b, c.phone, enabledAt)
  const row = await citizen(c.id)
  assert.equal(row.trust_level, 3)
  assert.ok(row.totp_secret && !row.totp_secret.includes(secret), 'stored sealed')

  const b2 = new Browser(t.app, '10.1.0.1')
  const first = await loginThroughForm(b2, c.phone, CITIZEN_PASSWORD, '/account/verify')
  assert.equal(first.res.status, 303)
  assert.equal(first.res.headers.get('location'), '/login/totp?next=%2Faccount%2Fverify')
  assert.ok(!b2.jar.has('yw_session'), 'no session before the second factor')
  assert.equal((await b2.get('/account')).res.status, 303)
  const step = await b2.get('/login/totp?next=%2Faccount%2Fverify')
  assert.equal(step.res.status, 200)
  const csrf = hiddenField(step.html, '_csrf')!
  // The code used to enable (previous step) is replayed: refused, and counted.
  const replay = await b2.post('/login/totp', { _csrf: csrf, code: totpCode(secret, enabledAt), next: '/account/verify' })
  assert.equal(replay.res.status, 401)
  assert.ok(replay.html.includes('动态验证码不正确或已使用'))
  const current = totpCode(secret)
  const ok = await b2.post('/login/totp', { _csrf: csrf, code: current, next: '/account/verify' })
  assert.equal(ok.res.status, 303)
  assert.equal(ok.res.headers.get('location'), '/account/verify')
  const s = await t.db.selectFrom('citizen_sessions').select('mfa_at').where('citizen_id', '=', c.id).orderBy('created_at', 'desc').executeTakeFirstOrThrow()
  assert.ok(s.mfa_at, 'second factor recorded on the session')

  // The same code once more, from another browser: replay refused.
  const b3 = new Browser(t.app, '10.1.0.2')
  await loginThroughForm(b3, c.phone, CITIZEN_PASSWORD)
  const p3 = await b3.get('/login/totp')
  const again = await b3.post('/login/totp', { _csrf: hiddenField(p3.html, '_csrf')!, code: current })
  assert.equal(again.res.status, 401)
})

test('TOTP failures count toward the lock-out; the pending step expires and cannot be forged', async () => {
  const c = await createCitizen(t.db)
  const secret = await enable(new Browser(t.app), c.phone)
  assert.equal((await citizen(c.id)).trust_level, 1, 'TOTP alone does not verify a real name')
  const b = new Browser(t.app, '10.2.0.1')
  await loginThroughForm(b, c.phone, CITIZEN_PASSWORD)
  const page = await b.get('/login/totp')
  const csrf = hiddenField(page.html, '_csrf')!
  const bad = totpCode(secret) === '123456' ? '654321' : '123456'
  for (let i = 0; i < 5; i++) assert.equal((await b.post('/login/totp', { _csrf: csrf, code: bad })).res.status, 401)
  const locked = await b.post('/login/totp', { _csrf: csrf, code: totpCode(secret) })
  assert.equal(locked.res.status, 429)
  assert.equal((await loginThroughForm(new Browser(t.app, '10.2.0.2'), c.phone, CITIZEN_PASSWORD)).res.status, 429, 'password step locked too')

  assert.equal(openPending(t.deps.secrets, sealPending(t.deps.secrets, c.id, new Date(Date.now() - 6 * 60_000))), undefined, 'expired after 5 minutes')
  assert.equal(openPending(t.deps.secrets, sealPending(t.deps.secrets, c.id)), c.id)
  const forged = new Browser(t.app)
  forged.jar.set('yw_mfa', 'v1.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBB')
  const f = await forged.get('/login/totp')
  assert.equal(f.res.status, 303)
  assert.equal(f.res.headers.get('location'), '/login')
})

test('disable needs password and a current code; wrong answers refused; level falls back to 2', async () => {
  const c = await createDemoCitizen(t.db, 2)
  const b = new Browser(t.app)
  const secret = await enable(b, c.phone)
  assert.equal((await citizen(c.id)).trust_level, 3)
  const page = await b.get('/account/totp')
  assert.ok(page.html.includes('关闭动态验证码'))
  const csrf = hiddenField(page.html, '_csrf')!
  const wrongPw = await b.post('/account/totp/disable', { _csrf: csrf, password: 'not mine', code: totpCode(secret) })
  assert.equal(wrongPw.res.status, 400)
  assert.ok(wrongPw.html.includes('登录密码不正确'))
  const wrongCode = await b.post('/account/totp/disable', { _csrf: csrf, password: CITIZEN_PASSWORD, code: '12' })
  assert.equal(wrongCode.res.status, 400)
  assert.equal((await citizen(c.id)).trust_level, 3, 'nothing changed')
  const ok = await b.post('/account/totp/disable', { _csrf: csrf, password: CITIZEN_PASSWORD, code: totpCode(secret) })
  assert.equal(ok.res.status, 303)
  const row = await citizen(c.id)
  assert.deepEqual([row.trust_level, row.totp_secret, row.totp_enabled_at], [2, null, null])
  assert.ok((await b.get('/account?done=totp-off')).html.includes('已关闭动态验证码登录'))
  const actions = (await t.db.selectFrom('audit_log').select('action').where('subject_id', '=', c.id).execute()).map((r) => r.action)
  assert.ok(actions.includes('identity.citizen.totp_enabled') && actions.includes('identity.citizen.totp_disabled'))
})

test('a set-up form cannot be replayed into another account, and an expired or tampered one is refused', async () => {
  const a = await createCitizen(t.db)
  const other = await createCitizen(t.db)
  const ba = new Browser(t.app)
  await loginThroughForm(ba, a.phone, CITIZEN_PASSWORD)
  const pa = await ba.get('/account/totp')
  const secret = secretIn(pa.html)!
  const bo = new Browser(t.app)
  await loginThroughForm(bo, other.phone, CITIZEN_PASSWORD)
  const po = await bo.get('/account/totp')
  const r = await bo.post('/account/totp/enable', { _csrf: hiddenField(po.html, '_csrf')!, setup: hiddenField(pa.html, 'setup')!, code: totpCode(secret) })
  assert.equal(r.res.status, 400)
  assert.ok(r.html.includes('绑定页面已超时'))
  assert.equal((await citizen(other.id)).totp_enabled_at, null)
  const tampered = await ba.post('/account/totp/enable', { _csrf: hiddenField(pa.html, '_csrf')!, setup: 'v1.x.y', code: totpCode(secret) })
  assert.equal(tampered.res.status, 400)
  assert.equal((await citizen(a.id)).totp_enabled_at, null)
})
