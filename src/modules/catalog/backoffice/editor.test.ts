import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { testApp } from '../../../../test/app'
import { formFields, toRecord } from '../../../../test/html-form'
import { createStaff, postForm, signIn, type Session } from '../../../../test/staff'

let t: Awaited<ReturnType<typeof testApp>>
let s: Session
let depId: string
before(async () => {
  t = await testApp('seeded')
  await createStaff(t.db, 'editor2', ['catalog_editor'])
  s = await signIn(t.app, 'editor2')
  depId = (await t.db.selectFrom('departments').select('id').orderBy('name').executeTakeFirstOrThrow()).id
})
after(() => t.close())

const CODE = 'TEST-EDITOR-0001'
const count = async (table: 'service_items' | 'audit_log' | 'service_item_versions') =>
  Number((await t.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n)
const get = (path: string) => t.app.request(path, { headers: { cookie: s.cookie } })
const valid = {
  code: CODE, name: '编辑器测试事项', type: 'public_service', department: '', audience: ['individual'],
  description: '用于测试的事项。', 'materials-0-name': '居民身份证', 'materials-0-copies': '1',
  'steps-0-name': '受理', 'steps-1-name': '决定', 'steps-1-after': '受理', statutoryDays: '10', promisedDays: '5', note: '首次录入',
}

test('a create with errors shows the error summary with links and Chinese field messages, and writes nothing', async () => {
  const before = [await count('service_items'), await count('audit_log')]
  const res = await postForm(t.app, '/admin/items/new', s, {
    code: CODE, name: '', type: 'public_service', department: depId,
    'materials-0-name': '', 'materials-0-copies': '', 'materials-1-name': '', 'materials-1-issuer': '某单位',
    'steps-0-name': '受理', 'steps-0-after': '不存在的环节', statutoryDays: '十天', promisedDays: '', 'faqs-0-q': '', 'faqs-0-a': '',
  })
  assert.equal(res.status, 400)
  const html = await res.text()
  assert.match(html, /<title>错误：/)
  assert.match(html, /class="error-summary"/)
  for (const id of ['name', 'audience', 'materials-1-name', 'statutoryDays']) assert.match(html, new RegExp(`href="#${id}"`), id)
  assert.match(html, /id="materials-1-name-error"/)
  assert.match(html, /请填写材料名称/)
  assert.match(html, /请输入不小于 0 的数字/)
  assert.match(html, /此项必填/)
  // The person's input is kept.
  assert.match(html, /value="某单位"/)
  assert.match(html, /value="十天"/)
  assert.deepEqual([await count('service_items'), await count('audit_log')], before)
})

test('an unknown predecessor step is reported at that step row', async () => {
  const res = await postForm(t.app, '/admin/items/new', s, { ...valid, department: depId, 'steps-1-after': '审批' })
  assert.equal(res.status, 400)
  const html = await res.text()
  assert.match(html, /href="#steps-1-after"/)
  assert.match(html, /前置环节“审批”不存在/)
})

test('"add more rows" re-renders with more empty rows and saves nothing', async () => {
  const res = await postForm(t.app, '/admin/items/new', s, { ...valid, department: depId, _action: 'more-materials' })
  assert.equal(res.status, 200)
  const html = await res.text()
  assert.match(html, /id="materials-3-name"/)
  assert.equal(await t.db.selectFrom('service_items').select('id').where('code', '=', CODE).executeTakeFirst(), undefined)
})

test('a valid create makes version 1 as a draft with an audit entry by the signed-in editor', async () => {
  const res = await postForm(t.app, '/admin/items/new', s, { ...valid, department: depId })
  assert.equal(res.status, 303)
  assert.equal(res.headers.get('location'), `/admin/items/${CODE}?done=created&v=1`)
  const item = await t.db.selectFrom('service_items').selectAll().where('code', '=', CODE).executeTakeFirstOrThrow()
  assert.equal(item.current_version, 1)
  assert.equal(item.status, 'draft')
  const data = item.data as { materials?: unknown[]; steps?: unknown[]; faqs?: unknown }
  assert.deepEqual(data.materials, [{ name: '居民身份证', copies: 1 }])
  assert.equal(data.steps?.length, 2)
  const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'catalog.item.created').where('subject_id', '=', CODE).executeTakeFirstOrThrow()
  assert.equal(audit.actor_name, '测试editor2')
  assert.equal(audit.reason, '首次录入')
  const page = await (await get(res.headers.get('location')!)).text()
  assert.match(page, /事项已创建/)
  // Creating the same code again is a clear error on the code field.
  const again = await postForm(t.app, '/admin/items/new', s, { ...valid, department: depId })
  assert.equal(again.status, 409)
  assert.match(await again.text(), /href="#code"/)
})

