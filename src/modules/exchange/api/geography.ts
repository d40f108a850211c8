import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { sql } from 'kysely'
import type { Deps } from '../../../deps'
import { NotFoundError, ValidationError } from '../../../platform/errors'
import type { AppEnv } from '../../../platform/http/context'
import { ADDRESS_LIMIT, AddressesQuery, AddressList, geoProblem, RegionList, RegionsQuery } from './geography-schemas'

/**
 * Geography: GB/T 2260 行政区划 and the 标准地址库. Public reference data, not personal data, so no access log
 * (contrast readSharedData) and a cacheable response.
 */
const tags = ['地理信息 Geography']
const CACHE = 'public, max-age=300'

const regionsRoute = createRoute({
  method: 'get',
  path: '/api/v1/regions',
  tags,
  summary: '行政区划（GB/T 2260）Administrative regions',
  description: '给出 parent 时返回其下级区划，否则返回省级区划。Children of `parent`, or the provinces when omitted.',
  request: { query: RegionsQuery },
  responses: {
    200: { description: '区划列表 Regions', content: { 'application/json': { schema: RegionList } } },
    400: geoProblem('参数有误 Invalid parameter'),
    404: geoProblem('没有这个区划代码 Unknown region code'),
  },
})
const addressesRoute = createRoute({
  method: 'get',
  path: '/api/v1/addresses',
  tags,
  summary: '标准地址 Standard addresses',
  description: `某区划（含下级）内的标准地址，最多${ADDRESS_LIMIT}条。Standard addresses in a region and below, at most ${ADDRESS_LIMIT}.`,
  request: { query: AddressesQuery },
  responses: {
    200: { description: '地址列表 Addresses', content: { 'application/json': { schema: AddressList } } },
    400: geoProblem('参数有误，errors 中列出每个参数 Invalid parameter(s), each named in errors[]'),
  },
})

/** GB/T 2260 codes nest by prefix: 320000 (province) ⊃ 3205xx (city) ⊃ 320508 (county). */
const descendantPrefix = (code: string) => (code.length === 6 ? code.replace(/(00)?00$/, '') : code)
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`)

export function registerGeographyApi(app: OpenAPIHono<AppEnv>, deps: Pick<Deps, 'db'>): void {
  const region = (code: string) => deps.db.selectFrom('regions').select(['code', 'name', 'level', 'parent_code']).where('code', '=', code).executeTakeFirst()

  app.openapi(regionsRoute, async (c) => {
    const { parent } = c.req.valid('query')
    const p = parent ? await region(parent) : undefined
    if (parent && !p) throw new NotFoundError(`没有代码为“${parent}”的行政区划，请从 GET /api/v1/regions 逐级选择。 No region with this code; walk down from GET /api/v1/regions.`)
    const rows = await deps.db
      .selectFrom('regions as r')
      .select(['r.code', 'r.name', 'r.level', 'r.parent_code', sql<boolean>`exists (select 1 from regions k where k.parent_code = r.code)`.as('has_children')])
      .$if(!!parent, (q) => q.where('r.parent_code', '=', parent!))
      .$if(!parent, (q) => q.where('r.parent_code', 'is', null))
      .orderBy('r.code')
      .execute()
    const shape = (r: { code: string; name: string; level: number; parent_code: string | null }, hasChildren: boolean) => ({ code: r.code, name: r.name, level: Number(r.level), parentCode: r.parent_code, hasChildren })
    c.header('Cache-Control', CACHE)
    return c.json({ parent: p ? shape(p, rows.length > 0) : null, items: rows.map((r) => shape(r, Boolean(r.has_children))) }, 200)
  })

  app.openapi(addressesRoute, async (c) => {
    const { region: code, q } = c.req.valid('query')
    if (!(await region(code))) {
      throw new ValidationError('请求参数有误：region。 Invalid request parameter: region.', [{ field: 'region', message: `行政区划代码“${code}”不在 GB/T 2260 区划表中，请从 GET /api/v1/regions 选择。 Unknown region code.` }], 'invalid_parameter')
    }
    const text = q?.trim()
    const rows = await deps.db
      .selectFrom('registry_addresses')
      .selectAll()
      .where('region_code', 'like', `${descendantPrefix(code)}%`)
      .$if(!!text, (b) => b.where(sql<boolean>`full_address like ${`%${escapeLike(text!)}%`} escape '\\'`))
      .orderBy('street')
      .orderBy('road')
      .orderBy(sql`length(house_number)`)
      .orderBy('house_number')
      .limit(ADDRESS_LIMIT + 1)
      .execute()
    c.header('Cache-Control', CACHE)
    return c.json(
      {
        items: rows.slice(0, ADDRESS_LIMIT).map((r) => ({ id: r.id, regionCode: r.region_code, street: r.street, road: r.road, houseNumber: r.house_number, fullAddress: r.full_address, postcode: r.postcode })),
        more: rows.length > ADDRESS_LIMIT,
      },
      200,
    )
  })
}
