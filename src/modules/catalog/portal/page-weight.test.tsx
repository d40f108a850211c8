import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { GUIDE_BUDGET_BYTES, pageWeight } from './page-weight'
import { publishedRecords } from './portal-test-support'

let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('seeded')
})
after(() => t.close())

test('the heaviest guide pages stay within 60 KB transferred, CSS and JS included', async (ctx) => {
  const records = await publishedRecords(t.db)
  // the records with the most content make the biggest pages
  const heaviest = records.sort((a, b) => JSON.stringify(b).length - JSON.stringify(a).length).slice(0, 5)
  for (const r of heaviest) {
    for (const lang of ['', '?lang=en']) {
      const w = await pageWeight(t.app, `/services/${encodeURIComponent(r.code)}${lang}`)
      ctx.diagnostic(`${w.path}: html ${w.html} B (raw ${w.rawHtml}) + css ${w.css} B + js ${w.js} B = ${w.total} B`)
      assert.equal(w.encoding, 'gzip', 'the page is sent compressed')
      assert.ok(w.css > 0 && w.js > 0, 'stylesheet and script are counted')
      assert.ok(w.total <= GUIDE_BUDGET_BYTES, `${w.path} weighs ${w.total} B > ${GUIDE_BUDGET_BYTES}`)
    }
  }
})

test('site.css stays lean (one stylesheet under 12 KB raw) and is served with caching headers', async () => {
  const res = await t.app.request('/assets/site.css')
  const raw = (await res.text()).length
  assert.ok(raw < 12 * 1024, `site.css is ${raw} B`)
  assert.ok(res.headers.get('etag'))
  assert.match(res.headers.get('cache-control') ?? '', /max-age/)
})
