import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { DEMO_ADDRESSES } from '../seed/demo-identities'

type App = Awaited<ReturnType<typeof testApp>>

describe('geography API', () => {
  let t: App
  before(async () => {
    t = await testApp('seeded')
  })
  after(() => t.close())
  const get = async (path: string) => {
    const res = await t.app.request(path)
    return { res, body: (await res.json()) as Record<string, unknown> & { items: Record<string, unknown>[] } }
  }
  const problem = async (path: string, status: number, field?: string) => {
    const { res, body } = await get(path)
    assert.equal(res.status, status, JSON.stringify(body))
    assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/)
    if (field) assert.ok((body.errors as { field: string }[]).some((e) => e.field === field), JSON.stringify(body))
    return body
  }

  it('GET /api/v1/regions: provinces at the top; the children of 320500 are the ten county-level regions of 苏州市', async () => {
    const top = await get('/api/v1/regions')
    assert.equal(top.res.status, 200)
    assert.equal(top.body.parent, null)
    assert.ok(top.body.items.length >= 31 && top.body.items.some((r) => r.code === '320000' && r.name === '江苏省' && r.hasChildren === true))
    const sz = await get('/api/v1/regions?parent=320500')
    assert.equal(sz.res.status, 200)
    assert.deepEqual(sz.body.parent, { code: '320500', name: '苏州市', level: 2, parentCode: '320000', hasChildren: true })
    assert.equal(sz.body.items.length, 10)
    assert.deepEqual(sz.body.items.find((r) => r.code === '320508'), { code: '320508', name: '姑苏区', level: 3, parentCode: '320500', hasChildren: false })
    assert.match(sz.res.headers.get('cache-control') ?? '', /max-age/)
    const leaf = await get('/api/v1/regions?parent=320508')
    assert.deepEqual([leaf.res.status, leaf.body.items.length], [200, 0])
  })

  it('GET /api/v1/regions: unknown parent → 404 problem+json; malformed parent → 400 naming it', async () => {
    const nf = await problem('/api/v1/regions?parent=329999', 404)
    assert.match(String(nf.title), /329999/)
    await problem('/api/v1/regions?parent=abc', 400, 'parent')
    await problem('/api/v1/regions?parent=3205', 400, 'parent')
  })

  it('GET /api/v1/addresses: standard addresses of a region and below, filtered by q, at most 20 with a "more" flag', async () => {
    const gusu = await get('/api/v1/addresses?region=320508')
    assert.equal(gusu.res.status, 200)
    assert.equal(gusu.body.items.length, 20)
    assert.equal(gusu.body.more, true)
    assert.ok(gusu.body.items.every((a) => a.regionCode === '320508' && String(a.fullAddress).startsWith('江苏省苏州市姑苏区')))
    const demo = DEMO_ADDRESSES[0]!
    const hit = await get(`/api/v1/addresses?region=320500&q=${encodeURIComponent(`${demo.road}${demo.houseNumber}`)}`)
    assert.equal(hit.res.status, 200)
    const found = hit.body.items.find((a) => a.fullAddress === demo.fullAddress)
    assert.ok(found, JSON.stringify(hit.body))
    assert.deepEqual([found.street, found.road, found.houseNumber, found.postcode], [demo.street, demo.road, demo.houseNumber, demo.postcode])
    assert.equal(hit.body.more, false)
    const none = await get(`/api/v1/addresses?region=320508&q=${encodeURIComponent('%')}`)
    assert.deepEqual([none.res.status, none.body.items.length], [200, 0], 'q is literal text, not a LIKE pattern')
    const elsewhere = await get('/api/v1/addresses?region=110101')
    assert.deepEqual([elsewhere.res.status, elsewhere.body.items.length], [200, 0])
  })

  it('GET /api/v1/addresses: missing, malformed or unknown region and a too-long q → 400 naming the parameter', async () => {
    await problem('/api/v1/addresses', 400, 'region')
    await problem('/api/v1/addresses?region=32050', 400, 'region')
    await problem('/api/v1/addresses?region=329999', 400, 'region')
    await problem(`/api/v1/addresses?region=320508&q=${encodeURIComponent('路'.repeat(51))}`, 400, 'q')
    await problem('/api/v1/addresses?region=320508&q=a&q=b', 400, 'q')
  })

  it('is described in /api/openapi.json', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> }
    assert.ok(doc.paths['/api/v1/regions'] && doc.paths['/api/v1/addresses'])
  })
})
