import { shanghaiDate } from '../../../platform/calendar'
import { t, type Lang } from '../../../platform/web/i18n'
import { CASE_STATUS_LABELS, type CaseStatus } from '../case'
import type { CaseDetail } from '../case-queries'

export type TimelineEntry = { on: string; text: string }

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
/** 2025-11-13 → 11月13日 / 13 Nov. */
export function shortDate(lang: Lang, iso: unknown): string {
  const m = typeof iso === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null
  if (!m) return ''
  return lang === 'en' ? `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]}` : `${Number(m[2])}月${Number(m[3])}日`
}

const s = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')

/**
 * The case timeline in sentences a citizen understands (what happened, who, what it means for the deadline),
 * from case_events. Internal bookkeeping (who was assigned a step) is left out; staff names never appear —
 * only departments. Oldest first.
 */
export function timeline(lang: Lang, d: CaseDetail): TimelineEntry[] {
  const dept = (id: string | null | undefined) => (id ? d.departments.get(id) : undefined) ?? t(lang, '办理部门', 'the department')
  const caseDept = dept(d.case.department_id)
  const stepDept = (stepId: string | null) => dept(d.steps.find((x) => x.id === stepId)?.department_id ?? d.case.department_id)
  const out: TimelineEntry[] = []
  for (const e of d.events) {
    const x = e.details
    const on = shanghaiDate(new Date(e.occurredAt))
    const text = sentence()
    if (text) out.push({ on, text })
    function sentence(): string | null {
      switch (e.action) {
        case 'submitted':
          return t(lang, `您提交了申请，${caseDept}将在${shortDate(lang, x['preReviewDue'])}前完成预审。`, `You submitted the application; ${caseDept} will review it by ${shortDate(lang, x['preReviewDue'])}.`)
        case 'correction_requested':
          return t(lang, `${caseDept}请您补正材料（第${s(x['round'])}次），需要补正的内容已一次性列出。`, `${caseDept} asked you to correct your application (round ${s(x['round'])}); everything to correct is listed at once.`)
        case 'resubmitted':
          return t(lang, `您提交了补正材料，${caseDept}将在${shortDate(lang, x['preReviewDue'])}前重新预审。`, `You sent the corrections; ${caseDept} will review them by ${shortDate(lang, x['preReviewDue'])}.`)
        case 'accepted':
          return x['promisedDue']
            ? t(lang, `${caseDept}受理了您的申请，承诺${shortDate(lang, x['promisedDue'])}前办结。`, `${caseDept} accepted your application and promises a decision by ${shortDate(lang, x['promisedDue'])}.`)
            : t(lang, `${caseDept}受理了您的申请。`, `${caseDept} accepted your application.`)
        case 'not_accepted':
          return t(lang, `${caseDept}决定不予受理，原因见上方。`, `${caseDept} decided not to accept the application; the reason is shown above.`)
        case 'step_claimed':
          return t(lang, `${stepDept(e.stepId)}开始办理“${s(x['step'])}”。`, `${stepDept(e.stepId)} started “${s(x['step'])}”.`)
        case 'step_completed':
          return t(lang, `${stepDept(e.stepId)}完成了“${s(x['step'])}”。`, `${stepDept(e.stepId)} finished “${s(x['step'])}”.`)
        case 'step_returned':
          return t(lang, `${stepDept(e.stepId)}将办件退回“${s(x['returnedTo'])}”环节重新审查。`, `${stepDept(e.stepId)} sent the case back to “${s(x['returnedTo'])}” for another look.`)
        case 'paused':
          return t(lang, `${stepDept(e.stepId)}开始${s(x['procedure'])}（“${s(x['step'])}”环节），这段时间不计入办理时限。`, `${stepDept(e.stepId)} started a special procedure (${s(x['procedure'])}); this time does not count towards the deadline.`)
        case 'resumed':
          return x['promisedDue']
            ? t(lang, `${s(x['procedure'])}结束，恢复计时，预计${shortDate(lang, x['promisedDue'])}前办结。`, `The ${s(x['procedure'])} ended; the clock runs again, decision expected by ${shortDate(lang, x['promisedDue'])}.`)
            : t(lang, `${s(x['procedure'])}结束，恢复计时。`, `The ${s(x['procedure'])} ended; the clock runs again.`)
        case 'extended':
          return t(lang, `经批准，办理时限延长${s(x['days'])}个工作日，预计${shortDate(lang, x['promisedDue'])}前办结。`, `With approval the time limit was extended by ${s(x['days'])} working days; decision expected by ${shortDate(lang, x['promisedDue'])}.`)
        case 'approved':
          return t(lang, `${caseDept}作出准予许可的决定，正在出具办理结果。`, `${caseDept} approved your application; the result is being prepared.`)
        case 'denied':
          return t(lang, `${caseDept}作出不予许可的决定，理由和救济途径见上方。`, `${caseDept} refused the application; the reasons and how to appeal are shown above.`)
        case 'result_issued':
          return t(lang, `办理结果已出具${s(x['resultName']) ? `：${s(x['resultName'])}` : ''}。`, `The result was issued${s(x['resultName']) ? `: ${s(x['resultName'])}` : ''}.`)
        case 'delivered':
          return t(lang, `办理结果已送达（${s(x['method'])}），办件办结。`, `The result was delivered (${s(x['method'])}); the case is closed.`)
        case 'withdrawn':
          return t(lang, '您撤回了申请。', 'You withdrew the application.')
        case 'terminated':
          return t(lang, '办件已终止，原因见上方。', 'The case was terminated; the reason is shown above.')
        case 'step_assigned':
          return null
        default: {
          const to = e.toStatus && e.toStatus !== e.fromStatus ? CASE_STATUS_LABELS[e.toStatus as CaseStatus] : undefined
          return to ? t(lang, `办件状态变为“${to.zh}”。`, `The case is now “${to.en}”.`) : null
        }
      }
    }
  }
  return out
}
