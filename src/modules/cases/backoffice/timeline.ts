import { t, type Lang } from '../../../platform/web/i18n'
import type { CaseDetail } from '../case-queries'

type Event = CaseDetail['events'][number]
const s = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')

/** One timeline entry in plain words: "陈志强 提交了申请", "测试c-window 受理了申请（受理通知书 受字〔2025〕…号）". */
export function eventText(lang: Lang, e: Event): string {
  const d = e.details ?? {}
  const who = e.actorName ?? t(lang, '系统', 'System')
  const step = s(d['step'])
  switch (e.action) {
    case 'submitted': return t(lang, `${who} 提交了申请，预审期限至 ${s(d['preReviewDue'])}`, `${who} submitted the application; review due ${s(d['preReviewDue'])}`)
    case 'correction_requested': return t(lang, `${who} 发出第 ${s(d['round'])} 轮补正告知（${s(d['items'])} 项）`, `${who} requested corrections (round ${s(d['round'])}, ${s(d['items'])} items)`)
    case 'resubmitted': return t(lang, `${who} 提交了补正材料，预审期限重新计算至 ${s(d['preReviewDue'])}`, `${who} resubmitted; review due ${s(d['preReviewDue'])}`)
    case 'accepted': return t(lang, `${who} 受理了申请（受理通知书 ${s(d['acceptDocNo'])}；承诺期限 ${s(d['promisedDue'])}，法定期限 ${s(d['statutoryDue'])}）`, `${who} accepted the application (notice ${s(d['acceptDocNo'])}; promised ${s(d['promisedDue'])}, statutory ${s(d['statutoryDue'])})`)
    case 'not_accepted': return t(lang, `${who} 作出不予受理决定${d['competentOrgan'] ? `，告知向${s(d['competentOrgan'])}申请` : ''}`, `${who} did not accept the application${d['competentOrgan'] ? `; apply to ${s(d['competentOrgan'])}` : ''}`)
    case 'step_claimed': return t(lang, `${who} 认领了“${step}”环节`, `${who} claimed the step “${step}”`)
    case 'step_assigned': return t(lang, `${who} 将“${step}”环节分派给 ${s(d['assignee'])}`, `${who} assigned “${step}” to ${s(d['assignee'])}`)
    case 'step_completed': return t(lang, `${who} 办理完成“${step}”环节（${d['outcome'] === 'other' ? '其他' : '通过'}）`, `${who} completed “${step}” (${d['outcome'] === 'other' ? 'other' : 'passed'})`)
    case 'step_returned': return t(lang, `${who} 将办件从“${step}”退回到“${s(d['returnedTo'])}”`, `${who} sent the case back from “${step}” to “${s(d['returnedTo'])}”`)
    case 'paused': return t(lang, `${who} 在“${step}”环节启动特别程序“${s(d['procedure'])}”，计时暂停`, `${who} started the special procedure “${s(d['procedure'])}” on “${step}”; the clock stopped`)
    case 'resumed': return t(lang, `${who} 结束特别程序“${s(d['procedure'])}”（用时 ${s(d['pausedWorkingDays'])} 个工作日，不计入时限），法定期限顺延至 ${s(d['statutoryDue'])}`, `${who} ended “${s(d['procedure'])}” (${s(d['pausedWorkingDays'])} working days not counted); statutory deadline now ${s(d['statutoryDue'])}`)
    case 'extended': return t(lang, `${who} 批准延长审批期限 ${s(d['days'])} 个工作日，法定期限延至 ${s(d['statutoryDue'])}`, `${who} extended the deadline by ${s(d['days'])} working days, to ${s(d['statutoryDue'])}`)
    case 'approved': return t(lang, `${who} 作出准予许可决定`, `${who} approved the application`)
    case 'denied': return t(lang, `${who} 作出不予许可决定，并告知复议和诉讼权利`, `${who} denied the application, with appeal rights`)
    case 'result_issued': return t(lang, `${who} 出具办理结果${d['resultName'] ? `：${s(d['resultName'])}` : ''}${d['resultNumber'] ? `（${s(d['resultNumber'])}）` : ''}`, `${who} issued the result${d['resultName'] ? `: ${s(d['resultName'])}` : ''}${d['resultNumber'] ? ` (${s(d['resultNumber'])})` : ''}`)
    case 'delivered': return t(lang, `${who} 登记送达（${s(d['method'])}），办件办结`, `${who} recorded delivery (${s(d['method'])}); the case is closed`)
    case 'withdrawn': return t(lang, `${who} 撤回了申请`, `${who} withdrew the application`)
    case 'terminated': return t(lang, `${who} 终止了办件`, `${who} terminated the case`)
    default: return t(lang, `${who}：${e.action}`, `${who}: ${e.action}`)
  }
}
