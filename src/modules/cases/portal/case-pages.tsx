import type { Child } from 'hono/jsx'
import { Breadcrumbs, Notice, SummaryList, Tag, Zh, type Tone } from '../../../platform/web/components'
import { CsrfField, ErrorSummary, TextArea } from '../../../platform/web/form-components'
import { t, type Lang } from '../../../platform/web/i18n'
import { formatRefNo, readableDate, type ApplicationView } from '../../applications'
import { FormFields, summaryErrors, type FieldError, type FormDefinition, type Prefilled, type RegionOption } from '../../catalog'
import { APPEAL_RIGHTS } from '../decide-case'
import { CASE_STATUS_LABELS, FINAL_STATUSES, type CaseStatus } from '../case'
import type { CaseDetail, MyCaseRow } from '../case-queries'
import { shortDate, type TimelineEntry } from './timeline'

const TONE: Partial<Record<CaseStatus, Tone>> = {
  correction_requested: 'warn', not_accepted: 'danger', denied: 'danger', withdrawn: 'neutral', terminated: 'danger',
  approved: 'success', result_issued: 'success', delivered: 'success',
}
export function StatusTag({ lang, status }: { lang: Lang; status: CaseStatus }) {
  const l = CASE_STATUS_LABELS[status]
  return <Tag tone={TONE[status] ?? 'info'}>{lang === 'en' ? l.en : l.zh}</Tag>
}

/** The expected completion date, or when it will be known (the promised clock starts at acceptance). */
export function expectedText(lang: Lang, c: { status: CaseStatus; promisedDue: string | null; preReviewDue: string }): string {
  if (c.promisedDue) return FINAL_STATUSES.includes(c.status) ? readableDate(lang, c.promisedDue) : t(lang, `${readableDate(lang, c.promisedDue)}前`, `by ${readableDate(lang, c.promisedDue)}`)
  if (FINAL_STATUSES.includes(c.status)) return '—'
  return t(lang, `受理后计算（预审在 ${readableDate(lang, c.preReviewDue)} 前完成）`, `Set at acceptance (review by ${readableDate(lang, c.preReviewDue)})`)
}

export type DraftRow = Pick<ApplicationView, 'id' | 'itemName' | 'updatedAt'>

