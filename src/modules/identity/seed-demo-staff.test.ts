import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { postLogin } from '../../../test/staff'
import { seedDemoStaff } from './seed-demo-staff'

let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('seeded')
})
after(() => t.close())

const grants = async (username: string) =>
  t.db
    .selectFrom('staff_roles as r')
    .innerJoin('staff_users as u', 'u.id', 'r.staff_id')
    .leftJoin('departments as d', 'd.id', 'r.department_id')
    .select(['r.role', 'd.name', 'r.region_code'])
    .where('u.username', '=', username)
    .execute()

test('the demo accounts hold their scoped roles and the configured password; TOTP is left for first sign-in', async () => {
  assert.deepEqual(await grants('editor'), [{ role: 'catalog_editor', name: null, region_code: null }])
  assert.deepEqual(await grants('admin'), [{ role: 'admin', name: null, region_code: null }])
  assert.deepEqual(await grants('window1'), [{ role: 'window_officer', name: '苏州市政务服务管理办公室', region_code: null }])
  assert.deepEqual(await grants('officer1'), [{ role: 'department_officer', name: '苏州市市场监督管理局', region_code: null }])
  assert.deepEqual(await grants('head1'), [{ role: 'department_head', name: '苏州市市场监督管理局', region_code: null }])
  assert.deepEqual(await grants('supervisor1'), [{ role: 'supervisor', name: null, region_code: '320500' }])
  const r = await postLogin(t.app, 'officer1', 'editor-password-1')
  assert.equal(r.res.headers.get('location'), '/admin/login/totp/setup?next=%2Fadmin')
})

test('seeding again changes nothing; a fresh database gets one random password back', async () => {
  const n = (await t.db.selectFrom('staff_users').select('id').execute()).length
  assert.deepEqual(await seedDemoStaff(t.db, { adminPassword: undefined, directory: t.deps.directory }), {})
  assert.equal((await t.db.selectFrom('staff_users').select('id').execute()).length, n)
  const fresh = await testApp('migrated')
  try {
    const out = await seedDemoStaff(fresh.db, { adminPassword: undefined, directory: fresh.deps.directory })
    assert.ok(out['editorPassword'] && out['editorPassword'].length >= 16)
    // No departments in a bare database: the department accounts wait for them; the others exist.
    const names = (await fresh.db.selectFrom('staff_users').select('username').orderBy('username').execute()).map((u) => u.username)
    assert.deepEqual(names, ['admin', 'editor', 'supervisor1'])
    assert.equal((await postLogin(fresh.app, 'admin', out['editorPassword'])).res.status, 303)
  } finally {
    await fresh.close()
  }
})
