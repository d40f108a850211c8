import { after, before } from 'node:test'
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import assert from 'node:assert/strict'
import pg from 'pg'
import { chromium, type Browser, type Page } from 'playwright-core'
import { AxeBuilder } from '@axe-core/playwright'
import { testEnv } from '../src/platform/config'
import { totpCode } from '../src/modules/identity/totp'

/**
 * Browser-journey harness: the REAL server (`yiwang start` in a child process, on a fresh PGlite data dir, so
 * it migrates and seeds exactly as `npm start` does on a new machine), Debian Chromium through playwright-core,
 * and axe on every page a journey visits.
 */
export const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const SCREENSHOTS = join(ROOT, '.tmp', 'screenshots')
export const EDITOR = { username: 'editor', password: 'e2e-editor-password-42' }
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

export type Server = { baseUrl: string; dataDir: string; stop(): Promise<void>; output(): string }

/** A fresh PostgreSQL database on the E2E_DATABASE_URL server (its role needs CREATEDB), or undefined. */
async function createE2eDatabase(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const base = testEnv('E2E_DATABASE_URL')
  if (!base) return undefined
  const name = `yiwang_e2e_${randomBytes(5).toString('hex')}`
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: base })
    await c.connect()
    try {
      await c.query(sql)
    } finally {
      await c.end()
    }
  }
  await admin(`create database ${name}`)
  const url = new URL(base)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) }
}

/**
 * Starts `node --import tsx src/main/cli.ts start` and waits for /readyz (up to 3 minutes: first start seeds).
 * `host: 'localhost'` makes PUBLIC_URL http://localhost:PORT — WebAuthn refuses an IP address as the RP ID.
 */
export async function startServer(opts: { host?: 'localhost' } = {}): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), 'yiwang-e2e-'))
  const port = await freePort()
  const baseUrl = `http://${opts.host ?? '127.0.0.1'}:${port}`
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: baseUrl, YIWANG_DATA_DIR: dataDir, YIWANG_ADMIN_PASSWORD: EDITOR.password, YIWANG_SECRET_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'warn', NODE_ENV: 'production' }
  // E2E_DATABASE_URL: run the real server on PostgreSQL (a fresh database per server); else on a fresh PGlite dir.
  const pgDatabase = await createE2eDatabase()
  if (pgDatabase) env.DATABASE_URL = pgDatabase.url
  else delete env.DATABASE_URL
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main/cli.ts', 'start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()))
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  const deadline = Date.now() + 180_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`yiwang start exited with ${child.exitCode}:\n${out}`)
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false)
    if (ok) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`server not ready after 180 s:\n${out}`)
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  return {
    baseUrl,
    dataDir,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        const t = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(t)
      }
      rmSync(dataDir, { recursive: true, force: true })
      await pgDatabase?.drop()
    },
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: testEnv('CHROMIUM_PATH') ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true })
}

/** Runs axe (WCAG 2.0/2.1 A and AA) on the page as it is now; fails the test with a readable list. */
export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
  const r = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()
  const problems = r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`)
  assert.deepEqual(problems, [], `axe violations on ${label}:\n  ${problems.join('\n  ')}`)
}

/** Navigates (or waits for a navigation started by `action`) and checks the page landed and is accessible. */
export async function visit(page: Page, urlOrAction: string | (() => Promise<unknown>), opts: { status?: number; axe?: boolean } = {}): Promise<void> {
  const res =
    typeof urlOrAction === 'string'
      ? await page.goto(urlOrAction)
      : (await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), urlOrAction()]))[0]
  assert.equal(res?.status(), opts.status ?? 200, `${page.url()} answered ${res?.status()}`)
  if (opts.axe !== false) await expectAccessible(page)
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const path = join(SCREENSHOTS, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-first-screen.png`) }) // what a phone shows first
  return path
}

/** Registers hooks on the enclosing describe: the real server and Chromium before, both stopped after. */
export function useServerAndBrowser(opts: { host?: 'localhost' } = {}): { readonly server: Server; readonly browser: Browser } {
  const env = {} as { server: Server; browser: Browser }
  before(async () => {
    env.server = await startServer(opts)
    env.browser = await launchBrowser()
  })
  after(async () => {
    await env.browser?.close()
    await env.server?.stop()
  })
  return env
}

/** The server refuses a TOTP code whose 30 s step was already used: the next unused step inside its ±1 window. */
const usedSteps = new Map<string, number>()
export async function freshTotpCode(secret: string): Promise<string> {
  for (;;) {
    const now = Date.now()
    const current = Math.floor(now / 30000)
    const step = Math.max(current, (usedSteps.get(secret) ?? -1) + 1)
    if (step <= current + 1) {
      usedSteps.set(secret, step)
      return totpCode(secret, step * 30000 + 1000)
    }
    await new Promise((r) => setTimeout(r, (current + 1) * 30000 - now + 50))
  }
}

