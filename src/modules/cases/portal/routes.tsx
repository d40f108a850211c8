import { getConnInfo } from '@hono/node-server/conninfo'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { Deps } from '../../../deps'
import { DomainError, ValidationError } from '../../../platform/errors'
import type { AppEnv } from '../../../platform/http/context'
import { t, type Lang } from '../../../platform/web/i18n'
import {
  applicantOf, applicationNotFound, attachmentsFor, draftContext, getApplicationFor, listDrafts, mayHandleItem, parseRefNo, queryCodeFor, queryCodeMatches,
  readApplicationPost, renderApplicantPage, signedInForPost, splitBilingual, uploadOwnerOf, withUploads, type ApplicantPageStatus,
} from '../../applications'
import { applyRowAction, parseFormPost, validateFormValues, type FieldError } from '../../catalog'
import { actingBannerFor, getCitizen, requireCitizen, type CitizenSession } from '../../identity'
import { isAllowed } from '../case'
import { caseNotFound } from '../case-errors'
import { findCaseByRef, getCaseForApplicant, listMyCases, type CaseDetail } from '../case-queries'
import { resubmitCase } from '../resubmit-case'
import { withdrawCase } from '../withdraw-case'
import { CasePage, MyCasesPage, ReceiptPage, WithdrawPage, type CorrectionForm } from './case-pages'
import { lookupThrottle, ProgressPage, type LookupResult } from './lookup'
import { timeline } from './timeline'

const lang = (c: Context<AppEnv>): Lang => c.get('lang') ?? 'zh'
const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '')
const ipOf = (c: Context): string => {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

/**
 * The applicant's cases (issue 4, Deliver 5 and 10): the receipt after submission, 我的办件 (drafts + cases), the
 * case page (status, current steps, expected date, plain-language timeline, 补正 form, denial with appeal rights,
 * result, 撤回申请), and the public progress lookup /progress (办件编号 + 查询码 → status only).
 */
export function registerCasesPortal(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const { db, config } = deps
  const caseDeps = { db, notices: deps.caseNotices }
  const throttle = lookupThrottle()

  /** The case for this session (its applicant, and within an items-limited mandate), else the same 404 as an unknown id. */
  async function ownCase(session: CitizenSession, id: string): Promise<CaseDetail> {
    const d = await getCaseForApplicant(db, id, applicantOf(session))
    if (!d || !mayHandleItem(session, d.case.item_code)) throw caseNotFound()
    return d
  }

  async function renderCase(c: Context<AppEnv>, session: CitizenSession, d: CaseDetail, opts: { correction?: Partial<CorrectionForm> & { values?: Record<string, unknown> }; flash?: 'resubmitted' | 'withdrawn' | null } = {}, status: ApplicantPageStatus = 200) {
    const l = lang(c)
    let correction: CorrectionForm | null = null
    if (d.case.status === 'correction_requested') {
      const who = applicantOf(session)
      const view = await getApplicationFor(db, d.case.application_id, who)
      if (view) {
        const ctx = await draftContext(db, view, { port: deps.heldLicences, who })
        const values = opts.correction?.values ?? view.values
        correction = {
          def: ctx.def, values, errors: opts.correction?.errors ?? [], prefilled: view.prefill, regions: ctx.regions,
          attachments: await attachmentsFor(db, ctx.def, values, uploadOwnerOf(session)), problem: opts.correction?.problem ?? null,
        }
      }
    }
    const banner = await actingBannerFor(db, l, session)
    return renderApplicantPage(
      c, config,
      { title: `${d.case.item_name} - ${t(l, '办件详情', 'Case')}`, path: `/me/cases/${d.case.id}`, hasErrors: !!correction?.errors.length, viewerName: session.user.displayName },
      <CasePage
        lang={l} d={d} queryCode={queryCodeFor(deps.secrets, d.case.ref_no)} timeline={timeline(l, d)} csrf={session.csrfToken} banner={banner}
        flash={opts.flash ?? null} mayWithdraw={isAllowed(d.case.status, 'withdraw')} correction={correction}
      />,
      status,
    )
  }

  app.get('/me/cases', requireCitizen(deps), async (c) => {
    const l = lang(c)
    const session = getCitizen(c)
    const who = applicantOf(session)
    const [drafts, cases, banner] = await Promise.all([listDrafts(db, who), listMyCases(db, who), actingBannerFor(db, l, session)])
    // Under a mandate limited to named items, only those items' cases.
    const codes = new Map(cases.length ? (await db.selectFrom('cases').select(['id', 'item_code']).where('id', 'in', cases.map((r) => r.id)).execute()).map((r) => [r.id, r.item_code]) : [])
    const q = c.req.query()
    return renderApplicantPage(c, config, { title: t(l, '我的办件', 'My applications'), path: '/me/cases' },
      <MyCasesPage lang={l} drafts={drafts.filter((d) => mayHandleItem(session, d.itemCode))} cases={cases.filter((r) => mayHandleItem(session, codes.get(r.id) ?? ''))} banner={banner} flash={q['discarded'] === '1' ? 'discarded' : null} />)
  })

  app.get('/me/applications/:id/receipt', requireCitizen(deps), async (c) => {
    const l = lang(c)
    const session = getCitizen(c)
    const view = await getApplicationFor(db, c.req.param('id'), applicantOf(session))
    if (!view || !mayHandleItem(session, view.itemCode)) throw applicationNotFound()
    if (view.status === 'draft' || !view.refNo) return c.redirect(`/me/applications/${view.id}`, 303)
    const found = await findCaseByRef(db, view.refNo)
    if (!found) throw applicationNotFound()
    return renderApplicantPage(c, config, { title: t(l, '申请已提交', 'Application submitted'), path: `/me/applications/${view.id}/receipt` },
      <ReceiptPage lang={l} refNo={view.refNo} queryCode={queryCodeFor(deps.secrets, view.refNo)} itemName={view.itemName} preReviewDue={found.pre_review_due} caseId={found.id} submittedAt={view.submittedAt ?? found.submitted_at} />)
  })

  app.get('/me/cases/:id', requireCitizen(deps), async (c) => {
    const session = getCitizen(c)
    const d = await ownCase(session, c.req.param('id'))
    const q = c.req.query()
    return renderCase(c, session, d, { flash: q['resubmitted'] === '1' ? 'resubmitted' : q['withdrawn'] === '1' ? 'withdrawn' : null })
  })

  // 补正: the same form, pre-filled with the current values and files; streamed like the draft page.
  app.post('/me/cases/:id/resubmit', async (c) => {
    const session = await signedInForPost(c, deps)
    if (session instanceof Response) return session
    const d = await ownCase(session, c.req.param('id'))
    const who = applicantOf(session)
    const view = await getApplicationFor(db, d.case.application_id, who)
    if (!view) throw caseNotFound()
    const ctx = await draftContext(db, view, { port: deps.heldLicences, who })
    const post = await readApplicationPost(c, deps, ctx.def, session)
    if (post instanceof Response) return post
    if (d.case.status !== 'correction_requested') return c.redirect(`/me/cases/${d.case.id}`, 303)
    const raw = withUploads(parseFormPost(ctx.def, post.body), post.uploaded)
    for (const k of Object.keys(view.prefill)) if (k in view.values) raw[k] = view.values[k]
    const again = (values: Record<string, unknown>, errors: FieldError[], status: ApplicantPageStatus, problem?: string) =>
      renderCase(c, session, d, { correction: { values, errors, problem: problem ?? null } }, status)
    const rows = applyRowAction(ctx.def, post.body, raw)
    if (rows) return again(rows, post.uploadErrors, post.uploadErrors.length ? 400 : 200)
    const { errors } = validateFormValues(ctx.def, raw)
    if (post.uploadErrors.length || errors.length) return again(raw, [...post.uploadErrors, ...errors], 400)
    try {
      await resubmitCase(caseDeps, { caseId: d.case.id, applicant: who, values: raw })
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err
      const fields = err instanceof ValidationError ? err.fields.filter((f) => f.field && f.field !== 'materials').map((f) => { const [zh, en] = splitBilingual(f.message); return { path: f.field, message: zh, messageEn: en } }) : []
      const [zh, en] = splitBilingual(err.message)
      return again(raw, fields, err.status === 409 ? 409 : 400, lang(c) === 'en' ? en : zh)
    }
    return c.redirect(`/me/cases/${d.case.id}?resubmitted=1`, 303)
  })

  app.get('/me/cases/:id/withdraw', requireCitizen(deps), async (c) => {
    const l = lang(c)
    const session = getCitizen(c)
    const d = await ownCase(session, c.req.param('id'))
    if (!isAllowed(d.case.status, 'withdraw')) return c.redirect(`/me/cases/${d.case.id}`, 303)
    return renderApplicantPage(c, config, { title: t(l, '撤回申请', 'Withdraw the application'), path: `/me/cases/${d.case.id}/withdraw` }, <WithdrawPage lang={l} d={d} csrf={session.csrfToken} />)
  })

  app.post('/me/cases/:id/withdraw', requireCitizen(deps), async (c) => {
    const l = lang(c)
    const session = getCitizen(c)
    const d = await ownCase(session, c.req.param('id'))
    const reason = str((await c.req.parseBody())['reason'])
    try {
      await withdrawCase(caseDeps, { caseId: d.case.id, applicant: applicantOf(session), reason })
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err
      const [zh, en] = splitBilingual(err.fields[0]?.message ?? err.message)
      return renderApplicantPage(c, config, { title: t(l, '撤回申请', 'Withdraw the application'), path: `/me/cases/${d.case.id}/withdraw`, hasErrors: true },
        <WithdrawPage lang={l} d={d} csrf={session.csrfToken} error={l === 'en' ? en : zh} reason={reason} />, 400)
    }
    return c.redirect(`/me/cases/${d.case.id}?withdrawn=1`, 303)
  })

  // 办件查询: GET shows the form (and answers ?ref=&code= links); POST keeps the code out of URLs and history.
  // No CSRF token: it changes nothing and needs no session; the per-IP window limits guessing.
  const lookup = async (c: Context<AppEnv>, refInput: string, codeInput: string) => {
    const l = lang(c)
    c.header('Cache-Control', 'no-store')
    c.header('Referrer-Policy', 'no-referrer')
    let result: LookupResult = { kind: 'form' }
    let status: ApplicantPageStatus = 200
    if (refInput || codeInput) {
      const errors = [
        ...(refInput.trim() ? [] : [{ href: 'ref', message: t(l, '请输入办件编号', 'Enter the reference number') }]),
        ...(codeInput.trim() ? [] : [{ href: 'code', message: t(l, '请输入查询码', 'Enter the query code') }]),
      ]
      if (errors.length) {
        result = { kind: 'invalid', errors }
        status = 400
      } else if (!throttle.attempt(ipOf(c))) {
        result = { kind: 'throttled' }
        status = 429
      } else {
        const refNo = parseRefNo(refInput)
        const found = refNo ? await findCaseByRef(db, refNo) : undefined
        // The code is checked even when the number is unknown, so both answers take the same work.
        const matches = queryCodeMatches(deps.secrets, refNo ?? refInput.slice(0, 30), codeInput.slice(0, 20))
        if (found && matches) {
          result = { kind: 'found', refNo: found.ref_no, itemName: found.item_name, status: found.status, submittedAt: new Date(found.submitted_at), promisedDue: found.promised_due, preReviewDue: found.pre_review_due, paused: !!found.paused_since }
        } else {
          result = { kind: 'no_match' }
          status = 404
        }
      }
    }
    return renderApplicantPage(c, config, { title: t(l, '办件查询', 'Track progress'), path: '/progress', hasErrors: result.kind === 'invalid' },
      <ProgressPage lang={l} result={result} refInput={refInput.slice(0, 30)} codeInput={result.kind === 'found' ? '' : codeInput.slice(0, 10)} />, status)
  }
  app.get('/progress', (c) => lookup(c, c.req.query('ref') ?? '', c.req.query('code') ?? ''))
  app.post('/progress', bodyLimit({ maxSize: 4096, onError: (c) => c.text('Payload too large', 413) }), async (c) => {
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
    return lookup(c as Context<AppEnv>, str(body['ref']), str(body['code']))
  })
}
