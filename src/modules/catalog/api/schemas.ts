import { z } from '@hono/zod-openapi'

/**
 * Request and response schemas of the catalogue's open API. They validate requests (a failure becomes a 400
 * problem+json naming the parameter, see src/app.ts) and generate /api/openapi.json. Messages: Chinese, then English.
 */
export const AUDIENCES = ['individual', 'enterprise', 'public_institution', 'social_organization', 'government', 'other_organization'] as const
export const Q_MAX = 200

const int = (name: string, min: number, max: number) => {
  const msg = `${name} 应为 ${min} 到 ${max} 之间的整数。 ${name} must be an integer from ${min} to ${max}.`
  return z.coerce.number({ error: msg }).int({ error: msg }).min(min, { error: msg }).max(max, { error: msg })
}

export const ServiceListQuery = z.object({
  q: z
    .string({ error: 'q 应为文本。 q must be a single text value.' })
    .max(Q_MAX, { error: `搜索词过长，最多${Q_MAX}个字符，请精简后再搜。 q is too long: at most ${Q_MAX} characters.` })
    .optional()
    .openapi({ description: '搜索词，可用日常说法、拼音、首字母、繁体或英文（如“开饭店”“gjj”）。Free text; empty → popular services.', example: '开饭店' }),
  department: z
    .string({ error: 'department 应为单个文本值。 department must be a single value.' })
    .max(64, { error: 'department 过长。 department is too long.' })
    .optional()
    .openapi({ description: '实施部门：部门标识（slug）或统一社会信用代码，不区分大小写；可从 GET /api/v1/departments 获取。Department slug or USCC code (case-insensitive).' }),
  audience: z
    .enum(AUDIENCES, { error: `audience 只能是 ${AUDIENCES.join(', ')} 之一。 audience must be one of ${AUDIENCES.join(', ')}.` })
    .optional()
    .openapi({ description: '服务对象 Audience.' }),
  theme: z
    .string({ error: 'theme 应为单个文本值。 theme must be a single value.' })
    .max(64, { error: 'theme 过长。 theme is too long.' })
    .optional()
    .openapi({ description: '主题（人生事件/企业事件）：标识或名称，可从 GET /api/v1/themes 获取。Theme slug or name.' }),
  region: z
    .string({ error: 'region 应为单个文本值。 region must be a single value.' })
    .regex(/^[0-9]{6}([0-9]{3})?$/, { error: 'region 应为6位或9位 GB/T 2260 行政区划代码。 region must be a 6- or 9-digit GB/T 2260 code.' })
    .optional()
    .openapi({ description: '行政区划代码（6位或9位），含下级区划。GB/T 2260 code; includes regions below it.', example: '320500' }),
  online: int('online', 1, 4).optional().openapi({ description: '网办深度 1–4（Ⅳ级 = 全程网办）。Online depth level.' }),
  page: int('page', 1, 1000).default(1).openapi({ description: '页码 Page number, 1–1000.' }),
  pageSize: int('pageSize', 1, 100).default(20).openapi({ description: '每页条数 Items per page, 1–100 (default 20).' }),
})

export const ServiceSummary = z
  .object({
    code: z.string().openapi({ description: '实施编码 Implementation code' }),
    name: z.string(),
    department: z.string().openapi({ description: '实施部门名称 Department name' }),
    departmentCode: z.string().nullable().openapi({ description: '统一社会信用代码 (null when unknown)' }),
    type: z.string().openapi({ description: '事项类型 GB/T 39046 type' }),
    audience: z.array(z.string()),
    themes: z.array(z.string()),
    region: z.object({ code: z.string(), name: z.string().nullable() }).nullable(),
    onlineLevel: z.number().int().nullable(),
    summary: z.string(),
    url: z.string().openapi({ description: '办事指南页面 Guide page URL' }),
  })
  .openapi('ServiceSummary')

export const ServiceList = z
  .object({
    items: z.array(ServiceSummary),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    understood: z.array(z.string()).openapi({ description: '同时搜索的词（同义词、纠错、繁简转换）Terms the search also used' }),
  })
  .openapi('ServiceList')

export const ServiceDetail = z
  .looseObject({
    code: z.string(),
    name: z.string(),
    type: z.string(),
    audience: z.array(z.string()),
    version: z.number().int().openapi({ description: '当前版本号 Current version (cases pin a version)' }),
    status: z.enum(['published', 'suspended', 'cancelled']),
    department: z.object({ name: z.string(), code: z.string().nullable(), slug: z.string() }),
    updatedAt: z.string().openapi({ description: 'ISO 8601' }),
    url: z.string(),
  })
  .openapi('ServiceDetail', {
    description: '事项全部要素，字段同交换格式 service-item.schema.json，另加 version、status、department.slug、updatedAt。The full item in the exchange format plus version metadata.',
  })

export const CodeParam = z.object({
  code: z
    .string()
    .min(1)
    .max(64, { error: '实施编码最多64个字符。 code is at most 64 characters.' })
    .openapi({ param: { name: 'code', in: 'path' }, description: '实施编码 Implementation code' }),
})

export const Department = z
  .object({ name: z.string(), nameEn: z.string().nullable(), slug: z.string(), code: z.string().nullable(), publishedItems: z.number().int() })
  .openapi('Department')
export const Theme = z
  .object({ slug: z.string(), name: z.string(), nameEn: z.string().nullable(), audience: z.enum(['individual', 'enterprise']), publishedItems: z.number().int() })
  .openapi('Theme')

export { Problem, problemResponse } from '../../../platform/http/problem'
