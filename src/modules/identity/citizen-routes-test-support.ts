import assert from 'node:assert/strict'
import type { SmsMessage } from '../notifications'

/**
 * Test support for the citizen pages: a tiny browser (cookie jar, form posts, a client IP) and the journeys
 * every test file needs — register through the real forms with the code the fake SMS gateway "sent", sign in.
 */
type RequestApp = { request(path: string, init?: RequestInit, env?: unknown): Response | Promise<Response> }

/** What @hono/node-server's getConnInfo reads, so in-process requests can come from a chosen IP. */
export function ipEnv(ip: string) {
  return { incoming: { socket: { remoteAddress: ip, remotePort: 40000, remoteFamily: 'IPv4' } } }
}

export class Browser {
  readonly jar = new Map<string, string>()
  constructor(
    private readonly app: RequestApp,
    private readonly ip?: string,
  ) {}

  cookie(): string {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ')
  }
  absorb(res: Response): void {
    for (const h of res.headers.getSetCookie()) {
      const [pair, ...attrs] = h.split(';')
      const i = pair!.indexOf('=')
      const name = pair!.slice(0, i).trim()
      const value = pair!.slice(i + 1).trim()
      const gone = !value || attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && new Date(a.split('=')[1]!).getTime() < Date.now()))
      if (gone) this.jar.delete(name)
      else this.jar.set(name, value)
    }
  }
  async request(path: string, init: RequestInit = {}): Promise<{ res: Response; html: string }> {
    const headers = new Headers(init.headers)
    if (this.jar.size) headers.set('cookie', this.cookie())
    const res = await this.app.request(path, { ...init, headers }, this.ip ? ipEnv(this.ip) : undefined)
    this.absorb(res)
    return { res, html: await res.text() }
  }
  get(path: string) {
    return this.request(path)
  }
  post(path: string, fields: Record<string, string>) {
    return this.request(path, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  }
}

export const hiddenField = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1]?.replace(/&amp;/g, '&')
export const codeIn = (m: SmsMessage | undefined) => /(\d{6})/.exec(m?.text ?? '')?.[1]

/** No full mainland mobile number and no full 身份证号 anywhere in a page (GB/T 35273: minimise display). */
export function assertNoRawIdentifiers(html: string, where: string): void {
  assert.doesNotMatch(html, /(?<!\d)1[3-9]\d{9}(?!\d)/, `${where}: a full phone number`)
  assert.doesNotMatch(html, /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/, `${where}: a full ID number`)
}

export const PASSWORD = 'Sprout-and-bean 7'

/** Registers through the real forms; returns the browser signed in. `pages` collects every HTML seen. */
export async function registerThroughForms(
  b: Browser,
  sms: { last(phone: string): SmsMessage | undefined },
  phone: string,
  opts: { displayName?: string; password?: string; pages?: string[] } = {},
): Promise<void> {
  const start = await b.get('/register')
  opts.pages?.push(start.html)
  const sent = await b.post('/register/code', { _csrf: hiddenField(start.html, '_csrf')!, phone, next: '/account' })
  assert.equal(sent.res.status, 303, `send code: ${sent.html.slice(0, 300)}`)
  const details = await b.get(sent.res.headers.get('location')!)
  opts.pages?.push(details.html)
  const code = codeIn(sms.last(phone))
  assert.ok(code, 'a code was sent')
  const done = await b.post('/register', {
    _csrf: hiddenField(details.html, '_csrf')!, t: hiddenField(details.html, 't')!, next: '/account',
    code: code!, password: opts.password ?? PASSWORD, displayName: opts.displayName ?? '小明', agreed: 'yes',
  })
  assert.equal(done.res.status, 303, `register: ${done.html.slice(0, 500)}`)
}

/** Opens /login and posts phone + password; returns the POST response. */
export async function loginThroughForm(b: Browser, phone: string, password: string, next = '/account') {
  const page = await b.get(`/login?next=${encodeURIComponent(next)}`)
  return b.post('/login', { _csrf: hiddenField(page.html, '_csrf') ?? 'none', phone, password, next })
}
