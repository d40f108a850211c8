import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { createStaff, csrfOf, nextTotpCode, postForm, postLogin, postTotp, signIn, signInCookie, staffTotpSecret, type Session } from '../../../test/staff'

let t: Awaited<ReturnType<typeof testApp>>
let admin: Session
let editor: Session
let deptA: string
let deptB: string
before(async () => {
  t = await testApp('seeded')
  const depts = await t.db.selectFrom('departments').select(['id', 'name']).orderBy('name').execute()
  deptA = depts.find((d) => d.name === '苏州市市场监督管理局')!.id
  deptB = depts.find((d) => d.name === '苏州市民政局')!.id
  await createStaff(t.db, 'root', ['admin'])
  await createStaff(t.db, 'ed1', ['catalog_editor'])
  await createStaff(t.db, 'target', ['department_officer'], { departmentId: deptA })
  admin = await signIn(t.app, 'root', undefined, '/admin/staff')
  editor = await signIn(t.app, 'ed1')
})
after(() => t.close())

const idOf = async (u: string) => (await t.db.selectFrom('staff_users').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id
const grantsOf = async (u: string) => t.db.selectFrom('staff_roles').select(['id', 'role', 'department_id', 'region_code']).where('staff_id', '=', await idOf(u)).execute()
const audits = async (action: string) => (await t.db.selectFrom('audit_log').select('action').where('action', '=', action).execute()).length

test('staff pages: anonymous → sign-in (GET) or 403 (POST); a non-admin → 403; nothing written', async () => {
  const target = await idOf('target')
  const gets = ['/admin/staff', '/admin/staff/new', `/admin/staff/${target}`]
  const posts = ['/admin/staff/new', `/admin/staff/${target}/grants`, `/admin/staff/${target}/status`, `/admin/staff/${target}/totp-reset`, `/admin/staff/${target}/password-reset`]
  for (const p of gets) {
    const r = await t.app.request(p)
    assert.equal(r.status, 303, p)
    assert.equal(r.headers.get('location'), `/admin/login?next=${encodeURIComponent(p)}`)
    assert.equal((await t.app.request(p, { headers: { cookie: editor.cookie } })).status, 403, p)
  }
  const before = await t.db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').executeTakeFirstOrThrow()
  for (const p of posts) {
    assert.equal((await postForm(t.app, p, {}, { username: 'x', role: 'admin', disabled: 'true' })).status, 403, p)
    assert.equal((await postForm(t.app, p, editor, { username: 'x', role: 'admin', disabled: 'true' })).status, 403, p)
    assert.equal((await postForm(t.app, p, admin, { username: 'x', role: 'admin', disabled: 'true' }, false)).status, 403, `no CSRF ${p}`)
  }
  const after = await t.db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').executeTakeFirstOrThrow()
  assert.equal(after.seq, before.seq)
  assert.equal((await grantsOf('target')).length, 1)
})

test('the list shows accounts with roles and scopes, filtered by department and role', async () => {
  const all = await (await t.app.request('/admin/staff', { headers: { cookie: admin.cookie } })).text()
  assert.match(all, /target/)
  assert.match(all, /审批人员 · 苏州市市场监督管理局/)
  const byRole = await (await t.app.request('/admin/staff?role=admin', { headers: { cookie: admin.cookie } })).text()
  assert.match(byRole, />root</)
  assert.doesNotMatch(byRole, />target</)
  const byDept = await (await t.app.request(`/admin/staff?department=${deptB}`, { headers: { cookie: admin.cookie } })).text()
  assert.doesNotMatch(byDept, />target</)
  assert.equal((await t.app.request('/admin/staff?role=nonsense&department=nope', { headers: { cookie: admin.cookie } })).status, 200)
})

test('create: every problem is listed with a field message; nothing is written', async () => {
  const n = await audits('identity.staff.created')
  const bad = await postForm(t.app, '/admin/staff/new', admin, { username: 'A B', displayName: '', departmentId: '', roles: [] })
  assert.equal(bad.status, 400)
  const html = await bad.text()
  for (const f of ['username', 'displayName', 'departmentId', 'roles']) assert.match(html, new RegExp(`id="${f}-error"`), f)
  assert.match(html, /<title>错误：/)
  const sup = await postForm(t.app, '/admin/staff/new', admin, { username: 'sup2', displayName: '监察', departmentId: deptA, roles: ['supervisor'], regionCode: '' })
  assert.match(await sup.text(), /id="regionCode-error"/)
  const taken = await postForm(t.app, '/admin/staff/new', admin, { username: 'target', displayName: '重名', departmentId: deptA, roles: ['window_officer'] })
  assert.equal(taken.status, 400)
  assert.match(await taken.text(), /id="username-error"[\s\S]*已被使用/)
  const unknownDept = await postForm(t.app, '/admin/staff/new', admin, { username: 'ghost', displayName: '某人', departmentId: '01234567-89ab-7def-8123-456789abcdef', roles: ['window_officer'] })
  assert.match(await unknownDept.text(), /id="departmentId-error"/)
  assert.equal(await audits('identity.staff.created'), n)
})

test('create: the one-time password is shown once; first sign-in enrols TOTP then forces a new password', async () => {
  const res = await postForm(t.app, '/admin/staff/new', admin, { username: 'wang.fang', displayName: '王芳', departmentId: deptA, roles: ['window_officer', 'supervisor'], regionCode: '320508' })
  assert.equal(res.status, 201)
  assert.equal(res.headers.get('cache-control'), 'no-store')
  const password = /id="one-time-password">([^<]+)</.exec(await res.text())?.[1]
  assert.ok(password && password.length >= 16)
  const grants = await grantsOf('wang.fang')
  assert.deepEqual(grants.map((g) => [g.role, g.department_id, g.region_code]).sort(), [['supervisor', null, '320508'], ['window_officer', deptA, null]])
  const audit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'identity.staff.created').orderBy('seq', 'desc').executeTakeFirstOrThrow()
  assert.doesNotMatch(JSON.stringify(audit.details), new RegExp(password))

  const first = await postLogin(t.app, 'wang.fang', password)
  assert.equal(first.res.headers.get('location'), '/admin/login/totp/setup?next=%2Fadmin')
  const setup = await (await t.app.request('/admin/login/totp/setup', { headers: { cookie: first.session! } })).text()
  const secret = /data-secret="([A-Z2-7]+)"/.exec(setup)![1]!
  const done = await postTotp(t.app, first.session!, await nextTotpCode(secret), '/admin/login/totp/setup')
  assert.equal(done.res.headers.get('location'), '/admin/login/password?next=%2Fadmin')
})

