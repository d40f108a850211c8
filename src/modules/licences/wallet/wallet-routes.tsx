import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../../deps'
import { shanghaiDate } from '../../../platform/calendar'
import { DomainError, ValidationError, type FieldError } from '../../../platform/errors'
import type { AppEnv } from '../../../platform/http/context'
import { t, type Lang } from '../../../platform/web/i18n'
import { renderApplicantPage } from '../../applications'
import { actingBannerFor, getCitizen, getStaff, renderBackoffice, requireCitizen, requireStaff, type CitizenSession } from '../../identity'
import { parseSignedText } from '../licence-document'
import { licencePdf, licenceVc, verificationUrl } from '../licence-exports'
import { copyPdf, makeLicenceCopy, oneYearAfter } from './licence-copies'
import { cancelShareCode, createShareCode, redeemShareCode, ShareCodeRefusedError } from './share-codes'
import { departmentChoices, getWalletLicence, holds, licenceCopies, licenceHistory, licenceShareCodes, licenceVersions, listWallet, statusOn, walletHolderOf } from './wallet-queries'
import { LicencePage, RedeemPage, ShareCodeCreatedPage, WalletListPage, type LicencePageProps } from './wallet-pages'

const lang = (c: Context<AppEnv>): Lang => c.get('lang') ?? 'zh'
const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '')
const today = () => shanghaiDate(new Date())

function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

const citizenOf = (s: CitizenSession) => ({ id: s.user.id, name: s.user.name ?? s.user.displayName })

/**
 * 我的证照 (issue 5 Deliver 8) and the department side of 用证码. Citizen routes are requireCitizen; every route with
 * a licence id answers 404 alike for someone else's, an unknown and a malformed id (access matrix: citizen-owned).
 * /admin/licences/redeem is for staff with a department role.
 */
