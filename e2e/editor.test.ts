import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { EDITOR, enrolled, freshTotpCode, signInStaff, visit, useServerAndBrowser } from './harness'

/** Catalogue editor journey on the real server: sign in (password + authenticator set-up) → edit a draft → publish → new version in history → public → sign in again with a TOTP code. */
const DRAFT = { code: '11320500014160118D3200017400000', name: '养犬登记' } // a draft in the demo seed

describe('catalogue editor journey', () => {
  const env = useServerAndBrowser()

  it('signs in, edits a draft, publishes it and sees the new version in the history and on the portal', async () => {
    const ctx = await env.browser.newContext({ baseURL: env.server.baseUrl, locale: 'zh-CN' })
    const page = await ctx.newPage()
    const item = `/admin/items/${DRAFT.code}`
    try {
      const before = await fetch(`${env.server.baseUrl}/services/${DRAFT.code}`)
      assert.equal(before.status, 404, 'a draft is not public')

      await visit(page, '/admin')
      assert.equal(new URL(page.url()).pathname, '/admin/login', 'the back office asks for sign-in')
      await page.locator('#username').fill(EDITOR.username)
      await page.locator('#password').fill('wrong-password')
      await visit(page, () => page.getByRole('button', { name: '登录' }).click(), { status: 401 })
      assert.ok(await page.locator('.error-summary, [role="alert"]').first().isVisible(), 'a wrong password is explained')
      await page.locator('#password').fill(EDITOR.password)
      await visit(page, () => page.getByRole('button', { name: '登录' }).click())
      // TOTP is mandatory for staff: the first sign-in sets up an authenticator (QR code + setup key as text).
      assert.equal(new URL(page.url()).pathname, '/admin/login/totp/setup')
      const secret = (await page.locator('#totp-secret').getAttribute('data-secret'))!
      assert.match(secret, /^[A-Z2-7]{32}$/)
      assert.ok(await page.locator('.qr svg').isVisible(), 'the QR code is shown')
      await page.locator('#code').fill('000000')
      await visit(page, () => page.getByRole('button', { name: '完成绑定并登录' }).click(), { status: 401 })
      assert.ok(await page.locator('#code-error').isVisible(), 'a wrong code is explained at the field')
      enrolled.set(EDITOR.username, secret)
      await page.locator('#code').fill(await freshTotpCode(secret))
      await visit(page, () => page.getByRole('button', { name: '完成绑定并登录' }).click())
      assert.equal(new URL(page.url()).pathname, '/admin')

      await visit(page, `${item}/edit`)
      const promised = page.locator('#promisedDays')
      assert.equal(await promised.inputValue(), '3')
      await promised.fill('2')
      await page.locator('#note').fill('承诺时限由3个工作日缩短为2个工作日')
      await visit(page, () => page.getByRole('button', { name: '保存修改' }).click())
      assert.equal(new URL(page.url()).pathname, item)
      assert.match(await page.locator('main').innerText(), /第 2 版/)

      await visit(page, () => page.locator('form.status-form').filter({ has: page.locator('input[name="action"][value="publish"]') }).getByRole('button').click())
      assert.equal(new URL(page.url()).pathname, item)
      assert.match(await page.locator('h1').innerText(), /已发布/)

      await visit(page, () => page.getByRole('link', { name: '版本历史' }).click())
      const rows = await page.locator('table tbody tr').allInnerTexts()
      assert.ok(rows.length >= 3, `versions: ${rows.join(' / ')}`)
      assert.match(rows.join('\n'), /承诺时限由3个工作日缩短为2个工作日/)
      assert.match(rows[0]!, /^3\b/, 'newest version first')
      assert.match(rows[0]!, /已发布/)

      await visit(page, () => page.getByRole('link', { name: '与第 2 版比较' }).first().click())
      await visit(page, `/services/${DRAFT.code}`)
      assert.match(await page.locator('h1').innerText(), new RegExp(DRAFT.name))
      assert.match(await page.locator('main').innerText(), /2\s*个工作日/)
      const api = (await (await fetch(`${env.server.baseUrl}/api/v1/services/${DRAFT.code}`)).json()) as { version: number; status: string; promisedDays: number }
      assert.deepEqual([api.version, api.status, api.promisedDays], [3, 'published', 2])

      // Signing in again asks for the code from the authenticator (no setup this time).
      await visit(page, '/admin')
      await visit(page, () => page.getByRole('button', { name: '退出登录' }).click())
      await visit(page, `/admin/login?next=${encodeURIComponent(item)}`)
      await signInStaff(page, EDITOR)
      assert.equal(new URL(page.url()).pathname, item, 'password + code, then back where the editor was going')
    } finally {
      await ctx.close()
    }
  })
})
