import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { Deps } from '../../../deps'
import { DomainError, ValidationError } from '../../../platform/errors'
import type { AppEnv } from '../../../platform/http/context'
import { problemJson, problemResponse as problem } from '../../../platform/http/problem'
import { shanghaiDate } from '../../../platform/calendar/working-calendar'
import { keySetDocument, publishedKeys } from '../licence-keys'
import type { Verification } from '../verify-licence'
import { createVerificationCache } from './verification-cache'
import { issuerDocument, verificationMethodDocument, verifyPresented, type VerificationRequest } from './verification'
import { createStatusLists } from './status-lists'

const tags = ['电子证照核验 Licence verification']
/** A VC with a long face is a few KB; 256 KiB bounds parsing with room to spare. */
export const MAX_VERIFY_BODY = 256 * 1024


export const VerificationSchema = z.object({
  status: z.enum(['valid', 'suspended', 'revoked', 'expired', 'superseded', 'tampered', 'invalid', 'unknown']).openapi({
    description: 'valid 有效 · suspended 暂扣 · revoked 撤销 · expired 已过有效期 · superseded 已被新版本替代 · tampered 内容与签名不符 · invalid 不是有效的核验码 · unknown 本平台无此证照',
  }),
  statusCode: z.string().nullable().openapi({ description: '证照状态代码（01 有效、02 暂扣、03 撤销、05 失效、99 已替代）；tampered/invalid/unknown 为 null', example: '01' }),
  message: z.string().openapi({ example: '证照真实有效。' }),
  messageEn: z.string().openapi({ example: 'The licence is genuine and valid.' }),
  licence: z.object({
    id: z.string(),
    identifier: z.string().openapi({ description: '电子证照标识 (GB/T 36904)' }),
    typeName: z.string().openapi({ example: '食品经营许可证' }),
    number: z.string().openapi({ description: '证照编号', example: 'JY3205000000001' }),
    version: z.number().int(),
    holderName: z.string(),
    holderCode: z.string().openapi({ description: '持证主体代码；身份证号只显示前4位和后4位 (masked)', example: '3205**********1234' }),
    issuer: z.object({ name: z.string(), uscc: z.string() }),
    issuedOn: z.string(),
    validFrom: z.string(),
    validUntil: z.string().nullable().openapi({ description: 'null = 长期有效' }),
    trustLevel: z.string(),
    statusReason: z.string().nullable().openapi({ description: '暂扣或撤销的理由 Reason of a suspension or revocation' }),
    successor: z.string().nullable().openapi({ description: 'superseded: 新版本的电子证照标识' }),
  }).nullable().openapi({ description: '签名核验通过时为证照信息；tampered/invalid/unknown 时为 null' }),
}).openapi('Verification')

const IdParam = z.object({
  id: z.string().min(1).openapi({ description: '证照 id（uuid）或电子证照标识 1.2.156.3005.2.…', example: '1.2.156.3005.2.11100000000013338W001.11320500MB19397269.0000001.001.J' }),
})

const Body = z.object({
  payload: z.string().max(4000).optional().openapi({ description: '二维码内容：紧凑签名载荷 YWL1.… 或核验链接 …/licences/verify?p=YWL1.…' }),
  signedJson: z.string().max(200_000).optional().openapi({ description: '签名的证照 JSON（逐字节原文）' }),
  signature: z.string().max(200).optional().openapi({ description: 'signedJson 的签名 (base64url)' }),
  credential: z.record(z.string(), z.unknown()).optional().openapi({ description: 'W3C 可验证凭证 (VC 2.0, Data Integrity proof)' }),
}).strict().openapi('VerificationRequest')

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/licences/{id}/verification',
  tags,
  summary: '按证照标识核验电子证照 Verify a licence by its id or identifier',
  description: '无需登录。总是 200：未知、被篡改的记录也以 status 回答，绝不误报“有效”。No sign-in. Always 200 with a status for unknown or tampered records; never a false “valid”.',
  request: { params: IdParam },
  responses: { 200: { description: '核验结果 Verification', content: { 'application/json': { schema: VerificationSchema } } } },
})

const postRoute = createRoute({
  method: 'post',
  path: '/api/v1/licences/verification',
  tags,
  summary: '核验出示的电子证照 Verify a presented licence',
  description:
    '请求体只能是以下三种之一：{ payload }（二维码载荷或核验链接）、{ signedJson, signature }（签名的证照 JSON）、{ credential }（可验证凭证 VC）。签名、密钥和证照记录逐一核对后回答 status。' +
    ' Exactly one of { payload }, { signedJson, signature } or { credential }. The signature, the key and the record are all checked.',
  request: { body: { required: true, content: { 'application/json': { schema: Body } } } },
  responses: {
    200: { description: '核验结果 Verification', content: { 'application/json': { schema: VerificationSchema } } },
    400: problem('invalid_parameter：请求体不是上述三种之一 The body is none of the three forms'),
    413: problem('payload_too_large：请求体超过 256 KB'),
  },
})

