import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../../deps'
import type { AppEnv } from '../../../platform/http/context'
import { peekCitizen } from '../../identity'
import { t } from '../../../platform/web/i18n'
import { siteTitle } from '../../../platform/web/layout'
import { catalogStats, getDepartmentBySlug, getItemByCode, getRegion, listDepartments, listThemes, regionsInUse } from '../catalog-queries'
import { DepartmentPage, DepartmentsPage } from './department-pages'
import { governmentServiceJsonLd } from './guide-jsonld'
import { GuidePage } from './guide-page'
import { HomePage } from './home-page'
import { ApplyPage } from './apply-page'
import { NotFoundPage } from './not-found-page'
import { clip } from './page-meta'
import { publishedForSitemap, publishedItemsOfDepartment } from './portal-queries'
import { renderPage } from './render'
import { PAGE_SIZE, parseSearchParams, searchQueryString } from './search-params'
import { SearchPage } from './search-page'
import { robotsTxt, sitemapXml } from './sitemap'
import { ThemePage } from './theme-page'

const THEME_PAGE_SIZE = 20
const nameOf = (lang: 'zh' | 'en', x: { name: string; nameEn: string | null }) => (lang === 'en' && x.nameEn ? x.nameEn : x.name)

/** Public portal pages: home, search, guide, apply → sign-in, department, theme, sitemap.xml, robots.txt. */
export function registerCatalogPortal(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const { db, config, search } = deps
  const lang = (c: Context<AppEnv>) => c.get('lang') ?? 'zh'
  const notFound = (c: Context<AppEnv>, what: 'item' | 'department' | 'theme', key: string) =>
    renderPage(c, config, { title: siteTitle(lang(c), t(lang(c), '页面不存在', 'Page not found')), description: t(lang(c), '页面不存在', 'Page not found'), pathAndQuery: c.req.path, noindex: true }, <NotFoundPage lang={lang(c)} what={what} keyText={key} />, 404)

  app.get('/', async (c) => {
    const l = lang(c)
    const [themes, departments, stats] = await Promise.all([listThemes(db), listDepartments(db), catalogStats(db)])
    const popular = search.search({ page: 1, pageSize: 12 }).items
    return renderPage(
      c,
      config,
      { title: siteTitle(l), description: t(l, `苏州市政务服务一网通办：${stats.published} 项办事服务的办事指南、申请材料和办理流程，按个人、法人主题和部门查找。`, `Suzhou government services in one place: guides, documents and steps for ${stats.published} services, by life event, business event or department.`), pathAndQuery: '/', headerSearch: false },
      <HomePage lang={l} popular={popular} themes={themes} departments={departments} published={stats.published} />,
    )
  })

  app.get('/search', async (c) => {
    const l = lang(c)
    const raw = c.req.query()
    const regionRaw = (raw.region ?? '').trim()
    const [departments, themes, regions, regionOk] = await Promise.all([listDepartments(db), listThemes(db), regionsInUse(db), /^\d{6}$/.test(regionRaw) ? getRegion(db, regionRaw).then(Boolean) : Promise.resolve(false)])
    const { params, problems } = parseSearchParams(l, raw, { departments, themes, regionExists: (code) => code === regionRaw && regionOk })
    const theme = themes.find((th) => th.slug === params.theme)
    const result = search.search({ q: params.q || undefined, department: params.department, audience: params.audience, theme: theme?.name, region: params.region, onlineLevel: params.online, page: params.page, pageSize: PAGE_SIZE })
    const popular = result.total === 0 ? search.search({ page: 1, pageSize: 6 }).items : []
    const filtered = !!(params.department || params.audience || params.theme || params.region || params.online)
    const title = params.q ? t(l, `“${params.q}”的搜索结果`, `Results for "${params.q}"`) : t(l, '搜索办事服务', 'Search services')
    return renderPage(
      c,
      config,
      {
        title: siteTitle(l, params.page > 1 ? `${title}（${t(l, `第 ${params.page} 页`, `page ${params.page}`)}）` : title),
        description: t(l, `按关键词、部门、服务对象、主题、地区和网办深度查找办事服务，共 ${result.total} 项。`, `Find services by keyword, department, audience, theme, region and online depth: ${result.total} found.`),
        pathAndQuery: `/search${searchQueryString(params)}`,
        noindex: !!params.q || filtered || problems.length > 0,
        headerSearch: false,
      },
      <SearchPage lang={l} params={params} problems={problems} result={result} departments={departments} themes={themes} regions={regions} popular={popular} />,
      problems.length ? 400 : 200,
    )
  })

  app.get('/services/:code', async (c) => {
    const l = lang(c)
    const code = c.req.param('code')
    const item = await getItemByCode(db, code)
    if (!item || item.status === 'draft') return notFound(c, 'item', code)
    const [department, themes] = await Promise.all([getDepartmentBySlug(db, item.department.slug), listThemes(db)])
    const path = `/services/${encodeURIComponent(item.code)}`
    // Signed in: 在线申请 posts straight to the draft, so the page carries the CSRF token and is never cached.
    const me = c.get('viewer') ? await peekCitizen(c, deps) : undefined
    if (me) c.header('Cache-Control', 'no-store')
    const jsonLd = governmentServiceJsonLd(item, { url: `${config.publicUrl}${path}`, departmentUrl: `${config.publicUrl}/departments/${item.department.slug}`, departmentPhone: department?.phone, departmentAddress: department?.address })
    return renderPage(
      c,
      config,
      { title: siteTitle(l, `${item.record.name}${t(l, ' 办事指南', ' – service guide')}`), description: clip(`${item.record.name}：${item.record.description ?? ''}${item.department.name}办理。`), pathAndQuery: path, jsonLd, noindex: item.status === 'cancelled' },
      <GuidePage lang={l} item={item} department={department} themes={themes} applyCsrf={me?.csrfToken} />,
    )
  })

  // Online application starts with sign-in (identity's /login); a signed-in citizen sees what the item needs.
  app.get('/apply/:code', async (c) => {
    const l = lang(c)
    const code = c.req.param('code')
    const item = await getItemByCode(db, code)
    if (!item || item.status === 'draft') return notFound(c, 'item', code)
    if (item.status !== 'published') return c.redirect(`/services/${encodeURIComponent(item.code)}`, 302)
    const me = await peekCitizen(c, deps)
    if (!me) return c.redirect(`/login?next=${encodeURIComponent(`/apply/${item.code}`)}`, 302)
    c.header('Cache-Control', 'no-store')
    const department = await getDepartmentBySlug(db, item.department.slug)
    return renderPage(
      c,
      config,
      { title: siteTitle(l, `${item.record.name} - ${t(l, '在线申请', 'Apply online')}`), description: t(l, '在线申请或到窗口办理。', 'Apply online or in person.'), pathAndQuery: `/apply/${encodeURIComponent(item.code)}`, noindex: true },
      <ApplyPage lang={l} item={item} department={department} trustLevel={me.user.trustLevel} csrf={me.csrfToken} />,
    )
  })

  app.get('/departments', async (c) => {
    const l = lang(c)
    const departments = await listDepartments(db)
    return renderPage(
      c,
      config,
      { title: siteTitle(l, t(l, '部门服务', 'Departments')), description: t(l, `苏州市 ${departments.length} 个政务服务部门的办事服务、办公地址和咨询电话。`, `Services, addresses and phone numbers of ${departments.length} government departments.`), pathAndQuery: '/departments' },
      <DepartmentsPage lang={l} departments={departments} />,
    )
  })

  app.get('/departments/:slug', async (c) => {
    const l = lang(c)
    const slug = c.req.param('slug').toLowerCase()
    const department = await getDepartmentBySlug(db, slug)
    if (!department) return notFound(c, 'department', c.req.param('slug'))
    const [items, themes] = await Promise.all([publishedItemsOfDepartment(db, department.id), listThemes(db)])
    return renderPage(
      c,
      config,
      { title: siteTitle(l, nameOf(l, department)), description: clip(t(l, `${department.name}：${department.publishedItems} 项办事服务。${department.description ?? ''}`, `${nameOf(l, department)}: ${department.publishedItems} services, address and phone.`)), pathAndQuery: `/departments/${department.slug}` },
      <DepartmentPage lang={l} department={department} items={items} themes={themes} />,
    )
  })

  app.get('/themes/:slug', async (c) => {
    const l = lang(c)
    const themes = await listThemes(db)
    const theme = themes.find((th) => th.slug === c.req.param('slug'))
    if (!theme) return notFound(c, 'theme', c.req.param('slug'))
    const pageRaw = c.req.query('page') ?? ''
    const page = /^\d{1,4}$/.test(pageRaw) && Number(pageRaw) >= 1 ? Number(pageRaw) : 1
    const result = search.search({ theme: theme.name, page, pageSize: THEME_PAGE_SIZE })
    const related = themes.filter((th) => th.audience === theme.audience && th.slug !== theme.slug && th.publishedItems > 0)
    return renderPage(
      c,
      config,
      { title: siteTitle(l, nameOf(l, theme)), description: clip(t(l, `${theme.name}：${theme.publishedItems} 项相关办事服务。${theme.description ?? ''}`, `${nameOf(l, theme)}: ${theme.publishedItems} related services.`)), pathAndQuery: `/themes/${theme.slug}${page > 1 ? `?page=${page}` : ''}` },
      <ThemePage lang={l} theme={theme} result={result} related={related} page={page} />,
    )
  })

  app.get('/sitemap.xml', async (c) => {
    const [guides, departments, themes] = await Promise.all([publishedForSitemap(db), listDepartments(db), listThemes(db)])
    return c.body(sitemapXml(config.publicUrl, guides, departments, themes), 200, { 'Content-Type': 'application/xml; charset=utf-8' })
  })
  app.get('/robots.txt', (c) => c.text(robotsTxt(config.publicUrl)))
}
