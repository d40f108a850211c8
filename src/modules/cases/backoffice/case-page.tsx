import { SummaryList, Tag } from '../../../platform/web/components'
import { CsrfField } from '../../../platform/web/form-components'
import { t, type Lang } from '../../../platform/web/i18n'
import { formatRefNo } from '../../applications'
import { FormFields } from '../../catalog'
import { CASE_KIND_LABELS, CASE_STATUS_LABELS } from '../case'
import { APPEAL_RIGHTS } from '../decide-case'
import { DELIVERY_METHODS } from '../deliver-result'
import { deadlineState } from '../clocks'
import type { Available } from './case-actions'
import { maskFormValues, type ApplicantIds, type CaseView } from './case-view'
import { eventText } from './timeline'
import type { ActionError, FormCtx } from './action-form'
import { cst, DeadlineBadge, label, OUTCOME } from './case-format'
import { CaseForms, ReviewForms } from './case-forms'
import { MaterialsTable, StepsTable } from './case-tables'
import { StepForms } from './step-forms'

export { fieldDomId, renderedForms, summaryFor, type ActionError } from './action-form'
export { cst, DeadlineBadge, DEADLINE_TONE } from './case-format'

export type CasePageProps = { lang: Lang; csrf: string; v: CaseView; a: Available; ids: ApplicantIds; revealed: boolean; error?: ActionError | undefined }