export function registerWalletRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const { db, config } = deps

  app.get('/me/licences', requireCitizen(deps), async (c) => {
    const l = lang(c)
    const session = getCitizen(c)
    const holder = walletHolderOf(session)
    const [cards, banner] = await Promise.all([listWallet(db, holder, today()), actingBannerFor(db, l, session)])
    const note = holder.kind === 'enterprise'
      ? t(l, `以下是“${session.actingFor!.name}”的电子证照（您正以经办人身份办理）。`, `Licences of “${session.actingFor!.name}” (you are acting for it).`)
      : session.actingFor ? t(l, '这里只显示您本人的证照；委托人的证照只有其本人可以查看和授权。', 'Only your own licences are shown; the person you act for manages theirs.') : null
    return renderApplicantPage(c, config, { title: t(l, '我的证照', 'My licences'), path: '/me/licences', viewerName: session.user.displayName },
      <WalletListPage lang={l} cards={cards} banner={banner} holderNote={note} />)
  })

  async function renderLicence(c: Context<AppEnv>, session: CitizenSession, id: string, extra: Pick<LicencePageProps, 'errors' | 'form' | 'flash'> = {}, status: 200 | 400 | 409 = 200) {
    const l = lang(c)
    const holder = walletHolderOf(session)
    const row = await getWalletLicence(db, holder, id)
    const day = today()
    const now = new Date()
    const versions = await licenceVersions(db, row, day)
    const [history, copies, shareCodes, departments, issuer, banner] = await Promise.all([
      licenceHistory(db, versions.map((v) => v.id)), licenceCopies(db, row.id), licenceShareCodes(db, row.id, now), departmentChoices(db),
      db.selectFrom('departments').select('name').where('id', '=', row.issuer_department_id).executeTakeFirst(), actingBannerFor(db, l, session),
    ])
    const versionOf = new Map(versions.map((v) => [v.id, v.version]))
    const doc = parseSignedText(row.signed_json)
    const copyMax = [oneYearAfter(day), ...(row.valid_until ? [row.valid_until] : [])].sort()[0]!
    return renderApplicantPage(c, config, { title: `${doc?.typeName ?? row.number} - ${t(l, '我的证照', 'My licences')}`, path: `/me/licences/${row.id}`, hasErrors: !!extra.errors?.length, viewerName: session.user.displayName },
      <LicencePage
        lang={l} row={row} doc={doc} status={statusOn(row, day)} issuerName={issuer?.name ?? ''} csrf={session.csrfToken} copyMax={copyMax}
        versions={versions.map((v) => ({ ...v, mine: holds(holder, v) }))}
        history={history.map((h) => ({ action: h.action, reason: h.reason, at: h.at, licenceVersion: versionOf.get(h.licence_id) ?? row.version }))}
        copies={copies} shareCodes={shareCodes} departments={departments} verifyHref={verificationUrl('', row.compact_payload)} banner={banner} {...extra}
      />, status)
  }

  app.get('/me/licences/:id', requireCitizen(deps), async (c) => {
    const q = c.req.query()
    return renderLicence(c, getCitizen(c), c.req.param('id'), { flash: q['copy'] ? 'copy' : q['cancelled'] === '1' ? 'cancelled' : null })
  })

  app.get('/me/licences/:id/pdf', requireCitizen(deps), async (c) => {
    const row = await getWalletLicence(db, walletHolderOf(getCitizen(c)), c.req.param('id'))
    const pdf = await licencePdf(db, row, { publicUrl: config.publicUrl })
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': attachment(`${row.number}.pdf`), 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' })
  })

  app.get('/me/licences/:id/vc', requireCitizen(deps), async (c) => {
    const row = await getWalletLicence(db, walletHolderOf(getCitizen(c)), c.req.param('id'))
    const vc = await licenceVc(db, deps.secrets, row, { publicUrl: config.publicUrl })
    return c.body(JSON.stringify(vc, null, 2), 200, { 'Content-Type': 'application/vc; charset=utf-8', 'Content-Disposition': attachment(`${row.number}.vc.json`), 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' })
  })

  app.post('/me/licences/:id/copies', requireCitizen(deps), async (c) => {
    const session = getCitizen(c)
    const id = c.req.param('id')
    const body = await c.req.parseBody()
    const form = { purpose: str(body['purpose']), validUntil: str(body['validUntil']) }
    try {
      const copy = await makeLicenceCopy(deps, { licenceId: id, holder: walletHolderOf(session), citizen: citizenOf(session), purpose: form.purpose, validUntil: form.validUntil })
      return c.redirect(`/me/licences/${copy.licenceId}?copy=${copy.id}#copies`, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || err.status === 404 || err.status >= 500) throw err
      return renderLicence(c, session, id, { errors: fieldsOf(err), form }, err.status === 409 ? 409 : 400)
    }
  })

  app.get('/me/licence-copies/:id', requireCitizen(deps), async (c) => {
    const { pdf, number } = await copyPdf(db, walletHolderOf(getCitizen(c)), c.req.param('id'), { publicUrl: config.publicUrl })
    return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': attachment(`${number}-加注件.pdf`), 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' })
  })

  app.post('/me/licences/:id/share-codes', requireCitizen(deps), async (c) => {
    const l = lang(c)
    const session = getCitizen(c)
    const id = c.req.param('id')
    const body = await c.req.parseBody()
    const form = { departmentId: str(body['departmentId']), sharePurpose: str(body['purpose']) }
    try {
      const made = await createShareCode(deps, { licenceId: id, holder: walletHolderOf(session), citizen: citizenOf(session), departmentId: form.departmentId, purpose: form.sharePurpose, ttlMinutes: config.licenceShareCodeMinutes })
      const row = await getWalletLicence(db, walletHolderOf(session), id)
      const typeName = parseSignedText(row.signed_json)?.typeName ?? row.number
      return renderApplicantPage(c, config, { title: t(l, '用证码已生成', 'Share code created'), path: `/me/licences/${id}`, viewerName: session.user.displayName },
        <ShareCodeCreatedPage lang={l} licenceId={id} typeName={typeName} code={made.code} departmentName={made.departmentName} purpose={made.purpose} expiresAt={made.expiresAt} />)
    } catch (err) {
      if (!(err instanceof DomainError) || err.status === 404 || err.status >= 500) throw err
      const errors = fieldsOf(err).map((e) => (e.field === 'purpose' ? { ...e, field: 'sharePurpose' } : e))
      return renderLicence(c, session, id, { errors, form }, err.status === 409 ? 409 : 400)
    }
  })

  app.post('/me/licences/:id/share-codes/cancel', requireCitizen(deps), async (c) => {
    const session = getCitizen(c)
    const id = c.req.param('id')
    const body = await c.req.parseBody()
    try {
      await cancelShareCode(deps, { licenceId: id, holder: walletHolderOf(session), citizen: citizenOf(session), shareCodeId: str(body['shareCodeId']) })
    } catch (err) {
      if (!(err instanceof DomainError) || err.code === 'licence_not_found' || err.status >= 500) throw err
      return renderLicence(c, session, id, { errors: [{ field: 'share-h', message: err.message }] }, err.status === 404 ? 400 : 409)
    }
    return c.redirect(`/me/licences/${id}?cancelled=1`, 303)
  })

  // Department side: any staff member with a window, officer or head role (the code names the department).
  const departmentStaff = requireStaff(deps, 'window_officer', 'department_officer', 'department_head')
  app.get('/admin/licences/redeem', departmentStaff, (c) => {
    const staff = getStaff(c)
    return c.html(renderBackoffice(c, { title: t(lang(c), '用证码核验', 'Share code check') }, <RedeemPage lang={lang(c)} csrf={staff.csrfToken} />))
  })
  app.post('/admin/licences/redeem', departmentStaff, async (c) => {
    const l = lang(c)
    const staff = getStaff(c)
    const body = await c.req.parseBody()
    const code = str(body['code']).slice(0, 40)
    c.header('Cache-Control', 'no-store')
    try {
      const r = await redeemShareCode(deps, { code, staff: staff.user })
      return c.html(renderBackoffice(c, { title: t(l, '用证码核验', 'Share code check') }, <RedeemPage lang={l} csrf={staff.csrfToken} result={{ doc: r.document, verification: r.verification, purpose: r.purpose, departmentName: r.departmentName }} />))
    } catch (err) {
      if (!(err instanceof ShareCodeRefusedError)) throw err
      return c.html(renderBackoffice(c, { title: t(l, '用证码核验', 'Share code check') }, <RedeemPage lang={l} csrf={staff.csrfToken} code={code} error={err.message} />), err.status as 403 | 404 | 409 | 429)
    }
  })
}

function fieldsOf(err: DomainError): FieldError[] {
  if (err instanceof ValidationError && err.fields.length) return err.fields
  return [{ field: err.status === 409 ? 'share-h' : 'purpose', message: err.message }]
}
