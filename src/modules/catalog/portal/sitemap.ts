import type { DepartmentRow, ThemeRow } from '../catalog-queries'

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const day = (d: Date) => d.toISOString().slice(0, 10)

/** sitemap.xml (sitemaps.org 0.9): home, every published guide, departments, themes — absolute URLs. */
export function sitemapXml(base: string, guides: { code: string; updatedAt: Date }[], departments: DepartmentRow[], themes: ThemeRow[]): string {
  const latest = guides.reduce<Date | undefined>((m, g) => (!m || g.updatedAt > m ? g.updatedAt : m), undefined)
  const urls: { loc: string; lastmod?: string; priority: string }[] = [
    { loc: `${base}/`, lastmod: latest ? day(latest) : undefined, priority: '1.0' },
    { loc: `${base}/departments`, priority: '0.6' },
    ...guides.map((g) => ({ loc: `${base}/services/${encodeURIComponent(g.code)}`, lastmod: day(g.updatedAt), priority: '0.8' })),
    ...departments.filter((d) => d.publishedItems > 0).map((d) => ({ loc: `${base}/departments/${encodeURIComponent(d.slug)}`, priority: '0.5' })),
    ...themes.filter((th) => th.publishedItems > 0).map((th) => ({ loc: `${base}/themes/${encodeURIComponent(th.slug)}`, priority: '0.6' })),
  ]
  const body = urls
    .map((u) => `<url><loc>${esc(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}<priority>${u.priority}</priority></url>`)
    .join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`
}

/** robots.txt: the portal is open; the back office, sign-in flows and the API's write paths are not. */
export function robotsTxt(base: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /admin',
    'Disallow: /apply/',
    'Disallow: /login',
    'Disallow: /api/v1/',
    'Allow: /api/openapi.json',
    '',
    `Sitemap: ${base}/sitemap.xml`,
    '',
  ].join('\n')
}
