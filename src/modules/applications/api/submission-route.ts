import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { Deps } from '../../../deps'
import { DomainError, ForbiddenError, ValidationError } from '../../../platform/errors'
import type { AppEnv } from '../../../platform/http/context'
import { problemJson, problemResponse as problem } from '../../../platform/http/problem'
import { actingSubject, canActOnItem, peekCitizen, type CitizenSession } from '../../identity'
import type { ApplicantActor } from '../applicant'
import { applicationNotFound } from '../application-errors'
import { getApplicationFor } from '../application-queries'
import { submitApplication } from '../submit-application'
import { sameToken } from '../../../platform/http/request-guards'

const tags = ['申请 Applications']
/** A whole form's values are a few KB; 256 KB bounds parsing and still leaves room for long texts and many rows. */
const MAX_BODY = 256 * 1024
const KEY_RE = /^[A-Za-z0-9._:-]{8,100}$/
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const SubmissionReceipt = z.object({
  applicationId: z.string().openapi({ example: '019a4f3c-0000-7000-8000-000000000001' }),
  caseId: z.string(),
  refNo: z.string().openapi({ description: '办件编号 Case reference number', example: '2511030000001' }),
  queryCode: z.string().openapi({ description: '查询码（凭办件编号和查询码可查询进度）Query code', example: 'K7Q2MX' }),
  preReviewDue: z.string().nullable().openapi({ description: '预审受理期限（5个工作日）Pre-review due date', example: '2025-11-10' }),
  replayed: z.boolean().openapi({ description: 'true：此前已提交（重复提交或重试），返回的是第一次的回执。 true: already submitted; this is the first receipt.' }),
}).openapi('SubmissionReceipt')

const route = createRoute({
  method: 'post',
  path: '/api/v1/applications/{id}/submission',
  tags,
  summary: '提交申请 Submit an application',
  description:
    '提交一份申请草稿：按草稿所绑定的表单版本校验全部内容，核对所附材料文件归属，分配办件编号和查询码，并在同一事务中开办办件（预审受理环节及其期限）。' +
    '以申请人的登录会话（Cookie）认证，须带 X-CSRF-Token 请求头（会话的 CSRF 令牌）和 Idempotency-Key 请求头：同一申请或同一 Idempotency-Key 的重试、重复点击只会返回第一次的回执（200，replayed=true），绝不会产生第二个办件。' +
    ' Submits a draft: validates it against its pinned form version, checks the attached files belong to the applicant, assigns the case reference and query code, and opens the case in the same transaction. ' +
    'Authenticated by the applicant’s session cookie, with the session’s CSRF token in X-CSRF-Token and an Idempotency-Key header: a retry or double click returns the first receipt (200, replayed=true) and never opens a second case.',
  middleware: [] as MiddlewareHandler<AppEnv>[],
  request: {
    params: z.object({ id: z.string().regex(UUID_RE, { error: '申请编号格式不正确 not an application id' }).openapi({ description: '申请（草稿）编号 Application id' }) }),
    headers: z.object({
      'idempotency-key': z.string().regex(KEY_RE, { error: 'Idempotency-Key 须为8到100位字母、数字或 ._:- ，每次新的提交请生成一个新值（如 UUID），重试时沿用原值。 8–100 characters of A–Z a–z 0–9 . _ : -; a new one per submission, the same one on retry.' })
        .openapi({ description: '幂等键：每次提交生成一个（如 UUID），重试时原样重发。 A new key per submission (e.g. a UUID), resent unchanged on retry.', example: '4f8c2d9e-5b1a-4c6e-9d2f-1a2b3c4d5e6f' }),
      'x-csrf-token': z.string().optional().openapi({ description: '登录会话的 CSRF 令牌（页面中提供）。 The session’s CSRF token (given in the pages).' }),
    }),
    body: {
      required: false,
      description: '可选：页面上的最新填写内容；省略则提交已保存的草稿。 Optional: the latest values on the page; without it the saved draft is submitted.',
      content: { 'application/json': { schema: z.object({ values: z.record(z.string(), z.unknown()).optional() }) } },
    },
  },
  responses: {
    201: { description: '已提交，办件已开办 Submitted; the case is open', content: { 'application/json': { schema: SubmissionReceipt } } },
    200: { description: '此前已提交（重试或重复提交），返回第一次的回执 Already submitted: the first receipt', content: { 'application/json': { schema: SubmissionReceipt } } },
    400: problem('请求有误：invalid_parameter（Idempotency-Key、申请编号、请求体），form_invalid（表单需修改，errors 逐项说明），upload_not_owned'),
    403: problem('not_signed_in（未登录或会话过期）、csrf_failed（缺少或错误的 X-CSRF-Token）、mandate_scope（委托范围不含该事项）'),
    404: problem('application_not_found：申请不存在或不属于当前申请人'),
    409: problem('application_not_draft（已撤回）、item_unavailable（事项暂停网上办理）'),
    413: problem('请求体超过 256 KB'),
  },
})