/** Authenticator secrets the journeys enrolled, by username (the browser plays the person's phone). */
export const enrolled = new Map<string, string>()

/**
 * Signs a staff member in through the real pages from the login form: password, then — first time — the
 * enrolment page (reads the setup key shown as text, like a person typing it into an app) or the code step,
 * then the forced password change of a new account (`newPassword`). Axe runs on every page. Ends wherever `next=` leads.
 */
export async function signInStaff(page: Page, who: { username: string; password: string; newPassword?: string }): Promise<void> {
  await page.locator('#username').fill(who.username)
  await page.locator('#password').fill(who.password)
  await visit(page, () => page.getByRole('button', { name: '登录' }).click())
  const path = new URL(page.url()).pathname
  if (path === '/admin/login/totp/setup') {
    const secret = await page.locator('#totp-secret').getAttribute('data-secret')
    assert.ok(secret, 'the setup key is shown as text')
    assert.ok(await page.locator('.qr svg').isVisible(), 'the QR code is shown')
    enrolled.set(who.username, secret)
    await page.locator('#code').fill(await freshTotpCode(secret))
    await visit(page, () => page.getByRole('button', { name: '完成绑定并登录' }).click())
  } else {
    assert.equal(path, '/admin/login/totp', 'the password is followed by the code step')
    const secret = enrolled.get(who.username)
    assert.ok(secret, `no authenticator enrolled for ${who.username} in this run`)
    await page.locator('#code').fill(await freshTotpCode(secret))
    await visit(page, () => page.getByRole('button', { name: '验证并登录' }).click())
  }
  // An account an administrator created: the one-time password is replaced at first sign-in.
  if (new URL(page.url()).pathname === '/admin/login/password') {
    assert.ok(who.newPassword, `${who.username} must change the one-time password: pass newPassword`)
    await page.locator('#password').fill(who.newPassword)
    await page.locator('#confirm').fill(who.newPassword)
    await visit(page, () => page.getByRole('button', { name: '保存新密码' }).click())
  }
}

/**
 * An administrator (signed in on `adminPage`) creates a staff account at /admin/staff/new with one role in one
 * department; returns what signInStaff needs (the one-time password shown once, and the new one to set).
 */
export async function createStaffAccount(adminPage: Page, a: { username: string; displayName: string; department: string; role: string }): Promise<{ username: string; password: string; newPassword: string }> {
  const base = new URL(adminPage.url()).origin
  await visit(adminPage, `${base}/admin/staff/new`)
  await adminPage.locator('#username').fill(a.username)
  await adminPage.locator('#displayName').fill(a.displayName)
  await adminPage.locator('#departmentId').selectOption({ label: a.department })
  await adminPage.getByRole('checkbox', { name: a.role, exact: true }).check()
  await visit(adminPage, () => adminPage.getByRole('button', { name: '创建账号' }).click(), { status: 201 })
  const password = (await adminPage.locator('#one-time-password').innerText()).trim()
  assert.ok(password, 'the one-time password is shown')
  return { username: a.username, password, newPassword: 'Lotus-pond 2026 e2e' }
}

/** The citizen password the journeys register with. */
export const CITIZEN_PASSWORD = 'Sprout-and-bean 7'

