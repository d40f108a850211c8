import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { createCitizen, DEMO_RESIDENTS } from '../../../test/citizens'
import { assertNoRawIdentifiers, Browser, codeIn, hiddenField, loginThroughForm, PASSWORD, registerThroughForms } from './citizen-routes-test-support'
import { registerCitizen } from './register-citizen'
import { sendSmsCode } from './send-sms-code'

let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('seeded')
})
after(() => t.close())

const count = async (table: 'citizens' | 'citizen_sessions', phoneOrNull?: string) => {
  let q = t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'))
  if (table === 'citizens' && phoneOrNull) q = q.where('phone' as never, '=', phoneOrNull as never)
  return Number((await q.executeTakeFirstOrThrow()).n)
}

test('register → sign out → sign in → 实名认证 → 我的账号, with no full phone or 身份证号 in any page', async () => {
  const phone = '13912340001'
  const r = DEMO_RESIDENTS[0]
  const pages: string[] = []
  const b = new Browser(t.app)
  await registerThroughForms(b, t.sms, phone, { displayName: '明华', pages })
  const welcome = await b.get('/account?welcome=1')
  assert.equal(welcome.res.status, 200)
  assert.ok(welcome.html.includes('注册成功') && welcome.html.includes('139****0001') && welcome.html.includes('1 级'))
  assert.ok(welcome.html.includes('class="account-links') && welcome.html.includes('>明华</a>'), 'header shows the signed-in name')
  pages.push(welcome.html)
  const row = await t.db.selectFrom('citizens').selectAll().where('phone', '=', phone).executeTakeFirstOrThrow()
  assert.equal(row.trust_level, 1)
  assert.equal(row.agreement_version, '2026-11')
  assert.match(row.password_hash, /^\$argon2id\$/)
  const audit = await t.db.selectFrom('audit_log').select(['details']).where('action', '=', 'identity.citizen.registered').where('subject_id', '=', row.id).executeTakeFirstOrThrow()
  assert.equal((audit.details as { phone: string }).phone, '139****0001')

  const acct = await b.get('/account')
  const out = await b.post('/logout', { _csrf: hiddenField(acct.html, '_csrf')! })
  assert.equal(out.res.headers.get('location'), '/login?signedout=1')
  assert.equal((await b.get('/account')).res.status, 303, 'signed out for real')

  const login = await loginThroughForm(b, phone, PASSWORD)
  assert.equal(login.res.status, 303)
  assert.equal(login.res.headers.get('location'), '/account')

  const form = await b.get('/account/verify')
  pages.push(form.html)
  const v = await b.post('/account/verify', { _csrf: hiddenField(form.html, '_csrf')!, name: r.name, idNumber: r.idNumber, validUntil: r.idCardValidUntil!.replace(/-/g, '.') })
  assert.equal(v.res.status, 303, v.html.slice(0, 400))
  const verified = await b.get('/account?done=verified')
  pages.push(verified.html, (await b.get('/account/verify')).html, (await b.get('/account/totp')).html)
  assert.match((await b.get('/departments')).html, /<nav class="account-links[^>]*><a href="\/account">明华<\/a>/, 'portal pages show who is signed in')
  assert.ok(verified.html.includes('实名认证已通过') && verified.html.includes(r.name) && verified.html.includes('320*************30') && verified.html.includes('2 级'))
  const after = await t.db.selectFrom('citizens').selectAll().where('phone', '=', phone).executeTakeFirstOrThrow()
  assert.deepEqual([after.trust_level, after.id_number, after.gender_code, after.birth_date, after.verification_method], [2, r.idNumber, r.genderCode, r.birthDate, 'population_registry'])
  for (const [i, html] of pages.entries()) assertNoRawIdentifiers(html, `page ${i}`)
})

test('step 2 refuses wrong, expired and replayed codes; a wrong code writes nothing but the attempt', async () => {
  const phone = '13912340002'
  const b = new Browser(t.app)
  const start = await b.get('/register')
  const sent = await b.post('/register/code', { _csrf: hiddenField(start.html, '_csrf')!, phone })
  const details = await b.get(sent.res.headers.get('location')!)
  const base = { _csrf: hiddenField(details.html, '_csrf')!, t: hiddenField(details.html, 't')!, password: PASSWORD, displayName: '小王', agreed: 'yes' }
  const code = codeIn(t.sms.last(phone))!
  const wrong = code === '000000' ? '111111' : '000000'

  const bad = await b.post('/register', { ...base, code: wrong })
  assert.equal(bad.res.status, 400)
  assert.match(bad.html, /短信验证码不正确.*还可尝试4次/)
  assert.equal(await count('citizens', phone), 0, 'no account after a wrong code')
  assert.ok(!b.jar.has('yw_session'), 'no session either')

  const ok = await b.post('/register', { ...base, code })
  assert.equal(ok.res.status, 303)
  // Replay: the same code again (another browser, same phone) is refused.
  const again = new Browser(t.app)
  const p2 = await again.get('/register')
  const replay = await again.post('/register', { ...base, _csrf: hiddenField(p2.html, '_csrf')!, code })
  assert.equal(replay.res.status, 400)
  assert.match(replay.html, /短信验证码已失效/)
  assert.equal(await count('citizens', phone), 1)

  // Expired: a code sent 6 minutes ago.
  const old = '13912340003'
  await sendSmsCode(t.deps, { phone: old, purpose: 'register', now: new Date(Date.now() - 6 * 60_000) })
  await assert.rejects(registerCitizen(t.deps, { phone: old, code: codeIn(t.sms.last(old))!, password: PASSWORD, displayName: 'x', agreed: true }), /已失效/)

  // Five wrong entries kill the code: the right one is refused afterwards.
  const five = '13912340004'
  await sendSmsCode(t.deps, { phone: five, purpose: 'register' })
  const right = codeIn(t.sms.last(five))!
  const nope = right === '999999' ? '888888' : '999999'
  for (let i = 0; i < 5; i++) await assert.rejects(registerCitizen(t.deps, { phone: five, code: nope, password: PASSWORD, displayName: 'x', agreed: true }))
  await assert.rejects(registerCitizen(t.deps, { phone: five, code: right, password: PASSWORD, displayName: 'x', agreed: true }), /已失效/)
  assert.equal(await count('citizens', five), 0)
  const stored = await t.db.selectFrom('sms_codes').select('code_hash').where('phone', '=', five).executeTakeFirstOrThrow()
  assert.ok(!stored.code_hash.includes(right), 'only a keyed hash is stored')
})

test('send-code limits: one per 60 s and 10 per 24 h per phone; nothing is sent when refused', async () => {
  const phone = '13912340005'
  const t0 = Date.now() - 23 * 3600_000
  await sendSmsCode(t.deps, { phone, purpose: 'register', now: new Date(t0) })
  await assert.rejects(sendSmsCode(t.deps, { phone, purpose: 'register', now: new Date(t0 + 30_000) }), (e: Error & { status?: number }) => e.status === 429 && /30秒后/.test(e.message))
  for (let i = 1; i < 10; i++) await sendSmsCode(t.deps, { phone, purpose: 'register', now: new Date(t0 + i * 61_000) })
  const before = t.sms.sent.length
  await assert.rejects(sendSmsCode(t.deps, { phone, purpose: 'register', now: new Date(t0 + 3600_000) }), /24小时内获取验证码已达10次/)
  assert.equal(t.sms.sent.length, before)

  const b = new Browser(t.app)
  const start = await b.get('/register')
  const res = await b.post('/register/code', { _csrf: hiddenField(start.html, '_csrf')!, phone })
  assert.equal(res.res.status, 429)
  assert.match(res.html, /已达10次/)
  assertNoRawIdentifiers(res.html, 'limit page')
})

test('one network address may request at most 20 codes an hour across numbers (SMS bombing); other addresses are unaffected', async () => {
  for (let i = 0; i < 20; i++) await sendSmsCode(t.deps, { phone: `1371234${String(i).padStart(4, '0')}`, purpose: 'register', ip: '198.51.100.9' })
  const before = t.sms.sent.length
  await assert.rejects(sendSmsCode(t.deps, { phone: '13712349999', purpose: 'register', ip: '198.51.100.9' }), (e: Error & { status?: number; code?: string }) => e.status === 429 && e.code === 'sms_ip_limit')
  assert.equal(t.sms.sent.length, before, 'nothing sent')
  const b = new Browser(t.app, '198.51.100.9')
  const start = await b.get('/register')
  const res = await b.post('/register/code', { _csrf: hiddenField(start.html, '_csrf')!, phone: '13712349998' })
  assert.equal(res.res.status, 429)
  assert.match(res.html, /您所在的网络获取验证码过于频繁/)
  await sendSmsCode(t.deps, { phone: '13712349997', purpose: 'register', ip: '198.51.100.10' })
  assert.equal(t.sms.sent.length, before + 1)
})

test('an already registered phone gets a notice SMS instead of a code; the page says the same either way', async () => {
  const phone = '13912340006'
  await createCitizen(t.db, { phone })
  const b = new Browser(t.app)
  const start = await b.get('/register')
  const sent = await b.post('/register/code', { _csrf: hiddenField(start.html, '_csrf')!, phone })
  assert.equal(sent.res.status, 303, 'same redirect as for a new number')
  const page = await b.get(sent.res.headers.get('location')!)
  assert.ok(page.html.includes('验证码已发送至 139****0006') && page.html.includes('如果该号码已经注册过'))
  const msg = t.sms.last(phone)!
  assert.match(msg.text, /已注册.*请直接登录/)
  assert.equal(codeIn(msg), undefined, 'no code to use')
  const r = await b.post('/register', { _csrf: hiddenField(page.html, '_csrf')!, t: hiddenField(page.html, 't')!, code: '123456', password: PASSWORD, displayName: 'x', agreed: 'yes' })
  assert.equal(r.res.status, 400)
  assert.equal(await count('citizens', phone), 1)
})

test('bad input: invalid phone, weak password, long name, no agreement, tampered phone token, huge body, missing CSRF', async () => {
  const b = new Browser(t.app)
  const start = await b.get('/register')
  const csrf = hiddenField(start.html, '_csrf')!
  for (const [phone, msg] of [['12345', '应为11位'], ['12800138000', '13至19'], ['1380013800a', '只能包含数字']] as const) {
    const r = await b.post('/register/code', { _csrf: csrf, phone })
    assert.equal(r.res.status, 400)
    assert.ok(r.html.includes(msg) && r.html.includes('class="error-summary"') && r.html.includes('href="#phone"'), phone)
  }
  await sendSmsCode(t.deps, { phone: '13912340007', purpose: 'register' })
  const code = codeIn(t.sms.last('13912340007'))!
  const bad = { phone: '13912340007', code, agreed: false }
  await assert.rejects(registerCitizen(t.deps, { ...bad, password: '12345678901', displayName: 'x' }), (e: { fields: { field: string; message: string }[] }) =>
    e.fields.some((f) => f.field === 'password' && /全是数字/.test(f.message)) && e.fields.some((f) => f.field === 'agreed'))
  await assert.rejects(registerCitizen(t.deps, { ...bad, agreed: true, password: 'short', displayName: '名'.repeat(31) }), (e: { fields: { field: string; message: string }[] }) =>
    e.fields.some((f) => f.field === 'password' && /至少需要8位/.test(f.message)) && e.fields.some((f) => f.field === 'displayName' && /最多30个字/.test(f.message)))
  await assert.rejects(registerCitizen(t.deps, { ...bad, agreed: true, password: 'x'.repeat(257), displayName: 'x' }), /注册信息有误/)
  assert.equal(await count('citizens', '13912340007'), 0)
  const stillGood = await registerCitizen(t.deps, { ...bad, agreed: true, password: PASSWORD, displayName: 'ok' })
  assert.ok(stillGood.citizenId, 'field errors did not burn the code')

  const tampered = await b.post('/register', { _csrf: csrf, t: 'v1.AAAA.BBBB', code: '123456', password: PASSWORD, displayName: 'x', agreed: 'yes' })
  assert.equal(tampered.res.status, 400)
  assert.ok(tampered.html.includes('页面已超时'))

  const huge = await b.post('/register', { _csrf: csrf, displayName: 'x'.repeat(40_000) })
  assert.equal(huge.res.status, 413)
  assert.ok(huge.html.includes('提交的内容过大'))

  for (const path of ['/register/code', '/register']) {
    const r = await new Browser(t.app).post(path, { phone: '13912340008' })
    assert.equal(r.res.status, 403, path)
    assert.ok(r.html.includes('页面已过期'))
  }
  assert.equal(t.sms.last('13912340008'), undefined)
})
