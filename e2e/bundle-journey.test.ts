import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { DEMO_RESIDENTS } from '../src/modules/exchange'
import { createStaffAccount, EDITOR, fillFoodLicenceFields, fillRestaurantBundleFields, registerCitizen, screenshot, signInStaff, useServerAndBrowser, verifyRealName, visit } from './harness'

/**
 * Issue 4 "Done when", the 一件事 journey in a real browser (axe on every page): a person opens 开办餐饮店 (its
 * audience is individuals, so they act as themselves), fills the merged form once — the premises address, the
 * floor area and the prefilled identity are asked once for four items — submits once, and sees one case per item
 * in its department on the combined progress page; the window officer of 市市场监管局 then accepts the food
 * licence case in the back office and the progress page shows it under way with its steps and dates.
 */
const env = useServerAndBrowser()
const CITY = '苏州市市场监督管理局'
const FOOD = '食品经营许可证核发'

describe('一件事 journey in the browser', () => {
  test('开办餐饮店: merged form once → four cases in their departments → the window accepts one → progress reflects it', async () => {
    const base = env.server.baseUrl
    const contexts: { close(): Promise<void> }[] = []
    const newPage = async () => {
      const ctx = await env.browser.newContext({ locale: 'zh-CN' })
      contexts.push(ctx)
      return ctx.newPage()
    }
    const main = (p: Page) => p.locator('main').innerText()
    try {
      const who = DEMO_RESIDENTS[3]!
      const citizen = await newPage()
      await registerCitizen(citizen, env.server, '13712345631', '秀英')
      await verifyRealName(citizen, env.server, who)

      await visit(citizen, `${base}/bundles`)
      await visit(citizen, () => citizen.getByRole('link', { name: /开办餐饮店/ }).click())
      await visit(citizen, () => citizen.getByRole('button', { name: '开始办理' }).click())
      assert.match(new URL(citizen.url()).pathname, /^\/me\/bundles\/[0-9a-f-]{36}$/)
      const bundlePath = new URL(citizen.url()).pathname

      // Shared fields once: the identity (prefilled, locked, with its source), the premises address, the floor area.
      for (const shared of ['f-name', 'f-premisesAddress-detail', 'f-area']) assert.equal(await citizen.locator(`[id="${shared}"]`).count(), 1, `${shared} once`)
      for (const alias of ['f-venueAddress-detail', 'f-signAddress-detail', 'f-usedArea']) assert.equal(await citizen.locator(`[id="${alias}"]`).count(), 0, `${alias} is merged into the shared field`)
      assert.equal(await citizen.locator('#f-name').inputValue(), who.name)
      assert.match(await citizen.locator('#f-name-hint').innerText(), /来源：/)

      await fillFoodLicenceFields(citizen, who)
      await fillRestaurantBundleFields(citizen, who)
      await visit(citizen, () => citizen.getByRole('button', { name: '一次提交全部事项' }).click())
      assert.equal(new URL(citizen.url()).pathname, `${bundlePath}/progress`)
      const progress = await main(citizen)
      assert.match(progress, /4 个事项已同时送达 3 个部门/)
      assert.match(progress, /0 \/ 4 已办结/)
      const rows = await citizen.locator('table tbody tr').allInnerTexts()
      assert.equal(rows.length, 4, 'one line per item')
      for (const [item, dept] of [['企业设立登记', CITY], [FOOD, CITY], ['消防安全检查', '苏州市消防救援支队'], ['店招标牌设置备案', '']] as const) {
        const row = rows.find((r) => r.includes(item))
        assert.ok(row, `a line for ${item}`)
        assert.match(row!, /\d{6}-\d{6,}-\d/, `${item} has its own 办件编号`)
        assert.match(row!, /已提交，待预审/)
        if (dept) assert.ok(row!.includes(dept), `${item} went to ${dept}`)
      }
      const foodRow = rows.find((r) => r.includes(FOOD))!
      const foodRef = /\d{6}-\d{6,}-\d/.exec(foodRow)![0]

      // The window officer of 市市场监管局 (created by the administrator) accepts the food licence case.
      const admin = await newPage()
      await visit(admin, `${base}/admin/login?next=%2Fadmin%2Fstaff`)
      await signInStaff(admin, { username: 'admin', password: EDITOR.password })
      const windowAccount = await createStaffAccount(admin, { username: 'amr.window', displayName: '窗口王敏', department: CITY, role: '窗口人员' })
      const win = await newPage()
      await visit(win, `${base}/admin/login?next=%2Fadmin%2Fcases`)
      await signInStaff(win, windowAccount)
      const todo = await main(win)
      assert.ok(todo.includes(foodRef), 'the food licence case is in the window’s 待办')
      assert.ok(!/消防安全检查|店招标牌设置备案/.test(todo), 'other departments’ cases are not')
      await visit(win, () => win.getByRole('link', { name: foodRef, exact: true }).click())
      await visit(win, () => win.locator('#accept').getByRole('button', { name: '受理' }).click())
      assert.match(await main(win), /办理中/)

      // The progress page: that line is under way, with its parallel steps, departments and dates; the others wait.
      await visit(citizen, `${base}${bundlePath}/progress`)
      const after = await citizen.locator('table tbody tr').allInnerTexts()
      const food = after.find((r) => r.includes(FOOD))!
      assert.match(food, /办理中/)
      assert.match(food, new RegExp(`材料审查 · ${CITY} · \\d{4}年\\d+月\\d+日前`))
      assert.match(food, /现场核查 · 苏州市姑苏区市场监督管理局 · \d{4}年\d+月\d+日前/)
      assert.match(food, /\d{4}年\d+月\d+日前\s*$/, 'the expected completion date is known once accepted')
      assert.equal(after.filter((r) => r.includes('已提交，待预审')).length, 3, 'the other three still wait for their departments')
      await screenshot(citizen, 'bundle-journey-progress')
    } finally {
      for (const c of contexts) await c.close()
    }
  })
})
