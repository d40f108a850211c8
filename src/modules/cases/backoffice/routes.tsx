import { Readable } from 'node:stream'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../../deps'
import { DomainError, NotFoundError } from '../../../platform/errors'
import type { AppEnv } from '../../../platform/http/context'
import { t } from '../../../platform/web/i18n'
import { openUpload } from '../../applications'
import { getStaff, renderBackoffice, requireStaff } from '../../identity'
import { caseNotFound } from '../case-errors'
import { availableActions, DONE_NOTICES, isCaseAction, performAction, postedOf } from './case-actions'
import { CasePage, renderedForms, summaryFor, type ActionError } from './case-page'
import { applicantIds, caseHasUpload, loadCaseView, maskedIds, type ApplicantIds } from './case-view'
import { revealApplicant } from './reveal-applicant'
import { loadWorklist, parseWorklistQuery, WorklistPage } from './worklist-page'

/** Inline files may show but never run anything or reach our origin (the same rule as the citizen's own files). */
const FILE_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'"

/**
 * The back office for cases (issue 4, Deliver 9), server-rendered, post/redirect/get, no JavaScript needed:
 *  - GET  /admin/cases                          待办 / 我的待办 / 已办, deadline filter, keyset paging (?after=)
 *  - GET  /admin/cases/:id                      the case page (404 unless casePolicy.mayView)
 *  - POST /admin/cases/:id/:action              one action (accept, not-accept, correction, claim, assign, complete,
 *                                               return, decide, pause, resume, extend, issue, deliver, terminate) →
 *                                               303 back with a notice; 400/409 → the page again with the error summary
 *  - POST /admin/cases/:id/unmask               the applicant's full ID and phone once (audited; mayUnmask)
 *  - GET  /admin/cases/:id/uploads/:uploadId    a material file of THIS case, to staff who may view the case
 */
export function registerCaseBackoffice(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const guard = requireStaff(deps, 'window_officer', 'department_officer', 'department_head', 'supervisor')
  const caseDeps = { db: deps.db, notices: deps.caseNotices, results: deps.caseResults }

  app.get('/admin/cases', guard, async (c) => {
    const lang = c.get('lang')
    const q = parseWorklistQuery((k) => c.req.query(k))
    const data = await loadWorklist(deps.db, getStaff(c).user, q)
    return c.html(renderBackoffice(c, { title: t(lang, '办件', 'Cases') }, <WorklistPage lang={lang} q={q} data={data} />))
  })

  async function page(c: Context<AppEnv>, id: string, opts: { error?: ActionError; revealed?: ApplicantIds; status?: 200 | 400 | 409 } = {}) {
    const lang = c.get('lang')
    const staff = getStaff(c)
    const v = await loadCaseView(deps.db, id, staff.user)
    if (!v) throw caseNotFound()
    const a = await availableActions(deps.db, v, staff.user)
    const ids = opts.revealed ?? maskedIds(await applicantIds(deps.db, v))
    const done = c.req.query('done') ?? ''
    const notice = !opts.error && isCaseAction(done) ? t(lang, DONE_NOTICES[done].zh, DONE_NOTICES[done].en) : undefined
    const html = renderBackoffice(
      c,
      { title: t(lang, `办件 ${v.case.ref_no}`, `Case ${v.case.ref_no}`), errors: summaryFor(lang, opts.error, renderedForms(a)), notice },
      <CasePage lang={lang} csrf={staff.csrfToken} v={v} a={a} ids={ids} revealed={!!opts.revealed} error={opts.error} />,
    )
    return c.html(html, opts.status ?? 200)
  }

  app.get('/admin/cases/:id', guard, (c) => page(c, c.req.param('id')))

  app.post('/admin/cases/:id/:action', guard, async (c) => {
    const id = c.req.param('id')
    const action = c.req.param('action')
    if (action !== 'unmask' && !isCaseAction(action)) throw new NotFoundError('没有这个操作。请回到办件页面重新选择。 No such action.', 'case_action_unknown')
    const staff = getStaff(c).user
    const v = await loadCaseView(deps.db, id, staff)
    if (!v) throw caseNotFound()
    if (action === 'unmask') return page(c, id, { revealed: await revealApplicant(deps.db, { view: v, staff }) })
    const posted = postedOf(await c.req.parseBody({ all: true }))
    try {
      await performAction(caseDeps, v, staff, action, posted)
      return c.redirect(`/admin/cases/${id}?done=${action}#actions`, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || (err.status !== 400 && err.status !== 409)) throw err
      const owner = action === 'resume' ? posted['pauseId'] : posted['stepId']
      const formKey = ['accept', 'not-accept', 'correction', 'extend', 'issue', 'deliver', 'terminate'].includes(action) ? action : `${action}-${owner ?? ''}`
      return page(c, id, { error: { action, formKey, values: posted, errors: err.fields, message: err.message }, status: err.status as 400 | 409 })
    }
  })

  app.get('/admin/cases/:id/uploads/:uploadId', guard, async (c) => {
    const uploadId = c.req.param('uploadId')
    const v = await loadCaseView(deps.db, c.req.param('id'), getStaff(c).user)
    if (!v || !caseHasUpload(v, uploadId)) throw new NotFoundError('找不到这个文件，或您无权查看。请从办件页面的材料列表打开。 No such file, or you may not see it.', 'upload_not_found')
    const file = await openUpload(deps, uploadId)
    const disposition = c.req.query('download') === '1' ? 'attachment' : 'inline'
    return new Response(Readable.toWeb(file.stream) as unknown as ReadableStream, {
      status: 200,
      headers: {
        'Content-Type': file.mime,
        'Content-Length': String(file.size),
        'Content-Disposition': contentDisposition(disposition, file.name),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': FILE_CSP,
        'Cross-Origin-Resource-Policy': 'same-origin',
        'Cache-Control': 'private, no-store',
      },
    })
  })
}

/** RFC 6266: an ASCII fallback and the exact UTF-8 name in filename*. */
function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`
}
