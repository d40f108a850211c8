import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { listDepartments, listThemes } from '../catalog-queries'
import { assertPageHead, text } from './portal-test-support'
import { parseSearchParams, searchQueryString } from './search-params'

let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('seeded')
})
after(() => t.close())

const get = async (path: string) => {
  const res = await t.app.request(path)
  return { res, html: await res.text() }
}
const totalOf = (html: string) => Number(/共 (\d+) 项服务/.exec(html)?.[1] ?? NaN)
const resultLinks = (html: string) => [...html.matchAll(/<h3 class="result-title"><a href="\/services\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!))

test('search page: title, canonical with the query, form that works without JS', async () => {
  const { res, html } = await get('/search?q=%E8%BA%AB%E4%BB%BD%E8%AF%81')
  assert.equal(res.status, 200)
  assertPageHead(html, 'http://localhost:3000/search?q=%E8%BA%AB%E4%BB%BD%E8%AF%81', '身份证')
  assert.match(html, /<form class="search-form" action="\/search" method="get"/)
  for (const id of ['q', 'f-department', 'f-audience', 'f-theme', 'f-online']) assert.match(html, new RegExp(`<label for="${id}"`), `labelled ${id}`)
  assert.ok(totalOf(html) > 0)
  assert.match(html, /<meta name="robots" content="noindex"/, 'result pages are not indexed')
})

test('filters narrow the results and every result matches the filter', async () => {
  const all = totalOf((await get('/search')).html)
  const departments = await listDepartments(t.db)
  const dep = departments.find((d) => d.publishedItems > 0 && d.publishedItems < all)!
  const byDep = await get(`/search?department=${dep.slug}`)
  assert.equal(totalOf(byDep.html), dep.publishedItems)
  assert.ok(totalOf(byDep.html) < all)
  assert.match(byDep.html, new RegExp(`<option value="${dep.slug}" selected="">`))

  const themes = await listThemes(t.db)
  const th = themes.find((x) => x.publishedItems > 0)!
  const byTheme = await get(`/search?theme=${th.slug}&audience=${th.audience}`)
  assert.ok(totalOf(byTheme.html) > 0 && totalOf(byTheme.html) <= th.publishedItems)

  const online = await get('/search?online=4')
  const n4 = totalOf(online.html)
  assert.ok(n4 > 0 && n4 < all)
  const list = /<ol class="results-list">([\s\S]*?)<\/ol>/.exec(online.html)![1]!
  assert.equal((list.match(/>全程网办</g) ?? []).length, resultLinks(online.html).length, 'every result is fully online')
})

test('pagination links keep every filter and mark the current page', async () => {
  const { html } = await get('/search?audience=individual')
  assert.ok(totalOf(html) > 10, 'enough individual services for two pages')
  assert.match(html, /<a href="\/search\?audience=individual&amp;page=2" aria-label="第 2 页">2<\/a>/)
  const p2 = await get('/search?audience=individual&page=2')
  assert.match(p2.html, /href="\/search\?audience=individual&amp;page=2" aria-current="page"/)
  assert.match(p2.html, /rel="prev"/)
  const first = resultLinks(html)
  const second = resultLinks(p2.html)
  assert.equal(first.length, 10)
  assert.ok(second.every((c) => !first.includes(c)), 'page 2 shows other services')
  assertPageHead(p2.html, 'http://localhost:3000/search?audience=individual&page=2', '第 2 页')
})

test('the empty state helps: spelling, everyday words, popular services, 12345', async () => {
  const { res, html } = await get('/search?q=qqqqxxxxzzzz')
  assert.equal(res.status, 200)
  assert.equal(totalOf(html), 0)
  const page = text(html)
  assert.ok(page.includes('错别字') && page.includes('12345') && page.includes('大家常办的服务'))
  assert.ok(html.includes('href="/services/'), 'offers popular services')
})

test('bad parameters never 500: 400 with the form and a message naming each parameter', async () => {
  const cases: [string, string][] = [
    ['page=abc', '页码“abc”无效'],
    ['page=0', '页码“0”无效'],
    ['page=-3', '页码“-3”无效'],
    ['page=99999', '页码“99999”无效'],
    ['page=1e3', '页码“1e3”无效'],
    ['department=nope', '没有找到部门“nope”'],
    ['theme=nope', '没有找到主题“nope”'],
    ['audience=xyz', '服务对象“xyz”无效'],
    ['region=abc', '行政区划“abc”无效'],
    ['region=999999', '行政区划“999999”无效'],
    ['online=9', '网办深度“9”无效'],
    [`q=${'长'.repeat(150)}`, '搜索词太长'],
  ]
  for (const [qs, message] of cases) {
    const { res, html } = await get(`/search?${qs}`)
    assert.equal(res.status, 400, qs)
    assert.ok(text(html).includes(message), `${qs} → ${message}`)
    assert.match(html, /<form class="search-form"/, 'the form is still there to fix it')
  }
  for (const qs of ['q=%00%01', 'q=%25%25%25', "q='%20OR%201=1--", 'q=<script>', 'department=&audience=&page=', 'page=2&q=', 'x=1&page[]=2', 'q=a&q=b']) {
    const { res, html } = await get(`/search?${qs}`)
    assert.ok(res.status === 200 || res.status === 400, `${qs} → ${res.status}`)
    assert.ok(!html.includes('<script>alert') && !/<script>(?!\{)/.test(html.replace(/<script src="\/assets\/site.js" defer=""><\/script>/, '')), 'query text is escaped')
  }
})

test('a page past the end says so and links to the last page', async () => {
  const deps = await listDepartments(t.db)
  const dep = deps.find((d) => d.publishedItems > 0 && d.publishedItems <= 10)!
  const past = await get(`/search?department=${dep.slug}&page=5`)
  assert.equal(past.res.status, 200)
  assert.ok(past.html.includes('没有第 5 页'))
  assert.match(past.html, new RegExp(`href="/search\\?department=${dep.slug}"`))
})

test('parseSearchParams keeps valid values and drops bad ones; searchQueryString is stable', () => {
  const known = { departments: [{ slug: 'abc' }] as never, themes: [{ slug: 'birth' }] as never, regionExists: (c: string) => c === '320500' }
  const { params, problems } = parseSearchParams('en', { q: ' 护照 ', department: 'ABC', audience: 'enterprise', page: 'x', region: '320500', online: '4', theme: 'birth' }, known)
  assert.deepEqual(params, { q: '护照', department: 'abc', audience: 'enterprise', theme: 'birth', region: '320500', online: 4, page: 1 })
  assert.deepEqual(problems.map((p) => p.param), ['page'])
  assert.ok(problems[0]!.message.startsWith('Page "x" is not valid'))
  assert.equal(searchQueryString(params, 3), '?q=%E6%8A%A4%E7%85%A7&department=abc&audience=enterprise&theme=birth&region=320500&online=4&page=3')
  assert.equal(searchQueryString({ q: '', page: 1 }), '')
})
