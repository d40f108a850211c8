import { randomBytes } from 'node:crypto'
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../../deps'
import { shanghaiDate } from '../../../platform/calendar'
import { ConflictError, DomainError } from '../../../platform/errors'
import type { AppEnv } from '../../../platform/http/context'
import { t, type Lang } from '../../../platform/web/i18n'
import { Layout, siteTitle } from '../../../platform/web/layout'
import { applyRowAction, listRegionOptions, parseFormPost, validateFormValues, type FieldError } from '../../catalog'
import { actingBannerFor, getCitizen, peekCitizen, requireCitizen, type CitizenSession } from '../../identity'
import { BUNDLES } from '../bundles/bundle-definitions'
import { bundleNotFound } from '../bundles/bundle-errors'
import { loadBundleDraft, loadBundleGuide } from '../bundles/bundle-load'
import { materialsWithLicences, withBundleLicences, type LicensedBundleDraft } from '../bundles/bundle-licences'
import { listMyBundles } from '../bundles/bundle-queries'
import { bundleMaterials, mergedFieldSavings } from '../bundles/merge-forms'
import { saveBundleDraft } from '../bundles/save-bundle-draft'
import { startBundle } from '../bundles/start-bundle'
import { checkBundleValues, submitBundle } from '../bundles/submit-bundle'
import { applicantOf, mayHandleItem, uploadOwnerOf } from './applicant-session'
import { attachmentsFor, withUploads } from './attachments'
import { BundleDraftPage, BundleGuidePage, BundleListPage, MyBundlesPage, type BundleFlash, type BundleItemLine } from './bundle-pages'
import { fieldErrorsOf, pageProblemOf, readApplicationPost, signedInForPost, splitBilingual } from './form-post'
import { renderApplicantPage, type ApplicantPageStatus } from './render'

const NOTHING_SAVED_OR_SUBMITTED = { zh: '没有保存，也没有提交', en: 'Nothing was saved or submitted' }

const lang = (c: Context<AppEnv>): Lang => c.get('lang') ?? 'zh'
const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '')
const newIdempotencyKey = () => `bundle-${randomBytes(18).toString('base64url')}`

/**
 * 一件事 pages (issue 4, Deliver 12): the public list and guide (GET /bundles, /bundles/:code), start
 * (POST /me/bundles), my bundles (GET /me/bundles), the merged form (GET/POST /me/bundles/:id: 保存草稿, 添加一行,
 * 一次提交 — files stream in with the post, as on a single application). The combined progress page is the cases
 * module's (src/modules/cases/portal/bundle-progress.tsx). Someone else's bundle id answers 404 like an unknown one.
 */
