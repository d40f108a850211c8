import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { CITIZEN_PASSWORD, citizenSession, createCitizen } from '../../../test/citizens'
import { assertNoRawIdentifiers, Browser, loginThroughForm } from './citizen-routes-test-support'
import { safeNextCitizen } from './safe-next'
import { signInCitizen } from './sign-in-citizen'

let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('seeded')
})
after(() => t.close())

const sessionsOf = async (citizenId: string) => Number((await t.db.selectFrom('citizen_sessions').select((eb) => eb.fn.countAll<number>().as('n')).where('citizen_id', '=', citizenId).executeTakeFirstOrThrow()).n)

test('sign-in: lands on next (same-site citizen paths only), header shows the name, login page redirects when signed in', async () => {
  const c = await createCitizen(t.db, { displayName: '阿强' })
  const b = new Browser(t.app)
  const anon = await b.get('/services/nope')
  assert.match(anon.html, /<a href="\/login">登录<\/a><a href="\/register">注册<\/a>/, 'anonymous header offers 登录 / 注册')
  const r = await loginThroughForm(b, c.phone, CITIZEN_PASSWORD, '/me/data-access')
  assert.equal(r.res.status, 303)
  assert.equal(r.res.headers.get('location'), '/me/data-access')
  assert.match(r.res.headers.get('set-cookie') ?? '', /yw_session=[^;]+;.*HttpOnly/i)
  assert.match(r.res.headers.get('set-cookie') ?? '', /SameSite=Lax/i)
  assert.match((await b.get('/departments')).html, /<a href="\/account">阿强<\/a>/)
  const again = await b.get('/login?next=/account/verify')
  assert.equal(again.res.status, 303)
  assert.equal(again.res.headers.get('location'), '/account/verify')

  for (const [next, want] of [['https://evil.example/', '/account'], ['//evil.example/x', '/account'], ['/\\evil.example', '/account'], ['/admin', '/account'], ['/login', '/account'], ['/accountx', '/account'],
    ['/oidc/interaction/abc', '/oidc/interaction/abc'], ['/apply/123?x=1', '/apply/123?x=1'], ['/services/abc', '/services/abc'], ['/enterprise/agents', '/enterprise/agents'], ['/me', '/me'], ['/account\n', '/account']] as const) {
    assert.equal(safeNextCitizen(next), want, next)
  }
})

test('lock-out after 5 failures for a phone within 15 minutes; unknown phones behave exactly alike', async () => {
  const c = await createCitizen(t.db)
  for (const phone of [c.phone, '13700000001']) {
    const b = new Browser(t.app, '10.0.0.2')
    for (let i = 0; i < 5; i++) {
      const r = await loginThroughForm(b, phone, 'wrong password')
      assert.equal(r.res.status, 401, `${phone} attempt ${i + 1}`)
      assert.ok(r.html.includes('手机号或密码不正确'))
      assertNoRawIdentifiers(r.html, 'failed sign-in page')
    }
    const locked = await loginThroughForm(b, phone, phone === c.phone ? CITIZEN_PASSWORD : 'x')
    assert.equal(locked.res.status, 429, `${phone} is locked even with the right password`)
    assert.ok(locked.html.includes('15分钟后再试'))
  }
  assert.equal(await sessionsOf(c.id), 0)
  // The record holds pseudonyms and masked numbers only.
  const rows = await t.db.selectFrom('audit_log').select(['subject_id', 'actor_name', 'details']).where('action', 'like', 'identity.citizen.sign_in_%').execute()
  assert.ok(rows.length >= 12)
  for (const r of rows) assert.doesNotMatch(JSON.stringify(r), /1[3-9]\d{9}/)
})

