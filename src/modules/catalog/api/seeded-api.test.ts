import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'

type Json = Record<string, any>

/** The open API over the demo catalogue: what a third-party channel sees on a real city's data. */
describe('open API on the seeded catalogue', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  const get = async (path: string) => {
    const res = await t.app.request(path)
    return { res, body: (await res.json()) as Json }
  }
  before(async () => (t = await testApp('seeded')))
  after(async () => t.close())

  it('lists every published item and finds services from everyday phrasing', async () => {
    const all = (await get('/api/v1/services?pageSize=100')).body
    assert.ok(all.total >= 150, `published items: ${all.total}`)
    assert.equal(all.items.length, 100)
    const food = (await get(`/api/v1/services?q=${encodeURIComponent('开饭店')}&pageSize=3`)).body
    assert.ok((food.items as Json[]).some((i) => /食品经营|餐饮/.test(i.name)), JSON.stringify(food.items.map((i: Json) => i.name)))
  })

  it('every department and theme listed filters to exactly its published items', async () => {
    const deps = (await get('/api/v1/departments')).body.items as Json[]
    assert.ok(deps.length >= 20, `departments: ${deps.length}`)
    for (const d of deps.slice(0, 8)) {
      const r = (await get(`/api/v1/services?department=${d.code ?? d.slug}&pageSize=100`)).body
      assert.equal(r.total, d.publishedItems, d.name)
      assert.ok((r.items as Json[]).every((i) => i.department === d.name))
    }
    const themes = (await get('/api/v1/themes')).body.items as Json[]
    for (const th of themes.filter((x) => x.publishedItems > 0).slice(0, 8)) {
      const r = (await get(`/api/v1/services?theme=${th.slug}&pageSize=100`)).body
      assert.equal(r.total, th.publishedItems, th.name)
    }
  })

  it('every listed item opens in full, with a guide URL', async () => {
    const page = (await get('/api/v1/services?pageSize=20')).body.items as Json[]
    for (const s of page) {
      const { res, body } = await get(`/api/v1/services/${encodeURIComponent(s.code)}`)
      assert.equal(res.status, 200, s.code)
      assert.equal(body.name, s.name)
      assert.ok(Array.isArray(body.materials) && body.version >= 1, s.code)
      assert.equal(body.url, s.url)
    }
  })
})
