import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { createStaff, formBody, signIn } from '../../../../test/staff'

let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('seeded')
})
after(() => t.close())

const post = (path: string, cookie: string, fields: Record<string, string>) =>
  t.app.request(path, { method: 'POST', body: formBody(fields), headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' } })

test('an editor sets the account level an item needs; the guide shows it; the change is audited; same level writes nothing', async () => {
  await createStaff(t.db, 'trust-editor', ['catalog_editor'])
  const s = await signIn(t.app, 'trust-editor')
  const item = await t.db.selectFrom('service_items').select(['code', 'min_trust_level']).where('status', '=', 'published').executeTakeFirstOrThrow()
  assert.equal(item.min_trust_level, 2)
  const page = await (await t.app.request(`/admin/items/${item.code}`, { headers: { cookie: s.cookie } })).text()
  assert.match(page, /id="minTrustLevel"/)
  const res = await post(`/admin/items/${item.code}/trust-level`, s.cookie, { _csrf: s.csrf, minTrustLevel: '3' })
  assert.equal(res.status, 303)
  assert.equal(res.headers.get('location'), `/admin/items/${item.code}?done=trust_level`)
  const row = await t.db.selectFrom('service_items').select('min_trust_level').where('code', '=', item.code).executeTakeFirstOrThrow()
  assert.equal(row.min_trust_level, 3)
  const audit = await t.db.selectFrom('audit_log').select(['details']).where('action', '=', 'catalog.item.trust_level_changed').where('subject_id', '=', item.code).execute()
  assert.deepEqual(audit.map((a) => a.details), [{ from: 2, to: 3 }])
  const guide = await (await t.app.request(`/services/${item.code}`)).text()
  assert.match(guide, /3 级/)
  assert.equal((await post(`/admin/items/${item.code}/trust-level`, s.cookie, { _csrf: s.csrf, minTrustLevel: '3' })).status, 303)
  assert.equal((await t.db.selectFrom('audit_log').select('id').where('action', '=', 'catalog.item.trust_level_changed').where('subject_id', '=', item.code).execute()).length, 1, 'no second entry')
})

test('bad levels get a field message and change nothing; other staff, anonymous and missing CSRF get 403', async () => {
  await createStaff(t.db, 'trust-editor2', ['catalog_editor'])
  await createStaff(t.db, 'trust-officer', ['department_officer'])
  const s = await signIn(t.app, 'trust-editor2')
  const item = await t.db.selectFrom('service_items').select(['code', 'min_trust_level']).where('status', '=', 'published').orderBy('code', 'desc').executeTakeFirstOrThrow()
  for (const bad of ['0', '4', 'x', '', '2.5']) {
    const res = await post(`/admin/items/${item.code}/trust-level`, s.cookie, { _csrf: s.csrf, minTrustLevel: bad })
    assert.equal(res.status, 400, bad)
    assert.match(await res.text(), /请选择 1、2 或 3 级/)
  }
  const officer = await signIn(t.app, 'trust-officer', undefined, '/admin/home')
  assert.equal((await post(`/admin/items/${item.code}/trust-level`, officer.cookie, { _csrf: officer.csrf, minTrustLevel: '1' })).status, 403)
  assert.equal((await post(`/admin/items/${item.code}/trust-level`, '', { minTrustLevel: '1' })).status, 403)
  assert.equal((await post(`/admin/items/${item.code}/trust-level`, s.cookie, { minTrustLevel: '1' })).status, 403)
  assert.equal((await post('/admin/items/NO-SUCH-ITEM/trust-level', s.cookie, { _csrf: s.csrf, minTrustLevel: '1' })).status, 404)
  const row = await t.db.selectFrom('service_items').select('min_trust_level').where('code', '=', item.code).executeTakeFirstOrThrow()
  assert.equal(row.min_trust_level, item.min_trust_level)
})
