import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { createStaff, signIn } from '../../../test/staff'

let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('seeded')
})
after(() => t.close())

test('staff without the catalogue role land on 工作台 with only the areas their roles open', async () => {
  await createStaff(t.db, 'officer-home', ['department_officer'])
  const s = await signIn(t.app, 'officer-home', undefined, '/admin/home')
  const landing = await t.app.request('/admin', { headers: { cookie: s.cookie } })
  assert.equal(landing.status, 303)
  assert.equal(landing.headers.get('location'), '/admin/home')
  const home = await (await t.app.request('/admin/home', { headers: { cookie: s.cookie } })).text()
  assert.ok(home.includes('/admin/exchange/grants'))
  assert.ok(!home.includes('href="/admin/staff"') && !home.includes('href="/admin/clients"'), 'admin areas are not offered')
  assert.ok(!home.includes('href="/admin/synonyms"'), 'catalogue areas are not offered')
})

test('an admin sees every area in the navigation, including connected systems and registries', async () => {
  await createStaff(t.db, 'admin-home', ['admin'])
  const s = await signIn(t.app, 'admin-home')
  const home = await (await t.app.request('/admin/home', { headers: { cookie: s.cookie } })).text()
  for (const href of ['/admin/clients', '/admin/registries', '/admin/staff', '/admin/departments', '/admin/exchange/access-log', '/admin/synonyms']) {
    assert.ok(home.includes(`href="${href}"`), href)
  }
  const editorList = await t.app.request('/admin', { headers: { cookie: s.cookie } })
  assert.equal(editorList.status, 200, 'admins pass the catalogue role')
  assert.equal((await t.app.request('/admin/home')).status, 303, 'anonymous → sign-in')
})
