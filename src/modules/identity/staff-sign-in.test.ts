import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { cookieFrom, createStaff, csrfOf, formBody, hiddenCsrf, nextTotpCode, postForm, postLogin, postTotp, signIn, staffTotpSecret, STAFF_PASSWORD } from '../../../test/staff'
import { safeNext } from './routes'

let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('migrated')
  await createStaff(t.db, 'alice', ['catalog_editor'])
  await createStaff(t.db, 'bob', ['catalog_editor'])
  await createStaff(t.db, 'carol', ['catalog_editor'])
  await createStaff(t.db, 'dave', ['catalog_editor'])
  await createStaff(t.db, 'erin', ['catalog_editor'])
  await createStaff(t.db, 'frank', ['catalog_editor'])
  await createStaff(t.db, 'gina', ['catalog_editor'])
})
after(() => t.close())

const audits = (action: string, subject: string) =>
  t.db.selectFrom('audit_log').select(['action', 'reason', 'actor_name']).where('action', '=', action).where('subject_id', '=', subject).execute()

test('the login page is served with a login CSRF cookie, and the password is hashed with argon2id', async () => {
  const res = await t.app.request('/admin/login')
  assert.equal(res.status, 200)
  const html = await res.text()
  assert.match(html, /工作人员登录/)
  assert.ok(hiddenCsrf(html))
  const cookie = res.headers.getSetCookie().find((h) => h.startsWith('yw_login='))!
  assert.match(cookie, /HttpOnly/i)
  const row = await t.db.selectFrom('staff_users').select('password_hash').where('username', '=', 'alice').executeTakeFirstOrThrow()
  assert.match(row.password_hash, /^\$argon2id\$/)
})

