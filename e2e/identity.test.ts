import { describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import assert from 'node:assert/strict'
import { DEMO_ENTERPRISES, DEMO_RESIDENTS } from '../src/modules/exchange'
import { CITIZEN_PASSWORD, registerCitizen, screenshot, useServerAndBrowser, visit } from './harness'

/**
 * Issue 3's browser journeys on the real server (`yiwang start`, fresh data dir, simulated registries and SMS):
 *  1. register with an SMS code → verify the real name → the check is listed in 我的数据使用记录;
 *  2. the legal representative claims the enterprise and authorises an agent, who then acts for it.
 * Axe runs on every page visited.
 */
const env = useServerAndBrowser()


async function verifyRealName(page: Page, who: { name: string; idNumber: string; idCardValidUntil: string | null }): Promise<void> {
  await visit(page, `${env.server.baseUrl}/account/verify`)
  await page.locator('#name').fill(who.name)
  await page.locator('#idNumber').fill(who.idNumber)
  if (who.idCardValidUntil) await page.locator('#validUntil').fill(who.idCardValidUntil)
  else await page.locator('#longTerm').check()
  await visit(page, () => page.getByRole('button', { name: '提交核验' }).click())
  assert.match(await page.locator('main').innerText(), /2 级|已实名/)
}

describe('identity journeys in the browser', () => {
  test('register → verify real name → the verification shows in 我的数据使用记录', async () => {
    const ctx = await env.browser.newContext({ locale: 'zh-CN' })
    const page = await ctx.newPage()
    const rep = DEMO_RESIDENTS[0]
    await registerCitizen(page, env.server, '13912345601', '明华')
    await verifyRealName(page, rep)
    const body = await page.content()
    assert.ok(!body.includes(rep.idNumber), 'the account page never shows the full ID number')

    await visit(page, `${env.server.baseUrl}/me/data-access`)
    const log = await page.locator('main').innerText()
    assert.match(log, /实名认证/, 'the registry check made during verification is listed')
    await screenshot(page, 'identity-data-access')
    await ctx.close()
  })

  test('a legal representative claims an enterprise and authorises an agent, who then acts for it', async () => {
    const agent = DEMO_RESIDENTS[1]
    const ent = DEMO_ENTERPRISES[0]
    // The representative from test 1 signs in again (new browser), claims the enterprise.
    const repCtx = await env.browser.newContext({ locale: 'zh-CN' })
    const rp = await repCtx.newPage()
    await visit(rp, `${env.server.baseUrl}/login`)
    await rp.locator('#phone').fill('13912345601')
    await rp.locator('#password').fill(CITIZEN_PASSWORD)
    await visit(rp, () => rp.getByRole('button', { name: '登录', exact: true }).click())
    await visit(rp, `${env.server.baseUrl}/enterprise/claim`)
    await rp.locator('#uscc').fill(ent.uscc)
    await visit(rp, () => rp.getByRole('button', { name: '核验并认领' }).click())
    const entUrl = rp.url()
    assert.match(new URL(entUrl).pathname, /^\/enterprise\/[0-9a-f-]{36}$/)
    assert.ok((await rp.locator('main').innerText()).includes(ent.name))

    // The agent registers and verifies in their own browser.
    const agentCtx = await env.browser.newContext({ locale: 'zh-CN' })
    const ap = await agentCtx.newPage()
    await registerCitizen(ap, env.server, '13812345602', '王芳')
    await verifyRealName(ap, agent)

    // The representative authorises the agent for all items.
    await visit(rp, `${new URL(entUrl).pathname.replace(/^/, env.server.baseUrl)}/agents/new`)
    await rp.locator('#agentName').fill(agent.name)
    await rp.locator('#agentIdNumber').fill(agent.idNumber)
    await rp.locator('#scope').check()
    await visit(rp, () => rp.getByRole('button', { name: '确认授权' }).click())
    assert.ok((await rp.locator('main').innerText()).includes(agent.name), 'the agent is listed on the enterprise page')

    // The agent switches to acting for the enterprise and records its contact details.
    await visit(ap, `${env.server.baseUrl}/me/acting`)
    await visit(ap, () => ap.getByRole('button', { name: /代表其办理/ }).first().click())
    await visit(ap, entUrl)
    assert.match(await ap.locator('main').innerText(), /您正在代表/, 'the acting banner is shown')
    await ap.locator('#email').fill('office@example.com')
    await ap.locator('#address').fill('江苏省苏州市姑苏区干将东路128号')
    await visit(ap, () => ap.getByRole('button', { name: '保存联系方式' }).click())
    assert.ok((await ap.locator('main').innerText()).includes('office@example.com'))
    await screenshot(ap, 'identity-agent-acting')

    // The representative revokes; the agent's next request no longer acts for the enterprise.
    await visit(rp, entUrl)
    await visit(rp, () => rp.getByRole('link', { name: /撤销/ }).first().click())
    await rp.locator('#reason').fill('人员调整')
    await visit(rp, () => rp.getByRole('button', { name: '确认撤销' }).click())
    await visit(ap, entUrl, { status: 404 })
    await repCtx.close()
    await agentCtx.close()
  })
})
