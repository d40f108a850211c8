import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { citizenSession, createCitizen, createDemoCitizen, DEMO_RESIDENTS, fakeIdNumber } from '../../../test/citizens'
import { assertNoRawIdentifiers } from './citizen-routes-test-support'
import { parseCardDate } from './verify-real-name-fields'

let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('seeded')
})
after(() => t.close())

type S = Awaited<ReturnType<typeof citizenSession>>
const post = async (s: S, fields: Record<string, string>) => {
  const res = await t.app.request('/account/verify', { method: 'POST', body: new URLSearchParams({ _csrf: s.csrf, ...fields }), headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' } })
  return { res, html: await res.text() }
}
const row = (id: string) => t.db.selectFrom('citizens').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const failures = async (id: string) =>
  (await t.db.selectFrom('audit_log').select(['reason', 'details']).where('action', '=', 'identity.citizen.verification_failed').where('subject_id', '=', id).execute())

test('a match sets name, ID, gender, birth date and level 2; 长期 cards verify with the checkbox; the read is in the access log', async () => {
  const r = DEMO_RESIDENTS[3] // 赵秀英, card valid 长期
  const c = await createCitizen(t.db)
  const s = await citizenSession(t.app, t.db, c.id)
  const v = await post(s, { name: r.name, idNumber: r.idNumber.toLowerCase(), validUntil: '', longTerm: 'yes' })
  assert.equal(v.res.status, 303, v.html.slice(0, 300))
  const after = await row(c.id)
  assert.deepEqual([after.name, after.id_number, after.gender_code, after.birth_date, after.trust_level, after.verification_method], [r.name, r.idNumber, r.genderCode, r.birthDate, 2, 'population_registry'])
  const logged = await t.db.selectFrom('data_access_log').select(['subject_masked', 'actor_id', 'outcome']).where('actor_id', '=', c.id).execute()
  assert.ok(logged.length >= 1 && logged.every((l) => !l.subject_masked.includes(r.idNumber)), 'logged by the exchange, masked')
  const again = await post(s, { name: r.name, idNumber: r.idNumber, longTerm: 'yes' })
  assert.equal(again.res.status, 409, 'already verified: refused, and the page says so')
  assert.ok(again.html.includes('您已完成实名认证'))
})

test('mismatch, unknown person and wrong validity all get the same message; audited masked; no change', async () => {
  const r = DEMO_RESIDENTS[2]
  const c = await createCitizen(t.db)
  const s = await citizenSession(t.app, t.db, c.id)
  const attempts = [
    { name: '陈志刚', idNumber: r.idNumber, validUntil: r.idCardValidUntil! },
    { name: r.name, idNumber: fakeIdNumber(1), validUntil: r.idCardValidUntil! },
    { name: r.name, idNumber: r.idNumber, validUntil: '2031-01-01' },
  ]
  const pages = []
  for (const a of attempts) {
    const v = await post(s, a)
    assert.equal(v.res.status, 400)
    assert.ok(v.html.includes('实名信息核验未通过：请核对姓名、身份证号和证件有效期'), JSON.stringify(a))
    assert.ok(!v.html.includes('value="' + a.idNumber), 'the ID number is not refilled')
    assertNoRawIdentifiers(v.html, 'refused page')
    pages.push(v.html.replace(/value="[^"]*"/g, ''))
  }
  assert.equal(pages[0], pages[2], 'nothing reveals which factor failed')
  const f = await failures(c.id)
  assert.deepEqual(f.map((x) => x.reason).sort(), ['mismatch', 'mismatch', 'not_found'])
  for (const x of f) assert.doesNotMatch(JSON.stringify(x), /\d{17}[\dX]|陈志/)
  assert.equal((await row(c.id)).trust_level, 1)
})

test('an ID already bound to another account is refused with what to do; audited; counts as a failure', async () => {
  const holder = await createDemoCitizen(t.db, 0)
  const r = DEMO_RESIDENTS[0]
  const c = await createCitizen(t.db)
  const s = await citizenSession(t.app, t.db, c.id)
  const v = await post(s, { name: r.name, idNumber: r.idNumber, validUntil: r.idCardValidUntil! })
  assert.equal(v.res.status, 409)
  assert.ok(v.html.includes('该身份证号已绑定其他一网通办账号') && v.html.includes('12345') && v.html.includes('窗口'))
  assert.equal((await row(c.id)).id_number, null)
  assert.equal((await row(holder.id)).id_number, r.idNumber)
  assert.deepEqual((await failures(c.id)).map((x) => x.reason), ['id_bound'])
})

test('5 failed checks in 24 hours stop further checks that day; bad input is refused before the registry is asked', async () => {
  const c = await createCitizen(t.db)
  const s = await citizenSession(t.app, t.db, c.id)
  const r = DEMO_RESIDENTS[1]
  for (const [fields, field, msg] of [
    [{ name: '', idNumber: '', validUntil: '' }, 'name', '请填写身份证上的姓名'],
    [{ name: '王'.repeat(31), idNumber: r.idNumber, validUntil: '2040-09-01' }, 'name', '最多30个字'],
    [{ name: r.name, idNumber: '320506199207082341', validUntil: '2040-09-01' }, 'idNumber', '校验位不正确'],
    [{ name: r.name, idNumber: '3205061992', validUntil: '2040-09-01' }, 'idNumber', '应为18位'],
    [{ name: r.name, idNumber: r.idNumber, validUntil: '2040-13-01' }, 'validUntil', '格式不正确'],
    [{ name: r.name, idNumber: r.idNumber, validUntil: '2020-01-01' }, 'validUntil', '已过有效期'],
  ] as const) {
    const v = await post(s, fields)
    assert.equal(v.res.status, 400, msg)
    assert.ok(v.html.includes(msg) && v.html.includes(`href="#${field}"`), msg)
  }
  assert.equal((await failures(c.id)).length, 0, 'format errors are not registry checks')
  const before = await t.db.selectFrom('data_access_log').select((eb) => eb.fn.countAll<number>().as('n')).where('actor_id', '=', c.id).executeTakeFirstOrThrow()
  assert.equal(Number(before.n), 0)

  for (let i = 0; i < 5; i++) assert.equal((await post(s, { name: '王芬', idNumber: r.idNumber, validUntil: '2040-09-01' })).res.status, 400)
  const limited = await post(s, { name: r.name, idNumber: r.idNumber, validUntil: '2040-09-01' })
  assert.equal(limited.res.status, 429)
  assert.ok(limited.html.includes('24小时后再试') && limited.html.includes('窗口'))
  assert.equal((await row(c.id)).trust_level, 1, 'even the right details are refused today')
})

test('wrong user and no session: verification needs a signed-in citizen and its own CSRF token', async () => {
  const a = await createCitizen(t.db)
  const b = await createCitizen(t.db)
  const sa = await citizenSession(t.app, t.db, a.id)
  const sb = await citizenSession(t.app, t.db, b.id)
  const r = DEMO_RESIDENTS[1]
  const cross = await post({ cookie: sa.cookie, csrf: sb.csrf }, { name: r.name, idNumber: r.idNumber, validUntil: '2040-09-01' })
  assert.equal(cross.res.status, 403)
  const anon = await t.app.request('/account/verify')
  assert.equal(anon.status, 303)
  assert.equal(anon.headers.get('location'), '/login?next=%2Faccount%2Fverify')
  assert.equal((await row(a.id)).id_number, null)
})

test('card dates as people type them', () => {
  assert.equal(parseCardDate('2035.06.30'), '2035-06-30')
  assert.equal(parseCardDate('20350630'), '2035-06-30')
  assert.equal(parseCardDate('2035/6/3'), '2035-06-03')
  assert.equal(parseCardDate('2035年6月30日'), '2035-06-30')
  assert.equal(parseCardDate('2035-02-30'), null)
  assert.equal(parseCardDate('长期'), null)
})