test('the right password alone is not a sign-in: the pending session gets the TOTP step, no page and no POST', async () => {
  const { res, session } = await postLogin(t.app, 'Alice', STAFF_PASSWORD)
  assert.equal(res.status, 303)
  assert.equal(res.headers.get('location'), '/admin/login/totp?next=%2Fadmin')
  assert.ok(session)
  const raw = res.headers.getSetCookie().find((h) => h.startsWith('yw_staff='))!
  assert.match(raw, /HttpOnly/i)
  assert.match(raw, /SameSite=Lax/i)
  assert.match(raw, /Path=\//)
  // A password-only session is not signed in: GET is sent to the TOTP step, POST refused even with its CSRF token.
  const page = await t.app.request('/admin/synonyms', { headers: { cookie: session } })
  assert.equal(page.status, 303)
  assert.equal(page.headers.get('location'), '/admin/login/totp?next=%2Fadmin%2Fsynonyms')
  const write = await postForm(t.app, '/admin/synonyms', { cookie: session, csrf: await csrfOf(t.db, session) }, { phrase: '测试', expansions: '测试' })
  assert.equal(write.status, 403)
  assert.equal((await audits('identity.staff.signed_in', 'alice')).length, 0)
  assert.equal((await audits('identity.staff.password_accepted', 'alice')).length, 1)

  // The code finishes it: a NEW session id (the pending one is dead), the page opens, the sign-in is audited.
  const done = await postTotp(t.app, session, await nextTotpCode(staffTotpSecret('alice')))
  assert.equal(done.res.status, 303)
  assert.equal(done.res.headers.get('location'), '/admin')
  assert.ok(done.session)
  assert.notEqual(done.session, session)
  assert.equal((await t.app.request('/admin', { headers: { cookie: session } })).status, 303)
  const ok = await t.app.request('/admin', { headers: { cookie: done.session } })
  assert.equal(ok.status, 200)
  assert.match(await ok.text(), /测试alice/)
  assert.equal((await audits('identity.staff.signed_in', 'alice')).length, 1)
  // Only the hash of the token is stored.
  const token = done.session.split('=')[1]!
  assert.equal(await t.db.selectFrom('staff_sessions').select('id').where('id', '=', token).executeTakeFirst(), undefined)
})

test('a wrong password or unknown user gets the same generic message and no session', async () => {
  for (const [u, p] of [['bob', 'wrong password'], ['nobody', STAFF_PASSWORD]] as const) {
    const { res, session } = await postLogin(t.app, u, p)
    assert.equal(res.status, 401)
    assert.equal(session, undefined)
    const html = await res.text()
    assert.match(html, /用户名或密码不正确/)
    assert.match(html, /class="error-summary"/)
    assert.doesNotMatch(html, new RegExp(p === STAFF_PASSWORD ? STAFF_PASSWORD : 'wrong password'))
  }
  assert.equal((await audits('identity.staff.sign_in_failed', 'bob')).length, 1)
})

test('five failures lock the username for 15 minutes, even for the right password', async () => {
  for (let i = 0; i < 5; i++) assert.equal((await postLogin(t.app, 'carol', `bad-${i}`)).res.status, 401)
  const locked = await postLogin(t.app, 'carol', STAFF_PASSWORD)
  assert.equal(locked.res.status, 429)
  assert.equal(locked.session, undefined)
  assert.match(await locked.res.text(), /登录失败次数过多/)
  // After the window the right password works again (move the recorded failures 16 minutes back).
  const past = new Date(Date.now() - 16 * 60 * 1000)
  await t.db.updateTable('audit_log').set({ occurred_at: past } as never).where('subject_id', '=', 'carol').execute()
  assert.equal((await postLogin(t.app, 'carol', STAFF_PASSWORD)).res.status, 303)
})

test('the password step alone does not reset the failure count (only a complete sign-in does)', async () => {
  for (let i = 0; i < 4; i++) assert.equal((await postLogin(t.app, 'gina', `bad-${i}`)).res.status, 401)
  assert.equal((await postLogin(t.app, 'gina', STAFF_PASSWORD)).res.status, 303)
  assert.equal((await postLogin(t.app, 'gina', 'bad-5')).res.status, 401)
  assert.equal((await postLogin(t.app, 'gina', STAFF_PASSWORD)).res.status, 429)
})

test('a login POST without the login CSRF token is refused with 403', async () => {
  const res = await t.app.request('/admin/login', { method: 'POST', body: formBody({ username: 'alice', password: STAFF_PASSWORD }), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  assert.equal(res.status, 403)
  assert.equal(cookieFrom(res, 'yw_staff'), undefined)
})

test('session fixation: signing in replaces the presented session id and kills the old one', async () => {
  const first = await signIn(t.app, 'dave')
  const planted = 'yw_staff=' + 'A'.repeat(43)
  const { res, session } = await postLogin(t.app, 'dave', STAFF_PASSWORD, first.cookie)
  assert.equal(res.status, 303)
  assert.ok(session)
  assert.notEqual(session, first.cookie)
  assert.equal((await t.app.request('/admin', { headers: { cookie: first.cookie } })).status, 303)
  const done = await postTotp(t.app, session, await nextTotpCode(staffTotpSecret('dave')))
  assert.ok(done.session)
  assert.notEqual(done.session, session)
  assert.equal((await t.app.request('/admin', { headers: { cookie: done.session } })).status, 200)
  // A made-up cookie value never becomes a session, and a planted one presented at sign-in is not reused.
  assert.equal((await t.app.request('/admin', { headers: { cookie: planted } })).status, 303)
  const again = await postLogin(t.app, 'dave', STAFF_PASSWORD, planted)
  assert.notEqual(again.session, planted)
})

test('idle (30 min) and absolute (12 h) expiry send the user back to sign-in', async () => {
  const idle = await signIn(t.app, 'alice')
  const token = (c: string) => c.split('=')[1]!
  const { createHash } = await import('node:crypto')
  const idOf = (c: string) => createHash('sha256').update(token(c)).digest('hex')
  await t.db.updateTable('staff_sessions').set({ last_seen_at: new Date(Date.now() - 31 * 60 * 1000) }).where('id', '=', idOf(idle.cookie)).execute()
  const r1 = await t.app.request('/admin/items/new', { headers: { cookie: idle.cookie } })
  assert.equal(r1.status, 303)
  assert.equal(r1.headers.get('location'), '/admin/login?next=%2Fadmin%2Fitems%2Fnew')
  assert.equal(await t.db.selectFrom('staff_sessions').select('id').where('id', '=', idOf(idle.cookie)).executeTakeFirst(), undefined)

  const old = await signIn(t.app, 'erin')
  await t.db.updateTable('staff_sessions').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', idOf(old.cookie)).execute()
  assert.equal((await t.app.request('/admin', { headers: { cookie: old.cookie } })).status, 303)

  const aged = await signIn(t.app, 'frank')
  await t.db.updateTable('staff_sessions').set({ created_at: new Date(Date.now() - 13 * 3600 * 1000) } as never).where('id', '=', idOf(aged.cookie)).execute()
  assert.equal((await t.app.request('/admin', { headers: { cookie: aged.cookie } })).status, 303)
})

test('logout deletes the session server-side; the old cookie no longer works', async () => {
  const s = await signIn(t.app, 'bob')
  const res = await postForm(t.app, '/admin/logout', s, {})
  assert.equal(res.status, 303)
  assert.equal(res.headers.get('location'), '/admin/login?signedout=1')
  assert.equal((await t.app.request('/admin', { headers: { cookie: s.cookie } })).status, 303)
  assert.equal((await audits('identity.staff.signed_out', 'bob')).length, 1)
  // Logout itself needs the CSRF token.
  const s2 = await signIn(t.app, 'bob')
  assert.equal((await postForm(t.app, '/admin/logout', s2, {}, false)).status, 403)
  assert.equal((await t.app.request('/admin', { headers: { cookie: s2.cookie } })).status, 200)
})

test('next= only returns to back-office paths on this site', () => {
  assert.equal(safeNext('/admin/items/X/edit?a=1'), '/admin/items/X/edit?a=1')
  assert.equal(safeNext('https://evil.example/admin'), '/admin')
  assert.equal(safeNext('//evil.example'), '/admin')
  assert.equal(safeNext('/administrator'), '/admin')
  assert.equal(safeNext('/admin/logout'), '/admin')
  assert.equal(safeNext('/admin\\@evil'), '/admin')
  assert.equal(safeNext(undefined), '/admin')
})