const json = problemJson

const sessions = new WeakMap<object, CitizenSession>()

/** Cookie session + CSRF header, answered as problem+json (the page guard answers with HTML). Runs before validation. */
function citizenApiAuth(deps: Deps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.header('Cache-Control', 'no-store')
    const session = await peekCitizen(c, deps)
    if (!session) return json(c, new ForbiddenError('您尚未登录或登录已过期，请重新登录后再提交。 You are not signed in or your session expired; sign in and submit again.', 'not_signed_in'))
    if (!sameToken(c.req.header('x-csrf-token'), session.csrfToken)) {
      return json(c, new ForbiddenError('无法确认请求来自本系统：请在 X-CSRF-Token 请求头中发送会话的 CSRF 令牌；页面已过期时请刷新后重试。 Send the session’s CSRF token in X-CSRF-Token; reload the page if it expired.', 'csrf_failed'))
    }
    sessions.set(c, session)
    await next()
  }
}

/** Malformed JSON or another media type → 400 problem+json (no body at all is fine: the saved draft is submitted). */
const optionalJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  const text = await c.req.text()
  const type = c.req.header('content-type') ?? ''
  // JSON declared but nothing sent is malformed JSON too (the schema validator would throw a bare HTTPException).
  if (text.trim() !== '' || /^application\/json\b/i.test(type)) {
    let ok = /^application\/json\b/i.test(type)
    if (ok) {
      try {
        const v = JSON.parse(text) as unknown
        ok = typeof v === 'object' && v !== null && !Array.isArray(v)
      } catch {
        ok = false
      }
    }
    if (!ok) return json(c, new ValidationError('请求体应为 JSON 对象（Content-Type: application/json），如 {"values": {…}}；也可不带请求体以提交已保存的草稿。 The body must be a JSON object, or empty.', [{ field: '(body)', message: '无法解析的 JSON 或错误的 Content-Type。 Unparseable JSON or wrong Content-Type.' }], 'invalid_parameter'))
  }
  await next()
}

/** The applicant a citizen session acts as: oneself, the principal of a 委托代办, or the enterprise as its 经办人. */
export function applicantOfSession(s: Pick<CitizenSession, 'user' | 'actingFor'>): ApplicantActor {
  const subject = actingSubject(s)
  return {
    citizenId: subject.type === 'citizen' ? subject.id : s.user.id,
    filerId: s.user.id,
    name: s.user.name ?? s.user.displayName,
    actingEnterpriseId: subject.type === 'enterprise' ? subject.id : null,
  }
}

/**
 * POST /api/v1/applications/{id}/submission — the JSON way to submit a draft (mobile apps, the portal's fetch
 * submit, scripted clients, the crash-recovery test): the same submitApplication as the pages, keyed by the
 * Idempotency-Key header.
 */
export function registerSubmissionApi(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const limit = bodyLimit({ maxSize: MAX_BODY, onError: (c) => json(c as Context<AppEnv>, new DomainError('payload_too_large', `请求体超过 ${MAX_BODY / 1024} KB：请只发送表单内容，文件先通过 /me/uploads 上传。 The body exceeds 256 KB; upload files through /me/uploads first.`, 413)) })
  app.openapi({ ...route, middleware: [citizenApiAuth(deps), limit, optionalJson] }, async (c) => {
    const session = sessions.get(c)!
    const { id } = c.req.valid('param')
    const key = c.req.valid('header')['idempotency-key']
    const who = applicantOfSession(session)
    try {
      // Only a mandate limited to some items needs the draft's item before submitting (one read fewer otherwise:
      // submitApplication answers 404 for a draft that is missing or not the applicant's itself).
      const limited = session.actingFor && session.actingFor.scope !== 'all'
      const draft = limited ? await getApplicationFor(deps.db, id, who) : undefined
      if (limited && !draft) throw applicationNotFound()
      if (draft && !canActOnItem(session, draft.itemCode)) throw new ForbiddenError('您的委托范围不包含这个事项，不能代为提交。请委托人补充授权，或由本人提交。 Your mandate does not cover this service.', 'mandate_scope')
      const body: { values?: unknown } = (await c.req.text()).trim() ? c.req.valid('json') : {}
      const receipt = await submitApplication({ db: deps.db, secrets: deps.secrets, caseOpener: deps.caseOpener }, {
        applicationId: id, applicant: who, idempotencyKey: key, ...(body.values !== undefined ? { values: body.values } : {}),
      })
      return c.json(receipt, receipt.replayed ? 200 : 201)
    } catch (err) {
      if (err instanceof DomainError) return json(c, err)
      throw err
    }
  })
}