test('per-IP throttle: 30 failures from one address refuse it for any phone; other addresses are unaffected', async () => {
  const c = await createCitizen(t.db)
  const attacker = new Browser(t.app, '10.9.9.9')
  for (let i = 0; i < 30; i++) {
    const r = await loginThroughForm(attacker, `1360000${String(i).padStart(4, '0')}`, 'guess')
    assert.equal(r.res.status, 401)
  }
  const refused = await loginThroughForm(attacker, c.phone, CITIZEN_PASSWORD)
  assert.equal(refused.res.status, 429)
  assert.ok(refused.html.includes('您所在网络的登录失败次数过多'))
  const other = await loginThroughForm(new Browser(t.app, '10.9.9.10'), c.phone, CITIZEN_PASSWORD)
  assert.equal(other.res.status, 303, 'the account itself is not locked')
})

test('session fixation: a planted cookie never becomes the signed-in session; a presented session is destroyed', async () => {
  const victim = await createCitizen(t.db)
  const b = new Browser(t.app)
  const planted = 'A'.repeat(43) // token-shaped, chosen by the attacker
  b.jar.set('yw_session', planted)
  const r = await loginThroughForm(b, victim.phone, CITIZEN_PASSWORD)
  assert.equal(r.res.status, 303)
  assert.ok(b.jar.get('yw_session') && b.jar.get('yw_session') !== planted, 'a new, server-chosen session id')
  const withPlanted = await t.app.request('/account', { headers: { cookie: `yw_session=${planted}` } })
  assert.equal(withPlanted.status, 303)
  assert.equal(withPlanted.headers.get('location'), '/login?next=%2Faccount')
  assert.equal((await b.get('/account')).res.status, 200)

  // A real session the browser presents at sign-in (e.g. someone else's on a shared computer) is destroyed.
  const other = await createCitizen(t.db)
  const old = await citizenSession(t.app, t.db, other.id)
  const r2 = await signInCitizen(t.deps, { phone: victim.phone, password: CITIZEN_PASSWORD, previousToken: old.cookie.split('=')[1] })
  assert.equal(r2.kind, 'signed_in')
  assert.equal(await sessionsOf(other.id), 0)
})

test('expired sessions: idle 30 minutes or older than 12 hours → sign in again, row deleted', async () => {
  const c = await createCitizen(t.db)
  const idle = await citizenSession(t.app, t.db, c.id)
  const ok = await t.app.request('/account', { headers: { cookie: idle.cookie } })
  assert.equal(ok.status, 200)
  await t.db.updateTable('citizen_sessions').set({ last_seen_at: new Date(Date.now() - 31 * 60_000) }).where('citizen_id', '=', c.id).execute()
  const r1 = await t.app.request('/account', { headers: { cookie: idle.cookie } })
  assert.equal(r1.status, 303)
  assert.equal(await sessionsOf(c.id), 0)

  const old = await citizenSession(t.app, t.db, c.id)
  await t.db.updateTable('citizen_sessions').set({ created_at: new Date(Date.now() - 12 * 3600_000 - 60_000) }).where('citizen_id', '=', c.id).execute()
  const r2 = await t.app.request('/account', { headers: { cookie: old.cookie } })
  assert.equal(r2.status, 303, 'absolute limit even though it was just used')
  const post = await t.app.request('/account/sessions/revoke-all', { method: 'POST', body: new URLSearchParams({ _csrf: old.csrf }), headers: { cookie: old.cookie, 'content-type': 'application/x-www-form-urlencoded' } })
  assert.equal(post.status, 403)
})

