import { test } from 'node:test'
import assert from 'node:assert/strict'
import { departmentsWithRole, hasRoleIn, regionContains, regionPrefix, type StaffGrant } from './staff-roles'

const A = '0190a000-0000-7000-8000-00000000000a'
const B = '0190a000-0000-7000-8000-00000000000b'
const user = (...grants: StaffGrant[]) => ({ grants })

test('a department role applies to its department only (officer of A: yes in A, no in B)', () => {
  const officer = user({ role: 'department_officer', departmentId: A, regionCode: null })
  assert.equal(hasRoleIn(officer, 'department_officer', { departmentId: A }), true)
  assert.equal(hasRoleIn(officer, 'department_officer', { departmentId: B }), false)
  assert.equal(hasRoleIn(officer, 'department_officer', { departmentId: B, regionCode: '320508' }), false)
  // A region-only question is not answered by a department grant (the department's region is unknown here).
  assert.equal(hasRoleIn(officer, 'department_officer', { regionCode: '320500' }), false)
  // Another role in the same department is not implied.
  assert.equal(hasRoleIn(officer, 'department_head', { departmentId: A }), false)
  assert.equal(hasRoleIn(officer, 'department_officer'), true, 'empty scope = holds it anywhere')
})

test('a supervisor of 320500 covers 320500 and 320508, not 320000, 320100 or 110000', () => {
  const sup = user({ role: 'supervisor', departmentId: null, regionCode: '320500' })
  assert.equal(hasRoleIn(sup, 'supervisor', { regionCode: '320500' }), true)
  assert.equal(hasRoleIn(sup, 'supervisor', { regionCode: '320508' }), true)
  assert.equal(hasRoleIn(sup, 'supervisor', { departmentId: A, regionCode: '320508' }), true)
  assert.equal(hasRoleIn(sup, 'supervisor', { regionCode: '320000' }), false)
  assert.equal(hasRoleIn(sup, 'supervisor', { regionCode: '320100' }), false)
  assert.equal(hasRoleIn(sup, 'supervisor', { regionCode: '110000' }), false)
  assert.equal(hasRoleIn(sup, 'supervisor', { departmentId: A }), false, 'no region given → cannot be covered')
  const province = user({ role: 'supervisor', departmentId: null, regionCode: '320000' })
  assert.equal(hasRoleIn(province, 'supervisor', { regionCode: '320508' }), true)
  assert.equal(hasRoleIn(province, 'supervisor', { regionCode: '330100' }), false)
})

test('region prefixes follow GB/T 2260 positions', () => {
  assert.equal(regionPrefix('320000'), '32')
  assert.equal(regionPrefix('320500'), '3205')
  assert.equal(regionPrefix('320508'), '320508')
  assert.equal(regionContains('320500', '320576'), true)
  assert.equal(regionContains('320500', '321500'), false)
  assert.equal(regionContains('bad', '320500'), false)
})

test('admin passes every role and scope; nobody else does without a grant', () => {
  const admin = user({ role: 'admin', departmentId: null, regionCode: null })
  assert.equal(hasRoleIn(admin, 'department_head', { departmentId: B }), true)
  assert.equal(hasRoleIn(admin, 'supervisor', { regionCode: '110000' }), true)
  assert.deepEqual(departmentsWithRole(admin, 'window_officer'), 'all')
  assert.equal(hasRoleIn(user(), 'window_officer'), false)
})

test('an unscoped catalogue editor edits every department; a scoped one only theirs', () => {
  const all = user({ role: 'catalog_editor', departmentId: null, regionCode: null })
  const one = user({ role: 'catalog_editor', departmentId: A, regionCode: null })
  assert.equal(hasRoleIn(all, 'catalog_editor', { departmentId: B }), true)
  assert.equal(hasRoleIn(one, 'catalog_editor', { departmentId: B }), false)
  assert.deepEqual(departmentsWithRole(all, 'catalog_editor'), 'all')
  assert.deepEqual(departmentsWithRole(one, 'catalog_editor'), [A])
})