export function CasePage({ lang, csrf, v, a, ids, revealed, error }: CasePageProps) {
  const c = v.case
  const ctx: FormCtx = { lang, csrf, caseId: c.id, error }
  const open = !c.closed_at
  const paused = !!c.paused_since
  const dl = (due: string | null) => (open && due ? deadlineState(v.cal, due, v.today, paused) : 'none')
  const dateWithBadge = (due: string | null) => (due ? <>{due} <DeadlineBadge lang={lang} state={dl(due)} /></> : undefined)
  const status = CASE_STATUS_LABELS[c.status]
  const kind = CASE_KIND_LABELS[c.kind] ?? CASE_KIND_LABELS[9]!
  const values = revealed ? v.values : maskFormValues(v.form, v.values)
  const anyAction = a.review || a.steps.length > 0 || !!a.extendMax || a.issue || a.deliver || a.terminate
  const files = Object.fromEntries(Object.entries(v.files).map(([k, fs]) => [k, fs.map((f) => ({ id: f.id, name: f.name }))]))
  return (
    <>
      <p><a href="/admin/cases">{t(lang, '返回办件列表', 'Back to the worklist')}</a></p>
      <h1>{t(lang, `办件 ${formatRefNo(c.ref_no)}`, `Case ${formatRefNo(c.ref_no)}`)}</h1>
      <p class="meta">{c.item_name} · <Tag tone={open ? 'info' : 'neutral'}>{t(lang, status.zh, status.en)}</Tag>{paused ? <> <Tag tone="info">{t(lang, `特别程序中，自 ${c.paused_since} 起暂停计时`, `Special procedure: clock stopped since ${c.paused_since}`)}</Tag></> : null}</p>
      <SummaryList rows={[
        { key: t(lang, '办件编号', 'Case number'), value: formatRefNo(c.ref_no) },
        { key: t(lang, '事项', 'Service item'), value: `${c.item_name}（${c.item_code}）` },
        { key: t(lang, '办件类型', 'Kind'), value: t(lang, kind.zh, kind.en) },
        { key: t(lang, '受理部门', 'Receiving department'), value: v.departments.get(c.department_id) },
        { key: t(lang, '办件状态', 'Status'), value: `${t(lang, status.zh, status.en)}（${status.stage}）` },
        { key: t(lang, '提交时间', 'Submitted'), value: cst(c.submitted_at) },
        { key: t(lang, '预审期限', 'Review due'), value: c.accepted_on ? undefined : dateWithBadge(c.pre_review_due) },
        { key: t(lang, '受理文书编号', 'Acceptance notice'), value: c.accept_doc_no ? `${c.accept_doc_no}（${c.accepted_on}）` : undefined },
        { key: t(lang, '承诺办结期限', 'Promised by'), value: dateWithBadge(c.promised_due) },
        { key: t(lang, '法定办结期限', 'Statutory deadline'), value: dateWithBadge(c.statutory_due) },
        { key: t(lang, '时限调整', 'Clock adjustments'), value: c.paused_days || c.extension_days ? t(lang, `特别程序 ${c.paused_days} 个工作日不计入；延长 ${c.extension_days} 个工作日`, `${c.paused_days} working days not counted; extended by ${c.extension_days}`) : undefined },
        { key: t(lang, '不予受理理由', 'Why not accepted'), value: c.not_accepted_reason ? `${c.not_accepted_reason}${c.competent_organ ? t(lang, `（请向${c.competent_organ}申请）`, ` (apply to ${c.competent_organ})`) : ''}` : undefined },
        { key: t(lang, '决定', 'Decision'), value: c.decision ? `${label(lang, OUTCOME, c.decision)}：${c.decision_reason ?? ''}（${cst(c.decided_at)}）` : undefined },
        { key: t(lang, '复议诉讼权利', 'Appeal rights'), value: c.decision === 'denied' ? APPEAL_RIGHTS : undefined },
        { key: t(lang, '办理结果', 'Result'), value: c.result_issued_at ? `${c.result_name ?? ''}${c.result_number ? `（${c.result_number}）` : ''}，${cst(c.result_issued_at)}` : undefined },
        { key: t(lang, '送达', 'Delivered'), value: c.delivered_at ? `${DELIVERY_METHODS[c.delivery_method as keyof typeof DELIVERY_METHODS] ?? c.delivery_method ?? ''}，${cst(c.delivered_at)}` : undefined },
      ]} />

      <section id="actions" aria-labelledby="actions-title" tabindex={-1}>
        <h2 id="actions-title">{t(lang, '现在可以办理', 'What you can do now')}</h2>
        {anyAction ? null : (
          <p>{open
            ? t(lang, '当前没有需要您办理的操作：办件正在其他环节或其他部门办理。需要时请联系当前承办人或本部门负责人。', 'Nothing for you to do now: the case is with another step or department. Contact the current handler or your head if needed.')
            : t(lang, '办件已办结，只能查看。', 'The case is closed; view only.')}</p>
        )}
        {a.review ? <ReviewForms ctx={ctx} v={v} /> : null}
        {a.steps.map((s) => <StepForms ctx={ctx} v={v} a={s} />)}
        <CaseForms ctx={ctx} v={v} a={a} />
      </section>

      <section aria-labelledby="applicant-title">
        <h2 id="applicant-title">{t(lang, '申请人', 'Applicant')}</h2>
        {revealed ? <div class="notice" role="status">{t(lang, '完整信息仅在本页显示一次，查看已记入审计日志。离开或刷新本页后恢复遮蔽。', 'Shown once on this page; the view is in the audit log. It is masked again when you leave or reload.')}</div> : null}
        <SummaryList rows={[
          { key: c.subject_enterprise_id ? t(lang, '企业名称', 'Enterprise') : t(lang, '姓名', 'Name'), value: c.applicant_name },
          { key: t(lang, '统一社会信用代码', 'Credit code'), value: c.subject_enterprise_id ? (ids.uscc ?? '—') : undefined },
          { key: t(lang, '联系人', 'Contact'), value: ids.contactName ?? undefined },
          { key: t(lang, '公民身份号码', 'ID number'), value: c.subject_enterprise_id ? undefined : (ids.idNumber ?? t(lang, '未提供', 'Not given')) },
          { key: t(lang, '联系电话', 'Phone'), value: ids.phone ?? t(lang, '未提供', 'Not given') },
        ]} />
        {a.unmask && !revealed ? (
          <form method="post" action={`/admin/cases/${c.id}/unmask`} class="inline-form">
            <CsrfField token={csrf} />
            <button type="submit" class="button-secondary">{t(lang, '显示完整信息', 'Show full details')}</button>
            <p class="hint">{t(lang, '仅在核对身份确有需要时使用；每次查看都会记录。', 'Only when you must check identity; every view is recorded.')}</p>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="form-title">
        <h2 id="form-title">{t(lang, '申请表', 'Application form')}</h2>
        {v.form ? <FormFields def={v.form} values={values} errors={[]} prefilled={v.prefill} lang={lang} readOnly regions={v.regions} attachments={files} /> : <p>{t(lang, '找不到该申请使用的表单版本。', 'The form version of this application was not found.')}</p>}
      </section>

      <section aria-labelledby="materials-title">
        <h2 id="materials-title">{t(lang, '申请材料', 'Materials')}</h2>
        <MaterialsTable lang={lang} v={v} />
      </section>

      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t(lang, '办理环节', 'Steps')}</h2>
        <StepsTable lang={lang} v={v} />
      </section>

      {v.pauses.length ? (
        <section aria-labelledby="pauses-title">
          <h2 id="pauses-title">{t(lang, '特别程序与延长', 'Special procedures and extensions')}</h2>
          <table class="table">
            <thead><tr>
              <th scope="col">{t(lang, '程序', 'Procedure')}</th><th scope="col">{t(lang, '理由', 'Reason')}</th><th scope="col">{t(lang, '开始', 'Started')}</th>
              <th scope="col">{t(lang, '结束', 'Ended')}</th><th scope="col">{t(lang, '不计时/延长', 'Days')}</th><th scope="col">{t(lang, '结果', 'Result')}</th><th scope="col">{t(lang, '经办人', 'Officer')}</th>
            </tr></thead>
            <tbody>{v.pauses.map((p) => (
              <tr>
                <td>{p.procedure}</td><td>{p.reason}</td><td>{p.startedOn}</td><td>{p.endedOn ?? t(lang, '进行中', 'Running')}</td>
                <td>{p.kind === 1 ? t(lang, `延长 ${p.extensionDays ?? 0} 个工作日`, `+${p.extensionDays ?? 0} days`) : p.pausedDays !== null ? t(lang, `${p.pausedDays} 个工作日`, `${p.pausedDays} days`) : '—'}</td>
                <td>{p.result ?? '—'}</td><td>{p.officerName}</td>
              </tr>
            ))}</tbody>
          </table>
        </section>
      ) : null}

      {v.corrections.length ? (
        <section aria-labelledby="corrections-title">
          <h2 id="corrections-title">{t(lang, '补正记录', 'Corrections')}</h2>
          {v.corrections.map((r) => (
            <div>
              <h3>{t(lang, `第 ${r.round} 轮（${cst(r.requestedAt)}，${r.requestedByName}）`, `Round ${r.round} (${cst(r.requestedAt)}, ${r.requestedByName})`)}</h3>
              <p>{r.notice}</p>
              <ul>{r.items.map((i) => <li>{i.target ? `${i.target}：` : ''}{i.problem}</li>)}</ul>
              <p class="meta">{r.resubmittedAt ? t(lang, `申请人已于 ${cst(r.resubmittedAt)} 补正`, `Resubmitted ${cst(r.resubmittedAt)}`) : t(lang, '等待申请人补正', 'Waiting for the applicant')}</p>
            </div>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t(lang, '办理过程', 'Timeline')}</h2>
        <ol class="timeline">
          {v.events.map((e) => (
            <li>
              <time datetime={new Date(e.occurredAt).toISOString()}>{cst(e.occurredAt)}</time> {eventText(lang, e)}
              {e.reason ? <><br /><span class="meta">{t(lang, '理由/意见：', 'Reason: ')}{e.reason}</span></> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  )
}
