import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testDb } from '../../../test/db'
import type { DatabaseHandle } from '../../platform/database'
import { verifyAudit } from '../../platform/audit'
import { DomainError } from '../../platform/errors'
import { saveItem } from './save-item'
import { getItemByCode, listItemVersions } from './catalog-queries'
import type { ServiceItemRecord } from './service-item'

let h: DatabaseHandle
before(async () => {
  h = await testDb('migrated')
})
after(async () => {
  await h.close()
})
const editor = { type: 'staff' as const, id: 'u1', name: '编辑甲' }
const base: ServiceItemRecord = {
  code: 'TEST-0001',
  name: '食品经营许可证核发',
  type: 'administrative_license',
  department: { name: '测试市市场监督管理局', code: '11320500MB0000001A' }, // valid GB 32100 check character
  audience: ['enterprise', 'individual'],
  region: { code: '320500', name: '苏州市' },
  themes: ['准营准办'],
  statutoryDays: 20,
  promisedDays: 10,
  steps: [{ name: '受理' }, { name: '现场核查', after: ['受理'] }, { name: '消防检查', after: ['受理'] }, { name: '决定', after: ['现场核查', '消防检查'] }],
}

const auditCount = async () => (await h.db.selectFrom('audit_log').select('seq').execute()).length

test('create → version 1 with department, theme and an audit entry', async () => {
  const r = await saveItem(h.db, { record: base, actor: editor, note: '新建' })
  assert.deepEqual([r.outcome, r.version], ['created', 1])
  const item = await getItemByCode(h.db, 'TEST-0001')
  assert.equal(item?.department.name, '测试市市场监督管理局')
  assert.equal(item?.status, 'published')
  const theme = await h.db.selectFrom('themes').selectAll().where('name', '=', '准营准办').executeTakeFirst()
  assert.equal(theme?.audience, 'individual')
  assert.equal(await auditCount(), 1)
})

test('saving the same record again changes nothing', async () => {
  const r = await saveItem(h.db, { record: { ...base }, actor: editor })
  assert.deepEqual([r.outcome, r.version], ['unchanged', 1])
  assert.equal(await auditCount(), 1)
})

test('a change makes version 2 and keeps version 1 intact', async () => {
  const r = await saveItem(h.db, { record: { ...base, promisedDays: 5 }, actor: editor, note: '压缩承诺时限', expectedVersion: 1 })
  assert.deepEqual([r.outcome, r.version], ['updated', 2])
  const item = await getItemByCode(h.db, 'TEST-0001')
  const versions = await listItemVersions(h.db, item!.id)
  assert.deepEqual(versions.map((v) => [v.version, v.record.promisedDays]), [[2, 5], [1, 10]])
  assert.equal(versions[0]!.note, '压缩承诺时限')
  assert.equal((await verifyAudit(h.db)).ok, true)
})

test('a stale expectedVersion is a conflict and writes nothing', async () => {
  await assert.rejects(saveItem(h.db, { record: { ...base, promisedDays: 3 }, actor: editor, expectedVersion: 1 }), (e: unknown) => e instanceof DomainError && e.code === 'item_version_conflict' && /刷新/.test(e.message))
  assert.equal((await getItemByCode(h.db, 'TEST-0001'))!.version, 2)
})

test('create with a code that exists is refused when mustBeNew', async () => {
  await assert.rejects(saveItem(h.db, { record: { ...base, name: '别的事项' }, actor: editor, mustBeNew: true }), (e: unknown) => e instanceof DomainError && e.code === 'item_code_taken')
})

test('invalid records are refused field by field, in Chinese, and nothing is written', async () => {
  const before = await auditCount()
  const bad = { ...base, code: 'TEST-BAD', promisedDays: 30, region: { code: '999999' }, department: { name: 'X', code: '11320500MB00000010' }, steps: [{ name: 'a', after: ['b'] }], colour: 'red' }
  await assert.rejects(saveItem(h.db, { record: bad, actor: editor }), (e: unknown) => {
    assert.ok(e instanceof DomainError)
    assert.equal(e.code, 'item_invalid')
    assert.deepEqual(e.fields.map((f) => f.field), ['colour'])
    return true
  })
  const bad2 = { ...base, code: 'TEST-BAD', promisedDays: 30, region: { code: '999999' }, department: { name: 'X', code: '11320500MB00000010' }, steps: [{ name: 'a', after: ['b'] }] }
  await assert.rejects(saveItem(h.db, { record: bad2, actor: editor }), (e: unknown) => {
    assert.ok(e instanceof DomainError)
    const fields = e.fields.map((f) => f.field).sort()
    assert.deepEqual(fields, ['department.code', 'promisedDays', 'region.code', 'steps[0].after[0]'])
    assert.ok(e.fields.every((f) => /[\u4e00-\u9fa5]/.test(f.message)))
    return true
  })
  assert.equal(await getItemByCode(h.db, 'TEST-BAD'), undefined)
  assert.equal(await auditCount(), before)
})

test('a step cycle is refused', async () => {
  const cyc = { ...base, code: 'TEST-CYC', steps: [{ name: 'a', after: ['b'] }, { name: 'b', after: ['a'] }] }
  await assert.rejects(saveItem(h.db, { record: cyc, actor: editor }), (e: unknown) => e instanceof DomainError && e.fields.some((f) => f.field === 'steps' && /循环/.test(f.message)))
})
