import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { createStaff, postForm, signIn, type Session } from '../../../../test/staff'
import { usccCheckChar } from '../../../platform/identifiers'

let t: Awaited<ReturnType<typeof testApp>>
let admin: Session
let editor: Session
const uscc = (first17: string) => first17 + usccCheckChar(first17)
const A = uscc('11320508MB1234567')
const B = uscc('11320508MB7654321')
const form = (o: Record<string, string> = {}) => ({ name: '', nameEn: '', code: '', regionCode: '320508', parentId: '', address: '', phone: '', description: '', ...o })
const idOf = async (name: string) => (await t.db.selectFrom('departments').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id

before(async () => {
  t = await testApp('seeded')
  await createStaff(t.db, 'deptadmin', ['admin'])
  await createStaff(t.db, 'depteditor', ['catalog_editor'])
  admin = await signIn(t.app, 'deptadmin', undefined, '/admin/departments')
  editor = await signIn(t.app, 'depteditor')
})
after(() => t.close())

test('departments pages: anonymous → sign-in, non-admin → 403, missing CSRF → 403; nothing written', async () => {
  const id = await idOf('苏州市民政局')
  for (const p of ['/admin/departments', '/admin/departments/new', `/admin/departments/${id}/edit`]) {
    assert.equal((await t.app.request(p)).headers.get('location'), `/admin/login?next=${encodeURIComponent(p)}`)
    assert.equal((await t.app.request(p, { headers: { cookie: editor.cookie } })).status, 403, p)
  }
  for (const p of ['/admin/departments/new', `/admin/departments/${id}/edit`]) {
    assert.equal((await postForm(t.app, p, {}, form({ name: '某局', code: A }))).status, 403)
    assert.equal((await postForm(t.app, p, editor, form({ name: '某局', code: A }))).status, 403)
    assert.equal((await postForm(t.app, p, admin, form({ name: '某局', code: A }), false)).status, 403)
  }
  assert.equal(await t.db.selectFrom('departments').select('id').where('code', '=', A).executeTakeFirst(), undefined)
})

test('the list groups departments by region', async () => {
  const html = await (await t.app.request('/admin/departments', { headers: { cookie: admin.cookie } })).text()
  assert.match(html, /苏州市（320500）[\s\S]*苏州市民政局/)
  assert.match(html, /姑苏区（320508）[\s\S]*苏州市姑苏区市场监督管理局/)
})

test('bad USCC, duplicate USCC, unknown region, missing name and bad phone get field messages; nothing saved', async () => {
  const cases: [Record<string, string>, string, RegExp][] = [
    [form({ name: '测试局', code: A.slice(0, 17) + (A[17] === '0' ? '1' : '0') }), 'code', /校验位不正确/],
    [form({ name: '测试局', code: 'ABC' }), 'code', /应为18位/],
    [form({ name: '测试局', code: '11320500MB1970580F' }), 'code', /已被其他部门使用/],
    [form({ name: '测试局', code: A, regionCode: '329999' }), 'regionCode', /行政区划/],
    [form({ name: '', code: A }), 'name', /部门名称/],
    [form({ name: '苏州市民政局', code: A }), 'name', /同名/],
    [form({ name: '测试局', code: A, phone: 'call me' }), 'phone', /联系电话/],
    [form({ name: '测试局', code: A, parentId: '01234567-89ab-7def-8123-456789abcdef' }), 'parentId', /上级部门不存在/],
  ]
  for (const [fields, field, message] of cases) {
    const r = await postForm(t.app, '/admin/departments/new', admin, fields)
    assert.equal(r.status, 400, field)
    const html = await r.text()
    assert.match(html, new RegExp(`id="${field}-error"`), field)
    assert.match(html, message, field)
  }
  assert.equal(await t.db.selectFrom('departments').select('id').where('name', '=', '测试局').executeTakeFirst(), undefined)
})

test('create, nest under a parent, refuse a cycle; every save audited', async () => {
  const parent = await postForm(t.app, '/admin/departments/new', admin, form({ name: '姑苏区测试中心', code: A, phone: '0512-12345678', address: '姑苏区某路1号' }))
  assert.equal(parent.status, 303)
  assert.equal(parent.headers.get('location'), '/admin/departments?done=created')
  const pid = await idOf('姑苏区测试中心')
  const child = await postForm(t.app, '/admin/departments/new', admin, form({ name: '姑苏区测试分中心', code: B, parentId: pid }))
  assert.equal(child.status, 303)
  const cid = await idOf('姑苏区测试分中心')
  const list = await (await t.app.request('/admin/departments', { headers: { cookie: admin.cookie } })).text()
  assert.match(list, /姑苏区测试中心[\s\S]*<ul>[\s\S]*姑苏区测试分中心/)
  // The parent cannot go under its own child, nor under itself.
  const cycle = await postForm(t.app, `/admin/departments/${pid}/edit`, admin, form({ name: '姑苏区测试中心', code: A, parentId: cid }))
  assert.equal(cycle.status, 400)
  assert.match(await cycle.text(), /id="parentId-error"[\s\S]*不能是本部门或其下级部门/)
  const self = await postForm(t.app, `/admin/departments/${pid}/edit`, admin, form({ name: '姑苏区测试中心', code: A, parentId: pid }))
  assert.equal(self.status, 400)
  const edit = await postForm(t.app, `/admin/departments/${pid}/edit`, admin, form({ name: '姑苏区测试中心', code: A, phone: '0512-87654321', address: '姑苏区某路1号' }))
  assert.equal(edit.status, 303)
  const audits = await t.db.selectFrom('audit_log').select(['action', 'details']).where('subject_type', '=', 'department').where('subject_id', 'in', [pid, cid]).orderBy('seq').execute()
  assert.deepEqual(audits.map((a) => a.action), ['catalog.department_created', 'catalog.department_created', 'catalog.department_updated'])
  assert.deepEqual((audits[2]!.details as { after: unknown }).after, { phone: '0512-87654321' })
})

test('the USCC of a department with items cannot change; unknown ids are 404', async () => {
  const id = await idOf('苏州市民政局')
  const d = await t.db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const r = await postForm(t.app, `/admin/departments/${id}/edit`, admin, form({ name: d.name, code: uscc('11320500MB0000001'), regionCode: d.region_code! }))
  assert.equal(r.status, 400)
  assert.match(await r.text(), /已有事项登记/)
  assert.equal((await t.app.request('/admin/departments/not-an-id/edit', { headers: { cookie: admin.cookie } })).status, 404)
  assert.equal((await postForm(t.app, '/admin/departments/01234567-89ab-7def-8123-456789abcdef/edit', admin, form({ name: 'x', code: A }))).status, 404)
})
