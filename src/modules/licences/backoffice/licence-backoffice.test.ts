import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { caseCrew, type CaseCrew } from '../../../../test/cases'
import { citizenSession, createCitizen } from '../../../../test/citizens'
import { staffCookie, staffIn } from '../../../../test/exchange'
import { issuedFoodLicence } from '../../../../test/licences'
import { verifyAudit } from '../../../platform/audit'
import { shanghaiDate } from '../../../platform/calendar/working-calendar'
import { verifyLicenceById } from '../index'

let t: Awaited<ReturnType<typeof testApp>>
let crew: CaseCrew
type S = { cookie: string; csrf: string }
let officer: S, head: S, window: S, outsider: S
before(async () => {
  t = await testApp('seeded')
  crew = await caseCrew(t.db, 'lbo')
  officer = await staffCookie(t.db, crew.cityOfficer.id)
  head = await staffCookie(t.db, crew.cityHead.id)
  window = await staffCookie(t.db, crew.window.id)
  outsider = await staffCookie(t.db, crew.outsider.id)
})
after(() => t.close())

const get = (path: string, s: S) => t.app.request(path, { headers: { cookie: s.cookie } })
const post = (path: string, s: S, fields: Record<string, string>, csrf = true) =>
  t.app.request(path, { method: 'POST', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...(csrf ? { _csrf: s.csrf } : {}), ...fields }) })
const row = (id: string) => t.db.selectFrom('licences').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const today = () => shanghaiDate(new Date())

test('list: the issuing department sees its licences (status filter, number search, keyset paging); another department sees none', async () => {
  const a = (await issuedFoodLicence(t.deps, crew)).licence
  const b = (await issuedFoodLicence(t.deps, crew)).licence
  const list = await get('/admin/licences', officer)
  assert.equal(list.status, 200)
  const html = await list.text()
  assert.ok(html.includes(a.number) && html.includes(b.number))
  assert.ok(html.indexOf(b.number) < html.indexOf(a.number), 'newest first')
  assert.match(html, /aria-current="page"[^>]*>电子证照|href="\/admin\/licences" aria-current="page"/, 'the navigation entry')
  const search = await (await get(`/admin/licences?q=${encodeURIComponent(a.number)}`, officer)).text()
  assert.ok(search.includes(a.number) && !search.includes(b.number))
  const byIdentifier = await (await get(`/admin/licences?q=${encodeURIComponent(b.identifier)}`, officer)).text()
  assert.ok(byIdentifier.includes(b.number) && !byIdentifier.includes(a.number))
  assert.ok(!(await (await get('/admin/licences?status=revoked', officer)).text()).includes(a.number))
  // Paging: ?after=<b> starts below b.
  const after = await (await get(`/admin/licences?after=${b.id}`, officer)).text()
  assert.ok(after.includes(a.number) && !after.includes(b.number))
  // Garbage filters fall back to defaults instead of failing.
  assert.equal((await get('/admin/licences?status=nope&after=%27--&q=%25%25', officer)).status, 200)
  const other = await (await get('/admin/licences', outsider)).text()
  assert.ok(!other.includes(a.number), 'another department sees none of them')
})