test('sign out everywhere ends every session of the citizen (this one too) and no one else’s; audited', async () => {
  const c = await createCitizen(t.db)
  const other = await createCitizen(t.db)
  const here = await citizenSession(t.app, t.db, c.id)
  const phone = await citizenSession(t.app, t.db, c.id)
  await citizenSession(t.app, t.db, other.id)
  const post = (s: typeof here, fields: Record<string, string>) =>
    t.app.request('/account/sessions/revoke-all', { method: 'POST', body: new URLSearchParams(fields), headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' } })
  assert.equal((await post(here, {})).status, 403, 'no CSRF token → 403')
  assert.equal((await post(here, { _csrf: phone.csrf })).status, 403, 'another session’s token → 403')
  assert.equal(await sessionsOf(c.id), 2)
  const r = await post(here, { _csrf: here.csrf })
  assert.equal(r.status, 303)
  assert.equal(r.headers.get('location'), '/login?signedout=all')
  assert.equal(await sessionsOf(c.id), 0)
  assert.equal(await sessionsOf(other.id), 1)
  assert.equal((await t.app.request('/account', { headers: { cookie: phone.cookie } })).status, 303)
  const a = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'identity.citizen.signed_out_everywhere').where('subject_id', '=', c.id).executeTakeFirstOrThrow()
  assert.deepEqual(a.details, { sessionsEnded: 2 })
  assert.ok((await (await t.app.request('/login?signedout=all')).text()).includes('已退出所有设备'))
})

test('missing CSRF → 403 on every citizen POST; bodies over 16 KB → 413', async () => {
  const c = await createCitizen(t.db)
  const s = await citizenSession(t.app, t.db, c.id)
  for (const path of ['/login', '/login/totp', '/register/code', '/register']) {
    const r = await t.app.request(path, { method: 'POST', body: new URLSearchParams({ phone: c.phone, password: CITIZEN_PASSWORD }), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    assert.equal(r.status, 403, path)
  }
  for (const path of ['/logout', '/account/sessions/revoke-all', '/account/verify', '/account/totp/enable', '/account/totp/disable']) {
    const r = await t.app.request(path, { method: 'POST', body: new URLSearchParams({ name: 'x' }), headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' } })
    assert.equal(r.status, 403, path)
  }
  assert.equal(await sessionsOf(c.id), 1, 'nothing happened')
  const big = await t.app.request('/login', { method: 'POST', body: new URLSearchParams({ phone: 'x'.repeat(20_000) }), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  assert.equal(big.status, 413)
  const bigSigned = await t.app.request('/account/verify', { method: 'POST', body: new URLSearchParams({ _csrf: s.csrf, name: 'x'.repeat(20_000) }), headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' } })
  assert.equal(bigSigned.status, 413)
})

test('disabled accounts cannot sign in (same message) and lose their sessions', async () => {
  const c = await createCitizen(t.db)
  const s = await citizenSession(t.app, t.db, c.id)
  await t.db.updateTable('citizens').set({ disabled: true }).where('id', '=', c.id).execute()
  const r = await loginThroughForm(new Browser(t.app, '10.0.0.3'), c.phone, CITIZEN_PASSWORD)
  assert.equal(r.res.status, 401)
  assert.ok(r.html.includes('手机号或密码不正确'))
  assert.equal((await t.app.request('/account', { headers: { cookie: s.cookie } })).status, 303)
})

test('/apply for a signed-in citizen: no sign-in loop; says the level the item needs and how to raise it', async () => {
  const item = await t.db.selectFrom('service_items').select(['code', 'name']).where('status', '=', 'published').orderBy('code').executeTakeFirstOrThrow()
  const c = await createCitizen(t.db)
  const b = new Browser(t.app)
  const login = await loginThroughForm(b, c.phone, CITIZEN_PASSWORD, `/apply/${item.code}`)
  assert.equal(login.res.headers.get('location'), `/apply/${item.code}`)
  const page = await b.get(`/apply/${item.code}`)
  assert.equal(page.res.status, 200)
  assert.ok(page.html.includes(item.name) && page.html.includes('办理所需账号等级：2 级') && page.html.includes('href="/account"'), 'level 1 account is told to raise it')
  assert.equal(page.res.headers.get('cache-control'), 'no-store')
  const verified = await createCitizen(t.db, { verifiedAs: { name: '测试', idNumber: '11010519491231002X' } })
  const b2 = new Browser(t.app)
  await loginThroughForm(b2, verified.phone, CITIZEN_PASSWORD)
  assert.ok((await b2.get(`/apply/${item.code}`)).html.includes('您的账号已满足'))
})
