import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { CITIZEN_PASSWORD, expectAccessible, registerCitizen, screenshot, useServerAndBrowser, visit } from './harness'

/**
 * Passkeys (通行密钥) in a real browser: Chromium's virtual authenticator (CDP WebAuthn domain) plays the
 * phone's fingerprint reader. Register → add a passkey on /account/passkeys → sign out → 使用通行密钥登录.
 * The server runs on http://localhost (an IP address is not a valid WebAuthn RP ID). Axe on every page.
 */
const env = useServerAndBrowser({ host: 'localhost' })


describe('passkeys in the browser', () => {
  test('register → add a passkey → sign out → 使用通行密钥登录 (virtual authenticator)', { timeout: 180_000 }, async () => {
    const ctx = await env.browser.newContext({ baseURL: env.server.baseUrl, locale: 'zh-CN' })
    const page = await ctx.newPage()
    try {
      const cdp = await ctx.newCDPSession(page)
      await cdp.send('WebAuthn.enable')
      const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
        options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
      })

      await registerCitizen(page, env.server, '13912345688', '通行密钥测试')
      await visit(page, () => page.getByRole('link', { name: '通行密钥', exact: true }).click())
      assert.equal(new URL(page.url()).pathname, '/account/passkeys')
      const add = page.locator('form[data-passkey="register"]')
      await add.waitFor({ state: 'visible' })
      assert.ok(!(await page.locator('[data-passkey-fallback]').isVisible()), 'the "not supported" note is hidden')
      await expectAccessible(page, '/account/passkeys with the add form shown')
      await page.locator('#passkey-label').fill('这台电脑')
      await visit(page, () => add.getByRole('button', { name: '添加通行密钥' }).click())
      assert.equal(new URL(page.url()).search, '?done=added')
      assert.match(await page.locator('main table').innerText(), /这台电脑[\s\S]*尚未用于登录/)
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId })
      assert.equal(credentials.length, 1)
      assert.ok(credentials[0]!.isResidentCredential, 'a discoverable credential (usernameless sign-in)')
      await screenshot(page, 'passkeys-added')

      await visit(page, '/account')
      await visit(page, () => page.getByRole('button', { name: '退出登录' }).click())
      assert.equal(new URL(page.url()).pathname, '/login')
      const box = page.locator('[data-passkey="sign-in"]')
      await box.waitFor({ state: 'visible' })
      await expectAccessible(page, '/login with the passkey option shown')
      await visit(page, () => box.getByRole('button', { name: '使用通行密钥登录' }).click())
      assert.equal(new URL(page.url()).pathname, '/account')
      assert.ok((await page.locator('.account-links').innerText()).includes('通行密钥测试'), 'signed in as the account')
      assert.equal((await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials[0]!.signCount, 2)

      await visit(page, '/account/passkeys')
      assert.ok(!(await page.locator('main table').innerText()).includes('尚未用于登录'), 'last used is shown')
    } finally {
      await ctx.close()
    }
  })

  test('without JavaScript (same account) /login and /account/passkeys show no passkey buttons; the password sign-in works', { timeout: 120_000 }, async () => {
    const ctx = await env.browser.newContext({ baseURL: env.server.baseUrl, locale: 'zh-CN', javaScriptEnabled: false })
    const page = await ctx.newPage()
    try {
      // axe needs JavaScript in the page: these visits check the status only.
      await visit(page, '/login', { axe: false })
      assert.ok(!(await page.getByRole('button', { name: '使用通行密钥登录' }).isVisible()))
      await page.locator('#phone').fill('13912345688')
      await page.locator('#password').fill(CITIZEN_PASSWORD)
      await visit(page, () => page.locator('main form[action="/login"] button[type="submit"]').click(), { axe: false })
      assert.equal(new URL(page.url()).pathname, '/account')
      await visit(page, '/account/passkeys', { axe: false })
      assert.ok(!(await page.locator('form[data-passkey="register"]').isVisible()))
      assert.ok(await page.locator('[data-passkey-fallback]').isVisible(), 'says what adding a passkey needs')
      assert.match(await page.locator('main table').innerText(), /这台电脑/)
    } finally {
      await ctx.close()
    }
  })
})
