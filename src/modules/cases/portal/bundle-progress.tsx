import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from '../../../deps'
import type { AppEnv } from '../../../platform/http/context'
import { Breadcrumbs, Notice, Zh } from '../../../platform/web/components'
import { t, type Lang } from '../../../platform/web/i18n'
import { applicantOf, formatRefNo, loadBundleDraft, queryCodeFor, readableDate, renderApplicantPage } from '../../applications'
import { canActOnItem, getCitizen, requireCitizen } from '../../identity'
import { FINAL_STATUSES, type CaseStatus } from '../case'
import { expectedText, StatusTag } from './case-pages'

export type BundleCaseLine = {
  itemCode: string; itemName: string; caseId: string | null; refNo: string | null; queryCode: string | null; department: string
  status: CaseStatus | null; currentSteps: { name: string; department: string; dueOn: string | null }[]; promisedDue: string | null; preReviewDue: string | null
}

/**
 * 一件事 progress (issue 4, Deliver 12): one line per item of a submitted bundle — its case's status, the steps
 * under way (with their department and due date), the expected completion date — and "x / n 已办结" overall.
 * Only for the bundle's applicant (within a limited mandate: only when every item is covered); anyone else
 * gets the 404 of an unknown id.
 */
export function registerBundleProgress(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const { db, config } = deps
  app.get('/me/bundles/:id/progress', requireCitizen(deps), async (c) => {
    const l: Lang = c.get('lang') ?? 'zh'
    const session = getCitizen(c)
    const d = await loadBundleDraft(db, c.req.param('id'), applicantOf(session))
    if (!d.apps.every((a) => canActOnItem(session, a.item_code))) return c.notFound()
    if (d.row.status === 'draft') return c.redirect(`/me/bundles/${d.row.id}`, 303)
    const ids = d.apps.map((a) => a.id)
    const cases = ids.length
      ? await db.selectFrom('cases as c').innerJoin('departments as dp', 'dp.id', 'c.department_id')
        .select(['c.id', 'c.application_id', 'c.ref_no', 'c.status', 'c.promised_due', 'c.pre_review_due', 'dp.name as department']).where('c.application_id', 'in', ids).execute()
      : []
    const steps = cases.length
      ? await db.selectFrom('case_steps as s').innerJoin('departments as dp', 'dp.id', 's.department_id')
        .select(['s.case_id', 's.name', 's.due_on', 'dp.name as department']).where('s.case_id', 'in', cases.map((x) => x.id)).where('s.status', '=', 'active').orderBy('s.seq').execute()
      : []
    const lines: BundleCaseLine[] = d.apps.map((a) => {
      const k = cases.find((x) => x.application_id === a.id)
      return {
        itemCode: a.item_code, itemName: a.item_name, caseId: k?.id ?? null, refNo: k?.ref_no ?? null, queryCode: k ? queryCodeFor(deps.secrets, k.ref_no) : null,
        department: k?.department ?? '—', status: k?.status ?? null, promisedDue: k?.promised_due ?? null, preReviewDue: k?.pre_review_due ?? null,
        currentSteps: steps.filter((s) => s.case_id === k?.id).map((s) => ({ name: s.name, department: s.department, dueOn: s.due_on })),
      }
    })
    const title = t(l, `${d.def.name} 办理进度`, `${d.def.nameEn}: progress`)
    return renderApplicantPage(c, config, { title, path: `/me/bundles/${d.row.id}/progress`, viewerName: session.user.displayName },
      <BundleProgressPage lang={l} name={t(l, d.def.name, d.def.nameEn)} refNo={d.row.ref_no} submittedAt={d.row.submitted_at} lines={lines} justSubmitted={c.req.query('submitted') === '1'} />)
  })
}

export function BundleProgressPage(p: { lang: Lang; name: string; refNo: string | null; submittedAt: Date | string | null; lines: BundleCaseLine[]; justSubmitted: boolean }) {
  const { lang } = p
  const closed = p.lines.filter((x) => x.status && FINAL_STATUSES.includes(x.status)).length
  const n = p.lines.length
  const departments = new Set(p.lines.map((x) => x.department)).size
  return (
    <>
      <Breadcrumbs lang={lang} items={[{ label: t(lang, '我的一件事', 'My bundles'), href: '/me/bundles' }, { label: p.name }]} />
      {p.justSubmitted ? (
        <Notice tone="success" title={t(lang, `已提交：${n} 个事项已同时送达 ${departments} 个部门`, `Submitted: ${n} services went to ${departments} departments at once`)}>
          <p>{t(lang, '每个事项有自己的办件编号和查询码，请妥善保存；各部门分别审批，进度都显示在本页。', 'Each service has its own reference number and query code; keep them. Every department decides its own case; all progress shows here.')}</p>
        </Notice>
      ) : null}
      <h1>{p.name}</h1>
      <p>
        {p.refNo ? t(lang, `一件事编号 ${formatRefNo(p.refNo)}`, `Bundle reference ${formatRefNo(p.refNo)}`) : ''}
        {p.submittedAt ? t(lang, `，提交于 ${readableDate(lang, new Date(p.submittedAt).toISOString())}`, `, submitted ${readableDate(lang, new Date(p.submittedAt).toISOString())}`) : ''}
      </p>
      <p class="lead"><strong>{t(lang, `${closed} / ${n} 已办结`, `${closed} of ${n} closed`)}</strong></p>
      <div class="table-wrap">
        <table class="table">
          <caption>{t(lang, '各事项办理情况', 'Each service')}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, '事项', 'Service')}</th><th scope="col">{t(lang, '办件编号 / 查询码', 'Reference / query code')}</th><th scope="col">{t(lang, '状态', 'Status')}</th>
              <th scope="col">{t(lang, '当前环节', 'Current step')}</th><th scope="col">{t(lang, '预计办结', 'Expected')}</th>
            </tr>
          </thead>
          <tbody>
            {p.lines.map((x) => (
              <tr>
                <td><Zh lang={lang}>{x.itemName}</Zh><br /><span class="hint"><Zh lang={lang}>{x.department}</Zh></span></td>
                <td>{x.caseId && x.refNo ? <><a href={`/me/cases/${x.caseId}`}>{formatRefNo(x.refNo)}</a><br /><span class="hint">{x.queryCode}</span></> : '—'}</td>
                <td>{x.status ? <StatusTag lang={lang} status={x.status} /> : '—'}</td>
                <td>
                  {x.currentSteps.length
                    ? x.currentSteps.map((s) => <div><Zh lang={lang}>{s.name}</Zh><span class="hint">{` · ${s.department}${s.dueOn ? t(lang, ` · ${readableDate(lang, s.dueOn)}前`, ` · by ${readableDate(lang, s.dueOn)}`) : ''}`}</span></div>)
                    : '—'}
                </td>
                <td>{x.status && x.preReviewDue ? expectedText(lang, { status: x.status, promisedDue: x.promisedDue, preReviewDue: x.preReviewDue }) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p><a href="/me/cases">{t(lang, '查看我的全部办件', 'All my applications')}</a></p>
    </>
  )
}
