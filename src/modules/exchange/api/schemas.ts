import { z } from '@hono/zod-openapi'

/**
 * Schemas of the exchange API. The read body is checked for SHAPE only: limits on content (purpose 4–200,
 * fields from the catalogue, valid identifiers) are the read path's, so a bad read that names a subject is
 * refused AND logged (readSharedData) instead of bouncing off the schema unrecorded. The body is capped at
 * 16 KB before parsing.
 */
const str = (what: string) => z.string({ error: `${what} 应为文本。 ${what} must be a string.` })

export const DatasetFieldSchema = z.object({
  key: z.string().openapi({ example: 'householdAddress' }),
  label: z.string().openapi({ example: '户籍地址' }),
  labelEn: z.string(),
  personal: z.boolean().openapi({ description: '是否个人信息 Personal information (PIPL Art. 4)' }),
})
export const DatasetSchema = z
  .object({
    code: z.string().openapi({ example: 'population.household' }),
    name: z.string().openapi({ example: '户籍信息' }),
    nameEn: z.string().nullable(),
    provider: z.object({ name: z.string().nullable(), code: z.string().nullable().openapi({ description: '统一社会信用代码' }) }),
    subjectType: z.enum(['person', 'entity', 'address', 'licence']),
    shareType: z.enum(['unconditional', 'conditional', 'none']).openapi({ description: '无条件共享 / 有条件共享（需授权）/ 不予共享' }),
    updateCycle: z.enum(['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly']),
    summary: z.string(),
    fields: z.array(DatasetFieldSchema),
  })
  .openapi('SharedDataset')

export const SubjectSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('person'), idNumber: str('subject.idNumber').openapi({ description: '公民身份号码（GB 11643，18位）', example: '11010519491231002X' /* the example number printed in GB 11643 itself */ }) }),
    z.object({ type: z.literal('entity'), uscc: str('subject.uscc').openapi({ description: '统一社会信用代码（GB 32100，18位）' }) }),
    z.object({ type: z.literal('address'), id: str('subject.id').openapi({ description: '标准地址编号 (UUID)' }) }),
    z.object({
      type: z.literal('licence'),
      identifier: str('subject.identifier').optional().openapi({ description: '电子证照标识（1.2.156.3005.2.…）' }),
      holderCode: str('subject.holderCode').optional().openapi({ description: '持证主体代码（身份证号或统一社会信用代码），与 typeName 一起使用' }),
      typeName: str('subject.typeName').optional().openapi({ description: '证照类型名称，如“食品经营许可证”' }),
    }),
  ], { error: 'subject 应为 {type: person, idNumber} / {type: entity, uscc} / {type: address, id} / {type: licence, identifier}。 subject must name a person, an entity, an address or a licence.' })
  .openapi('ReadSubject')

export const ReadBody = z
  .object({
    dataset: str('dataset').openapi({ description: '数据集编码（GET /api/v1/exchange/datasets）', example: 'entity.basic' }),
    subject: SubjectSchema,
    fields: z.array(str('fields[]'), { error: 'fields 应为字段名数组。 fields must be an array of field keys.' }).openapi({ description: '需要的字段（只取办事必需的）', example: ['name', 'status'] }),
    purpose: str('purpose').optional().openapi({ description: '用途，4–200个字；缺失或空白即拒绝（并记录）。Purpose, 4–200 characters; required.', example: '办理食品经营许可核验申请人主体资格' }),
    caseRef: str('caseRef').optional().openapi({ description: '关联办件编号（有则必填），最长64位', example: 'SZ2026112100001' }),
    check: z.record(z.string(), z.string()).optional().openapi({ description: '核验类数据集的待核验信息，如 {name, idCardValidUntil} 或 {legalRepName, legalRepIdNumber}' }),
  })
  .openapi('ReadRequest')

export const ReadResponse = z
  .object({
    accessId: z.string().openapi({ description: '访问日志编号 Access-log id of this read' }),
    dataset: z.string(),
    subject: z.object({ type: z.enum(['person', 'entity', 'address', 'licence']), masked: z.string().openapi({ description: '脱敏后的标识 Masked identifier' }) }),
    grantId: z.string().nullable().openapi({ description: '所依据的共享授权（有条件共享时）' }),
    data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .openapi('ReadResult')

const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().openapi({ description: '稳定的错误码 Stable code, e.g. purpose_required, grant_required, dataset_unknown' }),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    accessId: z.string().optional().openapi({ description: '记录这次被拒绝请求的访问日志编号' }),
    requestId: z.string().optional(),
  })
  .openapi('ExchangeProblem')
export const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } })
