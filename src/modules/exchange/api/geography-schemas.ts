import { z } from '@hono/zod-openapi'

/**
 * Schemas of the geography API (行政区划 GB/T 2260 and the 标准地址库). Validation failures become 400
 * problem+json naming the parameter (src/app.ts defaultHook). Messages: Chinese, then English.
 */
export const ADDRESS_Q_MAX = 50
export const ADDRESS_LIMIT = 20
const CODE_RE = /^[0-9]{6}([0-9]{3})?$/

const code = (name: string) =>
  z
    .string({ error: `${name} 应为单个文本值。 ${name} must be a single value.` })
    .regex(CODE_RE, { error: `${name} 应为6位或9位 GB/T 2260 行政区划代码，例如 320500。 ${name} must be a 6- or 9-digit GB/T 2260 code.` })

export const RegionsQuery = z.object({
  parent: code('parent').optional().openapi({ description: '上级区划代码；省略时返回省级区划。Parent code; omitted → provinces.', example: '320500' }),
})
export const AddressesQuery = z.object({
  region: code('region').openapi({ description: '行政区划代码，含下级区划（如 320500 = 苏州市全部）。Region code, including regions below it.', example: '320508' }),
  q: z
    .string({ error: 'q 应为单个文本值。 q must be a single value.' })
    .max(ADDRESS_Q_MAX, { error: `q 过长，最多${ADDRESS_Q_MAX}个字符。 q is too long: at most ${ADDRESS_Q_MAX} characters.` })
    .optional()
    .openapi({ description: '地址中包含的文字，如道路名或门牌号。Text the address contains, e.g. a road name.', example: '平江路' }),
})

export const Region = z
  .object({
    code: z.string().openapi({ example: '320508' }),
    name: z.string().openapi({ example: '姑苏区' }),
    level: z.number().int().openapi({ description: '1 省级, 2 地级, 3 县级 Level: 1 province, 2 prefecture, 3 county' }),
    parentCode: z.string().nullable(),
    hasChildren: z.boolean(),
  })
  .openapi('Region')
export const RegionList = z.object({ parent: Region.nullable(), items: z.array(Region) }).openapi('RegionList')

export const Address = z
  .object({
    id: z.string().openapi({ description: '标准地址编号 Standard address id (UUID)' }),
    regionCode: z.string(),
    street: z.string().openapi({ description: '街道（镇）Street office or town' }),
    road: z.string(),
    houseNumber: z.string(),
    fullAddress: z.string().openapi({ example: '江苏省苏州市姑苏区平江街道平江路88号' }),
    postcode: z.string().nullable(),
  })
  .openapi('StandardAddress')
export const AddressList = z
  .object({
    items: z.array(Address),
    more: z.boolean().openapi({ description: `超过${ADDRESS_LIMIT}条时为 true，请用 q 缩小范围。True when more than ${ADDRESS_LIMIT} matched: narrow with q.` }),
  })
  .openapi('StandardAddressList')

const GeoProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string().openapi({ description: '稳定的错误码 Stable code: invalid_parameter, not_found' }),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  requestId: z.string().optional(),
})
export const geoProblem = (description: string) => ({ description, content: { 'application/problem+json': { schema: GeoProblem } } })