test('grants: add with scope, bad scope and duplicates refused with messages, remove; all audited', async () => {
  const id = await idOf('target')
  const noDept = await postForm(t.app, `/admin/staff/${id}/grants`, admin, { role: 'department_head', departmentId: '', regionCode: '' })
  assert.equal(noDept.status, 400)
  assert.match(await noDept.text(), /id="departmentId-error"/)
  const noRegion = await postForm(t.app, `/admin/staff/${id}/grants`, admin, { role: 'supervisor', departmentId: '', regionCode: '' })
  assert.match(await noRegion.text(), /id="regionCode-error"/)
  const unknownRegion = await postForm(t.app, `/admin/staff/${id}/grants`, admin, { role: 'supervisor', departmentId: '', regionCode: '329999' })
  assert.match(await unknownRegion.text(), /所选行政区划不存在/)
  const badRole = await postForm(t.app, `/admin/staff/${id}/grants`, admin, { role: 'king', departmentId: '', regionCode: '' })
  assert.match(await badRole.text(), /id="role-error"/)

  const ok = await postForm(t.app, `/admin/staff/${id}/grants`, admin, { role: 'department_head', departmentId: deptB, regionCode: '' })
  assert.equal(ok.status, 303)
  assert.equal(ok.headers.get('location'), `/admin/staff/${id}?done=granted`)
  const dup = await postForm(t.app, `/admin/staff/${id}/grants`, admin, { role: 'department_head', departmentId: deptB, regionCode: '' })
  assert.equal(dup.status, 400)
  assert.match(await dup.text(), /已有这个角色/)
  const head = (await grantsOf('target')).find((g) => g.role === 'department_head')!
  assert.equal(head.department_id, deptB)
  const roles = (await t.db.selectFrom('staff_users').select('roles').where('id', '=', id).executeTakeFirstOrThrow()).roles
  assert.deepEqual([...roles].sort(), ['department_head', 'department_officer'])
  assert.equal((await postForm(t.app, `/admin/staff/${id}/grants/${head.id}/delete`, admin, {})).status, 303)
  assert.equal((await grantsOf('target')).some((g) => g.role === 'department_head'), false)
  assert.equal(await audits('identity.staff.role_granted'), 1)
  assert.equal(await audits('identity.staff.role_revoked'), 1)
})

