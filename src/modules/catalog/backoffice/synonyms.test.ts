import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { createStaff, postForm, signIn, type Session } from '../../../../test/staff'

let t: Awaited<ReturnType<typeof testApp>>
let s: Session
before(async () => {
  t = await testApp('seeded')
  await createStaff(t.db, 'editor4', ['catalog_editor'])
  s = await signIn(t.app, 'editor4')
})
after(() => t.close())

const row = (phrase: string) => t.db.selectFrom('search_synonyms').selectAll().where('phrase', '=', phrase).executeTakeFirst()
const get = (path: string) => t.app.request(path, { headers: { cookie: s.cookie } })

test('invalid entries show the error summary and field messages, and write nothing', async () => {
  const res = await postForm(t.app, '/admin/synonyms', s, { phrase: ' ', expansions: '', note: '' })
  assert.equal(res.status, 400)
  const html = await res.text()
  assert.match(html, /class="error-summary"/)
  assert.match(html, /href="#phrase"/)
  assert.match(html, /href="#expansions"/)
  assert.match(html, /id="phrase-error"/)
  assert.match(html, /请填写搜索词/)
  assert.match(html, /请至少填写一个对应的规范用语/)
  const long = await postForm(t.app, '/admin/synonyms', s, { phrase: '很'.repeat(31), expansions: '结婚登记', note: '' })
  assert.equal(long.status, 400)
  assert.match(await long.text(), /value="很{31}"/)
  assert.equal(await row('很'.repeat(31)), undefined)
})

test('add, edit and delete a synonym; search uses it at once; every change audited', async () => {
  const add = await postForm(t.app, '/admin/synonyms', s, { phrase: '领证结婚', expansions: '结婚登记，婚姻登记', note: '口语' })
  assert.equal(add.status, 303)
  assert.equal(add.headers.get('location'), '/admin/synonyms?done=saved')
  const created = await row('领证结婚')
  assert.deepEqual(created?.expansions, ['结婚登记', '婚姻登记'])
  assert.equal(created?.updated_by, '测试editor4')
  const list = await (await get('/admin/synonyms?done=saved')).text()
  assert.match(list, /领证结婚/)
  assert.match(list, /已保存/)
  const hits = t.deps.search.search({ q: '领证结婚', page: 1, pageSize: 5 })
  assert.ok(hits.items.some((h) => h.name.includes('结婚登记')), 'search expands the new phrase')

  // Renaming another entry to a phrase that already has one is refused with a message at the phrase.
  assert.equal((await postForm(t.app, '/admin/synonyms', s, { phrase: '扯证', expansions: '结婚登记', note: '' })).status, 303)
  const other = (await row('扯证'))!
  const dup = await postForm(t.app, `/admin/synonyms/${other.id}`, s, { phrase: '领证结婚', expansions: '结婚', note: '' })
  assert.equal(dup.status, 409)
  const dupHtml = await dup.text()
  assert.match(dupHtml, /href="#phrase"/)
  assert.match(dupHtml, /已有条目/)
  assert.deepEqual((await row('扯证'))?.expansions, ['结婚登记'])

  const edit = await get(`/admin/synonyms/${created!.id}/edit`)
  assert.equal(edit.status, 200)
  assert.match(await edit.text(), /结婚登记\n婚姻登记/)
  const upd = await postForm(t.app, `/admin/synonyms/${created!.id}`, s, { phrase: '领证结婚', expansions: '结婚登记', note: '' })
  assert.equal(upd.status, 303)
  assert.deepEqual((await row('领证结婚'))?.expansions, ['结婚登记'])

  const del = await postForm(t.app, `/admin/synonyms/${created!.id}/delete`, s, {})
  assert.equal(del.status, 303)
  assert.equal(await row('领证结婚'), undefined)
  const actions = (await t.db.selectFrom('audit_log').select('action').where('subject_id', '=', created!.id).orderBy('seq').execute()).map((a) => a.action)
  assert.deepEqual(actions, ['catalog.synonym_created', 'catalog.synonym_updated', 'catalog.synonym_deleted'])
})
