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
 * enrolment page (reads the setup key shown as text, like a person typing it into an app) or the code step.
 * Axe runs on every page. Ends wherever `next=` leads.
 */
export async function signInStaff(page: Page, who: { username: string; password: string }): Promise<void> {
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
