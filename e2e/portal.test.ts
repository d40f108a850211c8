import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { expectAccessible, screenshot, visit, useServerAndBrowser } from './harness'

/** Citizen journeys on the real server in Chromium; axe runs on every page visited. */
describe('portal journeys', () => {
  const env = useServerAndBrowser()

  it('on a phone: home → “开饭店” → results → guide with materials and steps → 在线申请 → sign-in', async () => {
    const ctx = await env.browser.newContext({ viewport: { width: 375, height: 812 }, baseURL: env.server.baseUrl, locale: 'zh-CN' })
    const page = await ctx.newPage()
    try {
      await visit(page, '/')
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN')
      await screenshot(page, 'home-375')

      await page.locator('main input[name="q"]').first().fill('开饭店')
      await visit(page, () => page.locator('main form[role="search"] button[type="submit"]').first().click())
      assert.match(decodeURIComponent(page.url()), /\/search\?q=开饭店/)
      const results = page.locator('#results a[href^="/services/"]')
      assert.ok((await results.count()) >= 3, 'several results for an everyday phrase')
      const top3 = (await results.allInnerTexts()).slice(0, 3).join(' | ')
      assert.match(top3, /食品经营|餐饮/, `a food-business licence in the top 3: ${top3}`)

      const food = results.filter({ hasText: /食品经营|餐饮/ }).first()
      await visit(page, () => food.click())
      assert.match(page.url(), /\/services\//)
      assert.match(await page.locator('h1').innerText(), /食品经营|餐饮/)
      const materials = page.locator('#materials')
      assert.ok(await materials.isVisible(), 'materials section')
      assert.ok((await materials.locator('tr, li').count()) >= 2, 'materials listed')
      assert.ok(await page.locator('#process').isVisible(), 'steps section')
      await screenshot(page, 'guide-375')

      await visit(page, () => page.getByRole('link', { name: '在线申请' }).first().click())
      const url = new URL(page.url())
      assert.equal(url.pathname, '/login')
      assert.match(url.searchParams.get('next') ?? '', /^\/apply\//)
      assert.match(await page.locator('h1').innerText(), /登录/)
    } finally {
      await ctx.close()
    }
  })

  it('switches to English and back; the choice is remembered', async () => {
    const ctx = await env.browser.newContext({ baseURL: env.server.baseUrl })
    const page = await ctx.newPage()
    try {
      await visit(page, '/')
      await visit(page, () => page.locator('a.lang-switch').click())
      assert.equal(await page.locator('html').getAttribute('lang'), 'en')
      assert.match(await page.locator('main').innerText(), /[A-Za-z]{4,}/)
      assert.match(await page.title(), /[A-Za-z]/)
      await visit(page, '/departments')
      assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'remembered on the next page')
      await visit(page, () => page.locator('a.lang-switch').click())
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN')
      assert.equal(await page.locator('a.lang-switch').innerText(), 'English')
    } finally {
      await ctx.close()
    }
  })

  it('search filters and pagination work without JavaScript', async () => {
    const ctx = await env.browser.newContext({ baseURL: env.server.baseUrl, javaScriptEnabled: false })
    const page = await ctx.newPage()
    const visited: string[] = []
    try {
      await visit(page, '/search?audience=individual', { axe: false }) // axe needs JS: checked below
      visited.push(page.url())
      const total = await page.locator('#results a[href^="/services/"]').count()
      assert.ok(total > 0)
      // Pick a department from the filter form and submit it as a plain GET form.
      const option = page.locator('#f-department option:not([value=""])').first()
      const slug = (await option.getAttribute('value'))!
      const depName = (await option.innerText()).trim()
      await page.locator('#f-department').selectOption(slug)
      await visit(page, () => page.getByRole('button', { name: '应用筛选' }).click(), { axe: false })
      visited.push(page.url())
      const url = new URL(page.url())
      assert.equal(url.searchParams.get('department'), slug)
      assert.equal(url.searchParams.get('audience'), 'individual')
      assert.equal(await page.locator('#f-department').inputValue(), slug, 'the filter stays selected')
      const cards = page.locator('#results li.result')
      assert.ok((await cards.count()) > 0, `results for ${depName}`)
      assert.ok((await cards.allInnerTexts()).every((t) => t.includes(depName)), `every result is from ${depName}`)

      await visit(page, '/search?audience=individual', { axe: false })
      const next = page.locator('nav.pagination a[rel="next"]')
      assert.ok(await next.count(), 'more than one page of services for individuals')
      const firstPage = await page.locator('#results li.result a[href^="/services/"]').allInnerTexts()
      await visit(page, () => next.click(), { axe: false })
      visited.push(page.url())
      assert.equal(new URL(page.url()).searchParams.get('page'), '2')
      const secondPage = await page.locator('#results li.result a[href^="/services/"]').allInnerTexts()
      assert.ok(secondPage.length > 0 && secondPage.every((n) => !firstPage.includes(n)), 'page 2 shows other services')
    } finally {
      await ctx.close()
    }
    const js = await env.browser.newContext({ baseURL: env.server.baseUrl })
    const p = await js.newPage()
    try {
      for (const u of visited) {
        await p.goto(u)
        await expectAccessible(p, `${u} (no-JS page, checked with JS)`)
      }
    } finally {
      await js.close()
    }
  })
})