test('licence page and lifecycle forms: 暂扣 → 发还 → 变更 (new version) → 撤销, with expectedVersion; a stale page gets a clear 409', async () => {
  const { licence } = await issuedFoodLicence(t.deps, crew)
  const page = await get(`/admin/licences/${licence.id}`, officer)
  assert.equal(page.status, 200)
  const html = await page.text()
  for (const s of ['历史记录', '新发', '暂扣证照', '撤销证照', '变更证照', '延续证照', 'name="expectedVersion" value="1"', licence.identifier]) assert.ok(html.includes(s), s)
  assert.ok(!html.includes(licence.holder_code), 'the full 身份证号 is not on the page')

  // A missing reason: 400, the page again with the error summary, nothing changed.
  const noReason = await post(`/admin/licences/${licence.id}/suspend`, officer, { expectedVersion: '1', reason: '' })
  assert.equal(noReason.status, 400)
  const nr = await noReason.text()
  assert.match(nr, /error-summary/)
  assert.match(nr, /href="#suspend-reason"/)
  assert.equal((await row(licence.id)).status, 'valid')

  const s1 = await post(`/admin/licences/${licence.id}/suspend`, officer, { expectedVersion: '1', reason: '责令停业整顿期间暂扣' })
  assert.equal(s1.status, 303)
  assert.equal(s1.headers.get('location'), `/admin/licences/${licence.id}?done=suspend`)
  assert.equal((await row(licence.id)).status, 'suspended')
  assert.match(await (await get(`/admin/licences/${licence.id}?done=suspend`, officer)).text(), /证照已暂扣/)

  // The same (now stale) page posted again: 409, a message that says to reload.
  const stale = await post(`/admin/licences/${licence.id}/reinstate`, officer, { expectedVersion: '1' })
  assert.equal(stale.status, 409)
  assert.match(await stale.text(), /已被他人更新，请刷新页面/)
  assert.equal((await row(licence.id)).status, 'suspended')
  assert.equal((await post(`/admin/licences/${licence.id}/reinstate`, officer, { expectedVersion: 'x' })).status, 400)

  assert.equal((await post(`/admin/licences/${licence.id}/reinstate`, officer, { expectedVersion: '2' })).status, 303)
  assert.equal((await row(licence.id)).status, 'valid')

  // 变更: only the changed field is sent on; a new version, the old one superseded.
  const nothing = await post(`/admin/licences/${licence.id}/change`, officer, { expectedVersion: '3', reason: '经营项目变更' })
  assert.equal(nothing.status, 400, 'no field changed')
  const ch = await post(`/admin/licences/${licence.id}/change`, head, { expectedVersion: '3', reason: '经营项目变更', 'field.businessItems': '热食类食品制售、冷食类食品制售' })
  assert.equal(ch.status, 303)
  const v2id = /\/admin\/licences\/([0-9a-f-]{36})\?done=change/.exec(ch.headers.get('location') ?? '')![1]!
  assert.notEqual(v2id, licence.id)
  const v2 = await row(v2id)
  assert.equal(v2.version, 2)
  assert.equal((await row(licence.id)).status, 'superseded')
  const v2page = await (await get(`/admin/licences/${v2id}?done=change`, officer)).text()
  assert.match(v2page, /热食类食品制售、冷食类食品制售/)
  assert.match(v2page, /第1版/)
  assert.equal((await verifyLicenceById(t.db, v2id, today())).status, 'valid')

  const rv = await post(`/admin/licences/${v2id}/revoke`, officer, { expectedVersion: String(v2.lock_version), reason: '以欺骗手段取得许可' })
  assert.equal(rv.status, 303)
  const revoked = await verifyLicenceById(t.db, v2id, today())
  assert.equal(revoked.status, 'revoked')
  assert.equal(revoked.licence!.statusReason, '以欺骗手段取得许可')
  assert.equal((await post(`/admin/licences/${v2id}/frobnicate`, officer, { expectedVersion: '1' })).status, 404)
  assert.ok((await verifyAudit(t.db)).ok)
})

test('wrong people: another department gets 404 and changes nothing; the window sees but may not act; no CSRF → 403; citizens → sign-in', async () => {
  const { licence } = await issuedFoodLicence(t.deps, crew)
  const before = JSON.stringify(await row(licence.id))
  assert.equal((await get(`/admin/licences/${licence.id}`, outsider)).status, 404)
  for (const action of ['suspend', 'reinstate', 'revoke', 'renew', 'change']) {
    const r = await post(`/admin/licences/${licence.id}/${action}`, outsider, { expectedVersion: '1', reason: '无权操作', 'field.businessItems': 'x' })
    assert.equal(r.status, 404, action)
  }
  const win = await (await get(`/admin/licences/${licence.id}`, window)).text()
  assert.match(win, /只有发证部门的承办人员或负责人/)
  assert.ok(!win.includes('撤销证照'), 'no action forms for the window')
  assert.equal((await post(`/admin/licences/${licence.id}/revoke`, window, { expectedVersion: '1', reason: '窗口无权撤销' })).status, 403)
  assert.equal((await post(`/admin/licences/${licence.id}/revoke`, officer, { expectedVersion: '1', reason: '没有令牌' }, false)).status, 403)
  for (const bad of ['00000000-0000-7000-8000-000000000000', 'not-a-uuid']) assert.equal((await get(`/admin/licences/${bad}`, officer)).status, 404, bad)
  assert.equal(JSON.stringify(await row(licence.id)), before, 'nothing changed')

  const citizen = await citizenSession(t.app, t.db, (await createCitizen(t.db)).id)
  const r = await get(`/admin/licences/${licence.id}`, citizen)
  assert.equal(r.status, 303)
  assert.match(r.headers.get('location') ?? '', /^\/admin\/login/)
  assert.equal((await post(`/admin/licences/${licence.id}/revoke`, citizen, { expectedVersion: '1', reason: '市民无权撤销' })).status, 403)
})

