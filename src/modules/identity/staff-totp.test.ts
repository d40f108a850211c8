import { after, before, beforeEach, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { cookieFrom, createStaff, csrfOf, formBody, hiddenCsrf, nextTotpCode, postForm, postLogin, postTotp, signIn, staffTotpSecret, STAFF_PASSWORD } from '../../../test/staff'
import { totpCode } from './totp'
import { clearOfTotpBoundary } from '../../../test/totp'

let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('migrated')
  await createStaff(t.db, 'newbie', ['catalog_editor'], { totpSecret: null })
  for (const u of ['wrongcode', 'replay', 'locked', 'temp', 'nocsrf']) await createStaff(t.db, u, ['catalog_editor'], { mustChangePassword: u === 'temp' })
})
after(() => t.close())
beforeEach(() => clearOfTotpBoundary())

const audits = (action: string, subject: string) => t.db.selectFrom('audit_log').select(['details']).where('action', '=', action).where('subject_id', '=', subject).execute()
const pending = async (u: string) => (await postLogin(t.app, u, STAFF_PASSWORD)).session!

test('an account without an authenticator enrols before anything else: secret, QR and URI shown; sealed; confirmed by a code', async () => {
  const { res, session } = await postLogin(t.app, 'newbie', STAFF_PASSWORD)
  assert.equal(res.headers.get('location'), '/admin/login/totp/setup?next=%2Fadmin')
  // Neither a back-office page nor the plain code step: the pending session is sent to enrolment.
  assert.equal((await t.app.request('/admin/synonyms', { headers: { cookie: session! } })).headers.get('location'), '/admin/login/totp/setup?next=%2Fadmin%2Fsynonyms')
  assert.equal((await t.app.request('/admin/login/totp', { headers: { cookie: session! } })).headers.get('location'), '/admin/login/totp/setup?next=%2Fadmin')
  const page = await t.app.request('/admin/login/totp/setup', { headers: { cookie: session! } })
  assert.equal(page.status, 200)
  const html = await page.text()
  const secret = /data-secret="([A-Z2-7]+)"/.exec(html)?.[1]
  assert.ok(secret, 'secret shown as text')
  assert.match(html, /<svg [^>]*role="img"/)
  assert.match(html, /otpauth:\/\/totp\//)
  // Reloading shows the same secret (an app that scanned it stays valid); stored sealed, never in clear.
  assert.match(await (await t.app.request('/admin/login/totp/setup', { headers: { cookie: session! } })).text(), new RegExp(secret))
  const row = await t.db.selectFrom('staff_users').select(['totp_secret', 'totp_enabled_at']).where('username', '=', 'newbie').executeTakeFirstOrThrow()
  assert.ok(row.totp_secret && !row.totp_secret.includes(secret))
  assert.equal(t.deps.secrets.open(row.totp_secret), secret)
  assert.equal(row.totp_enabled_at, null)

  const bad = await postTotp(t.app, session!, '000000', '/admin/login/totp/setup')
  assert.equal(bad.res.status, 401)
  assert.match(await bad.res.text(), /class="error-summary"[\s\S]*动态验证码不正确/)
  const ok = await postTotp(t.app, session!, await nextTotpCode(secret), '/admin/login/totp/setup')
  assert.equal(ok.res.status, 303)
  assert.equal((await t.app.request('/admin/synonyms', { headers: { cookie: ok.session! } })).status, 200)
  const after = await t.db.selectFrom('staff_users').select('totp_enabled_at').where('username', '=', 'newbie').executeTakeFirstOrThrow()
  assert.ok(after.totp_enabled_at)
  assert.equal((await audits('identity.staff.totp_enrolled', (await t.db.selectFrom('staff_users').select('id').where('username', '=', 'newbie').executeTakeFirstOrThrow()).id)).length, 1)
  // Enrolled: the next sign-in asks for a code, and the setup page is no longer reachable.
  const next = await postLogin(t.app, 'newbie', STAFF_PASSWORD)
  assert.equal(next.res.headers.get('location'), '/admin/login/totp?next=%2Fadmin')
  assert.equal((await t.app.request('/admin/login/totp/setup', { headers: { cookie: next.session! } })).headers.get('location'), '/admin/login/totp?next=%2Fadmin')
})

test('a wrong code is refused with a field message and counted as a failed sign-in', async () => {
  const s = await pending('wrongcode')
  for (const code of ['123456', 'abc', '']) {
    const r = await postTotp(t.app, s, code)
    assert.equal(r.res.status, 401, code)
    assert.equal(r.session, undefined)
    assert.match(await r.res.text(), /id="code-error"/)
  }
  const failed = await audits('identity.staff.sign_in_failed', 'wrongcode')
  assert.equal(failed.length, 3)
  assert.equal((failed[0]!.details as { factor: string }).factor, 'totp')
  // Still pending: no page.
  assert.equal((await t.app.request('/admin', { headers: { cookie: s } })).status, 303)
})

test('a code already used (same 30 s step) is refused: no replay', async () => {
  const secret = staffTotpSecret('replay')
  const code = totpCode(secret)
  const first = await postTotp(t.app, await pending('replay'), code)
  assert.equal(first.res.status, 303)
  const second = await postTotp(t.app, await pending('replay'), code)
  assert.equal(second.res.status, 401)
  assert.equal(second.session, undefined)
})

test('five wrong codes lock the account: the pending session ends and even the right password is refused', async () => {
  const s = await pending('locked')
  for (let i = 0; i < 4; i++) assert.equal((await postTotp(t.app, s, '000000')).res.status, 401)
  const page = await t.app.request('/admin/login/totp', { headers: { cookie: s } })
  const csrf = hiddenCsrf(await page.text())!
  const fifth = await t.app.request('/admin/login/totp', { method: 'POST', body: formBody({ _csrf: csrf, code: '000000' }), headers: { cookie: s, 'content-type': 'application/x-www-form-urlencoded' } })
  assert.equal(fifth.status, 429)
  assert.match(await fifth.text(), /登录失败次数过多/)
  assert.equal((await t.app.request('/admin/login/totp', { headers: { cookie: s } })).headers.get('location'), '/admin/login?next=%2Fadmin%2Flogin%2Ftotp')
  assert.equal((await postLogin(t.app, 'locked', STAFF_PASSWORD)).res.status, 429)
})

test('the code step needs its CSRF token and a pending session', async () => {
  const s = await pending('nocsrf')
  const missing = await t.app.request('/admin/login/totp', { method: 'POST', body: formBody({ code: await nextTotpCode(staffTotpSecret('nocsrf')) }), headers: { cookie: s, 'content-type': 'application/x-www-form-urlencoded' } })
  assert.equal(missing.status, 403)
  assert.equal(cookieFrom(missing, 'yw_staff'), undefined)
  // Anonymous: GET → sign-in, POST → 403.
  assert.equal((await t.app.request('/admin/login/totp')).headers.get('location'), '/admin/login?next=%2Fadmin%2Flogin%2Ftotp')
  assert.equal((await postForm(t.app, '/admin/login/totp', {}, { code: '123456' })).status, 403)
  // The wrong session's token is refused too.
  const other = await pending('nocsrf')
  assert.equal((await postForm(t.app, '/admin/login/totp', { cookie: s, csrf: await csrfOf(t.db, other) }, { code: '123456' })).status, 403)
})

test('a one-time password must be changed after the code, before any page; rules are explained per field', async () => {
  const s = await pending('temp')
  const done = await postTotp(t.app, s, await nextTotpCode(staffTotpSecret('temp')))
  assert.equal(done.res.headers.get('location'), '/admin/login/password?next=%2Fadmin')
  const cookie = done.session!
  assert.equal((await t.app.request('/admin/synonyms', { headers: { cookie } })).headers.get('location'), '/admin/login/password?next=%2Fadmin%2Fsynonyms')
  const csrf = await csrfOf(t.db, cookie)
  assert.equal((await postForm(t.app, '/admin/synonyms', { cookie, csrf }, { phrase: '测试', expansions: '测试' })).status, 403)
  for (const [password, confirm, field] of [['short', 'short', 'password'], [STAFF_PASSWORD, STAFF_PASSWORD, 'password'], ['mytemp-password', 'mytemp-password', 'password'], ['a-new-secret-1', 'different', 'confirm']]) {
    const r = await postForm(t.app, '/admin/login/password', { cookie, csrf }, { password: password!, confirm: confirm! })
    assert.equal(r.status, 400, password)
    assert.match(await r.text(), new RegExp(`id="${field}-error"`))
  }
  assert.equal((await postForm(t.app, '/admin/login/password', { cookie }, { password: 'a-new-secret-1', confirm: 'a-new-secret-1' }, false)).status, 403)
  const ok = await postForm(t.app, '/admin/login/password', { cookie, csrf }, { password: 'a-new-secret-1', confirm: 'a-new-secret-1' })
  assert.equal(ok.status, 303)
  assert.equal((await t.app.request('/admin/synonyms', { headers: { cookie } })).status, 200)
  assert.equal((await postLogin(t.app, 'temp', STAFF_PASSWORD)).res.status, 401)
  await signIn(t.app, 'temp', 'a-new-secret-1')
})

test('an unfinished sign-in can be cancelled (sign-out with its CSRF token), and then nothing is left', async () => {
  await createStaff(t.db, 'cancel', ['catalog_editor'])
  const s = await pending('cancel')
  const html = await (await t.app.request('/admin/login/totp', { headers: { cookie: s } })).text()
  assert.match(html, /action="\/admin\/logout"/)
  assert.equal((await postForm(t.app, '/admin/logout', { cookie: s }, {}, false)).status, 403)
  const r = await postForm(t.app, '/admin/logout', { cookie: s, csrf: hiddenCsrf(html)! }, {})
  assert.equal(r.status, 303)
  assert.equal((await t.app.request('/admin/login/totp', { headers: { cookie: s } })).headers.get('location'), '/admin/login?next=%2Fadmin%2Flogin%2Ftotp')
})
