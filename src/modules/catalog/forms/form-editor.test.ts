import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { testApp } from '../../../../test/app'
import { AMR, HRSS, departmentId, staffCookie, staffIn } from '../../../../test/exchange'
import { getItemForm } from './item-forms'

/**
 * /admin/items/:code/form: editors of the item's department (or unscoped) read and save; other roles and
 * editors of another department get 403; bad input is refused with every problem listed and nothing written.
 */
let t: Awaited<ReturnType<typeof testApp>>
let amrEditor: { cookie: string; csrf: string }
let hrssEditor: { cookie: string; csrf: string }
let clerk: { cookie: string; csrf: string }
let itemId: string
const FOOD = '11320500MB193972693010027000100' // 苏州市市场监督管理局
const path = `/admin/items/${FOOD}/form`
before(async () => {
  t = await testApp('seeded')
  amrEditor = await staffCookie(t.db, (await staffIn(t.db, 'form-amr', ['catalog_editor'], await departmentId(t.db, AMR))).id)
  hrssEditor = await staffCookie(t.db, (await staffIn(t.db, 'form-hrss', ['catalog_editor'], await departmentId(t.db, HRSS))).id)
  clerk = await staffCookie(t.db, (await staffIn(t.db, 'form-clerk', ['window_officer'], await departmentId(t.db, AMR))).id)
  itemId = (await t.db.selectFrom('service_items').select('id').where('code', '=', FOOD).executeTakeFirstOrThrow()).id
})
after(() => t.close())

const get = (s: { cookie: string }, p = path) => t.app.request(p, { headers: { cookie: s.cookie } })
const post = (s: { cookie: string; csrf: string }, fields: Record<string, string>, p = path) =>
  t.app.request(p, { method: 'POST', body: new URLSearchParams({ _csrf: s.csrf, ...fields }), headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' } })
const state = async () => (await sql<{ s: string }>`select concat((select count(*) from item_forms), '|', (select count(*) from audit_log)) as s`.execute(t.db)).rows[0]!.s
const current = async () => (await getItemForm(t.db, itemId))!

test('the item page links to the form; the editor shows outline, material plan, preview and the JSON', async () => {
  assert.match(await (await get(amrEditor, `/admin/items/${FOOD}`)).text(), new RegExp(`href="/admin/items/${FOOD}/form"`))
  const res = await get(amrEditor)
  assert.equal(res.status, 200)
  const html = await res.text()
  assert.match(html, /申请表单：食品经营许可证核发/)
  assert.match(html, /从业人员/) // outline
  assert.match(html, /免提交（共享数据：法人基础信息）/)
  assert.match(html, /name="f\.staff\.0\.healthCertNo"/) // preview rendered by FormFields
  assert.match(html, /来源：实名认证信息/)
  assert.match(html, /<textarea[^>]*name="definition"/)
  assert.match(html, /从材料重新生成/)
})

test('wrong role and another department: 403, nothing written', async () => {
  const before = await state()
  const v = String((await current()).version)
  for (const s of [clerk, hrssEditor]) {
    assert.equal((await get(s)).status, 403)
    const res = await post(s, { _action: 'regenerate', expectedVersion: v })
    assert.equal(res.status, 403)
    assert.match(await res.text(), /权限|本部门/)
  }
  assert.equal(await state(), before)
  assert.equal((await get(hrssEditor, `/admin/items/NOPE/form`)).status, 404)
})

test('bad input is refused with what to do, the text is kept, and nothing is written', async () => {
  const before = await state()
  const v = String((await current()).version)
  const notJson = await post(amrEditor, { _action: 'save', expectedVersion: v, definition: '{\n  "schemaVersion": 1,\n  oops\n}' })
  assert.equal(notJson.status, 400)
  const h1 = await notJson.text()
  assert.match(h1, /不是有效的 JSON（第 3 行附近）/)
  assert.match(h1, /oops/)
  const invalid = await post(amrEditor, { _action: 'save', expectedVersion: v, definition: JSON.stringify({ schemaVersion: 1, sections: [{ key: 'a', title: 'A', fields: [{ key: 'x', type: 'select', label: 'X' }, { key: 'x', type: 'text', label: 'Y', showIf: { field: 'zzz', equals: '1' } }] }] }) })
  assert.equal(invalid.status, 400)
  const h2 = await invalid.text()
  assert.match(h2, /sections\[0\]\.fields\[0\]\.options/)
  assert.match(h2, /在表中已出现/)
  assert.match(h2, /显示条件要引用排在它前面的字段/)
  assert.equal((await post(amrEditor, { _action: 'save', expectedVersion: v, definition: '' })).status, 400)
  assert.equal((await post(amrEditor, { _action: 'save', expectedVersion: v, definition: 'x'.repeat(300_001) })).status, 400)
  assert.equal((await post(amrEditor, { _action: 'move:99:0:up', expectedVersion: v })).status, 400)
  assert.equal((await post(amrEditor, { _action: 'save', expectedVersion: '999', definition: '{}' })).status, 409)
  assert.equal((await post(amrEditor, { _action: 'save', definition: '{}' })).status, 409)
  assert.equal(await state(), before)
})

test('save, identical save, move, remove and regenerate each behave; every change is a new version', async () => {
  const f0 = await current()
  const def = structuredClone(f0.definition)
  def.sections[1]!.title = '经营信息'
  const saved = await post(amrEditor, { _action: 'save', expectedVersion: String(f0.version), definition: JSON.stringify(def) })
  assert.equal(saved.status, 303)
  assert.match(saved.headers.get('location')!, /done=saved/)
  const f1 = await current()
  assert.equal(f1.version, f0.version + 1)
  assert.equal(f1.definition.sections[1]!.title, '经营信息')
  const same = await post(amrEditor, { _action: 'save', expectedVersion: String(f1.version), definition: JSON.stringify(def, null, 4) })
  assert.match(same.headers.get('location')!, /done=unchanged/)
  assert.equal((await current()).version, f1.version)

  const first = f1.definition.sections[1]!.fields[0]!.key
  assert.equal((await post(amrEditor, { _action: 'move:1:0:down', expectedVersion: String(f1.version) })).status, 303)
  const f2 = await current()
  assert.equal(f2.definition.sections[1]!.fields[1]!.key, first)
  assert.equal((await post(amrEditor, { _action: 'remove:1:1', expectedVersion: String(f2.version) })).status, 303)
  const f3 = await current()
  assert.ok(!f3.definition.sections[1]!.fields.some((f) => f.key === first))
  assert.equal((await post(amrEditor, { _action: 'regenerate', expectedVersion: String(f3.version) })).status, 303)
  const f4 = await current()
  assert.equal(f4.version, f3.version + 1)
  assert.ok(f4.definition.sections[1]!.fields.some((f) => f.key === 'staff'))
  assert.ok(!f4.definition.sections[1]!.fields.some((f) => f.key === 'onlineSales'), 'the generated form, not the curated one')
  const audits = await t.db.selectFrom('audit_log').select('action').where('action', '=', 'catalog.form.saved').where('subject_id', '=', FOOD).execute()
  assert.equal(audits.length, f4.version, 'one audit entry per version (seed included)')
})