test('keys page: the head sees the current key and rotates to SM2; old licences keep verifying; officers and other heads may not', async () => {
  const { licence } = await issuedFoodLicence(t.deps, crew)
  assert.equal((await get('/admin/licences/keys', officer)).status, 403, 'an officer is not a head')
  const page = await get('/admin/licences/keys', head)
  assert.equal(page.status, 200)
  const html = await page.text()
  assert.ok(html.includes(licence.kid))
  assert.match(html, /当前/)
  const dept = crew.cityHead.departmentId!
  const bad = await post('/admin/licences/keys/rotate', head, { departmentId: dept, algorithm: 'RSA' })
  assert.equal(bad.status, 400)
  assert.match(await bad.text(), /Ed25519 或 SM2/)
  assert.equal((await post('/admin/licences/keys/rotate', head, { departmentId: '', algorithm: 'SM2' })).status, 400)
  // The head of another department may not rotate this one's key.
  assert.equal((await post('/admin/licences/keys/rotate', outsider, { departmentId: dept, algorithm: 'SM2' })).status, 403)
  assert.equal((await post('/admin/licences/keys/rotate', head, { departmentId: dept, algorithm: 'SM2' }, false)).status, 403, 'CSRF')
  const ok = await post('/admin/licences/keys/rotate', head, { departmentId: dept, algorithm: 'SM2' })
  assert.equal(ok.status, 303)
  const keys = await t.db.selectFrom('licence_keys').select(['kid', 'algorithm', 'retired_at']).where('department_id', '=', dept).execute()
  assert.equal(keys.find((k) => k.kid === licence.kid)!.retired_at !== null, true)
  assert.equal(keys.filter((k) => k.retired_at === null).length, 1)
  assert.equal(keys.find((k) => k.retired_at === null)!.algorithm, 'SM2')
  assert.match(await (await get('/admin/licences/keys?done=rotated', head)).text(), /已轮换密钥/)
  assert.equal((await verifyLicenceById(t.db, licence.id, today())).status, 'valid', 'signed under the retired key, still valid')
  const next = (await issuedFoodLicence(t.deps, crew)).licence
  assert.equal((await t.db.selectFrom('licence_keys').select('algorithm').where('kid', '=', next.kid).executeTakeFirstOrThrow()).algorithm, 'SM2')
  assert.equal((await verifyLicenceById(t.db, next.id, today())).status, 'valid')
})

test('证照目录: every seeded type with its code, validity, face-field sources and items; staff only', async () => {
  const editor = await staffCookie(t.db, (await staffIn(t.db, 'types-editor', ['catalog_editor'], null)).id)
  const res = await get('/admin/licences/types', editor)
  assert.equal(res.status, 200)
  const html = await res.text()
  assert.ok(html.includes('食品经营许可证') && html.includes('11320500MB19397269001'), 'the journey type with its code')
  assert.ok(html.includes('申请表“businessItems”') && html.includes('食品经营许可证核发'), 'where each field comes from, and its item')
  assert.ok(html.includes('5年'))
  assert.equal((await get('/admin/licences/types', window)).status, 200, 'the window too')
  const anon = await t.app.request('/admin/licences/types')
  assert.notEqual(anon.status, 200, 'not for the public')
})
