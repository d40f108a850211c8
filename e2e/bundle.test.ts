import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { DEMO_RESIDENTS } from '../src/modules/exchange'
import { fillFoodLicenceFields, fillRestaurantBundleFields, registerCitizen, screenshot, useServerAndBrowser, verifyRealName, visit } from './harness'

/**
 * Issue 4 Deliver 12 in the browser: 一件事 list → 开办餐饮店 guide → 开始办理 → the merged form (errors first,
 * then filled in once with eight files) → one submission → the combined progress page with four cases in three
 * departments. Axe runs on every page, including the error state.
 */
const env = useServerAndBrowser()

describe('一件事 journey in the browser', () => {
  test('开办餐饮店: one merged form, one submission, four cases, one progress page', async () => {
    const ctx = await env.browser.newContext({ locale: 'zh-CN' })
    const page = await ctx.newPage()
    const base = env.server.baseUrl
    const who = DEMO_RESIDENTS[3]
    await registerCitizen(page, env.server, '13712345613', '秀英')
    await verifyRealName(page, env.server, who)

    await visit(page, `${base}/bundles`)
    await visit(page, () => page.getByRole('link', { name: /开办餐饮店/ }).click())
    const guide = await page.locator('main').innerText()
    assert.match(guide, /少填 \d+ 项/)
    assert.match(guide, /苏州市消防救援支队/)
    await screenshot(page, 'bundle-guide')
    await visit(page, () => page.getByRole('button', { name: '开始办理' }).click())
    assert.match(new URL(page.url()).pathname, /^\/me\/bundles\/[0-9a-f-]{36}$/)
    assert.match(await page.locator('main').innerText(), /来源：/)
    assert.equal(await page.locator('#f-venueAddress-detail').count(), 0, 'the venue address is the premises address, asked once')

    await visit(page, () => page.getByRole('button', { name: '一次提交全部事项' }).click(), { status: 400 })
    assert.ok(await page.locator('.error-summary').isVisible())
    await screenshot(page, 'bundle-errors')

    await fillFoodLicenceFields(page, who)
    await fillRestaurantBundleFields(page, who)
    await visit(page, () => page.getByRole('button', { name: '一次提交全部事项' }).click())
    assert.match(new URL(page.url()).pathname, /\/progress$/)
    const progress = await page.locator('main').innerText()
    assert.match(progress, /4 个事项已同时送达 3 个部门/)
    assert.match(progress, /0 \/ 4 已办结/)
    assert.equal((progress.match(/\d{6}-\d{6,}-\d/g) ?? []).length, 5, 'the bundle number and four case numbers')
    await screenshot(page, 'bundle-progress')

    await visit(page, `${base}/me/cases`)
    const mine = await page.locator('main').innerText()
    for (const name of ['企业设立登记', '食品经营许可证核发', '店招标牌设置备案']) assert.ok(mine.includes(name), name)
    await ctx.close()
  })
})