const json = problemJson
const badBody = (detail: string) =>
  new ValidationError(
    '请求体应为 JSON 对象，且只包含以下之一：{"payload": "YWL1.…"}、{"signedJson": "…", "signature": "…"} 或 {"credential": {…}}。请按接口文档修正。 The body must be one of {payload}, {signedJson, signature} or {credential}.',
    [{ field: '(body)', message: detail }],
    'invalid_parameter',
  )

/** Content type, JSON syntax and "exactly one form" are checked here so every bad body is a 400 problem, never a 500. */
const exactlyOneForm: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.header('Cache-Control', 'no-store')
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) return json(c, badBody('Content-Type 应为 application/json。 Send Content-Type: application/json.'))
  let body: unknown
  try {
    body = JSON.parse(await c.req.text())
  } catch {
    return json(c, badBody('无法解析的 JSON。 Unparseable JSON.'))
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return json(c, badBody('请求体应为 JSON 对象。 The body must be a JSON object.'))
  const keys = Object.keys(body)
  const form = keys.length === 1 && keys[0] === 'payload' ? 'payload' : keys.length === 1 && keys[0] === 'credential' ? 'credential' : keys.length === 2 && keys.includes('signedJson') && keys.includes('signature') ? 'signed' : null
  if (!form) return json(c, badBody(`收到的字段为 ${keys.join(', ') || '（空）'}，只能是 payload、signedJson+signature 或 credential 之一。 Got: ${keys.join(', ') || '(none)'}.`))
  await next()
}

/**
 * The open verification API and the published documents (no sign-in):
 *  GET  /.well-known/yiwang-licence-keys.json        every public key (active and retired), JWK set
 *  GET  /licences/keys/{kid}                          one key as a verification method (Multikey / JsonWebKey)
 *  GET  /licences/issuers/{uscc}                      the controller document of a department's keys
 *  GET  /licences/status/revocation|suspension        Bitstring Status List credentials (operator-signed)
 *  GET  /api/v1/licences/{id}/verification            status of a licence by uuid or 电子证照标识
 *  POST /api/v1/licences/verification                 a payload / signed JSON / VC presented by someone
 */
export function registerLicenceApi(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const { db, config } = deps
  const publicUrl = config.publicUrl
  const cache = createVerificationCache(db)
  const notFoundJson = (c: Context<AppEnv>, title: string, code: string) =>
    c.json({ type: `https://yiwang.example/problems/${code}`, title, status: 404, code, requestId: c.get('requestId') }, 404, { 'Content-Type': 'application/problem+json' })

  /** Published key material: public, cacheable for 5 minutes, readable from any origin. */
  const published = (c: Context<AppEnv>, doc: Record<string, unknown>) => {
    c.header('Cache-Control', 'public, max-age=300')
    c.header('Access-Control-Allow-Origin', '*')
    return c.json(doc)
  }

  app.get('/.well-known/yiwang-licence-keys.json', async (c) => published(c, keySetDocument(await publishedKeys(db))))

  app.get('/licences/keys/:kid', async (c) => {
    const doc = await verificationMethodDocument(db, publicUrl, c.req.param('kid'))
    if (!doc) return notFoundJson(c, '没有这个密钥。请从 /.well-known/yiwang-licence-keys.json 查看已公布的密钥。 No such key; see the published key set.', 'key_not_found')
    return published(c, doc)
  })

  app.get('/licences/issuers/:uscc', async (c) => {
    const doc = await issuerDocument(db, publicUrl, c.req.param('uscc'))
    if (!doc) return notFoundJson(c, '没有这个发证机关的公开密钥。请核对统一社会信用代码。 No published keys for this issuer.', 'issuer_not_found')
    return published(c, doc)
  })

  const statusLists = createStatusLists(deps, publicUrl)
  for (const purpose of ['revocation', 'suspension'] as const) {
    app.get(`/licences/status/${purpose}`, async (c) => {
      const list = await statusLists.get(purpose)
      c.header('Cache-Control', 'public, max-age=60')
      c.header('Access-Control-Allow-Origin', '*')
      c.header('ETag', list.etag)
      if (c.req.header('If-None-Match')?.split(/\s*,\s*/).includes(list.etag)) return c.body(null, 304)
      return c.body(list.body, 200, { 'Content-Type': 'application/json' })
    })
  }

  app.openapi(getRoute, async (c) => {
    const { id } = c.req.valid('param')
    c.header('Cache-Control', 'no-store')
    c.header('Access-Control-Allow-Origin', '*')
    return c.json((await cache.byId(id, shanghaiDate(new Date()))) as Verification, 200)
  })

  const limit = bodyLimit({ maxSize: MAX_VERIFY_BODY, onError: (c) => json(c as Context<AppEnv>, new DomainError('payload_too_large', '请求体超过 256 KB：请只发送二维码载荷、签名的证照 JSON 或可验证凭证。 The body exceeds 256 KB.', 413)) })
  app.openapi({ ...postRoute, middleware: [limit, exactlyOneForm] as MiddlewareHandler<AppEnv>[] }, async (c) => {
    const body = c.req.valid('json') as VerificationRequest
    c.header('Cache-Control', 'no-store')
    c.header('Access-Control-Allow-Origin', '*')
    return c.json(await verifyPresented(db, publicUrl, body, shanghaiDate(new Date())), 200)
  })
}
