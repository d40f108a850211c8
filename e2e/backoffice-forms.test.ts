import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { EDITOR, screenshot, signInStaff, visit, useServerAndBrowser } from './harness'

/** Back-office forms in a real browser with axe on every page: validation summary, extra rows, synonyms, diff, sign-out. */
describe('back-office forms', () => {
  const env = useServerAndBrowser()

  it('shows errors accessibly, keeps input, and the back office ships no JavaScript', async () => {
    const ctx = await env.browser.newContext({ baseURL: env.server.baseUrl, locale: 'zh-CN' })
    const page = await ctx.newPage()
    try {
      await visit(page, '/admin/login?next=%2Fadmin%2Fitems%2Fnew')
      await signInStaff(page, EDITOR)
      assert.equal(new URL(page.url()).pathname, '/admin/items/new', 'next= survives the code step and brings the editor back')

      await page.locator('#code').fill('E2E-TEST-0001')
      await page.locator('#materials-0-issuer').fill('某出具单位')
      await page.locator('#statutoryDays').fill('二十')
      await visit(page, () => page.getByRole('button', { name: '保存为草稿' }).click(), { status: 400 })
      const summary = page.locator('.error-summary')
      assert.ok(await summary.isVisible())
      const links = await summary.locator('a').allInnerTexts()
      assert.ok(links.some((l) => l.startsWith('事项名称')), links.join(' | '))
      assert.ok(links.some((l) => l.includes('材料名称') && l.includes('第 1 行')), links.join(' | '))
      assert.equal(await page.locator('#materials-0-issuer').inputValue(), '某出具单位')
      await screenshot(page, 'admin-new-item-errors')
      // Every summary link lands on an element of the page (a field, or the first box of a group).
      const n = await summary.locator('a').count()
      for (let i = 0; i < n; i++) {
        const href = await summary.locator('a').nth(i).getAttribute('href')
        assert.equal(await page.locator(href!).count(), 1, `target of ${href}`)
      }
      assert.equal(await page.locator('script').count(), 0, 'back-office pages work without scripts')
      await summary.locator('a[href="#name"]').click()
      assert.equal(await page.evaluate('document.activeElement && document.activeElement.id'), 'name', 'the summary link moves focus to the field')

      await visit(page, () => page.getByRole('button', { name: '再添加 3 行材料' }).click())
      assert.ok(await page.locator('#materials-5-name').isVisible())

      await visit(page, '/admin?status=published&q=%E7%99%BB%E8%AE%B0')
      assert.match(await page.locator('main').innerText(), /共 \d+ 个事项/)
      const first = page.locator('table tbody tr a').first()
      await visit(page, () => first.click())
      await visit(page, () => page.getByRole('link', { name: '修改事项内容' }).click())
      await page.locator('#hours').fill('工作日 9:00-17:00（节假日除外）')
      await visit(page, () => page.getByRole('button', { name: '保存修改' }).click())
      await visit(page, () => page.getByRole('link', { name: '与上一版比较' }).click())
      assert.match(await page.locator('table.diff').innerText(), /办理时间/)
      await screenshot(page, 'admin-diff')

      await visit(page, '/admin/synonyms')
      await visit(page, () => page.getByRole('button', { name: '新增' }).click(), { status: 400 })
      assert.ok(await page.locator('#phrase-error').isVisible())

      await visit(page, () => page.getByRole('button', { name: '退出登录' }).click())
      assert.equal(new URL(page.url()).pathname, '/admin/login')
      await visit(page, '/admin')
      assert.equal(new URL(page.url()).pathname, '/admin/login', 'signed out for real')
    } finally {
      await ctx.close()
    }
  })
  it('an administrator manages staff accounts and departments; every page passes axe', async () => {
    const ctx = await env.browser.newContext({ baseURL: env.server.baseUrl, locale: 'zh-CN' })
    const page = await ctx.newPage()
    try {
      await visit(page, '/admin/staff')
      assert.equal(new URL(page.url()).pathname, '/admin/login')
      await signInStaff(page, { username: 'admin', password: EDITOR.password })
      assert.equal(new URL(page.url()).pathname, '/admin/staff')
      assert.match(await page.locator('table').innerText(), /officer1[\s\S]*审批人员 · 苏州市市场监督管理局/)

      await visit(page, () => page.getByRole('link', { name: '新建员工账号' }).click())
      await visit(page, () => page.getByRole('button', { name: '创建账号' }).click(), { status: 400 })
      assert.ok(await page.locator('#username-error').isVisible())
      await page.locator('#username').fill('li.na')
      await page.locator('#displayName').fill('李娜')
      await page.locator('#departmentId').selectOption({ label: '苏州市民政局' })
      await page.locator('#roles-1').check() // 审批人员
      await visit(page, () => page.getByRole('button', { name: '创建账号' }).click(), { status: 201 })
      assert.match(await page.locator('#one-time-password').innerText(), /^\S{16}$/)
      await visit(page, () => page.getByRole('link', { name: '查看账号详情' }).click())
      await page.locator('#role').selectOption('supervisor')
      await visit(page, () => page.getByRole('button', { name: '添加角色' }).click(), { status: 400 })
      assert.ok(await page.locator('#regionCode-error').isVisible(), 'a supervisor needs a region')
      await page.locator('#regionCode').selectOption('320508')
      await visit(page, () => page.getByRole('button', { name: '添加角色' }).click())
      assert.match(await page.locator('main').innerText(), /电子监察人员 · 姑苏区 \(320508\)/)
      await screenshot(page, 'admin-staff-detail')

      await visit(page, () => page.getByRole('link', { name: '部门管理' }).click())
      await visit(page, () => page.getByRole('link', { name: '新建部门' }).click())
      await page.locator('#name').fill('苏州市测试局')
      await page.locator('#code').fill('11320500MB197058XX')
      await visit(page, () => page.getByRole('button', { name: '创建部门' }).click(), { status: 400 })
      assert.ok(await page.locator('#code-error').isVisible(), 'a bad USCC is explained at the field')
      assert.ok(await page.locator('#regionCode-error').isVisible())

      // 证照目录: define a licence type through the form (error summary first), then find it in the list.
      await visit(page, '/admin/licences/types')
      await visit(page, () => page.getByRole('link', { name: '新增证照类型' }).first().click())
      await page.locator('#name').fill('烟花爆竹经营许可证（零售）')
      await page.locator('#fields-0-key').fill('1bad')
      await visit(page, () => page.getByRole('button', { name: '新增证照类型' }).click(), { status: 400 })
      assert.match(await page.title(), /^错误：/)
      assert.ok(await page.locator('#fields-0-key-error').isVisible(), 'the bad key is explained at its row')
      assert.equal(await page.locator('#name').inputValue(), '烟花爆竹经营许可证（零售）', 'input is kept')
      await page.locator('#definerDepartmentId').selectOption({ index: 1 })
      await page.locator('#holderKind').selectOption('enterprise')
      await page.locator('#template').selectOption('permit')
      await page.locator('#validityYears').fill('3')
      await page.locator('#fields-0-key').fill('holder')
      await page.locator('#fields-0-label').fill('经营者')
      await page.locator('#fields-0-source').selectOption('applicant.name')
      await page.locator('#fields-0-required').selectOption('yes')
      await visit(page, () => page.getByRole('button', { name: '新增证照类型' }).click())
      assert.equal(new URL(page.url()).pathname, '/admin/licences/types')
      assert.match(await page.locator('main').innerText(), /烟花爆竹经营许可证（零售）[\s\S]*经营者/)
    } finally {
      await ctx.close()
    }
  })
})