/** 我的办件: drafts to continue, then cases newest first with status, current step and expected date. */
export function MyCasesPage({ lang, drafts, cases, banner, flash }: { lang: Lang; drafts: DraftRow[]; cases: MyCaseRow[]; banner: Child; flash: 'discarded' | 'withdrawn' | null }) {
  return (
    <>
      {banner}
      {flash === 'discarded' ? <Notice tone="success" title={t(lang, '草稿已删除', 'Draft deleted')} /> : null}
      <h1>{t(lang, '我的办件', 'My applications')}</h1>
      <p class="hint">{t(lang, '在这里继续填写草稿、查看办理进度。要申请新的事项，请先', 'Carry on with drafts and follow your cases here. To apply for something new, ')}<a href="/search">{t(lang, '查找办事服务', 'find the service')}</a>{t(lang, '，在办事指南页点“在线申请”。', ' and choose “Apply online” on its guide.')}</p>
      <section aria-labelledby="drafts-h">
        <h2 id="drafts-h">{t(lang, `草稿（${drafts.length}）`, `Drafts (${drafts.length})`)}</h2>
        {drafts.length ? (
          <div class="table-wrap">
            <table class="table">
              <thead><tr><th scope="col">{t(lang, '事项', 'Service')}</th><th scope="col">{t(lang, '最后保存', 'Last saved')}</th><th scope="col">{t(lang, '操作', 'Actions')}</th></tr></thead>
              <tbody>
                {drafts.map((d) => (
                  <tr>
                    <td><Zh lang={lang}>{d.itemName}</Zh></td>
                    <td>{readableDate(lang, d.updatedAt)}</td>
                    <td>
                      <a href={`/me/applications/${d.id}`}>{t(lang, '继续填写', 'Continue')}<span class="visually-hidden">{` ${d.itemName}`}</span></a>
                      {' · '}
                      <a href={`/me/applications/${d.id}/discard`}>{t(lang, '删除草稿', 'Delete')}<span class="visually-hidden">{` ${d.itemName}`}</span></a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : <p>{t(lang, '没有未提交的草稿。', 'No drafts.')}</p>}
      </section>
      <section aria-labelledby="cases-h">
        <h2 id="cases-h">{t(lang, `已提交的申请（${cases.length}）`, `Submitted (${cases.length})`)}</h2>
        {cases.length ? (
          <div class="table-wrap">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t(lang, '办件编号', 'Reference')}</th><th scope="col">{t(lang, '事项', 'Service')}</th><th scope="col">{t(lang, '状态', 'Status')}</th>
                  <th scope="col">{t(lang, '当前环节', 'Current step')}</th><th scope="col">{t(lang, '预计办结', 'Expected')}</th><th scope="col">{t(lang, '提交日期', 'Submitted')}</th>
                </tr>
              </thead>
              <tbody>
                {cases.map((r) => (
                  <tr>
                    <td><a href={`/me/cases/${r.id}`}>{formatRefNo(r.refNo)}</a></td>
                    <td><Zh lang={lang}>{r.itemName}</Zh></td>
                    <td><StatusTag lang={lang} status={r.status} /></td>
                    <td>{r.currentSteps ?? '—'}</td>
                    <td>{expectedText(lang, r)}</td>
                    <td>{readableDate(lang, new Date(r.submittedAt))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : <p>{t(lang, '还没有提交过申请。', 'Nothing submitted yet.')}</p>}
      </section>
    </>
  )
}

export type CorrectionForm = {
  def: FormDefinition
  values: Record<string, unknown>
  errors: FieldError[]
  prefilled: Prefilled
  regions: RegionOption[]
  attachments: Record<string, { id: string; name: string }[]>
  problem?: string | null
}

type CasePageProps = {
  lang: Lang
  d: CaseDetail
  queryCode: string
  timeline: TimelineEntry[]
  csrf: string
  banner: Child
  flash: 'resubmitted' | 'withdrawn' | null
  mayWithdraw: boolean
  correction: CorrectionForm | null
}

function stepStateText(lang: Lang, status: string, paused: boolean): string {
  if (paused) return t(lang, '特别程序中（暂停计时）', 'Special procedure (clock stopped)')
  return status === 'active' ? t(lang, '办理中', 'In progress') : status === 'done' ? t(lang, '已完成', 'Done') : status === 'waiting' ? t(lang, '待开始', 'Not started') : t(lang, '已取消', 'Cancelled')
}

/** 办件详情 for the applicant: status, current steps, expected date, notices to act on, and the timeline. */
export function CasePage({ lang, d, queryCode, timeline, csrf, banner, flash, mayWithdraw, correction }: CasePageProps) {
  const c = d.case
  const active = d.current.filter((s) => s.status === 'active')
  const openPauses = d.pauses.filter((p) => p.endedOn === null)
  const lastCorrection = d.corrections.at(-1)
  const lastEvent = (action: string) => [...d.events].reverse().find((e) => e.action === action)
  const errors = correction?.errors ?? []
  return (
    <>
      <Breadcrumbs lang={lang} items={[{ label: t(lang, '我的办件', 'My applications'), href: '/me/cases' }, { label: formatRefNo(c.ref_no) }]} />
      {banner}
      {flash === 'resubmitted' ? <Notice tone="success" title={t(lang, '补正材料已提交', 'Corrections sent')}><p>{t(lang, `窗口将在 ${readableDate(lang, c.pre_review_due)} 前重新预审。`, `The counter will review them by ${readableDate(lang, c.pre_review_due)}.`)}</p></Notice> : null}
      {flash === 'withdrawn' ? <Notice tone="success" title={t(lang, '申请已撤回', 'Application withdrawn')}><p>{t(lang, '本申请视为未提出。如需办理，可重新申请。', 'It is treated as never made; you can apply again at any time.')}</p></Notice> : null}
      <ErrorSummary lang={lang} errors={summaryErrors(lang, errors)} />
      <h1><Zh lang={lang}>{c.item_name}</Zh></h1>
      <p><StatusTag lang={lang} status={c.status} /></p>
      <SummaryList
        rows={[
          { key: t(lang, '办件编号', 'Reference number'), value: <strong>{formatRefNo(c.ref_no)}</strong> },
          { key: t(lang, '查询码', 'Query code'), value: <><code>{queryCode}</code> <span class="hint">{t(lang, '（家人可凭编号和查询码在“办件查询”看进度）', '(with the reference, anyone you trust can check progress under “Track progress”)')}</span></> },
          { key: t(lang, '申请人', 'Applicant'), value: c.applicant_name },
          { key: t(lang, '受理部门', 'Department'), value: d.departments.get(c.department_id) },
          { key: t(lang, '提交时间', 'Submitted'), value: readableDate(lang, new Date(c.submitted_at)) },
          { key: t(lang, '预计办结', 'Expected completion'), value: expectedText(lang, { status: c.status, promisedDue: c.promised_due, preReviewDue: c.pre_review_due }) },
          {
            key: t(lang, '当前环节', 'Current step'),
            value: active.length ? (
              <ul>
                {active.map((s) => (
                  <li>{s.name}{t(lang, `（${d.departments.get(s.department_id) ?? ''}${s.due_on ? `，${shortDate(lang, s.due_on)}前完成` : ''}）`, ` (${d.departments.get(s.department_id) ?? ''}${s.due_on ? `, due ${shortDate(lang, s.due_on)}` : ''})`)}</li>
                ))}
              </ul>
            ) : '—',
          },
        ]}
      />
      <section aria-labelledby="steps-h">
        <h2 id="steps-h">{t(lang, '办理环节', 'Steps')}</h2>
        <table class="table">
          <caption class="visually-hidden">{t(lang, '每个环节的办理部门、状态和预计完成日期', 'Each step with its department, state and expected date')}</caption>
          <thead><tr><th scope="col">{t(lang, '环节', 'Step')}</th><th scope="col">{t(lang, '办理部门', 'Department')}</th><th scope="col">{t(lang, '状态', 'State')}</th><th scope="col">{t(lang, '预计完成', 'Expected by')}</th><th scope="col">{t(lang, '完成时间', 'Finished')}</th></tr></thead>
          <tbody>
            {d.current.map((s) => (
              <tr>
                <td>{s.name}{s.round > 1 ? t(lang, `（第${s.round}轮）`, ` (round ${s.round})`) : ''}</td>
                <td>{d.departments.get(s.department_id) ?? '—'}</td>
                <td>{stepStateText(lang, s.status, openPauses.some((p) => p.stepId === s.id))}</td>
                <td>{s.due_on ? shortDate(lang, s.due_on) : s.status === 'waiting' ? t(lang, '前一环节完成后开始', 'Starts after the previous step') : '—'}</td>
                <td>{s.finished_at && s.status === 'done' ? readableDate(lang, new Date(s.finished_at)) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {openPauses.length ? (
        <Notice tone="info" title={t(lang, `${openPauses.map((p) => p.procedure).join('、')}中`, `Special procedure under way: ${openPauses.map((p) => p.procedure).join(', ')}`)}>
          <p>{t(lang, `自 ${readableDate(lang, openPauses[0]!.startedOn)} 起，这段时间不计入办理时限；结束后预计办结日期会相应顺延。`, `Since ${readableDate(lang, openPauses[0]!.startedOn)}. This time does not count towards the deadline; the expected date moves on accordingly when it ends.`)}</p>
        </Notice>
      ) : null}
      {c.status === 'not_accepted' ? (
        <Notice tone="danger" title={t(lang, '不予受理', 'Not accepted')}>
          <p>{t(lang, '原因：', 'Reason: ')}<Zh lang={lang}>{c.not_accepted_reason ?? ''}</Zh></p>
          {c.competent_organ ? <p>{t(lang, `请向 ${c.competent_organ} 申请。`, `Apply to ${c.competent_organ} instead.`)}</p> : null}
          <p>{t(lang, '如有疑问，可拨打 12345 咨询；也可修改后重新申请。', 'Questions: call 12345. You can also apply again.')}</p>
        </Notice>
      ) : null}
      {c.status === 'denied' ? (
        <Notice tone="danger" title={t(lang, '不予许可决定', 'Application refused')}>
          <p>{t(lang, '理由：', 'Reasons: ')}<Zh lang={lang}>{c.decision_reason ?? ''}</Zh></p>
          <p><strong>{t(lang, '救济途径：', 'Your right to appeal: ')}</strong><Zh lang={lang}>{APPEAL_RIGHTS}</Zh></p>
        </Notice>
      ) : null}
      {c.status === 'terminated' ? (
        <Notice tone="danger" title={t(lang, '办件已终止', 'Case terminated')}>
          <p>{t(lang, '原因：', 'Reason: ')}<Zh lang={lang}>{lastEvent('terminated')?.reason ?? ''}</Zh></p>
          <p>{t(lang, '如有疑问，请拨打 12345 咨询。', 'Questions: call 12345.')}</p>
        </Notice>
      ) : null}
      {c.status === 'result_issued' || c.status === 'delivered' || c.status === 'approved' ? (
        <Notice tone="success" title={c.status === 'approved' ? t(lang, '已准予许可，正在出具结果', 'Approved; the result is being prepared') : t(lang, '办理结果', 'Result')}>
          {c.result_name ? <p>{t(lang, `${c.result_name}${c.result_number ? `（编号 ${c.result_number}）` : ''}`, `${c.result_name}${c.result_number ? ` (number ${c.result_number})` : ''}`)}</p> : null}
          {c.result_description ? <p><Zh lang={lang}>{c.result_description}</Zh></p> : null}
          {typeof lastEvent('result_issued')?.details['licenceId'] === 'string' ? (
            <p><a href={`/me/licences/${String(lastEvent('result_issued')!.details['licenceId'])}`}>{t(lang, '查看电子证照（下载、核验、用证）', 'See the e-licence (download, verify, share)')}</a></p>
          ) : null}
          {c.status === 'result_issued' ? <p>{t(lang, '结果已出具，等待领取或送达。', 'Issued; waiting to be collected or delivered.')}</p> : null}
          {c.status === 'delivered' && c.delivery_method ? <p>{t(lang, `已送达（${lastEvent('delivered')?.details['method'] ?? c.delivery_method}），办件办结。`, `Delivered; the case is closed.`)}</p> : null}
        </Notice>
      ) : null}
      {c.status === 'correction_requested' && lastCorrection ? (
        <section class="card" aria-labelledby="correction-h" id="correction">
          <h2 id="correction-h">{t(lang, `补正告知（第 ${lastCorrection.round} 次）`, `Correction notice (round ${lastCorrection.round})`)}</h2>
          <p><Zh lang={lang}>{lastCorrection.notice}</Zh></p>
          <ol>{lastCorrection.items.map((i) => <li><strong>{i.target}</strong>{t(lang, '：', ': ')}<Zh lang={lang}>{i.problem}</Zh></li>)}</ol>
          <p class="hint">{t(lang, '请一次性修改或补充以上全部内容后提交；提交后窗口会在 5 个工作日内重新预审。', 'Fix everything listed, then send it; the counter reviews it again within 5 working days.')}</p>
          {correction ? (
            <>
              {correction.problem ? <Notice tone="warn" title={t(lang, '没有提交', 'Not sent')} alert><p>{correction.problem}</p></Notice> : null}
              <form method="post" action={`/me/cases/${c.id}/resubmit`} enctype="multipart/form-data" novalidate>
                <CsrfField token={csrf} />
                <button type="submit" name="_action" value="resubmit" class="visually-hidden" tabindex={-1} aria-hidden="true">{t(lang, '提交补正材料', 'Send corrections')}</button>
                <FormFields def={correction.def} values={correction.values} errors={correction.errors} prefilled={correction.prefilled} lang={lang} regions={correction.regions} attachments={correction.attachments} />
                <button type="submit" name="_action" value="resubmit" class="button button-primary">{t(lang, '提交补正材料', 'Send corrections')}</button>
              </form>
            </>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">{t(lang, '办理进度', 'Progress')}</h2>
        <ol class="timeline">
          {timeline.map((e) => <li><time datetime={e.on}>{readableDate(lang, e.on)}</time>{' '}{e.text}</li>)}
        </ol>
      </section>
      {mayWithdraw ? (
        <p><a class="button button-secondary" href={`/me/cases/${c.id}/withdraw`}>{t(lang, '撤回申请', 'Withdraw the application')}</a></p>
      ) : null}
    </>
  )
}

/** 撤回申请 — confirmation, with an optional reason. */
export function WithdrawPage({ lang, d, csrf, error, reason }: { lang: Lang; d: CaseDetail; csrf: string; error?: string | undefined; reason?: string }) {
  const c = d.case
  return (
    <>
      <Breadcrumbs lang={lang} items={[{ label: t(lang, '我的办件', 'My applications'), href: '/me/cases' }, { label: formatRefNo(c.ref_no), href: `/me/cases/${c.id}` }, { label: t(lang, '撤回申请', 'Withdraw') }]} />
      <ErrorSummary lang={lang} errors={error ? [{ href: 'reason', message: error }] : []} />
      <h1>{t(lang, '确定撤回这份申请吗？', 'Withdraw this application?')}</h1>
      <p>{t(lang, `“${c.item_name}”（办件编号 ${formatRefNo(c.ref_no)}）撤回后即停止办理，本申请视为未提出；如仍需办理，要重新申请。`, `“${c.item_name}” (${formatRefNo(c.ref_no)}) stops at once and is treated as never made; to go ahead later you will have to apply again.`)}</p>
      <form method="post" action={`/me/cases/${c.id}/withdraw`}>
        <CsrfField token={csrf} />
        <TextArea lang={lang} id="reason" label={t(lang, '撤回原因（选填）', 'Reason (optional)')} hint={t(lang, '最多 500 字，办理部门可以看到。', 'Up to 500 characters; the department will see it.')} value={reason} error={error} />
        <div class="button-row">
          <button type="submit" class="button button-warning">{t(lang, '确认撤回', 'Withdraw')}</button>
          <a class="button button-secondary" href={`/me/cases/${c.id}`}>{t(lang, '不撤回，返回', 'Keep it, go back')}</a>
        </div>
      </form>
    </>
  )
}

/** 受理回执 right after submission: reference, query code, review date, what happens next. */
export function ReceiptPage({ lang, refNo, queryCode, itemName, preReviewDue, caseId, submittedAt }: { lang: Lang; refNo: string; queryCode: string; itemName: string; preReviewDue: string; caseId: string; submittedAt: Date }) {
  return (
    <>
      <Breadcrumbs lang={lang} items={[{ label: t(lang, '我的办件', 'My applications'), href: '/me/cases' }, { label: t(lang, '提交成功', 'Submitted') }]} />
      <div class="notice notice-success" role="status">
        <h1>{t(lang, '申请已提交', 'Application submitted')}</h1>
        <p>{t(lang, '办件编号', 'Reference number')}<br /><strong class="code">{formatRefNo(refNo)}</strong></p>
      </div>
      <SummaryList
        rows={[
          { key: t(lang, '事项', 'Service'), value: <Zh lang={lang}>{itemName}</Zh> },
          { key: t(lang, '办件编号', 'Reference number'), value: formatRefNo(refNo) },
          { key: t(lang, '查询码', 'Query code'), value: <code>{queryCode}</code> },
          { key: t(lang, '提交时间', 'Submitted'), value: readableDate(lang, submittedAt) },
          { key: t(lang, '预审截止', 'Reviewed by'), value: readableDate(lang, preReviewDue) },
        ]}
      />
      <h2>{t(lang, '接下来会怎样', 'What happens next')}</h2>
      <ol>
        <li>{t(lang, `窗口工作人员将在 ${readableDate(lang, preReviewDue)}（5 个工作日）前完成预审。`, `The service counter reviews your application by ${readableDate(lang, preReviewDue)} (5 working days).`)}</li>
        <li>{t(lang, '材料齐全的予以受理，并告诉您承诺办结日期；需要补正的，会一次性告知全部需要补正的内容，您在“我的办件”补正后重新提交。', 'If everything is in order it is accepted and you are told the promised date; if anything needs correcting, you are told everything at once and correct it under “My applications”.')}</li>
        <li>{t(lang, '每一步的进展会发短信通知您，也可以随时在“我的办件”查看。', 'You get a text message at each step and can check “My applications” at any time.')}</li>
      </ol>
      <p>{t(lang, '请记下办件编号和查询码：家人或代办人可凭两者在“办件查询”页面查看进度（不显示个人信息）。', 'Note the reference and the query code: with both, family or an agent can check progress on “Track progress” (no personal details are shown).')}</p>
      <div class="button-row">
        <a class="button button-primary" href={`/me/cases/${caseId}`}>{t(lang, '查看办理进度', 'Follow this case')}</a>
        <a class="button button-secondary" href="/me/cases">{t(lang, '我的办件', 'My applications')}</a>
        <a class="button button-secondary" href="/progress">{t(lang, '办件查询', 'Track progress')}</a>
      </div>
    </>
  )
}
