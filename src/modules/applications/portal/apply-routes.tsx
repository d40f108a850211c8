import { randomBytes } from 'node:crypto'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../../deps'
import { ConflictError, DomainError } from '../../../platform/errors'
import type { AppEnv } from '../../../platform/http/context'
import { Breadcrumbs, Notice, Zh } from '../../../platform/web/components'
import { t, type Lang } from '../../../platform/web/i18n'
import { appliesOnline, applyRowAction, getItemByCode, parseFormPost, validateFormValues, type FieldError, type ItemRow } from '../../catalog'
import { actingBannerFor, getCitizen, requireCitizen, TRUST_LEVEL_LABELS, type CitizenSession, type TrustLevel } from '../../identity'
import { applicationNotFound } from '../application-errors'
import { getApplicationFor, listDrafts, type ApplicationView } from '../application-queries'
import { discardDraft } from '../discard-draft'
import { saveDraft } from '../save-draft'
import { startApplication } from '../start-application'
import { submitApplication } from '../submit-application'
import { applicantOf, mayHandleItem, uploadOwnerOf } from './applicant-session'
import { attachmentsFor, withUploads } from './attachments'
import { registerDraftAutosave } from './autosave-route'
import { draftContext, type DraftContext } from './draft-context'
import { DiscardPage, DraftPage, type DraftFlash } from './draft-page'
import { fieldErrorsOf, pageProblemOf, readApplicationPost, signedInForPost } from './form-post'
import { renderApplicantPage, type ApplicantPageStatus } from './render'

const NOTHING_SAVED = { zh: '没有保存', en: 'Nothing was saved' }

const lang = (c: Context<AppEnv>): Lang => c.get('lang') ?? 'zh'
const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '')
/** A fresh key per rendered page: a double click or a refresh that re-posts the page submits once. */
const newIdempotencyKey = () => `page-${randomBytes(18).toString('base64url')}`

/**
 * The applicant's side of an application (issue 4, Deliver 3): start from the guide (POST /me/applications), the
 * draft page (GET/POST /me/applications/:id: 保存草稿, 添加一行, 提交申请 — files stream in with the same post),
 * and 删除草稿. The receipt and the case pages are the cases module's (src/modules/cases/portal).
 */
