import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { DEMO_RESIDENTS } from '../src/modules/exchange'
import { fillFoodLicenceFields, registerCitizen, screenshot, useServerAndBrowser, verifyRealName, visit } from './harness'

/**
 * Issue 4's applicant journey in the browser (Deliver 3, 5, 10): guide → 在线申请 → the draft (errors first, then
 * filled in with two files) → receipt → case page → 我的办件 → the public progress lookup. Axe runs on every page,
 * including the error states.
 */
const env = useServerAndBrowser()
const FOOD_ITEM = '11320500MB193972693010027000100'

describe('applicant journey in the browser', () => {
  test('apply online for 食品经营许可证, submit with files, follow the case, look it up with the query code', async () => {
    const ctx = await env.browser.newContext({ locale: 'zh-CN' })
    const page = await ctx.newPage()
    const base = env.server.baseUrl
    const who = DEMO_RESIDENTS[2]
    await registerCitizen(page, env.server, '13712345603', '志强')
    await verifyRealName(page, env.server, who)

    await visit(page, `${base}/services/${FOOD_ITEM}`)
    await visit(page, () => page.getByRole('button', { name: '在线申请' }).click())
    assert.match(new URL(page.url()).pathname, /^\/me\/applications\/[0-9a-f-]{36}$/)
    const main = await page.locator('main').innerText()
    assert.match(main, /来源：/)
    assert.match(main, /将通过数据共享获取，无需上传/)
    await screenshot(page, 'applicant-draft')

    // Autosave (Deliver 5): 10 s after typing stops, the polite live region says it was saved.
    await page.locator('#f-safetyManager').fill('张三')
    await page.locator('#autosave-status').filter({ hasText: /已自动保存 \d{2}:\d{2}/ }).waitFor({ timeout: 14_000 })

    // Submitting an empty form: the error summary and field messages, accessible too.
    await visit(page, () => page.getByRole('button', { name: '提交申请' }).click(), { status: 400 })
    assert.ok(await page.locator('.error-summary').isVisible())

    await fillFoodLicenceFields(page, who)
    await visit(page, () => page.getByRole('button', { name: '提交申请' }).click())
    assert.match(new URL(page.url()).pathname, /\/receipt$/)
    const receipt = await page.locator('main').innerText()
    const refNo = /\d{6}-\d{6,}-\d/.exec(receipt)?.[0]
    const code = /查询码\s*([A-Z0-9]{6})/.exec(receipt)?.[1]
    assert.ok(refNo && code, receipt)
    await screenshot(page, 'applicant-receipt')

    await visit(page, () => page.getByRole('link', { name: '查看办理进度' }).click())
    assert.match(await page.locator('main').innerText(), /您提交了申请/)
    await visit(page, `${base}/me/cases`)
    assert.ok((await page.locator('main').innerText()).includes(refNo))

    // The lookup in another browser, without signing in.
    const anon = await (await env.browser.newContext({ locale: 'zh-CN' })).newPage()
    await visit(anon, `${base}/progress`)
    await anon.locator('#ref').fill(refNo)
    await anon.locator('#code').fill('AAAAAA' === code ? 'CCCCCC' : 'AAAAAA')
    await visit(anon, () => anon.getByRole('button', { name: '查询' }).click(), { status: 404 })
    await anon.locator('#code').fill(code)
    await visit(anon, () => anon.getByRole('button', { name: '查询' }).click())
    const found = await anon.locator('main').innerText()
    assert.match(found, /已提交，待预审/)
    assert.ok(!found.includes(who.name), 'no personal data in the lookup')
    await ctx.close()
  })
})
