import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from '../../../deps'
import type { AppEnv } from '../../../platform/http/context'
import { NotFoundError, ValidationError } from '../../../platform/errors'
import { getItemByCode, listDepartments, listThemes } from '../catalog-queries'
import type { SearchHit } from '../search/types'
import { createDirectory, type Directory } from './directory'
import { CodeParam, Department, problemResponse, ServiceDetail, ServiceList, ServiceListQuery, Theme } from './schemas'
import { z } from '@hono/zod-openapi'

const LIST_CACHE = 'public, max-age=60'
const REF_CACHE = 'public, max-age=300'
const tags = ['事项目录 Catalogue']

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/services',
  tags,
  summary: '搜索政务服务事项 Search service items',
  description: '按相关度排序；q 为空时按热度。Ordered by relevance; popular first when q is empty.',
  request: { query: ServiceListQuery },
  responses: {
    200: { description: '结果列表 Results', content: { 'application/json': { schema: ServiceList } } },
    400: problemResponse('参数有误，errors 中列出每个参数 Invalid parameter(s), each named in errors[]'),
  },
})
const detailRoute = createRoute({
  method: 'get',
  path: '/api/v1/services/{code}',
  tags,
  summary: '事项详情（办事指南全部要素）Service item with every guide element',
  request: { params: CodeParam },
  responses: {
    200: { description: '事项 The item', content: { 'application/json': { schema: ServiceDetail } } },
    400: problemResponse('编码格式有误 Invalid code'),
    404: problemResponse('事项不存在或未发布 Unknown or unpublished item'),
  },
})
const departmentsRoute = createRoute({
  method: 'get',
  path: '/api/v1/departments',
  tags,
  summary: '实施部门 Departments',
  responses: { 200: { description: '部门列表 Departments', content: { 'application/json': { schema: z.object({ items: z.array(Department) }) } } } },
})
const themesRoute = createRoute({
  method: 'get',
  path: '/api/v1/themes',
  tags,
  summary: '主题（人生事件、企业事件）Themes',
  responses: { 200: { description: '主题列表 Themes', content: { 'application/json': { schema: z.object({ items: z.array(Theme) }) } } } },
})

const invalid = (field: string, message: string) =>
  new ValidationError(`请求参数有误：${field}。 Invalid request parameter: ${field}.`, [{ field, message }], 'invalid_parameter')

/** /api/v1/services… — the catalogue's open API (zod → OpenAPI 3.1). */
export function registerCatalogApi(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const dir = createDirectory(deps.db)
  const guideUrl = (code: string) => `${deps.config.publicUrl}/services/${encodeURIComponent(code)}`

  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query')
    let department: string | undefined
    if (q.department?.trim()) {
      const d = await dir.department(q.department)
      if (!d) throw invalid('department', `没有标识或统一社会信用代码为“${q.department}”的部门，请从 GET /api/v1/departments 选择。 Unknown department; pick a slug or code from GET /api/v1/departments.`)
      department = d.slug
    }
    let theme: string | undefined
    if (q.theme?.trim()) {
      theme = await dir.theme(q.theme)
      if (!theme) throw invalid('theme', `没有名为“${q.theme}”的主题，请从 GET /api/v1/themes 选择标识或名称。 Unknown theme; pick a slug or name from GET /api/v1/themes.`)
    }
    if (q.region && (await dir.region(q.region)) === undefined) {
      throw invalid('region', `行政区划代码“${q.region}”不在 GB/T 2260 区划表中，请核对。 Unknown region code.`)
    }
    const r = deps.search.search({
      q: q.q?.trim() || undefined,
      department,
      audience: q.audience,
      theme,
      region: q.region,
      onlineLevel: q.online,
      page: q.page,
      pageSize: q.pageSize,
    })
    const snap = await dir.snapshot()
    const row = (h: SearchHit) => ({
      code: h.code,
      name: h.name,
      department: h.departmentName,
      departmentCode: snap.bySlug.get(h.departmentSlug)?.code ?? null,
      type: h.type,
      audience: h.audience,
      themes: h.themes,
      region: h.regionCode ? { code: h.regionCode, name: snap.regions.get(h.regionCode) ?? null } : null,
      onlineLevel: h.onlineLevel,
      summary: h.summary,
      url: guideUrl(h.code),
    })
    c.header('Cache-Control', LIST_CACHE)
    return c.json({ items: r.items.map(row), total: r.total, page: r.page, pageSize: r.pageSize, understood: r.understood }, 200)
  })

  app.openapi(detailRoute, async (c) => {
    const { code } = c.req.valid('param')
    const item = await getItemByCode(deps.db, code)
    // Drafts are the editors' business: to the public they do not exist yet.
    if (!item || item.status === 'draft') {
      throw new NotFoundError(`没有实施编码为“${code}”的已发布事项，请用 GET /api/v1/services?q= 查找。 No published service item with this code.`)
    }
    c.header('Cache-Control', LIST_CACHE)
    return c.json(
      {
        ...item.record,
        version: item.version,
        status: item.status as 'published' | 'suspended' | 'cancelled',
        department: { name: item.department.name, code: item.department.code, slug: item.department.slug },
        updatedAt: item.updatedAt.toISOString(),
        url: guideUrl(item.code),
      },
      200,
    )
  })

  app.openapi(departmentsRoute, async (c) => {
    const rows = await listDepartments(deps.db)
    c.header('Cache-Control', REF_CACHE)
    return c.json({ items: rows.map((d) => ({ name: d.name, nameEn: d.nameEn, slug: d.slug, code: d.code, publishedItems: d.publishedItems })) }, 200)
  })
  app.openapi(themesRoute, async (c) => {
    const rows = await listThemes(deps.db)
    c.header('Cache-Control', REF_CACHE)
    return c.json({ items: rows.map((t) => ({ slug: t.slug, name: t.name, nameEn: t.nameEn, audience: t.audience, publishedItems: t.publishedItems })) }, 200)
  })
}
export type { Directory }
