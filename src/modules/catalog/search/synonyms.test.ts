import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testDb } from '../../../../test/db'
import type { DatabaseHandle } from '../../../platform/database'
import { ValidationError, NotFoundError, ConflictError } from '../../../platform/errors'
import { verifyAudit } from '../../../platform/audit'
import { createCatalogSearch, deleteSynonym, listSynonyms, saveSynonym, type CatalogSearch } from '../index'

let h: DatabaseHandle
let s: CatalogSearch
const actor = { type: 'staff' as const, id: null, name: 'editor' }
before(async () => {
  h = await testDb('seeded')
  s = createCatalogSearch(h.db)
  await s.ready()
})
after(async () => {
  s.close()
  await h.close()
})

test('a synonym saved by an administrator changes results after refresh; deleting it undoes that', async () => {
  const q = '鹦鹉螺'
  assert.equal(s.search({ q, page: 1, pageSize: 5 }).total, 0)
  const saved = await saveSynonym(h.db, { phrase: '鹦鹉螺', expansions: ['往来港澳通行证'], note: '测试', actor })
  assert.equal(saved.created, true)
  await s.refresh()
  const r = s.search({ q, page: 1, pageSize: 5 })
  assert.match(r.items[0]?.name ?? '', /往来港澳通行证/)
  assert.ok(r.understood.includes('往来港澳通行证'))
  // upsert by phrase: same phrase → same row, new expansions
  const again = await saveSynonym(h.db, { phrase: '鹦鹉螺', expansions: ['往来台湾通行证'], actor })
  assert.equal(again.id, saved.id)
  assert.equal(again.created, false)
  await s.refresh()
  assert.match(s.search({ q, page: 1, pageSize: 5 }).items[0]?.name ?? '', /往来台湾通行证/)
  await deleteSynonym(h.db, { id: saved.id, actor })
  await s.refresh()
  assert.equal(s.search({ q, page: 1, pageSize: 5 }).total, 0)
  const audit = await h.db.selectFrom('audit_log').select('action').where('subject_id', '=', saved.id).orderBy('seq').execute()
  assert.deepEqual(audit.map((a) => a.action), ['catalog.synonym_created', 'catalog.synonym_updated', 'catalog.synonym_deleted'])
  assert.equal((await verifyAudit(h.db)).ok, true)
})

test('validation: clear Chinese messages per field, nothing written', async () => {
  const before = (await listSynonyms(h.db)).length
  const bad = async (input: Parameters<typeof saveSynonym>[1], field: string) => {
    await assert.rejects(saveSynonym(h.db, input), (e: unknown) => {
      assert.ok(e instanceof ValidationError)
      assert.ok(e.fields.some((f) => f.field === field && /[\u4e00-\u9fff]/.test(f.message)), JSON.stringify(e.fields))
      return true
    })
  }
  await bad({ phrase: '  ', expansions: ['护照'], actor }, 'phrase')
  await bad({ phrase: '长'.repeat(31), expansions: ['护照'], actor }, 'phrase')
  await bad({ phrase: '出国', expansions: [], actor }, 'expansions')
  await bad({ phrase: '出国', expansions: ['', '  '], actor }, 'expansions')
  await bad({ phrase: '出国', expansions: Array.from({ length: 11 }, (_, i) => `词${i}`), actor }, 'expansions')
  await bad({ phrase: '出国', expansions: ['护照', '长'.repeat(31)], actor }, 'expansions.1')
  assert.equal((await listSynonyms(h.db)).length, before)
})

test('editing by id: unknown ids are not found, renaming onto another phrase conflicts', async () => {
  await assert.rejects(saveSynonym(h.db, { id: '00000000-0000-7000-8000-000000000000', phrase: '新词', expansions: ['护照'], actor }), NotFoundError)
  await assert.rejects(saveSynonym(h.db, { id: 'not-a-uuid', phrase: '新词', expansions: ['护照'], actor }), NotFoundError)
  await assert.rejects(deleteSynonym(h.db, { id: 'not-a-uuid', actor }), NotFoundError)
  const a = await saveSynonym(h.db, { phrase: '测试甲', expansions: ['护照'], actor })
  await saveSynonym(h.db, { phrase: '测试乙', expansions: ['护照'], actor })
  await assert.rejects(saveSynonym(h.db, { id: a.id, phrase: '测试乙', expansions: ['护照'], actor }), ConflictError)
  const renamed = await saveSynonym(h.db, { id: a.id, phrase: '测试丙', expansions: ['驾驶证'], actor })
  assert.equal(renamed.id, a.id)
})
