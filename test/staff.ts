import { createHash } from 'node:crypto'
import type { DB } from '../src/platform/database'
import { createSecrets, TEST_SECRET_KEY } from '../src/platform/secrets'
import { createStaffUser } from '../src/modules/identity'
import { totpCode } from '../src/modules/identity/totp'

/**
 * Test support for back-office routes: staff accounts (with a known TOTP secret, sealed with the test key
 * testApp uses), sign-in through the real pages (password, then the code), form posts.
 */
type RequestApp = { request(path: string, init?: RequestInit): Response | Promise<Response> }

export const STAFF_PASSWORD = 'correct horse battery'
const testSecrets = createSecrets(Buffer.from(TEST_SECRET_KEY, 'base64'))
const DEPARTMENT_ROLES = new Set(['window_officer', 'department_officer', 'department_head'])
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** The TOTP secret createStaff gives `username` by default: fixed per username, so signIn can compute codes. */
export function staffTotpSecret(username: string): string {
  const bytes = createHash('sha256').update(`totp:${username.toLowerCase()}`).digest().subarray(0, 20)
  let bits = ''
  for (const b of bytes) bits += b.toString(2).padStart(8, '0')
  return (bits.match(/.{5}/g) ?? []).map((x) => BASE32[parseInt(x, 2)]).join('')
}

export type CreateStaffOptions = {
  password?: string
  /** The authenticator secret (base32); default staffTotpSecret(username); null = not enrolled yet. */
  totpSecret?: string | null
  /** Primary department; department roles default to the first department in the database. */
  departmentId?: string | null
  regionCode?: string
  mustChangePassword?: boolean
}

/** A staff account holding `roles` (department roles in `departmentId`, supervisor in `regionCode`). */
export async function createStaff(db: DB, username: string, roles: string[], opts: string | CreateStaffOptions = {}) {
  const o: CreateStaffOptions = typeof opts === 'string' ? { password: opts } : opts
  let departmentId = o.departmentId ?? null
  if (!departmentId && roles.some((r) => DEPARTMENT_ROLES.has(r))) {
    const d = await db.selectFrom('departments').select('id').orderBy('name').executeTakeFirst()
    if (!d) throw new Error('createStaff: a department role needs a department (use the seeded template or pass departmentId)')
    departmentId = d.id
  }
  const totpSecret = o.totpSecret === undefined ? staffTotpSecret(username) : o.totpSecret
  const grants = roles.map((role) => ({
    role: role as 'admin',
    departmentId: role === 'admin' || role === 'supervisor' || (role === 'catalog_editor' && !o.departmentId) ? null : departmentId,
    regionCode: role === 'supervisor' ? (o.regionCode ?? '320500') : null,
  }))
  return createStaffUser(db, {
    username,
    displayName: `测试${username}`,
    password: o.password ?? STAFF_PASSWORD,
    roles,
    grants,
    departmentId,
    mustChangePassword: o.mustChangePassword ?? false,
    totpSecretSealed: totpSecret ? testSecrets.seal(totpSecret) : null,
    actor: { type: 'system', name: 'test' },
  })
}

/** `name=value` of a Set-Cookie header for `name`, or undefined. */
export function cookieFrom(res: Response, name: string): string | undefined {
  for (const h of res.headers.getSetCookie()) {
    const [pair] = h.split(';')
    if (pair && pair.startsWith(`${name}=`) && pair.length > name.length + 1) return pair
  }
  return undefined
}

export function hiddenCsrf(html: string): string | undefined {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1]
}

export function formBody(fields: Record<string, string | string[]>): URLSearchParams {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x)
  return p
}

const FORM = 'application/x-www-form-urlencoded'

