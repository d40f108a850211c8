/** What a browser downloads for one page: the HTML plus the CSS and JS it links, as transferred (gzip). */

type Requester = { request(path: string, init?: RequestInit): Response | Promise<Response> }

export type PageWeight = { path: string; html: number; css: number; js: number; total: number; rawHtml: number; encoding: string | null }

async function transferred(app: Requester, path: string, gzip: boolean): Promise<{ bytes: number; encoding: string | null; body: string }> {
  const res = await app.request(path, { headers: gzip ? { 'Accept-Encoding': 'gzip' } : {} })
  const buf = new Uint8Array(await res.arrayBuffer())
  return { bytes: buf.byteLength, encoding: res.headers.get('content-encoding'), body: gzip ? '' : new TextDecoder().decode(buf) }
}

/** Sums the compressed bytes of the page and every same-origin stylesheet and script it references. */
export async function pageWeight(app: Requester, path: string): Promise<PageWeight> {
  const plain = await transferred(app, path, false)
  const page = await transferred(app, path, true)
  const css = [...plain.body.matchAll(/<link rel="stylesheet" href="(\/[^"]+)"/g)].map((m) => m[1]!)
  const js = [...plain.body.matchAll(/<script src="(\/[^"]+)"/g)].map((m) => m[1]!)
  const sum = async (paths: string[]) => (await Promise.all(paths.map((p) => transferred(app, p, true)))).reduce((n, x) => n + x.bytes, 0)
  const [cssBytes, jsBytes] = await Promise.all([sum(css), sum(js)])
  return { path, html: page.bytes, css: cssBytes, js: jsBytes, total: page.bytes + cssBytes + jsBytes, rawHtml: plain.bytes, encoding: page.encoding }
}

export const GUIDE_BUDGET_BYTES = 60 * 1024
