import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { testDb } from '../../../../test/db'
import type { DatabaseHandle } from '../../../platform/database'
import { createCatalogSearch, getItemByCode, saveItem, type CatalogSearch } from '../index'
import { seedSearchSynonyms } from './seed-synonyms'

// The engine on the real seeded demo catalogue (苏州市): each way people type must reach the right item.
let h: DatabaseHandle
let s: CatalogSearch
const names = (q: string, n = 3) => s.search({ q, page: 1, pageSize: n }).items.map((i) => i.name)
const top = (q: string) => names(q, 1)[0]
const inTop = (q: string, name: string, n = 3) => assert.ok(names(q, n).includes(name), `${q} → ${names(q, n).join(' | ')} (wanted ${name})`)

before(async () => {
  h = await testDb('seeded')
  await seedSearchSynonyms(h.db) // idempotent; makes the test independent of when the template was built
  s = createCatalogSearch(h.db)
  await s.ready()
})
after(async () => {
  s.close()
  await h.close()
})

describe('query kinds', () => {
  test('official names', () => {
    assert.equal(top('食品经营许可证核发'), '食品经营许可证核发')
    assert.equal(top('居民身份证补领'), '居民身份证补领')
  })
  test('colloquial phrases through synonyms, inside longer sentences, stop words ignored', () => {
    assert.equal(top('我想开一家饭店'), '食品经营许可证核发')
    assert.equal(top('身份证不见了怎么办'), '居民身份证补领')
    inTop('上户口', '出生登记')
    inTop('买房过户', '不动产转移登记（存量房买卖）')
    const r = s.search({ q: '我想开一家饭店', page: 1, pageSize: 5 })
    assert.ok(r.understood.includes('餐饮') && r.understood.includes('食品经营'), r.understood.join())
  })
  test('pinyin, spaced pinyin, initials and mixed script', () => {
    for (const q of ['gongjijin', 'gong ji jin', 'gjj', '公积jin']) assert.match(top(q) ?? '', /住房公积金/, q)
    for (const q of ['shenfenzheng', 'sfz']) assert.match(top(q) ?? '', /居民身份证/, q)
    assert.ok(s.search({ q: 'gjj', page: 1, pageSize: 5 }).understood.some((u) => u.includes('公积金')))
  })
  test('typos and homophones', () => {
    assert.match(top('身分证') ?? '', /居民身份证/)
    inTop('营业执找', '营业执照遗失补领')
    assert.match(top('公积金提区') ?? '', /住房公积金提取/)
    assert.match(top('gongjijing') ?? '', /住房公积金/)
  })
  test('traditional characters', () => {
    assert.match(top('護照') ?? '', /普通护照/)
    assert.match(top('駕駛證') ?? '', /机动车驾驶证/)
    inTop('營業執照', '营业执照遗失补领')
  })
  test('English names of services', () => {
    assert.match(top('passport') ?? '', /普通护照/)
    assert.equal(top('marriage registration'), '内地居民结婚登记')
    assert.match(top('housing fund withdrawal') ?? '', /住房公积金提取/)
    assert.equal(top('lost ID card'), '居民身份证补领')
  })
})

describe('browse, filters and pagination', () => {
  test('empty query browses popular services in popularity order', () => {
    const r = s.search({ q: '  ', page: 1, pageSize: 10 })
    assert.equal(r.mode, 'popular')
    assert.equal(r.total, s.size())
    assert.equal(r.items.length, 10)
  })
  test('filters by department, audience, theme, region prefix and online level', () => {
    const all = s.search({ q: '', page: 1, pageSize: 500 }).items
    const dep = all[0]!.departmentSlug
    const byDep = s.search({ q: '', department: dep, page: 1, pageSize: 500 })
    assert.ok(byDep.total > 0 && byDep.items.every((i) => i.departmentSlug === dep))
    const ent = s.search({ q: '登记', audience: 'enterprise', page: 1, pageSize: 100 })
    assert.ok(ent.total > 0 && ent.items.every((i) => i.audience.includes('enterprise')))
    const theme = all.find((i) => i.themes.length)!.themes[0]!
    assert.ok(s.search({ q: '', theme, page: 1, pageSize: 500 }).items.every((i) => i.themes.includes(theme)))
    const city = s.search({ q: '', region: '320500', page: 1, pageSize: 500 })
    assert.ok(city.total > 0 && city.items.every((i) => i.regionCode?.startsWith('3205')))
    assert.ok(city.items.some((i) => i.regionCode !== '320500'), 'county items fall under the city filter')
    assert.equal(s.search({ q: '', region: '110000', page: 1, pageSize: 10 }).total, 0)
    const lvl = s.search({ q: '', onlineLevel: 4, page: 1, pageSize: 500 })
    assert.ok(lvl.total > 0 && lvl.items.every((i) => i.onlineLevel === 4))
  })
  test('pages do not overlap and total stays the same', () => {
    const p1 = s.search({ q: '登记', page: 1, pageSize: 5 })
    const p2 = s.search({ q: '登记', page: 2, pageSize: 5 })
    assert.equal(p1.total, p2.total)
    assert.ok(p1.total > 10)
    assert.equal(p2.items.length, 5)
    assert.equal(new Set([...p1.items, ...p2.items].map((i) => i.code)).size, 10)
    assert.ok(p1.items[0]!.score >= p1.items[4]!.score && p1.items[4]!.score >= p2.items[0]!.score)
    assert.equal(s.search({ q: '登记', page: 999, pageSize: 5 }).items.length, 0)
  })
})

describe('bad input never throws', () => {
  for (const q of ['!!!@@', 'asdkjhqwe', '😀😀😀', "'; drop table service_items; --", '<script>alert(1)</script>', 'a'.repeat(10_000), '证'.repeat(10_000), '\u0000\u200b\ufeff']) {
    test(`query ${JSON.stringify(q.slice(0, 20))}…`, () => {
      const t = performance.now()
      const r = s.search({ q, page: 1, pageSize: 10 })
      assert.equal(r.mode, 'relevance')
      assert.ok(Array.isArray(r.items) && r.total >= r.items.length)
      assert.ok(performance.now() - t < 500, 'long input is capped before processing')
    })
  }
  test('garbage finds nothing', () => {
    assert.equal(s.search({ q: '!!!@@', page: 1, pageSize: 10 }).total, 0)
    assert.equal(s.search({ q: 'asdkjhqwe', page: 1, pageSize: 10 }).total, 0)
  })
})

describe('freshness', () => {
  test('a suspended item leaves the index on refresh, and comes back when published again', async () => {
    const code = s.search({ q: '普通护照补发', page: 1, pageSize: 1 }).items[0]!.code
    const item = (await getItemByCode(h.db, code))!
    const size = s.size()
    await saveItem(h.db, { record: { ...item.record, status: 'suspended' }, actor: { type: 'staff', name: 'test' } })
    assert.ok(names('普通护照补发', 3).includes('普通护照补发'), 'still there before refresh')
    await s.refresh()
    assert.ok(!names('普通护照补发', 10).includes('普通护照补发'))
    assert.equal(s.size(), size - 1)
    await saveItem(h.db, { record: { ...item.record, status: 'published' }, actor: { type: 'staff', name: 'test' } })
    await s.refresh()
    assert.equal(top('普通护照补发'), '普通护照补发')
  })
})
