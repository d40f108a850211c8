/**
 * Test support: a tiny browser for tests against a REAL server (serve() on a port) — fetch with manual
 * redirects and a cookie jar that honours Path and deletion (RFC 6265 §5.3, §5.4; enough for our cookies:
 * host-only, no Domain). Used where in-process app.request() is not enough (single sign-on round trips).
 */
type Jarred = { name: string; value: string; path: string }

export class Browser {
  private jar: Jarred[] = []

  constructor(private readonly base: string) {}

  /** Adds a cookie by hand (e.g. a citizen session made by test/citizens.ts). */
  setCookie(pair: string, path = '/'): void {
    const [name, value = ''] = pair.split(/=(.*)/s) as [string, string]
    this.jar = this.jar.filter((c) => !(c.name === name && c.path === path))
    this.jar.push({ name, value, path })
  }

  cookieHeader(url: URL): string {
    return this.jar
      .filter((c) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ')
  }

  private store(url: URL, res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim())
      const [name, value = ''] = pair!.split(/=(.*)/s) as [string, string]
      const attr = (k: string) => attrs.find((a) => a.toLowerCase().startsWith(`${k}=`))?.slice(k.length + 1)
      const path = attr('path') ?? url.pathname.replace(/\/[^/]*$/, '') ?? '/'
      const expires = attr('expires')
      const gone = attr('max-age') === '0' || (expires !== undefined && new Date(expires).getTime() <= Date.now())
      this.jar = this.jar.filter((c) => !(c.name === name && c.path === path))
      if (!gone) this.jar.push({ name, value, path: path || '/' })
    }
  }

  /** One request, no redirect following. `path` may be absolute (same server) or relative to the base. */
  async request(path: string | URL, init: RequestInit = {}): Promise<Response> {
    const url = new URL(path, this.base)
    const headers = new Headers(init.headers)
    const cookie = this.cookieHeader(url)
    if (cookie) headers.set('cookie', cookie)
    const res = await fetch(url, { ...init, headers, redirect: 'manual' })
    this.store(url, res)
    return res
  }

  /** Follows redirects on this server; stops at the first response that is not one, or that leaves it. */
  async follow(path: string | URL, init: RequestInit = {}, max = 10): Promise<{ res: Response; url: URL }> {
    let url = new URL(path, this.base)
    let res = await this.request(url, init)
    for (let i = 0; i < max && res.status >= 300 && res.status < 400; i++) {
      const next = new URL(res.headers.get('location')!, url)
      if (next.origin !== new URL(this.base).origin) return { res, url: next }
      await res.arrayBuffer()
      url = next
      res = await this.request(url)
    }
    return { res, url }
  }

  post(path: string, fields: Record<string, string>): Promise<Response> {
    return this.request(path, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
  }
}