export function registerBundlePortal(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const { db, config } = deps

  const publicPage = (c: Context<AppEnv>, title: string, description: string, path: string, body: unknown, noStore: boolean) => {
    const l = lang(c)
    const html = (
      <Layout lang={l} nonce={c.get('nonce') ?? ''} title={siteTitle(l, title)} description={description} canonical={`${config.publicUrl}${path}`} path={path} headerSearch forms viewer={c.get('viewer')}>
        {body as never}
      </Layout>
    )
    c.header('Vary', 'Cookie, Accept-Encoding')
    if (noStore) c.header('Cache-Control', 'no-store')
    return c.html(`<!doctype html>${html.toString()}`)
  }

  async function itemLines(items: { code: string; name: string }[]): Promise<BundleItemLine[]> {
    const def = new Map(BUNDLES.flatMap((b) => b.items).map((i) => [i.code, i]))
    const rows = await db.selectFrom('service_items as i').innerJoin('departments as d', 'd.id', 'i.department_id').select(['i.code', 'i.status', 'd.name']).where('i.code', 'in', items.map((i) => i.code)).execute()
    return items.map((i) => {
      const r = rows.find((x) => x.code === i.code)
      return { code: i.code, name: i.name, department: r?.name ?? '—', note: def.get(i.code)?.note, noteEn: def.get(i.code)?.noteEn, available: r?.status === 'published' }
    })
  }

  app.get('/bundles', async (c) => {
    const l = lang(c)
    const cards = []
    for (const def of BUNDLES) {
      const g = (await loadBundleGuide(db, def.code))!
      cards.push({ def, items: g.items.length, savings: mergedFieldSavings(g.merged, { itemForms: g.items.map((i) => i.definition), applicantKind: 'individual' }) })
    }
    return publicPage(c, t(l, '一件事一次办', 'One event, one application'), t(l, '一件事涉及多个部门的，一张表申请，各部门同时办理。', 'One form for several departments.'), '/bundles', <BundleListPage lang={l} cards={cards} />, false)
  })

  app.get('/bundles/:code', async (c) => {
    const l = lang(c)
    const g = await loadBundleGuide(db, c.req.param('code'))
    if (!g) throw bundleNotFound()
    const session = await peekCitizen(c, deps)
    const items = await itemLines(g.items)
    const savings = mergedFieldSavings(g.merged, { itemForms: g.items.map((i) => i.definition), applicantKind: 'individual' })
    return publicPage(c, t(l, g.def.name, g.def.nameEn), t(l, g.def.description, g.def.descriptionEn), `/bundles/${g.def.code}`,
      <BundleGuidePage lang={l} def={g.def} items={items} materials={bundleMaterials(g.items)} savings={savings} available={g.available} csrf={session?.csrfToken ?? null} />, !!session)
  })

  app.post('/me/bundles', requireCitizen(deps), async (c) => {
    const l = lang(c)
    const session = getCitizen(c)
    const body = await c.req.parseBody()
    const code = str(body['bundle']).trim()
    const g = /^[a-z0-9-]{1,60}$/.test(code) ? await loadBundleGuide(db, code) : undefined
    if (!g) throw bundleNotFound()
    const refuse = (status: 403 | 409, title: string, text: string) =>
      renderApplicantPage(c, config, { title, path: `/bundles/${g.def.code}`, viewerName: session.user.displayName },
        <><h1>{title}</h1><p>{text}</p><p><a href={`/bundles/${g.def.code}`}>{t(l, '返回', 'Back')}</a></p></>, status)
    if (!g.available) return refuse(409, t(l, '暂不能在线办理', 'Not available online now'), t(l, '其中有事项暂停网上办理，请按各事项办事指南到窗口办理。', 'One of the services cannot be applied for online now; apply at the counters named in each guide.'))
    const need = Math.max(...g.items.map((i) => i.item?.minTrustLevel ?? 2))
    if (session.user.trustLevel < need) {
      return refuse(403, t(l, '您的账号等级还不够', 'Your account level is not high enough'), t(l, `办理本事需要 ${need} 级账号，您的账号目前为 ${session.user.trustLevel} 级。请先到“账号与安全”完成实名认证（/account/verify），再回来办理。`, `This needs a level ${need} account; yours is level ${session.user.trustLevel}. Verify your real name under Account (/account/verify) first.`))
    }
    if (!g.items.every((i) => mayHandleItem(session, i.code))) {
      return refuse(403, t(l, '您的授权不包括全部事项', 'Your mandate does not cover every service'), t(l, '您正在代他人办理，授权只包括指定的事项。请授权人增加这些事项，或切换回本人身份办理。', 'You are acting under a mandate limited to named services; ask for the others or switch back to yourself.'))
    }
    const who = applicantOf(session)
    // One draft per bundle: "开始办理" again (or a double click) goes back to the one already started.
    const existing = (await listMyBundles(db, who)).find((b) => b.code === g.def.code && b.status === 'draft')
    if (existing) return c.redirect(`/me/bundles/${existing.id}`, 303)
    try {
      const { id } = await startBundle(deps, { code: g.def.code, applicant: who })
      return c.redirect(`/me/bundles/${id}?started=1`, 303)
    } catch (err) {
      if (err instanceof DomainError && err.code === 'bundle_audience') return refuse(409, t(l, '请以个人身份办理', 'Apply as yourself'), splitBilingual(err.message)[l === 'en' ? 1 : 0])
      throw err
    }
  })

  app.get('/me/bundles', requireCitizen(deps), async (c) => {
    const l = lang(c)
    const session = getCitizen(c)
    const rows = await listMyBundles(db, applicantOf(session))
    return renderApplicantPage(c, config, { title: t(l, '我的一件事', 'My bundles'), path: '/me/bundles', viewerName: session.user.displayName }, <MyBundlesPage lang={l} rows={rows} />)
  })

  /**
   * The bundle of this session (owner, and every item within a limited mandate), else the 404 of an unknown id; its
   * forms without the uploads the applicant's valid e-licences satisfy (免提交, bundle-licences.ts).
   */
  async function ownBundle(session: CitizenSession, id: string): Promise<LicensedBundleDraft> {
    const who = applicantOf(session)
    const draft = await loadBundleDraft(db, id, who)
    if (!draft.apps.every((a) => mayHandleItem(session, a.item_code))) throw bundleNotFound()
    return withBundleLicences(db, deps.heldLicences, who, draft, shanghaiDate(new Date()))
  }

  async function renderDraft(
    c: Context<AppEnv>, session: CitizenSession, d: LicensedBundleDraft,
    opts: { values: Record<string, unknown>; errors?: FieldError[]; idempotencyKey?: string; problem?: { title: string; text: string } | null; flash?: BundleFlash },
    status: ApplicantPageStatus = 200,
  ) {
    const l = lang(c)
    const [attachments, banner, regions, items] = await Promise.all([
      attachmentsFor(db, d.merged.definition, opts.values, uploadOwnerOf(session)), actingBannerFor(db, l, session), listRegionOptions(db), itemLines(d.apps.map((a) => ({ code: a.item_code, name: a.item_name }))),
    ])
    const errors = opts.errors ?? []
    const savings = mergedFieldSavings(d.merged, { itemForms: d.forms.map((f) => f.definition), applicantKind: d.row.subject_enterprise_id ? 'enterprise' : 'individual' })
    return renderApplicantPage(c, config, { title: t(l, d.def.name, d.def.nameEn), path: `/me/bundles/${d.row.id}`, hasErrors: errors.length > 0, viewerName: session.user.displayName },
      <BundleDraftPage
        lang={l} id={d.row.id} def={d.def} items={items} materials={materialsWithLicences(bundleMaterials(d.forms), d.licences)} savings={savings} form={d.merged.definition} values={opts.values} errors={errors}
        prefilled={d.row.prefill} regions={regions} attachments={attachments} csrf={session.csrfToken} idempotencyKey={opts.idempotencyKey || newIdempotencyKey()}
        problem={opts.problem ?? null} flash={opts.flash ?? null} banner={banner}
      />, status)
  }

  app.get('/me/bundles/:id', requireCitizen(deps), async (c) => {
    const session = getCitizen(c)
    const d = await ownBundle(session, c.req.param('id'))
    if (d.row.status !== 'draft') return c.redirect(`/me/bundles/${d.row.id}/progress`, 303)
    const flash: BundleFlash = c.req.query('saved') === '1' ? 'saved' : c.req.query('started') === '1' ? 'started' : null
    return renderDraft(c, session, d, { values: d.row.values, flash })
  })

  app.post('/me/bundles/:id', async (c) => {
    const l = lang(c)
    const session = await signedInForPost(c, deps)
    if (session instanceof Response) return session
    const d = await ownBundle(session, c.req.param('id'))
    const def = d.merged.definition
    const post = await readApplicationPost(c, deps, def, session)
    if (post instanceof Response) return post
    if (d.row.status !== 'draft') return c.redirect(`/me/bundles/${d.row.id}/progress`, 303)
    const who = applicantOf(session)
    const action = str(post.body['_action']) || 'save'
    const idempotencyKey = str(post.body['idempotencyKey'])
    const raw = withUploads(parseFormPost(def, post.body), post.uploaded)
    for (const k of Object.keys(d.row.prefill)) if (k in d.row.values) raw[k] = d.row.values[k]
    const again = (values: Record<string, unknown>, errors: FieldError[], status: ApplicantPageStatus, problem?: { title: string; text: string }) =>
      renderDraft(c, session, d, { values, errors, idempotencyKey, problem: problem ?? null }, status)

    const rows = applyRowAction(def, post.body, raw)
    if (rows) return again(rows, post.uploadErrors, post.uploadErrors.length ? 400 : 200)
    const submitting = action === 'submit'
    // Saving: format errors only. Submitting: the merged form and every item's own form, all problems at once.
    const errors = submitting ? checkBundleValues(d, raw).errors : validateFormValues(def, raw, { partial: true }).errors
    if (post.uploadErrors.length || errors.length) return again(raw, [...post.uploadErrors, ...errors], 400)
    try {
      if (!submitting) {
        await saveBundleDraft(db, { bundleId: d.row.id, applicant: who, values: raw })
        return c.redirect(`/me/bundles/${d.row.id}?saved=1`, 303)
      }
      await submitBundle(deps, { bundleId: d.row.id, applicant: who, values: raw, idempotencyKey: idempotencyKey || null })
      return c.redirect(`/me/bundles/${d.row.id}/progress?submitted=1`, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || err.status >= 500) throw err
      return again(raw, fieldErrorsOf(err), err instanceof ConflictError ? 409 : 400, pageProblemOf(l, err, NOTHING_SAVED_OR_SUBMITTED))
    }
  })
}


