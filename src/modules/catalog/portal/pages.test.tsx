import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { listDepartments, listThemes } from '../catalog-queries'
import { saveItem } from '../save-item'
import { assertPageHead, publishedRecords, TEST_ACTOR, text } from './portal-test-support'

let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('seeded')
})
after(() => t.close())

const get = async (path: string, headers?: Record<string, string>) => {
  const res = await t.app.request(path, { headers })
  return { res, html: await res.text() }
}

test('home: search box, popular services, 个人/法人 themes with counts, departments', async () => {
  const { res, html } = await get('/')
  assert.equal(res.status, 200)
  assertPageHead(html, 'http://localhost:3000/', '苏州市政务服务')
  assert.match(html, /<form class="hero-search" action="\/search" method="get" role="search">/)
  assert.match(html, /<label for="home-q"/)
  const popular = /<ul class="service-links">([\s\S]*?)<\/ul>/.exec(html)![1]!
  assert.equal((popular.match(/<li>/g) ?? []).length, 12)
  for (const th of (await listThemes(t.db)).filter((x) => x.publishedItems > 0)) {
    assert.ok(html.includes(`href="/themes/${th.slug}"`), `theme ${th.slug} linked`)
  }
  assert.ok(html.includes('个人办事') && html.includes('法人办事'))
  const dep = (await listDepartments(t.db)).find((d) => d.publishedItems > 0)!
  assert.ok(html.includes(`href="/departments/${dep.slug}"`))
  assert.match(html, /<html lang="zh-CN"/)
  assert.match(html, /<main id="main"/)
  assert.match(html, /<a class="skip-link" href="#main">/)
})

test('English switch changes the interface text, sets a cookie, and English canonicals carry ?lang=en', async () => {
  const { res, html } = await get('/?lang=en')
  assert.match(html, /<html lang="en"/)
  assert.ok(html.includes('Popular services') && html.includes('For individuals'))
  assert.ok(!html.includes('热门服务'))
  assert.match(res.headers.get('set-cookie') ?? '', /lang=en/)
  assertPageHead(html, 'http://localhost:3000/?lang=en', 'Suzhou')
  assert.match(html, /<a class="lang-switch" href="\/\?lang=zh" lang="zh-CN"/)

  const again = await get('/departments', { cookie: 'lang=en' })
  assert.ok(again.html.includes('<h1>Departments</h1>'))
  assert.match(again.html, /<span lang="zh-CN">|lang="zh-CN"/, 'Chinese content is marked as Chinese')
  const back = await get('/departments?lang=zh', { cookie: 'lang=en' })
  assert.ok(back.html.includes('<h1>部门服务</h1>'))
})

test('departments list and a department page with address, phone, grouped items and filtered search links', async () => {
  const deps = await listDepartments(t.db)
  const list = await get('/departments')
  assert.equal(list.res.status, 200)
  assertPageHead(list.html, 'http://localhost:3000/departments', '部门服务')
  for (const d of deps) assert.ok(list.html.includes(`href="/departments/${d.slug}"`))

  const dep = deps.filter((d) => d.publishedItems > 0).sort((a, b) => b.publishedItems - a.publishedItems)[0]!
  const { res, html } = await get(`/departments/${dep.slug}`)
  assert.equal(res.status, 200)
  assertPageHead(html, `http://localhost:3000/departments/${dep.slug}`, dep.name)
  const page = text(html)
  if (dep.address) assert.ok(page.includes(dep.address))
  if (dep.phone) assert.ok(page.includes(dep.phone))
  assert.ok(html.includes(`href="/search?department=${dep.slug}"`))
  assert.equal((html.match(/class="result-title"/g) ?? []).length, dep.publishedItems, 'every published item listed once')
  assert.match(html, /<h2 id="aud-(individual|enterprise)">/)

  const upper = await get(`/departments/${dep.slug.toUpperCase()}`)
  assert.equal(upper.res.status, 200, 'slug lookup is case-insensitive (credit codes are upper case)')
  const missing = await get('/departments/no-such-department')
  assert.equal(missing.res.status, 404)
  assert.ok(missing.html.includes('没有找到部门'))
})