export function registerApplicationPortal(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const { db, config } = deps

  /** The draft (or submitted application) for this session, else the same 404 as an unknown id. */
  async function ownApplication(session: CitizenSession, id: string): Promise<ApplicationView> {
    const view = await getApplicationFor(db, id, applicantOf(session))
    if (!view || !mayHandleItem(session, view.itemCode)) throw applicationNotFound()
    return view
  }

  async function renderDraft(
    c: Context<AppEnv>,
    session: CitizenSession,
    view: ApplicationView,
    ctx: DraftContext,
    opts: { values: Record<string, unknown>; errors?: FieldError[]; rev?: number; idempotencyKey?: string; problem?: { title: string; text: string } | null; flash?: DraftFlash },
    status: ApplicantPageStatus = 200,
  ) {
    const l = lang(c)
    const [attachments, banner] = await Promise.all([attachmentsFor(db, ctx.def, opts.values, uploadOwnerOf(session)), actingBannerFor(db, l, session)])
    const errors = opts.errors ?? []
    return renderApplicantPage(
      c,
      config,
      { title: `${view.itemName} - ${t(l, '在线申请', 'Apply online')}`, path: `/me/applications/${view.id}`, hasErrors: errors.length > 0, viewerName: session.user.displayName },
      <DraftPage
        lang={l} applicationId={view.id} itemCode={view.itemCode} itemName={view.itemName} def={ctx.def} values={opts.values} errors={errors}
        prefilled={view.prefill} regions={ctx.regions} attachments={attachments} plan={ctx.plan} csrf={session.csrfToken}
        rev={opts.rev ?? view.rev} idempotencyKey={opts.idempotencyKey || newIdempotencyKey()} pinnedOn={ctx.pinnedOn} newerOn={ctx.newerOn}
        problem={opts.problem ?? null} flash={opts.flash ?? null} banner={banner}
      />,
      status,
    )
  }

  // 在线申请: from the guide page (or /apply/:code) with the item code.
  app.post('/me/applications', requireCitizen(deps), async (c) => {
    const l = lang(c)
    const session = getCitizen(c)
    const body = await c.req.parseBody()
    const code = str(body['item']).trim()
    const item = /^[0-9A-Za-z]{1,40}$/.test(code) ? await getItemByCode(db, code) : undefined
    if (!item || item.status === 'draft') throw applicationNotFound()
    const refuse = (status: 403 | 409, why: 'offline' | 'trust' | 'scope') =>
      renderApplicantPage(c, config, { title: t(l, '暂时不能在线申请', 'You cannot apply online yet'), path: `/services/${item.code}`, viewerName: session.user.displayName },
        <CannotStart lang={l} item={item} why={why} session={session} />, status)
    if (!appliesOnline(item)) return refuse(409, 'offline')
    if (session.user.trustLevel < item.minTrustLevel) return refuse(403, 'trust')
    if (!mayHandleItem(session, item.code)) return refuse(403, 'scope')
    const who = applicantOf(session)
    // One draft per item: "在线申请" again (or a double click) goes back to the one already started.
    if (str(body['new']) !== '1') {
      const existing = (await listDrafts(db, who)).find((d) => d.itemCode === item.code)
      if (existing) return c.redirect(`/me/applications/${existing.id}`, 303)
    }
    const { id } = await startApplication(deps, { itemCode: item.code, applicant: who })
    return c.redirect(`/me/applications/${id}?started=1`, 303)
  })

  app.get('/me/applications/:id', requireCitizen(deps), async (c) => {
    const session = getCitizen(c)
    const view = await ownApplication(session, c.req.param('id'))
    if (view.bundleApplicationId && view.status === 'draft') return c.redirect(`/me/bundles/${view.bundleApplicationId}`, 303)
    if (view.status === 'submitted') return c.redirect(`/me/applications/${view.id}/receipt`, 303)
    if (view.status !== 'draft') return c.redirect('/me/cases', 303)
    const ctx = await draftContext(db, view, { port: deps.heldLicences, who: applicantOf(session) })
    const flash: DraftFlash = c.req.query('saved') === '1' ? 'saved' : c.req.query('started') === '1' ? 'started' : null
    return renderDraft(c, session, view, ctx, { values: view.values, flash })
  })

  app.post('/me/applications/:id', async (c) => {
    const l = lang(c)
    const session = await signedInForPost(c, deps)
    if (session instanceof Response) return session
    const view = await ownApplication(session, c.req.param('id'))
    const ctx = await draftContext(db, view, { port: deps.heldLicences, who: applicantOf(session) })
    const post = await readApplicationPost(c, deps, ctx.def, session)
    if (post instanceof Response) return post
    const who = applicantOf(session)
    const action = str(post.body['_action']) || 'save'
    const idempotencyKey = str(post.body['idempotencyKey'])
    const postedRev = Number(str(post.body['rev']))
    const rev = Number.isInteger(postedRev) ? postedRev : view.rev
    if (view.status === 'submitted') return c.redirect(`/me/applications/${view.id}/receipt`, 303)
    if (view.status !== 'draft') return c.redirect('/me/cases', 303)

    // Posted values; the locked (prefilled) fields always keep what the government holds.
    const raw = withUploads(parseFormPost(ctx.def, post.body), post.uploaded)
    for (const k of Object.keys(view.prefill)) if (k in view.values) raw[k] = view.values[k]
    const again = (values: Record<string, unknown>, errors: FieldError[], status: ApplicantPageStatus, problem?: { title: string; text: string }, atRev = rev) =>
      renderDraft(c, session, view, ctx, { values, errors, rev: atRev, idempotencyKey, problem: problem ?? null }, status)

    const rows = applyRowAction(ctx.def, post.body, raw)
    if (rows) return again(rows, post.uploadErrors, post.uploadErrors.length ? 400 : 200)

    const submitting = action === 'submit'
    const { errors } = validateFormValues(ctx.def, raw, { partial: !submitting })
    const all = [...post.uploadErrors, ...errors]
    if (all.length) return again(raw, all, 400)

    if (!submitting) {
      try {
        await saveDraft(db, { applicationId: view.id, applicant: who, values: raw, expectedRev: rev })
      } catch (err) {
        if (err instanceof DomainError && err.code === 'draft_changed') {
          const fresh = await getApplicationFor(db, view.id, who)
          return again(raw, [], 409, {
            title: t(l, '这份草稿已在另一个窗口或设备上保存过', 'This draft was saved in another window or device'),
            text: t(l, '您刚才的修改还没有保存，显示在下方。请核对：再点“保存草稿”将以下方内容为准（覆盖另一处保存的版本）；如想保留另一处的内容，请刷新页面。', 'Your changes below are NOT saved yet. Check them: “Save draft” again keeps what is below (replacing the other version); reload the page to keep the other version instead.'),
          }, fresh?.rev ?? rev)
        }
        return again(raw, fieldErrorsOf(err), 400, pageProblemOf(l, err, NOTHING_SAVED))
      }
      return c.redirect(`/me/applications/${view.id}?saved=1`, 303)
    }

    try {
      const receipt = await submitApplication(deps, { applicationId: view.id, applicant: who, values: raw, idempotencyKey: idempotencyKey || null })
      return c.redirect(`/me/applications/${receipt.applicationId}/receipt`, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err
      return again(raw, fieldErrorsOf(err), err instanceof ConflictError ? 409 : 400, pageProblemOf(l, err, NOTHING_SAVED))
    }
  })

  registerDraftAutosave(app, deps)

  app.get('/me/applications/:id/discard', requireCitizen(deps), async (c) => {
    const l = lang(c)
    const session = getCitizen(c)
    const view = await ownApplication(session, c.req.param('id'))
    if (view.status !== 'draft') return c.redirect('/me/cases', 303)
    return renderApplicantPage(c, config, { title: t(l, '删除草稿', 'Delete draft'), path: `/me/applications/${view.id}/discard` },
      <DiscardPage lang={l} applicationId={view.id} itemName={view.itemName} csrf={session.csrfToken} updatedOn={view.updatedAt} />)
  })

  app.post('/me/applications/:id/discard', requireCitizen(deps), async (c) => {
    const session = getCitizen(c)
    const view = await ownApplication(session, c.req.param('id'))
    await discardDraft(db, { applicationId: view.id, applicant: applicantOf(session) })
    return c.redirect('/me/cases?discarded=1', 303)
  })
}



function CannotStart({ lang: l, item, why, session }: { lang: Lang; item: ItemRow; why: 'offline' | 'trust' | 'scope'; session: CitizenSession }) {
  const need = item.minTrustLevel as TrustLevel
  const guide = `/services/${encodeURIComponent(item.code)}`
  return (
    <>
      <Breadcrumbs lang={l} items={[{ label: item.record.name, href: guide }, { label: t(l, '在线申请', 'Apply online') }]} />
      <h1><Zh lang={l}>{item.record.name}</Zh></h1>
      {why === 'trust' ? (
        <Notice tone="warn" title={t(l, '您的账号等级还不够', 'Your account level is not high enough')}>
          <p>{t(l, `在线申请本事项需要 ${need} 级账号（${TRUST_LEVEL_LABELS[need]?.zh ?? ''}），您的账号目前为 ${session.user.trustLevel} 级。`, `This service needs a level ${need} account (${TRUST_LEVEL_LABELS[need]?.en ?? ''}); yours is level ${session.user.trustLevel}.`)}</p>
          {session.user.trustLevel < 2 ? (
            <p><a class="button button-primary" href="/account/verify">{t(l, '去实名认证', 'Verify your real name')}</a> {t(l, '用身份证信息完成实名认证（几分钟），完成后回到办事指南再点“在线申请”。', 'Verify with your ID card details (a few minutes), then come back to the guide and choose “Apply online” again.')}</p>
          ) : (
            <p><a class="button button-primary" href="/account/totp">{t(l, '开启两步验证', 'Turn on two-step sign-in')}</a> {t(l, '或', ' or ')}<a href="/account/passkeys">{t(l, '添加通行密钥', 'add a passkey')}</a>{t(l, '，账号即升为 3 级；也可携带身份证到政务服务窗口核验。', ' to reach level 3; or verify at a service counter with your ID card.')}</p>
          )}
        </Notice>
      ) : why === 'scope' ? (
        <Notice tone="warn" title={t(l, '您的授权不包括这个事项', 'Your mandate does not cover this service')}>
          <p>{t(l, `您正在代表 ${session.actingFor?.name ?? ''} 办理，授权只包括指定的事项。请授权人增加这个事项，或切换回本人身份办理。`, `You are acting for ${session.actingFor?.name ?? ''} under a mandate limited to named services. Ask them to add this one, or switch back to yourself.`)}</p>
          <p><a href="/me/acting">{t(l, '查看我获得的授权', 'See my mandates')}</a></p>
        </Notice>
      ) : (
        <Notice tone="info" title={t(l, '本事项暂不能在线申请', 'This service cannot be applied for online')}>
          <p>{t(l, '请按办事指南中的“办理地点”到窗口办理，或拨打 12345 咨询。', 'Apply in person at the address in the guide, or call 12345.')}</p>
        </Notice>
      )}
      <p><a href={guide}>{t(l, '返回办事指南', 'Back to the service guide')}</a></p>
    </>
  )
}