/** Opens the login page and posts the form (the PASSWORD step only); returns the response and the pending session cookie. */
export async function postLogin(app: RequestApp, username: string, password: string, extraCookie?: string) {
  const page = await app.request('/admin/login')
  const loginCookie = cookieFrom(page, 'yw_login')!
  const csrf = hiddenCsrf(await page.text())!
  const res = await app.request('/admin/login', {
    method: 'POST',
    body: formBody({ _csrf: csrf, username, password, next: '/admin' }),
    headers: { cookie: [loginCookie, extraCookie].filter(Boolean).join('; '), 'content-type': FORM },
  })
  return { res, session: cookieFrom(res, 'yw_staff') }
}

/** The server refuses a code whose 30 s step was already accepted; remember the steps used per account. */
const usedSteps = new Map<string, number>()

/**
 * A fresh code for `secret`: the current step, else the next one (both inside the server's ±1 window), else
 * waits for the clock — so one account can sign in twice per 30 s without waiting.
 */
export async function nextTotpCode(secret: string): Promise<string> {
  for (;;) {
    const now = Date.now()
    const current = Math.floor(now / 30000)
    const last = usedSteps.get(secret) ?? -1
    const step = Math.max(current, last + 1)
    if (step <= current + 1) {
      usedSteps.set(secret, step)
      return totpCode(secret, step * 30000 + 1000)
    }
    await new Promise((r) => setTimeout(r, (current + 1) * 30000 - now + 50))
  }
}

/** Posts a code on the TOTP step of a pending session (the page gives the CSRF token). */
export async function postTotp(app: RequestApp, pendingCookie: string, code: string, path = '/admin/login/totp') {
  const page = await app.request(path, { headers: { cookie: pendingCookie } })
  const csrf = hiddenCsrf(await page.text())
  if (!csrf) throw new Error(`no CSRF token on ${path} (status ${page.status})`)
  const res = await app.request(path, { method: 'POST', body: formBody({ _csrf: csrf, code, next: '/admin' }), headers: { cookie: pendingCookie, 'content-type': FORM } })
  return { res, session: cookieFrom(res, 'yw_staff') }
}

export type Session = { cookie: string; csrf: string }

/** Password + TOTP through the real pages; returns the signed-in session cookie. */
export async function signInCookie(app: RequestApp, username: string, password = STAFF_PASSWORD, secret = staffTotpSecret(username)): Promise<string> {
  const first = await postLogin(app, username, password)
  if (first.res.status !== 303 || !first.session) throw new Error(`sign-in failed for ${username}: ${first.res.status}`)
  const second = await postTotp(app, first.session, await nextTotpCode(secret))
  if (second.res.status !== 303 || !second.session) throw new Error(`TOTP step failed for ${username}: ${second.res.status}`)
  return second.session
}

/** Signs in (password + code) and returns the session cookie plus the CSRF token read from a back-office page. */
export async function signIn(app: RequestApp, username: string, password = STAFF_PASSWORD, page = '/admin/synonyms', secret = staffTotpSecret(username)): Promise<Session> {
  const cookie = await signInCookie(app, username, password, secret)
  const html = await (await app.request(page, { headers: { cookie } })).text()
  const csrf = hiddenCsrf(html)
  if (!csrf) throw new Error(`no CSRF token on ${page}`)
  return { cookie, csrf }
}

export function postForm(app: RequestApp, path: string, s: Partial<Session>, fields: Record<string, string | string[]>, withCsrf = true) {
  return app.request(path, {
    method: 'POST',
    body: formBody({ ...(withCsrf && s.csrf ? { _csrf: s.csrf } : {}), ...fields }),
    headers: { ...(s.cookie ? { cookie: s.cookie } : {}), 'content-type': FORM },
  })
}

/** The CSRF token of a session straight from the table (for users who may not open any page that shows it). */
export async function csrfOf(db: DB, cookie: string): Promise<string> {
  const token = cookie.split('=')[1]!
  const row = await db.selectFrom('staff_sessions').select('csrf_token').where('id', '=', createHash('sha256').update(token).digest('hex')).executeTakeFirstOrThrow()
  return row.csrf_token
}