test('theme page: description, its items in popular order, related themes of the same audience', async () => {
  const themes = await listThemes(t.db)
  const th = themes.filter((x) => x.publishedItems > 0).sort((a, b) => b.publishedItems - a.publishedItems)[0]!
  const { res, html } = await get(`/themes/${th.slug}`)
  assert.equal(res.status, 200)
  assertPageHead(html, `http://localhost:3000/themes/${th.slug}`, th.name)
  if (th.description) assert.ok(text(html).includes(th.description))
  assert.ok(html.includes(`相关服务（${th.publishedItems} 项）`))
  const shown = (html.match(/class="result-title"/g) ?? []).length
  assert.equal(shown, Math.min(20, th.publishedItems))
  const related = themes.filter((x) => x.audience === th.audience && x.slug !== th.slug && x.publishedItems > 0)
  for (const r of related) assert.ok(html.includes(`href="/themes/${r.slug}"`))
  const other = themes.find((x) => x.audience !== th.audience && x.publishedItems > 0)!
  assert.ok(!html.includes(`href="/themes/${other.slug}"`), 'no themes of the other audience')
  for (const bad of ['?page=abc', '?page=0', '?page=999']) assert.equal((await get(`/themes/${th.slug}${bad}`)).res.status, 200)
  assert.equal((await get('/themes/no-such-theme')).res.status, 404)
})

test('sitemap.xml lists home, departments, themes and published guides only, with absolute URLs and lastmod', async () => {
  const records = await publishedRecords(t.db)
  const [d, s] = records.slice(0, 2)
  await saveItem(t.db, { record: { ...d!, status: 'draft' }, actor: TEST_ACTOR })
  await saveItem(t.db, { record: { ...s!, status: 'suspended' }, actor: TEST_ACTOR })
  const res = await t.app.request('/sitemap.xml')
  assert.equal(res.status, 200)
  assert.match(res.headers.get('content-type') ?? '', /application\/xml/)
  const xml = await res.text()
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/)
  const guides = [...xml.matchAll(/<loc>http:\/\/localhost:3000\/services\/([^<]+)<\/loc><lastmod>\d{4}-\d{2}-\d{2}<\/lastmod>/g)].map((m) => decodeURIComponent(m[1]!))
  const published = (await t.db.selectFrom('service_items').select('code').where('status', '=', 'published').execute()).map((r) => r.code).sort()
  assert.deepEqual(guides.sort(), published)
  assert.ok(!guides.includes(d!.code) && !guides.includes(s!.code))
  assert.ok(xml.includes('<loc>http://localhost:3000/</loc>') && xml.includes('<loc>http://localhost:3000/departments</loc>'))
  assert.ok(/<loc>http:\/\/localhost:3000\/themes\/[^<]+<\/loc>/.test(xml) && /<loc>http:\/\/localhost:3000\/departments\/[^<]+<\/loc>/.test(xml))
})

test('robots.txt allows the portal, keeps crawlers out of the back office and API, names the sitemap', async () => {
  const res = await t.app.request('/robots.txt')
  assert.equal(res.status, 200)
  const body = await res.text()
  assert.match(body, /^User-agent: \*$/m)
  assert.match(body, /^Disallow: \/admin$/m)
  assert.match(body, /^Disallow: \/api\/v1\/$/m)
  assert.match(body, /^Sitemap: http:\/\/localhost:3000\/sitemap.xml$/m)
})

test('no portal page uses inline styles or un-nonced inline scripts (CSP)', async () => {
  const code = (await publishedRecords(t.db))[5]!.code
  for (const path of ['/', '/?lang=en', '/search', '/search?q=护照', '/search?page=abc', '/departments', `/services/${code}`, '/login', '/themes/birth-adoption', '/nope']) {
    const res = await t.app.request(path)
    const html = await res.text()
    assert.doesNotMatch(html, /\sstyle=/, path)
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1]
    for (const m of html.matchAll(/<script([^>]*)>/g)) {
      assert.ok(m[1]!.includes('src="/assets/') || m[1]!.includes(`nonce="${nonce}"`), `${path}: script ${m[1]}`)
    }
  }
})

test('unknown portal paths get the plain-language 404 page with next steps', async () => {
  const { res, html } = await get('/no/such/page')
  assert.equal(res.status, 404)
  assert.ok(html.includes('<h1>页面不存在</h1>') && html.includes('href="/search"') && html.includes('12345'))
  assert.match(html, /<title>页面不存在 - 一网通办 苏州市政务服务<\/title>/)
  assert.match(html, /<meta name="robots" content="noindex"/)
  const en = await get('/no/such/page?lang=en')
  assert.ok(en.html.includes('<h1>Page not found</h1>'))
})
