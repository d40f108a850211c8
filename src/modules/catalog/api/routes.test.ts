import { sql } from 'kysely'
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { testApp } from '../../../../test/app'
import { importCatalog } from '../index'

// A known catalogue (test/fixtures/elsewhere.jsonl: 成都市, 7 published items + 1 draft) so every count is exact.
const FIXTURE = readFileSync(new URL('../../../../test/fixtures/elsewhere.jsonl', import.meta.url), 'utf8').split('\n')
const HEALTH_USCC = JSON.parse(FIXTURE[0]!).department.code as string

type Json = Record<string, any>

describe('catalogue open API', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  const get = async (path: string) => {
    const res = await t.app.request(path)
    return { res, body: (await res.json()) as Json }
  }
  const codes = (b: Json) => (b.items as Json[]).map((i) => i.code as string)

  before(async () => {
    t = await testApp('migrated')
    const r = await importCatalog(t.db, FIXTURE)
    assert.equal(r.failed, 0)
    // Popularity decides the empty-query order.
    // (bumping search_rev, as the seed does, so the search index picks the change up)
    await t.db.updateTable('service_items').set({ popularity: 900, search_rev: sql`nextval('catalog_search_rev')` }).where('code', '=', 'CD-MZJ-0001').execute()
    await t.db.updateTable('service_items').set({ popularity: 500, search_rev: sql`nextval('catalog_search_rev')` }).where('code', '=', 'CD-WGL-0001').execute()
    await t.deps.search.refresh()
  })
  after(async () => t.close())

  it('lists published services (popular first when q is empty) with the documented shape and caching', async () => {
    const { res, body } = await get('/api/v1/services')
    assert.equal(res.status, 200)
    assert.match(res.headers.get('cache-control') ?? '', /max-age=\d+/)
    assert.equal(body.total, 7, 'the draft is not public')
    assert.deepEqual([body.page, body.pageSize], [1, 20])
    assert.deepEqual(codes(body).slice(0, 2), ['CD-MZJ-0001', 'CD-WGL-0001'])
    assert.ok(!codes(body).includes('CD-WJW-0002'))
    const item = (body.items as Json[]).find((i) => i.code === 'CD-MZJ-0001')!
    assert.deepEqual(Object.keys(item).sort(), ['audience', 'code', 'department', 'departmentCode', 'name', 'onlineLevel', 'region', 'summary', 'themes', 'type', 'url'])
    assert.equal(item.name, '高龄津贴发放')
    assert.equal(item.department, '成都市民政局')
    assert.match(item.departmentCode, /^11510100MB0704567.$/)
    assert.deepEqual(item.region, { code: '510104', name: '锦江区' })
    assert.deepEqual([item.type, item.audience, item.themes, item.onlineLevel], ['administrative_payment', ['individual'], ['养老服务'], 3])
    assert.match(item.url, /\/services\/CD-MZJ-0001$/)
    const water = (body.items as Json[]).find((i) => i.code === 'CD-SWJ-0001')!
    assert.equal(water.departmentCode, null, 'a department without a credit code')
  })

  it('finds by the official name, first', async () => {
    const { body } = await get(`/api/v1/services?q=${encodeURIComponent('取水许可')}`)
    assert.equal(codes(body)[0], 'CD-SWJ-0001')
  })

  it('filters by department (slug or credit code, any case), audience, theme (slug or name), region and online depth', async () => {
    const health = ['CD-WJW-0001']
    assert.deepEqual(codes((await get(`/api/v1/services?department=${HEALTH_USCC}`)).body), health)
    assert.deepEqual(codes((await get(`/api/v1/services?department=${HEALTH_USCC.toLowerCase()}`)).body), health)
    const deps = (await get('/api/v1/departments')).body.items as Json[]
    const water = deps.find((d) => d.name === '成都市锦江区水务局')!
    assert.equal(water.code, null)
    assert.deepEqual(codes((await get(`/api/v1/services?department=${water.slug}`)).body), ['CD-SWJ-0001'])

    assert.deepEqual(codes((await get('/api/v1/services?audience=individual')).body).sort(), ['CD-MZJ-0001', 'CD-MZJ-0002', 'CD-SWJ-0001'])
    const themes = (await get('/api/v1/themes')).body.items as Json[]
    const culture = themes.find((x) => x.name === '文化旅游')!
    assert.equal(culture.publishedItems, 2)
    const byName = codes((await get(`/api/v1/services?theme=${encodeURIComponent('文化旅游')}`)).body).sort()
    assert.deepEqual(byName, ['CD-WGL-0001', 'CD-WGL-0002'])
    assert.deepEqual(codes((await get(`/api/v1/services?theme=${culture.slug.toUpperCase()}`)).body).sort(), byName)
    assert.deepEqual(codes((await get('/api/v1/services?region=510104')).body).sort(), ['CD-MZJ-0001', 'CD-SWJ-0001'])
    assert.deepEqual(codes((await get('/api/v1/services?online=4')).body).sort(), ['CD-WGL-0001', 'CD-WGL-0002', 'CD-ZJJ-0001'])
    assert.deepEqual(codes((await get('/api/v1/services?online=4&audience=enterprise&theme=%E6%96%87%E5%8C%96%E6%97%85%E6%B8%B8')).body).sort(), ['CD-WGL-0001', 'CD-WGL-0002'])
  })

  it('paginates without overlap and reports the total', async () => {
    const p1 = (await get('/api/v1/services?pageSize=3')).body
    const p3 = (await get('/api/v1/services?pageSize=3&page=3')).body
    const p4 = (await get('/api/v1/services?pageSize=3&page=4')).body
    assert.deepEqual([p1.items.length, p3.items.length, p4.items.length], [3, 1, 0])
    assert.deepEqual([p3.total, p3.page, p3.pageSize], [7, 3, 3])
    const all = [...codes(p1), ...codes((await get('/api/v1/services?pageSize=3&page=2')).body), ...codes(p3)]
    assert.equal(new Set(all).size, 7)
  })

  const bad: [string, string][] = [
    ['page=0', 'page'], ['page=1001', 'page'], ['page=abc', 'page'], ['page=1&page=2', 'page'],
    ['pageSize=0', 'pageSize'], ['pageSize=101', 'pageSize'], ['pageSize=2.5', 'pageSize'], ['pageSize=', 'pageSize'],
    ['online=5', 'online'], ['online=x', 'online'], ['audience=martians', 'audience'],
    ['region=12345', 'region'], ['region=32050A', 'region'], ['region=999999', 'region'],
    ['department=no-such-dept', 'department'], ['theme=no-such-theme', 'theme'],
    [`q=${'长'.repeat(201)}`, 'q'],
  ]
  for (const [query, field] of bad) {
    it(`400 problem+json naming "${field}" for ?${query.slice(0, 30)}`, async () => {
      const { res, body } = await get(`/api/v1/services?${query}`)
      assert.equal(res.status, 400)
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/)
      assert.equal(body.code, 'invalid_parameter')
      assert.equal(body.status, 400)
      assert.deepEqual((body.errors as Json[]).map((e) => e.field), [field])
      assert.match(body.errors[0].message, /[\u4e00-\u9fff]/, 'Chinese message first')
    })
  }

  it('accepts a 200-character query and garbage queries (200, never 500)', async () => {
    for (const q of ['长'.repeat(200), "' or 1=1 --", '%%%', '<script>alert(1)</script>', '😀😀😀', '\\', '   ', 'zzzzqqqxxx', '\u0000\u0001']) {
      const { res, body } = await get(`/api/v1/services?q=${encodeURIComponent(q)}`)
      assert.equal(res.status, 200, `q=${JSON.stringify(q)}`)
      assert.ok(Array.isArray(body.items))
    }
  })

  it('returns the full item with version metadata', async () => {
    const { res, body } = await get('/api/v1/services/CD-WJW-0001')
    assert.equal(res.status, 200)
    assert.match(res.headers.get('cache-control') ?? '', /max-age/)
    const src = JSON.parse(FIXTURE[0]!)
    assert.equal(body.name, src.name)
    assert.deepEqual(body.materials, src.materials)
    assert.deepEqual(body.steps, src.steps)
    assert.deepEqual(body.coDepartments, src.coDepartments)
    assert.deepEqual([body.version, body.status], [1, 'published'])
    assert.deepEqual(body.department, { name: '成都市卫生健康委员会', code: HEALTH_USCC, slug: HEALTH_USCC.toLowerCase() })
    assert.ok(!Number.isNaN(Date.parse(body.updatedAt)))
  })

  it('404 problem+json for unknown and draft items; 400 for an over-long code', async () => {
    for (const code of ['NO-SUCH-ITEM', 'CD-WJW-0002']) {
      const { res, body } = await get(`/api/v1/services/${code}`)
      assert.equal(res.status, 404, code)
      assert.match(res.headers.get('content-type') ?? '', /problem\+json/)
      assert.equal(body.code, 'not_found')
    }
    const long = await get(`/api/v1/services/${'X'.repeat(65)}`)
    assert.equal(long.res.status, 400)
    assert.equal(long.body.errors[0].field, 'code')
    const nothing = await get('/api/v1/nothing-here')
    assert.equal(nothing.res.status, 404)
    assert.equal(nothing.body.code, 'not_found')
  })

  it('publishes an OpenAPI 3.1 document with these paths, parameters and problem+json errors', async () => {
    const { res, body } = await get('/api/openapi.json')
    assert.equal(res.status, 200)
    assert.equal(body.openapi, '3.1.0')
    for (const p of ['/api/v1/services', '/api/v1/services/{code}', '/api/v1/departments', '/api/v1/themes']) assert.ok(body.paths[p]?.get, p)
    const list = body.paths['/api/v1/services'].get
    const params = new Map((list.parameters as Json[]).map((p) => [p.name, p]))
    for (const n of ['q', 'department', 'audience', 'theme', 'region', 'online', 'page', 'pageSize']) assert.equal(params.get(n)?.in, 'query', n)
    assert.equal(params.get('pageSize')!.schema.maximum, 100)
    assert.ok(list.responses['200'].content['application/json'].schema)
    assert.ok(list.responses['400'].content['application/problem+json'].schema)
    assert.ok(body.paths['/api/v1/services/{code}'].get.responses['404'].content['application/problem+json'])
    assert.ok(body.components.schemas.Problem && body.components.schemas.ServiceSummary)
  })

  it('answers /healthz and /readyz', async () => {
    assert.deepEqual((await get('/healthz')).body, { status: 'ok' })
    const ready = await get('/readyz')
    assert.equal(ready.res.status, 200)
    assert.equal(ready.body.status, 'ready')
    assert.equal(ready.body.searchItems, 7)
  })
})
