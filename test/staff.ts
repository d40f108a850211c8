import type { DB } from '../src/platform/database'
import { createStaffUser } from '../src/modules/identity'

/** Test support for back-office routes: staff accounts, sign-in through the real login form, form posts. */
type RequestApp = { request(path: string, init?: RequestInit): Response | Promise<Response> }

export const STAFF_PASSWORD = 'correct horse battery'

export async function createStaff(db: DB, username: string, roles: string[], password = STAFF_PASSWORD) {
  return createStaffUser(db, { username, displayName: `测试${username}`, password, roles, actor: { type: 'system', name: 'test' } })
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

/** Opens the login page and posts the form; returns the raw response and the cookies involved. */
export async function postLogin(app: RequestApp, username: string, password: string, extraCookie?: string) {
  const page = await app.request('/admin/login')
  const loginCookie = cookieFrom(page, 'yw_login')!
  const csrf = hiddenCsrf(await page.text())!
  const res = await app.request('/admin/login', {
    method: 'POST',
    body: formBody({ _csrf: csrf, username, password, next: '/admin' }),
    headers: { cookie: [loginCookie, extraCookie].filter(Boolean).join('; '), 'content-type': 'application/x-www-form-urlencoded' },
  })
  return { res, session: cookieFrom(res, 'yw_staff') }
}

export type Session = { cookie: string; csrf: string }

/** Signs in and returns the session cookie plus the CSRF token read from a back-office page. */
export async function signIn(app: RequestApp, username: string, password = STAFF_PASSWORD, page = '/admin/synonyms'): Promise<Session> {
  const { res, session } = await postLogin(app, username, password)
  if (res.status !== 303 || !session) throw new Error(`sign-in failed for ${username}: ${res.status}`)
  const html = await (await app.request(page, { headers: { cookie: session } })).text()
  const csrf = hiddenCsrf(html)
  if (!csrf) throw new Error('no CSRF token on the back-office page')
  return { cookie: session, csrf }
}

export function postForm(app: RequestApp, path: string, s: Partial<Session>, fields: Record<string, string | string[]>, withCsrf = true) {
  return app.request(path, {
    method: 'POST',
    body: formBody({ ...(withCsrf && s.csrf ? { _csrf: s.csrf } : {}), ...fields }),
    headers: { ...(s.cookie ? { cookie: s.cookie } : {}), 'content-type': 'application/x-www-form-urlencoded' },
  })
}

/** The CSRF token of a session straight from the table (for users who may not open any page that shows it). */
export async function csrfOf(db: DB, cookie: string): Promise<string> {
  const { createHash } = await import('node:crypto')
  const token = cookie.split('=')[1]!
  const row = await db.selectFrom('staff_sessions').select('csrf_token').where('id', '=', createHash('sha256').update(token).digest('hex')).executeTakeFirstOrThrow()
  return row.csrf_token
}
