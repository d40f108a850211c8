/**
 * Page weight of every published guide page (issue: ≤ 60 KB transferred, CSS and JS included), plus the
 * home and search pages, measured in process with Accept-Encoding: gzip on the seeded test template.
 *   npx tsx test/global-setup.ts   (once, builds the template)
 *   npx tsx bench/page-weight.ts
 */
import { testApp } from '../test/app'
import { GUIDE_BUDGET_BYTES, pageWeight, type PageWeight } from '../src/modules/catalog/portal/page-weight'

const t = await testApp('seeded')
try {
  const codes = (await t.db.selectFrom('service_items').select('code').where('status', '=', 'published').execute()).map((r) => r.code)
  const weights: PageWeight[] = []
  for (const code of codes) weights.push(await pageWeight(t.app, `/services/${encodeURIComponent(code)}`))
  weights.sort((a, b) => a.total - b.total)
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
  const at = (q: number) => weights[Math.min(weights.length - 1, Math.floor(q * weights.length))]!
  const max = weights[weights.length - 1]!
  console.log(`guide pages: ${weights.length}`)
  console.log(`transferred (html+css+js, gzip): min ${kb(weights[0]!.total)}  median ${kb(at(0.5).total)}  p95 ${kb(at(0.95).total)}  max ${kb(max.total)}  budget ${kb(GUIDE_BUDGET_BYTES)}`)
  console.log(`heaviest: ${max.path}  html ${kb(max.html)} (raw ${kb(max.rawHtml)})  css ${kb(max.css)}  js ${kb(max.js)}`)
  for (const p of ['/', '/search?q=%E8%BA%AB%E4%BB%BD%E8%AF%81', '/departments']) {
    const w = await pageWeight(t.app, p)
    console.log(`${p}: ${kb(w.total)} (html ${kb(w.html)}, raw ${kb(w.rawHtml)})`)
  }
  if (max.total > GUIDE_BUDGET_BYTES) process.exitCode = 1
} finally {
  await t.close()
}