test('edit makes version 2 and the diff page shows the change with del/ins', async () => {
  const fields = toRecord(formFields(await (await get(`/admin/items/${CODE}/edit`)).text(), `/admin/items/${CODE}/edit`))
  assert.equal(fields.expectedVersion, '1')
  assert.equal(fields.name, '编辑器测试事项')
  const res = await postForm(t.app, `/admin/items/${CODE}/edit`, s, { ...fields, name: '编辑器测试事项（新）', 'materials-0-copies': '2', note: '改名' })
  assert.equal(res.status, 303)
  assert.equal(res.headers.get('location'), `/admin/items/${CODE}?done=updated&v=2`)
  const diff = await (await get(`/admin/items/${CODE}/diff?from=1&to=2`)).text()
  assert.match(diff, /事项名称<\/th>/)
  assert.match(diff, /<del><span class="visually-hidden">删除：<\/span>编辑器测试事项<\/del>/)
  assert.match(diff, /<ins><span class="visually-hidden">新增：<\/span>编辑器测试事项（新）<\/ins>/)
  assert.match(diff, /申请材料「居民身份证」 · 复印件份数/)
  const history = await (await get(`/admin/items/${CODE}/versions`)).text()
  assert.match(history, /改名/)
  assert.match(history, /测试editor2/)
})

test('a stale expectedVersion gives a conflict message, keeps the input and writes nothing', async () => {
  const before = await count('service_item_versions')
  const fields = toRecord(formFields(await (await get(`/admin/items/${CODE}/edit`)).text(), `/admin/items/${CODE}/edit`))
  const res = await postForm(t.app, `/admin/items/${CODE}/edit`, s, { ...fields, expectedVersion: '1', name: '过时的修改' })
  assert.equal(res.status, 409)
  const html = await res.text()
  assert.match(html, /已被他人修改/)
  assert.match(html, /href="#conflict"/)
  assert.match(html, /value="过时的修改"/)
  assert.equal(await count('service_item_versions'), before)
})

test('publish, then suspend with a reason: new versions, audit with reason, search drops the item', async () => {
  const v = async () => (await t.db.selectFrom('service_items').select(['current_version', 'status']).where('code', '=', CODE).executeTakeFirstOrThrow())
  const pub = await postForm(t.app, `/admin/items/${CODE}/status`, s, { action: 'publish', expectedVersion: String((await v()).current_version), reason: '' })
  assert.equal(pub.status, 303)
  assert.deepEqual(await v(), { current_version: 3, status: 'published' })
  const hits = () => t.deps.search.search({ q: '编辑器测试事项', page: 1, pageSize: 20 }).items.map((i) => i.code)
  assert.ok(hits().includes(CODE), 'published item is searchable')

  const noReason = await postForm(t.app, `/admin/items/${CODE}/status`, s, { action: 'suspend', expectedVersion: '3', reason: ' ' })
  assert.equal(noReason.status, 400)
  const html = await noReason.text()
  assert.match(html, /href="#reason-suspend"/)
  assert.match(html, /请填写原因/)
  assert.equal((await v()).status, 'published')

  const sus = await postForm(t.app, `/admin/items/${CODE}/status`, s, { action: 'suspend', expectedVersion: '3', reason: '政策调整，暂停受理' })
  assert.equal(sus.status, 303)
  assert.deepEqual(await v(), { current_version: 4, status: 'suspended' })
  const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'catalog.item.suspended').where('subject_id', '=', CODE).executeTakeFirstOrThrow()
  assert.equal(audit.reason, '政策调整，暂停受理')
  assert.equal(audit.actor_name, '测试editor2')
  await t.deps.search.refresh()
  assert.ok(!hits().includes(CODE), 'suspended item is not searchable')
  // A stale status form (version 3) is refused.
  const stale = await postForm(t.app, `/admin/items/${CODE}/status`, s, { action: 'cancel', expectedVersion: '3', reason: '重复' })
  assert.equal(stale.status, 409)
  // Re-publish works from suspended.
  assert.equal((await postForm(t.app, `/admin/items/${CODE}/status`, s, { action: 'publish', expectedVersion: '4' })).status, 303)
  assert.equal((await v()).status, 'published')
})

test('the list filters by text, status and department', async () => {
  const all = await (await get('/admin')).text()
  assert.match(all, /共 \d+ 个事项/)
  const byText = await (await get(`/admin?q=${encodeURIComponent('编辑器测试')}`)).text()
  assert.match(byText, /共 1 个事项/)
  assert.match(byText, new RegExp(CODE))
  const drafts = await (await get('/admin?status=draft')).text()
  assert.doesNotMatch(drafts, new RegExp(CODE))
  const byDep = await (await get(`/admin?department=${depId}&q=${encodeURIComponent('编辑器测试')}`)).text()
  assert.match(byDep, /共 1 个事项/)
  assert.equal((await get('/admin?page=abc&status=bogus')).status, 200)
})

test('every seeded item survives a round trip through the rendered edit form unchanged', async () => {
  const items = await t.db.selectFrom('service_items').select(['code', 'current_version']).where('code', '!=', CODE).orderBy('code').execute()
  assert.ok(items.length >= 100)
  for (const it of items.filter((_, i) => i % 3 === 0)) {
    const html = await (await get(`/admin/items/${encodeURIComponent(it.code)}/edit`)).text()
    const res = await postForm(t.app, `/admin/items/${encodeURIComponent(it.code)}/edit`, s, toRecord(formFields(html, `/admin/items/${encodeURIComponent(it.code)}/edit`)))
    assert.equal(res.status, 303, it.code)
    assert.match(res.headers.get('location')!, /done=unchanged/, it.code)
  }
})
