import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { citizenSession, createCitizen, fakeIdNumber } from '../../../../test/citizens'
import { fakeUpload } from '../../../../test/cases'

let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('seeded')
})
after(() => t.close())

let people = 0
async function signedIn(name: string) {
  const c = await createCitizen(t.db, { verifiedAs: { name, idNumber: fakeIdNumber(++people + 600) } })
  return { id: c.id, ...(await citizenSession(t.app, t.db, c.id)) }
}
const get = (path: string, cookie?: string) => t.app.request(path, cookie ? { headers: { cookie } } : {})
const post = (path: string, s: { cookie: string }, body: URLSearchParams) =>
  t.app.request(path, { method: 'POST', body, headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' } })
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)

/** The merged 开办餐饮店 form as a browser posts it (f.<key>, address parts, rows, ticked upload ids). */
async function restaurantPost(s: { id: string; csrf: string }, action: 'save' | 'submit', omit: string[] = []) {
  const up = () => fakeUpload(t.db, s.id)
  const fields: [string, string][] = [
    ['_csrf', s.csrf], ['_action', action], ['idempotencyKey', `page-key-${s.id}`],
    ['f.address.regionCode', '320508'], ['f.address.detail', '姑苏区人民路100号'],
    ['f.premisesAddress.regionCode', '320508'], ['f.premisesAddress.detail', '姑苏区十全街88号'], ['f.area', '120'],
    ['f.proposedName', '苏州十全小馆餐饮有限公司'], ['f.entityType', 'llc'], ['f.registeredCapital', '50'], ['f.operatingTerm', 'indefinite'], ['f.businessScope', '餐饮服务'],
    ['f.addressCommitment', 'owned'], ['f.investors.0.name', '林晓峰'], ['f.investors.0.idNumber', '11010519491231002X'], ['f.investors.0.contribution', '50'],
    ['f.material1', await up()], ['f.material2', await up()],
    ['f.premisesOwnership', 'owned'], ['f.businessItems', 'hotFood'], ['f.businessItems', 'drinks'], ['f.onlineSales', 'no'], ['f.safetyManager', '林晓峰'],
    ['f.staff.0.name', '林晓峰'], ['f.staff.0.idNumber', '11010519491231002X'], ['f.staff.0.healthCertNo', 'JK2026001'], ['f.material3', await up()], ['f.material4', await up()],
    ['f.venueName', '十全小馆'], ['f.venueType', 'hotel'], ['f.openingDate', inDays(20)], ['f.commitment', 'no'], ['f.it3Material3', await up()], ['f.it3Material4', await up()],
    ['f.signType', 'wallSign'], ['f.signText', '十全小馆'], ['f.width', '4'], ['f.height', '1'], ['f.lit', 'no'], ['f.it4Material1', await up()], ['f.it4Material2', await up()],
  ]
  return new URLSearchParams(fields.filter(([k]) => !omit.some((o) => k === `f.${o}` || k.startsWith(`f.${o}.`))))
}

test('the list and the guide are public: items, departments, merged materials and the questions saved', async () => {
  const list = await get('/bundles')
  assert.equal(list.status, 200)
  const html = await list.text()
  for (const name of ['开办餐饮店', '新生儿出生', '退休', '二手房买卖']) assert.ok(html.includes(name), name)
  assert.match(html, /少填 \d+ 项/)
  const guide = await get('/bundles/restaurant-opening')
  assert.equal(guide.status, 200)
  const g = await guide.text()
  for (const s of ['企业设立登记', '食品经营许可证核发', '公众聚集场所投入使用、营业前消防安全检查', '店招标牌设置备案', '苏州市消防救援支队', '苏州市城市管理局', '免提交', '营业执照']) assert.ok(g.includes(s), s)
  assert.match(g, /少填 23 项<\/strong>：分别申请共需填写 67 项，合并后只需 44 项/)
  assert.match(g, /href="\/login\?next=%2Fbundles%2Frestaurant-opening"/, 'signed out: sign in first')
  assert.equal((await get('/bundles/no-such-bundle')).status, 404)
  const s = await signedIn('郭静')
  const mine = await (await get('/bundles/restaurant-opening', s.cookie)).text()
  assert.match(mine, /<form method="post" action="\/me\/bundles"/)
  assert.ok(mine.includes(s.csrf))
})

test('a journey: start, save, fix the errors, submit once → four cases; the progress page shows each; someone else gets 404', async () => {
  const s = await signedIn('林晓峰')
  const started = await post('/me/bundles', s, new URLSearchParams({ _csrf: s.csrf, bundle: 'restaurant-opening' }))
  assert.equal(started.status, 303)
  const location = started.headers.get('location')!
  const m = /^\/me\/bundles\/([0-9a-f-]{36})\?started=1$/.exec(location)
  assert.ok(m, location)
  const id = m[1]!
  const again = await post('/me/bundles', s, new URLSearchParams({ _csrf: s.csrf, bundle: 'restaurant-opening' }))
  assert.equal(again.headers.get('location'), `/me/bundles/${id}`, 'starting again goes back to the draft')

  const page = await (await get(location, s.cookie)).text()
  assert.match(page, /name="f\.premisesAddress\.detail"/)
  assert.ok(!page.includes('name="f.venueAddress.detail"') && !page.includes('name="f.signAddress.detail"'), 'the address is asked once')
  assert.match(page, /林晓峰/, 'prefilled from the verified identity')
  assert.match(page, /来源：/)

  // 保存草稿 with a bad number: nothing saved, the error is shown.
  const bad = await post(`/me/bundles/${id}`, s, new URLSearchParams({ _csrf: s.csrf, _action: 'save', 'f.area': 'many' }))
  assert.equal(bad.status, 400)
  assert.match(await bad.text(), /error-summary/)
  const saved = await post(`/me/bundles/${id}`, s, new URLSearchParams({ _csrf: s.csrf, _action: 'save', 'f.venueName': '十全小馆' }))
  assert.equal(saved.headers.get('location'), `/me/bundles/${id}?saved=1`)
  assert.equal((await t.db.selectFrom('bundle_applications').select('values').where('id', '=', id).executeTakeFirstOrThrow()).values['venueName'], '十全小馆')
  // No CSRF token: refused.
  const forged = await post(`/me/bundles/${id}`, s, new URLSearchParams({ _action: 'save', 'f.venueName': 'x' }))
  assert.equal(forged.status, 403)

  // Submit without the address and the sign size: every problem at once, on the merged fields; nothing created.
  // A rented food premises needs the lease — a rule of the food permit's own form, reported on the merged field.
  const incomplete = await restaurantPost(s, 'submit', ['premisesAddress', 'width'])
  incomplete.set('f.premisesOwnership', 'rented')
  const missing = await post(`/me/bundles/${id}`, s, incomplete)
  assert.equal(missing.status, 400)
  const mh = await missing.text()
  assert.match(mh, /href="#f-premisesAddress"/)
  assert.match(mh, /href="#f-width"/)
  assert.match(mh, /href="#f-leaseContract">请上传“经营场所租赁合同”。</, 'the item rule, in the page language only')
  assert.equal((await t.db.selectFrom('applications').select('id').where('bundle_application_id', '=', id).where('status', '=', 'submitted').execute()).length, 0)

  const body = await restaurantPost(s, 'submit')
  const ok = await post(`/me/bundles/${id}`, s, body)
  assert.equal(ok.status, 303, await ok.text())
  assert.equal(ok.headers.get('location'), `/me/bundles/${id}/progress?submitted=1`)
  const replay = await post(`/me/bundles/${id}`, s, body)
  assert.equal(replay.headers.get('location'), `/me/bundles/${id}/progress`, 'a second post of the same page creates nothing')
  const cases = await t.db.selectFrom('cases as c').innerJoin('applications as a', 'a.id', 'c.application_id').select(['c.ref_no']).where('a.bundle_application_id', '=', id).execute()
  assert.equal(cases.length, 4)

  const progress = await get(`/me/bundles/${id}/progress?submitted=1`, s.cookie)
  assert.equal(progress.status, 200)
  const p = await progress.text()
  assert.match(p, /0 \/ 4 已办结/)
  assert.match(p, /4 个事项已同时送达 3 个部门/)
  for (const c of cases) assert.ok(p.includes(`${c.ref_no.slice(0, 6)}-${c.ref_no.slice(6, -1)}-${c.ref_no.slice(-1)}`), c.ref_no)
  assert.match(p, /预审受理/)
  assert.equal((await get(`/me/bundles/${id}`, s.cookie)).headers.get('location'), `/me/bundles/${id}/progress`)
  assert.match(await (await get('/me/bundles', s.cookie)).text(), new RegExp(`/me/bundles/${id}/progress`))

  // Someone else: 404 everywhere, nothing changes.
  const other = await signedIn('黄小明')
  const before = JSON.stringify(await t.db.selectFrom('bundle_applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow())
  assert.equal((await get(`/me/bundles/${id}`, other.cookie)).status, 404)
  assert.equal((await get(`/me/bundles/${id}/progress`, other.cookie)).status, 404)
  assert.equal((await post(`/me/bundles/${id}`, other, await restaurantPost(other, 'submit'))).status, 404)
  assert.equal((await get('/me/bundles/not-an-id', other.cookie)).status, 404)
  assert.ok(!(await (await get('/me/bundles', other.cookie)).text()).includes(id))
  assert.equal(JSON.stringify(await t.db.selectFrom('bundle_applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow()), before)
})

test('start: signed out → sign-in; an unknown bundle → 404; an unverified account is told to verify first', async () => {
  const out = await t.app.request('/me/bundles', { method: 'POST', body: new URLSearchParams({ bundle: 'newborn' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  assert.ok(out.status === 303 || out.status === 403)
  const s = await signedIn('马丽')
  assert.equal((await post('/me/bundles', s, new URLSearchParams({ _csrf: s.csrf, bundle: 'no-such' }))).status, 404)
  assert.equal((await post('/me/bundles', s, new URLSearchParams({ _csrf: s.csrf, bundle: '../../etc' }))).status, 404)
  const u = await createCitizen(t.db)
  const su = await citizenSession(t.app, t.db, u.id)
  const refused = await post('/me/bundles', su, new URLSearchParams({ _csrf: su.csrf, bundle: 'newborn' }))
  assert.equal(refused.status, 403)
  assert.match(await refused.text(), /实名认证/)
  assert.equal((await t.db.selectFrom('bundle_applications').select('id').where('applicant_citizen_id', '=', u.id).execute()).length, 0)
})
