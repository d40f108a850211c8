import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { DEMO_RESIDENTS } from '../src/modules/exchange'
import { registerCitizen, screenshot, useServerAndBrowser, visit } from './harness'

/**
 * Issue 4 Deliver 12 in the browser: 一件事 list → 开办餐饮店 guide → 开始办理 → the merged form (errors first,
 * then filled in once with eight files) → one submission → the combined progress page with four cases in three
 * departments. Axe runs on every page, including the error state.
 */
const env = useServerAndBrowser()
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108020000009077' + '53de0000000c4944415478da63f8ffff3f0005fe02fe0def46b80000000049454e44ae426082', 'hex')
const file = (name: string) => ({ name, mimeType: 'image/png', buffer: PNG })
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)

describe('一件事 journey in the browser', () => {
  test('开办餐饮店: one merged form, one submission, four cases, one progress page', async () => {
    const ctx = await env.browser.newContext({ locale: 'zh-CN' })
    const page = await ctx.newPage()
    const base = env.server.baseUrl
    const who = DEMO_RESIDENTS[3]
    await registerCitizen(page, env.server, '13712345613', '秀英')
    await visit(page, `${base}/account/verify`)
    await page.locator('#name').fill(who.name)
    await page.locator('#idNumber').fill(who.idNumber)
    if (who.idCardValidUntil) await page.locator('#validUntil').fill(who.idCardValidUntil)
    else await page.locator('#longTerm').check()
    await visit(page, () => page.getByRole('button', { name: '提交核验' }).click())

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

    await page.locator('#f-address-regionCode').selectOption('320508')
    await page.locator('#f-address-detail').fill('姑苏区人民路100号')
    await page.locator('#f-premisesAddress-regionCode').selectOption('320508')
    await page.locator('#f-premisesAddress-detail').fill('姑苏区十全街88号')
    await page.locator('#f-area').fill('120')
    // 企业设立登记
    await page.locator('#f-proposedName').fill('苏州十全小馆餐饮有限公司')
    await page.locator('#f-entityType').selectOption('llc')
    await page.locator('#f-registeredCapital').fill('50')
    await page.locator('#f-operatingTerm').selectOption('indefinite')
    await page.locator('#f-businessScope').fill('餐饮服务；食品销售')
    await page.locator('#f-addressCommitment').check()
    await page.locator('#f-investors-0-name').fill(who.name)
    await page.locator('#f-investors-0-idNumber').fill('11010519491231002X')
    await page.locator('#f-investors-0-contribution').fill('50')
    await page.locator('#f-material1').setInputFiles(file('名称告知书.png'))
    await page.locator('#f-material2').setInputFiles(file('章程.png'))
    // 食品经营许可证核发
    await page.locator('#f-premisesOwnership').check()
    await page.locator('#f-businessItems--2').check()
    await page.locator('#f-onlineSales--1').check()
    await page.locator('#f-safetyManager').fill(who.name)
    await page.locator('#f-staff-0-name').fill(who.name)
    await page.locator('#f-staff-0-idNumber').fill('11010519491231002X')
    await page.locator('#f-staff-0-healthCertNo').fill('JK2026001')
    await page.locator('#f-material3').setInputFiles(file('平面图.png'))
    await page.locator('#f-material4').setInputFiles(file('制度目录.png'))
    // 消防安全检查
    await page.locator('#f-venueName').fill('十全小馆')
    await page.locator('#f-venueType').selectOption('hotel')
    await page.locator('#f-openingDate').fill(inDays(20))
    await page.locator('#f-commitment--1').check()
    await page.locator('#f-it3Material3').setInputFiles(file('消防制度.png'))
    await page.locator('#f-it3Material4').setInputFiles(file('消防平面图.png'))
    // 店招标牌设置备案
    await page.locator('#f-signType').selectOption('wallSign')
    await page.locator('#f-signText').fill('十全小馆')
    await page.locator('#f-width').fill('4')
    await page.locator('#f-height').fill('1')
    await page.locator('#f-lit--1').check()
    await page.locator('#f-it4Material1').setInputFiles(file('效果图.png'))
    await page.locator('#f-it4Material2').setInputFiles(file('承诺书.png'))
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
