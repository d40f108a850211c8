import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createReadStream, readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { once } from 'node:events'
import { sql } from 'kysely'
import { testDb } from '../../../test/db'
import type { DatabaseHandle } from '../../platform/database'
import { verifyAudit } from '../../platform/audit'
import { exportCatalog, importCatalog } from './index'

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url), 'utf8').split('\n')
const ELSEWHERE = fixture('elsewhere.jsonl')
const BAD = fixture('bad-lines.jsonl')

async function counts(db: DatabaseHandle['db']) {
  const n = async (t: 'service_items' | 'service_item_versions' | 'audit_log' | 'departments' | 'themes') =>
    Number((await db.selectFrom(t).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n)
  return { items: await n('service_items'), versions: await n('service_item_versions'), audit: await n('audit_log'), departments: await n('departments'), themes: await n('themes') }
}
async function exportAll(db: DatabaseHandle['db']): Promise<string> {
  const out: string[] = []
  await exportCatalog(db, (l) => void out.push(l), { pageSize: 3 }) // small pages exercise the keyset paging
  return out.join('\n') + '\n'
}

describe('catalogue import/export', () => {
  let h: DatabaseHandle
  before(async () => (h = await testDb('migrated')))
  after(async () => h.close())

  it('imports a catalogue from another city (new departments and themes, no keywords) cleanly', async () => {
    const r = await importCatalog(h.db, ELSEWHERE)
    assert.deepEqual({ lines: r.lines, created: r.created, failed: r.failed, errors: r.errors }, { lines: 8, created: 8, failed: 0, errors: [] })
    const deps = await h.db.selectFrom('departments').select(['name', 'code', 'slug']).orderBy('name').execute()
    assert.deepEqual(deps.map((d) => d.name).sort(), ['成都市住房和城乡建设局', '成都市卫生健康委员会', '成都市文化广电旅游局', '成都市民政局', '成都市锦江区水务局'].sort())
    assert.ok(deps.every((d) => d.slug && (d.code === null || d.slug === d.code.toLowerCase())), 'every department gets a slug')
    const themes = (await h.db.selectFrom('themes').select('name').execute()).map((t) => t.name)
    for (const t of ['医疗卫生', '养老服务', '文化旅游', '水资源', '婚姻登记']) assert.ok(themes.includes(t), `theme ${t} created`)
    const draft = await h.db.selectFrom('service_items').select(['status', 'current_version']).where('code', '=', 'CD-WJW-0002').executeTakeFirstOrThrow()
    assert.deepEqual(draft, { status: 'draft', current_version: 1 })
    const c = await counts(h.db)
    assert.deepEqual([c.items, c.versions, c.audit], [8, 8, 8], 'one version row and one audit entry per created item')
    assert.deepEqual(await verifyAudit(h.db), { ok: true, checked: 8 })
  })

  it('re-importing the same file changes nothing: all unchanged, no versions, no audit entries', async () => {
    const before = await counts(h.db)
    const r = await importCatalog(h.db, ELSEWHERE)
    assert.deepEqual({ created: r.created, updated: r.updated, unchanged: r.unchanged, failed: r.failed }, { created: 0, updated: 0, unchanged: 8, failed: 0 })
    assert.deepEqual(await counts(h.db), before)
  })

  it('a changed line becomes a new version; the old version is kept', async () => {
    const changed = ELSEWHERE.map((l) => (l.includes('"CD-ZJJ-0001"') ? l.replace('"promisedDays":5', '"promisedDays":4') : l))
    assert.notDeepEqual(changed, ELSEWHERE)
    const r = await importCatalog(h.db, changed)
    assert.deepEqual({ updated: r.updated, unchanged: r.unchanged }, { updated: 1, unchanged: 7 })
    const item = await h.db.selectFrom('service_items').select(['id', 'current_version', 'data']).where('code', '=', 'CD-ZJJ-0001').executeTakeFirstOrThrow()
    assert.equal(item.current_version, 2)
    assert.equal((item.data as { promisedDays: number }).promisedDays, 4)
    const versions = await h.db.selectFrom('service_item_versions').select(['version', 'data']).where('item_id', '=', item.id).orderBy('version').execute()
    assert.deepEqual(versions.map((v) => [v.version, (v.data as { promisedDays: number }).promisedDays]), [[1, 5], [2, 4]])
    assert.equal((await verifyAudit(h.db)).ok, true)
  })

  it('reports every bad line with line number, field and reason and keeps the good lines', async () => {
    const before = await counts(h.db)
    const r = await importCatalog(h.db, BAD)
    const got = r.errors.map((e) => [e.line, e.field])
    assert.deepEqual(got, [
      [2, '(line)'], // malformed JSON
      [3, 'colour'], // unknown field
      [4, 'region.code'], // not in GB/T 2260
      [5, 'department.code'], // wrong USCC check character
      [6, 'code'], // duplicate of line 1 within the file
      [7, 'conditions'], // oversized
      [8, 'promisedDays'], // promised > statutory
      [9, 'steps'], // cycle
    ])
    const byLine = new Map(r.errors.map((e) => [e.line, e.message]))
    assert.match(byLine.get(2)!, /JSON/)
    assert.match(byLine.get(3)!, /未知字段“colour”/)
    assert.match(byLine.get(4)!, /999999/)
    assert.match(byLine.get(5)!, /校验位/)
    assert.match(byLine.get(6)!, /第1行/)
    assert.match(byLine.get(7)!, /过长/)
    assert.match(byLine.get(8)!, /不能超过法定/)
    assert.match(byLine.get(9)!, /循环/)
    assert.deepEqual({ lines: r.lines, created: r.created, failed: r.failed, rolledBack: r.rolledBack }, { lines: 10, created: 2, failed: 8, rolledBack: false })
    const codes = (await h.db.selectFrom('service_items').select('code').where('code', 'like', 'BAD-%').orderBy('code').execute()).map((x) => x.code)
    assert.deepEqual(codes, ['BAD-0001', 'BAD-0011'])
    const kept = await h.db.selectFrom('service_items').select('name').where('code', '=', 'BAD-0001').executeTakeFirstOrThrow()
    assert.equal(kept.name, '居家养老服务补贴申请', 'the first of two duplicate lines wins')
    const after = await counts(h.db)
    assert.deepEqual({ items: after.items - before.items, versions: after.versions - before.versions, departments: after.departments - before.departments }, { items: 2, versions: 2, departments: 0 })
  })

  it('--strict writes nothing when any line is bad', async () => {
    const fresh = await testDb('migrated')
    try {
      const r = await importCatalog(fresh.db, BAD, { strict: true })
      assert.equal(r.rolledBack, true)
      assert.equal(r.failed, 8)
      assert.deepEqual({ created: r.created, updated: r.updated }, { created: 0, updated: 0 })
      assert.deepEqual(await counts(fresh.db), { items: 0, versions: 0, audit: 0, departments: 0, themes: 0 })
      const ok = await importCatalog(fresh.db, ELSEWHERE, { strict: true })
      assert.deepEqual({ created: ok.created, rolledBack: ok.rolledBack }, { created: 8, rolledBack: false })
    } finally {
      await fresh.close()
    }
  })

  it('export → import into a fresh database → export is byte-identical, and keeps every field', async () => {
    const first = await exportAll(h.db)
    const fresh = await testDb('migrated')
    try {
      const r = await importCatalog(fresh.db, first.split('\n'))
      assert.equal(r.failed, 0, JSON.stringify(r.errors))
      const second = await exportAll(fresh.db)
      assert.equal(second, first)
    } finally {
      await fresh.close()
    }
    // Nothing lost relative to the source file (key order aside: exports follow the schema's order).
    const exported = new Map(first.trim().split('\n').map((l) => [JSON.parse(l).code as string, JSON.parse(l)]))
    for (const line of ELSEWHERE.filter((l) => l.trim() && !l.includes('"CD-ZJJ-0001"'))) {
      const src = JSON.parse(line)
      assert.deepEqual(exported.get(src.code), src)
    }
    const codes = [...exported.keys()]
    assert.deepEqual(codes, [...codes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'ordered by code (byte order)')
  })
  it('reads a readline stream that finished before the database answered (no line is lost, nothing hangs)', async () => {
    const fresh = await testDb('migrated')
    try {
      // The importer must take the iterator before its first await; a readline interface drops lines emitted
      // while nobody iterates. Assert that contract directly, then replay the real race: the file is fully read
      // and closed while importCatalog is still waiting for the database.
      let takenSync = false
      const probe = { [Symbol.asyncIterator]: () => { takenSync = true; return (async function* () {})() } }
      const pending = importCatalog(fresh.db, probe)
      assert.equal(takenSync, true, 'iterator taken synchronously')
      await pending
      const rl = createInterface({ input: createReadStream(new URL('../../../test/fixtures/elsewhere.jsonl', import.meta.url)), crlfDelay: Infinity })
      const importing = importCatalog(fresh.db, rl)
      await once(rl, 'close') // every line emitted before the import reads any
      const r = await importing
      assert.deepEqual([r.lines, r.created, r.failed], [8, 8, 0])
    } finally {
      await fresh.close()
    }
  })
})