/** The newest SMS code for a number in the simulated gateway's file (README: "Where is my SMS code?"); numbers are masked there. */
export function smsCode(server: Server, phone: string): string {
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`
  const lines = readFileSync(join(server.dataDir, 'outbox', 'sms.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { to: string; text: string })
  const code = /(\d{6})/.exec(lines.reverse().find((l) => l.to === masked)?.text ?? '')?.[1]
  assert.ok(code, `an SMS code for ${masked} in the outbox`)
  return code!
}

/** Registers a citizen account through the real pages (phone → SMS code → password, name, agreement); ends on /account. */
export async function registerCitizen(page: Page, server: Server, phone: string, displayName: string): Promise<void> {
  await visit(page, `${server.baseUrl}/register`)
  await page.locator('#phone').fill(phone)
  await visit(page, () => page.getByRole('button', { name: '获取验证码' }).click())
  await page.locator('#code').fill(smsCode(server, phone))
  await page.locator('#password').fill(CITIZEN_PASSWORD)
  await page.locator('#displayName').fill(displayName)
  await page.locator('#agreed').check()
  await visit(page, () => page.getByRole('button', { name: '注册并登录' }).click())
  assert.equal(new URL(page.url()).pathname, '/account')
}

/** A 1×1 PNG (uploads check types by content). */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108020000009077' + '53de0000000c4944415478da63f8ffff3f0005fe02fe0def46b80000000049454e44ae426082', 'hex')
export const pngFile = (name: string) => ({ name, mimeType: 'image/png', buffer: PNG })

/** Real-name verification at /account/verify with a resident of the simulated 人口库 (DEMO_RESIDENTS). */
export async function verifyRealName(page: Page, server: Server, who: { name: string; idNumber: string; idCardValidUntil: string | null }): Promise<void> {
  await visit(page, `${server.baseUrl}/account/verify`)
  await page.locator('#name').fill(who.name)
  await page.locator('#idNumber').fill(who.idNumber)
  if (who.idCardValidUntil) await page.locator('#validUntil').fill(who.idCardValidUntil)
  else await page.locator('#longTerm').check()
  await visit(page, () => page.getByRole('button', { name: '提交核验' }).click())
}

/**
 * The fields of the curated 食品经营许可证核发 form a person fills in (the name and ID number are prefilled and
 * locked): addresses in 姑苏区, owned premises, 热食类, one staff row, the two uploads (平面图, 制度目录).
 * On the 一件事 merged form the same ids appear (shared fields once).
 */
export async function fillFoodLicenceFields(page: Page, who: { name: string }): Promise<void> {
  await page.locator('#f-address-regionCode').selectOption('320508')
  await page.locator('#f-address-detail').fill('姑苏区人民路100号')
  await page.locator('#f-premisesAddress-regionCode').selectOption('320508')
  await page.locator('#f-premisesAddress-detail').fill('姑苏区十全街88号')
  await page.locator('#f-area').fill('120')
  await page.locator('#f-premisesOwnership').check()
  await page.locator('#f-businessItems--2').check()
  await page.locator('#f-onlineSales--1').check()
  await page.locator('#f-safetyManager').fill(who.name)
  await page.locator('#f-staff-0-name').fill(who.name)
  await page.locator('#f-staff-0-idNumber').fill('11010519491231002X')
  await page.locator('#f-staff-0-healthCertNo').fill('JK2026001')
  await page.locator('#f-material3').setInputFiles(pngFile('平面图.png'))
  await page.locator('#f-material4').setInputFiles(pngFile('制度目录.png'))
}

/** The rest of the 开办餐饮店 merged form (企业设立登记, 消防安全检查, 店招标牌设置备案) after fillFoodLicenceFields. */
export async function fillRestaurantBundleFields(page: Page, who: { name: string }): Promise<void> {
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)
  await page.locator('#f-proposedName').fill('苏州十全小馆餐饮有限公司')
  await page.locator('#f-entityType').selectOption('llc')
  await page.locator('#f-registeredCapital').fill('50')
  await page.locator('#f-operatingTerm').selectOption('indefinite')
  await page.locator('#f-businessScope').fill('餐饮服务；食品销售')
  await page.locator('#f-addressCommitment').check()
  await page.locator('#f-investors-0-name').fill(who.name)
  await page.locator('#f-investors-0-idNumber').fill('11010519491231002X')
  await page.locator('#f-investors-0-contribution').fill('50')
  await page.locator('#f-material1').setInputFiles(pngFile('名称告知书.png'))
  await page.locator('#f-material2').setInputFiles(pngFile('章程.png'))
  await page.locator('#f-venueName').fill('十全小馆')
  await page.locator('#f-venueType').selectOption('hotel')
  await page.locator('#f-openingDate').fill(inDays(20))
  await page.locator('#f-commitment--1').check()
  await page.locator('#f-it3Material3').setInputFiles(pngFile('消防制度.png'))
  await page.locator('#f-it3Material4').setInputFiles(pngFile('消防平面图.png'))
  await page.locator('#f-signType').selectOption('wallSign')
  await page.locator('#f-signText').fill('十全小馆')
  await page.locator('#f-width').fill('4')
  await page.locator('#f-height').fill('1')
  await page.locator('#f-lit--1').check()
  await page.locator('#f-it4Material1').setInputFiles(pngFile('效果图.png'))
  await page.locator('#f-it4Material2').setInputFiles(pngFile('承诺书.png'))
}

/** Lines of the simulated SMS gateway's file to one (masked) number, waiting up to `timeoutMs` until `until` holds (the job worker sends after commit). */
export async function smsTo(server: Server, phone: string, until: (lines: { purpose: string; text: string }[]) => boolean = () => true, timeoutMs = 30_000): Promise<{ purpose: string; text: string }[]> {
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`
  const deadline = Date.now() + timeoutMs
  for (;;) {
    let lines: { to: string; purpose: string; text: string }[] = []
    try {
      lines = readFileSync(join(server.dataDir, 'outbox', 'sms.jsonl'), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { to: string; purpose: string; text: string })
    } catch {
      // no file yet
    }
    const mine = lines.filter((l) => l.to === masked)
    if (until(mine) || Date.now() > deadline) return mine
    await new Promise((r) => setTimeout(r, 500))
  }
}