test('an admin cannot remove their own admin role or disable themself (clear message, nothing changes)', async () => {
  const me = await idOf('root')
  const grant = (await grantsOf('root')).find((g) => g.role === 'admin')!
  const r = await postForm(t.app, `/admin/staff/${me}/grants/${grant.id}/delete`, admin, {})
  assert.equal(r.status, 400)
  assert.match(await r.text(), /不能取消自己的系统管理员角色/)
  const d = await postForm(t.app, `/admin/staff/${me}/status`, admin, { disabled: 'true' })
  assert.equal(d.status, 400)
  assert.match(await d.text(), /不能停用自己的账号/)
  assert.equal((await grantsOf('root')).some((g) => g.role === 'admin'), true)
  assert.equal((await t.app.request('/admin/staff', { headers: { cookie: admin.cookie } })).status, 200)
})

test('disable ends the sessions and refuses sign-in; enable restores it', async () => {
  await createStaff(t.db, 'leaver', ['catalog_editor'])
  const s = await signInCookie(t.app, 'leaver')
  const id = await idOf('leaver')
  assert.equal((await postForm(t.app, `/admin/staff/${id}/status`, admin, { disabled: 'true' })).status, 303)
  assert.equal((await t.app.request('/admin', { headers: { cookie: s } })).status, 303)
  assert.equal((await postLogin(t.app, 'leaver', 'correct horse battery')).res.status, 401)
  assert.equal((await postForm(t.app, `/admin/staff/${id}/status`, admin, { disabled: 'false' })).status, 303)
  assert.equal((await postLogin(t.app, 'leaver', 'correct horse battery')).res.status, 303)
})

test('reset authenticator forces re-enrolment; reset password shows a new one-time password', async () => {
  await createStaff(t.db, 'lostphone', ['catalog_editor'])
  const s = await signInCookie(t.app, 'lostphone')
  const id = await idOf('lostphone')
  assert.equal((await postForm(t.app, `/admin/staff/${id}/totp-reset`, admin, {})).status, 303)
  assert.equal((await t.app.request('/admin', { headers: { cookie: s } })).status, 303)
  const again = await postLogin(t.app, 'lostphone', 'correct horse battery')
  assert.equal(again.res.headers.get('location'), '/admin/login/totp/setup?next=%2Fadmin')
  // The old authenticator's code no longer works anywhere.
  assert.equal((await postTotp(t.app, again.session!, await nextTotpCode(staffTotpSecret('lostphone')), '/admin/login/totp/setup')).res.status, 401)

  const reset = await postForm(t.app, `/admin/staff/${id}/password-reset`, admin, {})
  assert.equal(reset.status, 200)
  const password = /id="one-time-password">([^<]+)</.exec(await reset.text())![1]!
  assert.equal((await postLogin(t.app, 'lostphone', 'correct horse battery')).res.status, 401)
  assert.equal((await postLogin(t.app, 'lostphone', password)).res.status, 303)
  const row = await t.db.selectFrom('staff_users').select('must_change_password').where('id', '=', id).executeTakeFirstOrThrow()
  assert.equal(row.must_change_password, true)
  assert.ok(await csrfOf(t.db, admin.cookie))
})
