import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { testDb } from '../../../../test/db'
import { DomainError } from '../../../platform/errors'
import { saveItem } from '../save-item'
import type { ServiceItemRecord } from '../service-item'
import { allFields, type FormDefinition } from './form-definition'
import { generateForm, materialPlan } from './generate-form'
import { getItemForm, getItemFormVersion, saveItemForm } from './item-forms'
import { curatedForms, seedItemForms } from './seed-item-forms'

let h: Awaited<ReturnType<typeof testDb>>
before(async () => {
  h = await testDb('seeded')
})
after(() => h.close())

const FOOD = '11320500MB193972693010027000100'
const actor = { type: 'staff' as const, id: null, name: '测试编辑' }
const item = async (code: string) => h.db.selectFrom('service_items').select(['id', 'data', 'current_version']).where('code', '=', code).executeTakeFirstOrThrow()
const counts = async () => {
  const r = await sql<{ f: number; a: number }>`select (select count(*) from item_forms)::int as f, (select count(*) from audit_log)::int as a`.execute(h.db)
  return r.rows[0]!
}
/** An item without a curated form: generated until someone saves. */
const plainCode = async () => (await h.db.selectFrom('service_items').select('code').where('code', 'not in', curatedForms().map((c) => c.code)).where('name', '=', '内地居民结婚登记').executeTakeFirstOrThrow()).code

test('the seed stored the curated forms as version 1 of the journey items; other items use the generated form (version 0)', async () => {
  const food = await item(FOOD)
  const f = await getItemForm(h.db, food.id)
  assert.equal(f?.version, 1)
  assert.equal(f?.generated, false)
  assert.ok(allFields(f!.definition).some((x) => x.key === 'onlineSales'))
  const plain = await item(await plainCode())
  const g = await getItemForm(h.db, plain.id)
  assert.equal(g?.version, 0)
  assert.equal(g?.generated, true)
  assert.deepEqual(g?.definition, generateForm(plain.data as unknown as ServiceItemRecord))
  // Seeding again writes nothing.
  const n = await counts()
  await seedItemForms(h.db)
  assert.deepEqual(await counts(), n)
})

test('generation: 申请人信息 with prefill, food-licence matter fields, one file per material the applicant uploads', () => {
  return item(FOOD).then(({ data }) => {
    const record = data as unknown as ServiceItemRecord
    const d = generateForm(record)
    assert.deepEqual(d.sections.map((s) => s.title), ['申请人信息', '申请事项', '申请材料'])
    const fields = allFields(d)
    const by = (k: string) => fields.find((f) => f.key === k)!
    assert.equal(by('applicantKind').type, 'radio', 'both individuals and enterprises: the applicant kind decides the group')
    assert.equal(by('idNumber').prefill, 'applicant.idNumber')
    assert.deepEqual(by('entUscc').showIf, { field: 'applicantKind', equals: 'enterprise' })
    assert.equal(by('premisesAddress').type, 'address')
    assert.deepEqual(by('businessItems').options!.map((o) => o.label), ['预包装食品销售', '散装食品销售', '热食类食品制售', '冷食类食品制售', '糕点类食品制售', '自制饮品制售'])
    assert.deepEqual(by('staff').columns!.map((c) => c.label), ['姓名', '身份证号', '健康证明编号'])
    const plan = materialPlan(record)
    const files = fields.filter((f) => f.type === 'file')
    assert.deepEqual(files.map((f) => f.materialIndex), plan.filter((p) => p.disposition === 'upload').map((p) => p.index))
    for (const p of plan.filter((x) => x.material.sharedDataset)) assert.ok(!files.some((f) => f.materialIndex === p.index), `${p.material.name} is shared data: no upload`)
    assert.equal(plan[0]!.disposition, 'form', '食品经营许可申请书 is this online form')
    assert.deepEqual(generateForm(record), d, 'deterministic')
  })
})

test('saveItemForm: new version with audit, identical save changes nothing, invalid definitions are refused with nothing written', async () => {
  const { id, data } = await item(await plainCode())
  const def = generateForm(data as unknown as ServiceItemRecord)
  const n0 = await counts()
  const r1 = await saveItemForm(h.db, { itemId: id, definition: def, actor })
  assert.deepEqual(r1, { outcome: 'saved', version: 1 })
  const audit = await h.db.selectFrom('audit_log').select(['action', 'subject_id']).orderBy('seq', 'desc').executeTakeFirstOrThrow()
  assert.equal(audit.action, 'catalog.form.saved')
  assert.deepEqual(await saveItemForm(h.db, { itemId: id, definition: def, actor }), { outcome: 'unchanged', version: 1 })
  const n1 = await counts()
  assert.deepEqual(n1, { f: n0.f + 1, a: n0.a + 1 })

  const bad: unknown[] = [
    null, 'x', { schemaVersion: 2, sections: [] },
    { ...def, sections: [{ ...def.sections[0]!, fields: [...def.sections[0]!.fields, def.sections[0]!.fields[0]] }] },
    { schemaVersion: 1, sections: [{ key: 'm', title: '材料', fields: [{ key: 'f', type: 'file', label: '文件', materialIndex: 99 }] }] },
  ]
  for (const b of bad) {
    await assert.rejects(saveItemForm(h.db, { itemId: id, definition: b, actor }), (e: unknown) => e instanceof DomainError && e.code === 'item_form_invalid' && e.fields.length > 0 && /[\u4e00-\u9fff]/.test(e.fields[0]!.message))
  }
  assert.deepEqual(await counts(), n1, 'nothing written')
  await assert.rejects(saveItemForm(h.db, { itemId: '01234567-89ab-7def-8123-456789abcdef', definition: def, actor }), (e: unknown) => e instanceof DomainError && e.status === 404)

  const changed: FormDefinition = { ...def, sections: def.sections.map((s, i) => (i === 1 ? { ...s, title: '申请内容' } : s)) }
  assert.deepEqual(await saveItemForm(h.db, { itemId: id, definition: changed, actor }), { outcome: 'saved', version: 2 })
  assert.equal((await getItemForm(h.db, id))?.definition.sections[1]?.title, '申请内容')
  assert.equal((await getItemFormVersion(h.db, id, 1))?.definition.sections[1]?.title, '申请事项', 'pinned versions never change')
  assert.equal(await getItemFormVersion(h.db, id, 3), undefined)
  assert.equal(await getItemFormVersion(h.db, id, -1), undefined)
})

test('version 0 is regenerated from the item version a draft pinned, not from today\'s item', async () => {
  const code = (await h.db.selectFrom('service_items').select('code').where('name', '=', '补领婚姻登记证').executeTakeFirstOrThrow()).code
  const before = await item(code)
  const record = before.data as unknown as ServiceItemRecord
  const pinned = before.current_version
  await saveItem(h.db, { record: { ...record, materials: [...(record.materials ?? []), { name: '新增的测试材料', required: true, source: 'applicant' }] }, actor, note: 'test' })
  const v0Pinned = await getItemFormVersion(h.db, before.id, 0, { itemVersion: pinned })
  const v0Now = await getItemFormVersion(h.db, before.id, 0)
  assert.deepEqual(v0Pinned?.definition, generateForm(record))
  assert.ok(allFields(v0Now!.definition).some((f) => f.label === '新增的测试材料'))
  assert.ok(!allFields(v0Pinned!.definition).some((f) => f.label === '新增的测试材料'))
  assert.equal(await getItemFormVersion(h.db, before.id, 0, { itemVersion: 999 }), undefined)
})
