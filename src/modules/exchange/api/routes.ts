import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { Deps } from '../../../deps'
import { DomainError, problemOf, ValidationError } from '../../../platform/errors'
import type { AppEnv } from '../../../platform/http/context'
import { departmentDirectory } from '../../catalog'
import { CLIENT_CREDENTIALS_SCHEME, EXCHANGE_READ_SCOPE, verifyClientToken } from '../../identity'
import { listDatasets } from '../dataset-queries'
import { ReadRefusedError } from '../exchange-errors'
import { readSharedData } from '../read-shared-data'
import { clientAuth, getClient, type ClientVerifier } from './client-auth'
import { DatasetSchema, problem, ReadBody, ReadResponse } from './schemas'

const tags = ['数据共享交换 Data exchange']
/** A read request is a few hundred bytes; 16 KB leaves room for long purposes and still bounds parsing. */
const MAX_BODY = 16 * 1024

const datasetsRoute = createRoute({
  method: 'get',
  path: '/api/v1/exchange/datasets',
  tags,
  summary: '数据共享目录 Shared-data catalogue',
  description: '每个数据集的提供部门、字段（含是否个人信息）、共享类型和更新周期。公开，无需令牌。Public.',
  responses: { 200: { description: '数据集 Datasets', content: { 'application/json': { schema: z.object({ items: z.array(DatasetSchema) }) } } } },
})

export function readsRoute(verify: ClientVerifier) {
  const limit = bodyLimit({
    maxSize: MAX_BODY,
    onError: (c) => c.json({ type: 'https://yiwang.example/problems/payload_too_large', title: `请求体超过 ${MAX_BODY / 1024} KB，请只发送需要的字段。 The body exceeds 16 KB.`, status: 413, code: 'payload_too_large', requestId: c.get('requestId') }, 413, { 'Content-Type': 'application/problem+json' }),
  })
  // Malformed JSON or another media type is a 400 problem+json here, before the schema validator (whose
  // own HTTPException would surface as a 500 through the app's error mapping).
  const json: MiddlewareHandler<AppEnv> = async (c, next) => {
    const type = c.req.header('content-type') ?? ''
    const parsed = /^application\/json\b/i.test(type) ? await c.req.json().then(() => true, () => false) : false
    if (!parsed) {
      const err = new ValidationError('请求体应为 JSON（Content-Type: application/json），请按接口文档修正。 The body must be JSON.', [{ field: '(body)', message: '无法解析的 JSON 或错误的 Content-Type。 Unparseable JSON or wrong Content-Type.' }], 'invalid_parameter')
      return c.json(problemOf(err, c.get('requestId')), 400, { 'Content-Type': 'application/problem+json' })
    }
    await next()
  }
  return createRoute({
    method: 'post',
    path: '/api/v1/exchange/reads',
    tags,
    summary: '读取共享数据 Read shared data',
    description:
      '唯一的共享数据读取入口：说明数据集、查询对象、字段、用途和关联办件。无用途、无有效授权（有条件共享）、不予共享、字段不在目录或授权范围内的请求一律拒绝；每次请求（含被拒绝的）都记入访问日志，当事人可在“我的数据使用记录”中看到。' +
      ' The one way to read shared data. Every read — refused ones too — is logged and visible to the person concerned. Authenticate with an OAuth2 client-credentials token (POST /oidc/token, grant_type=client_credentials, scope exchange:read).',
    // The scheme itself (token URL, scopes) is registered by identity's OIDC provider (oidc/routes.ts).
    security: [{ [CLIENT_CREDENTIALS_SCHEME]: [EXCHANGE_READ_SCOPE] }],
    middleware: [clientAuth(verify), limit, json] as const,
    request: { body: { required: true, content: { 'application/json': { schema: ReadBody } } } },
    responses: {
      200: { description: '只含所请求的字段 Only the requested fields', content: { 'application/json': { schema: ReadResponse } } },
      400: problem('请求体、用途、字段或证件号码有误（purpose_required, field_unknown, subject_invalid, invalid_parameter…）'),
      401: problem('缺少或无效的访问令牌 Missing or invalid token'),
      403: problem('拒绝：not_shared, grant_required, grant_expired, grant_revoked, grant_fields, department_required'),
      404: problem('数据集不存在 (dataset_unknown) 或登记库无此对象 (not_found)'),
      413: problem('请求体超过 16 KB'),
    },
  })
}

/**
 * /api/v1/exchange/… — the catalogue (public) and THE read endpoint for department systems, whose bearer
 * tokens identity's OIDC provider issues and verifies (client credentials, scope exchange:read).
 */
export function registerExchangeApi(app: OpenAPIHono<AppEnv>, deps: Deps, verify: ClientVerifier = (token) => verifyClientToken(deps, token)): void {
  app.openapi(datasetsRoute, async (c) => {
    const [datasets, departments] = await Promise.all([listDatasets(deps.db), departmentDirectory(deps.db).listDepartments()])
    const byId = new Map(departments.map((d) => [d.id, d]))
    c.header('Cache-Control', 'public, max-age=300')
    return c.json({
      items: datasets.map((d) => {
        const p = d.providerDepartmentId ? byId.get(d.providerDepartmentId) : undefined
        return { code: d.code, name: d.name, nameEn: d.nameEn, provider: { name: p?.name ?? null, code: p?.code ?? null }, subjectType: d.subjectType, shareType: d.shareType, updateCycle: d.updateCycle, summary: d.summary, fields: d.fields }
      }),
    }, 200)
  })

  app.openapi(
    readsRoute(verify),
    async (c) => {
      const body = c.req.valid('json')
      const client = getClient(c)
      c.header('Cache-Control', 'no-store')
      try {
        const r = await readSharedData(deps.db, deps.secrets, {
          actor: { type: 'client', id: client.clientId, name: client.name, departmentId: client.departmentId, clientId: client.clientId },
          dataset: body.dataset, subject: body.subject, fields: body.fields, purpose: body.purpose, caseRef: body.caseRef ?? null, requestId: c.get('requestId'), ...(body.check ? { check: body.check } : {}),
        }, { licences: deps.licenceSource })
        return c.json(r, 200)
      } catch (err) {
        if (!(err instanceof DomainError)) throw err
        const p = { ...problemOf(err, c.get('requestId')), ...(err instanceof ReadRefusedError && err.accessId ? { accessId: err.accessId } : {}) }
        return c.json(p, p.status as 400, { 'Content-Type': 'application/problem+json' })
      }
    },
  )
}
