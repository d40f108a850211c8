/**
 * What each notice says, in plain words, Chinese first with English: what happened, and what to do next.
 * Values come from the caller's `data` (refNo, itemName, reason, dueOn/dueDate, promisedDue, decision, items,
 * step, resultName, competentOrgan, appealRights, link …); a missing value is left out, never shown as
 * "undefined". SMS texts are short and carry only the 办件编号 — never an ID number or a full phone number
 * (every value is passed through maskText as well).
 */
import { maskText } from '../../platform/privacy'

export const NOTICE_EVENTS = [
  'application.submitted',
  'case.accepted',
  'case.not_accepted',
  'case.correction_requested',
  'case.decided',
  'case.result_issued',
  'case.withdrawn',
  'case.terminated',
  'step.due_soon',
  'step.assigned',
  'licence.updated',
] as const
export type NoticeEvent = (typeof NOTICE_EVENTS)[number]
export const isNoticeEvent = (v: string): v is NoticeEvent => (NOTICE_EVENTS as readonly string[]).includes(v)

export type Bilingual = { zh: string; en: string }
export type RenderedNotice = { title: Bilingual; body: Bilingual; sms: string }

type D = Record<string, string>
const SIGN = '【一网通办】'
const DECISION_EN: Record<string, string> = { 准予许可: 'approved', 不予许可: 'refused', 准予: 'approved', 不予: 'refused' }

/** The values, masked, trimmed, at most 1000 characters each. */
function clean(data: D): D {
  const out: D = {}
  for (const [k, v] of Object.entries(data)) if (typeof v === 'string' && v.trim()) out[k] = maskText(v.trim()).slice(0, 1000)
  return out
}
const item = (d: D) => (d['itemName'] ? `“${d['itemName']}”` : '')
const ref = (d: D) => d['refNo'] ?? ''
const due = (d: D) => d['dueOn'] ?? d['dueDate'] ?? ''
const lines = (...xs: (string | false | undefined)[]) => xs.filter((x): x is string => !!x).join('\n')

const T: Record<NoticeEvent, (d: D) => RenderedNotice> = {
  'application.submitted': (d) => ({
    title: { zh: '申请已提交', en: 'Application submitted' },
    body: {
      zh: lines(`您的${item(d)}申请已提交，办件编号 ${ref(d)}。`, d['preReviewDue'] && `部门将在 ${d['preReviewDue']} 前审查并决定是否受理，结果会再通知您。`, '现在无需其他操作；您可以随时在“我的办件”查看进度。'),
      en: lines(`Your application ${item(d)} was submitted; reference ${ref(d)}.`, d['preReviewDue'] && `The department will decide by ${d['preReviewDue']} whether to accept it, and we will tell you.`, 'Nothing to do now; follow it under “My applications”.'),
    },
    sms: `${SIGN}您的申请已提交，办件编号${ref(d)}。受理结果将另行通知，进度请登录一网通办“我的办件”查看。`,
  }),
  'case.accepted': (d) => ({
    title: { zh: '申请已受理', en: 'Application accepted' },
    body: {
      zh: lines(`您的${item(d)}申请（办件编号 ${ref(d)}）已受理。`, d['acceptDocNo'] && `受理通知书文号：${d['acceptDocNo']}。`, d['promisedDue'] && `承诺在 ${d['promisedDue']} 前办结。`, '现在无需其他操作；如需补充材料，我们会另行通知您。'),
      en: lines(`Your application ${item(d)} (reference ${ref(d)}) was accepted.`, d['acceptDocNo'] && `Acceptance notice no. ${d['acceptDocNo']}.`, d['promisedDue'] && `We promise a result by ${d['promisedDue']}.`, 'Nothing to do now; if anything is missing we will tell you.'),
    },
    sms: `${SIGN}您的申请（办件编号${ref(d)}）已受理${d['promisedDue'] ? `，承诺${d['promisedDue']}前办结` : ''}。详情请登录一网通办查看。`,
  }),
  'case.not_accepted': (d) => ({
    title: { zh: '申请未予受理', en: 'Application not accepted' },
    body: {
      zh: lines(`很抱歉，您的${item(d)}申请（办件编号 ${ref(d)}）未予受理。`, d['reason'] && `原因：${d['reason']}`, d['competentOrgan'] && `请向${d['competentOrgan']}申请。`, '请在“我的办件”查看不予受理决定书；修改后可重新申请。对决定不服的，可依法申请行政复议或提起行政诉讼。'),
      en: lines(`Sorry: your application ${item(d)} (reference ${ref(d)}) was not accepted.`, d['reason'] && `Reason: ${d['reason']}`, d['competentOrgan'] && `Please apply to ${d['competentOrgan']}.`, 'Read the decision under “My applications”; you may apply again after putting it right, or seek administrative review or litigation.'),
    },
    sms: `${SIGN}您的申请（办件编号${ref(d)}）未予受理，原因及下一步请登录一网通办“我的办件”查看。`,
  }),
  'case.correction_requested': (d) => ({
    title: { zh: '请补正材料', en: 'Please correct your application' },
    body: {
      zh: lines(`您的${item(d)}申请（办件编号 ${ref(d)}）需要补正。`, d['items'] && `需要补正的内容：${d['items']}`, '请登录一网通办，在“我的办件”中按要求补正后重新提交。补正期间办理时限暂停计算。'),
      en: lines(`Your application ${item(d)} (reference ${ref(d)}) needs corrections.`, d['items'] && `What to correct: ${d['items']}`, 'Sign in and correct it under “My applications”, then submit again. The time limit is paused until you do.'),
    },
    sms: `${SIGN}您的申请（办件编号${ref(d)}）需补正材料，请登录一网通办“我的办件”按要求补正后重新提交。`,
  }),
  'case.decided': (d) => ({
    title: { zh: `审批决定：${d['decision'] ?? '已作出'}`, en: `Decision: ${DECISION_EN[d['decision'] ?? ''] ?? 'made'}` },
    body: {
      zh: lines(`您的${item(d)}申请（办件编号 ${ref(d)}）已作出决定${d['decision'] ? `：${d['decision']}` : ''}。`, d['reason'] && `理由：${d['reason']}`, d['appealRights'], '请在“我的办件”查看决定书。'),
      en: lines(`A decision was made on your application ${item(d)} (reference ${ref(d)})${d['decision'] ? `: ${DECISION_EN[d['decision']] ?? d['decision']}` : ''}.`, d['reason'] && `Reason: ${d['reason']}`, 'Read the decision under “My applications”; it says how to seek review if you disagree.'),
    },
    sms: `${SIGN}您的申请（办件编号${ref(d)}）已作出审批决定${d['decision'] ? `：${d['decision']}` : ''}。请登录一网通办“我的办件”查看决定书。`,
  }),
  'case.result_issued': (d) => ({
    title: { zh: '办理结果已出具', en: 'Your result is ready' },
    body: {
      zh: lines(`您的${item(d)}申请（办件编号 ${ref(d)}）的办理结果${d['resultName'] ? `“${d['resultName']}”` : ''}已出具。`, '请在“我的办件”查看或下载，或按您选择的方式领取。'),
      en: lines(`The result of your application ${item(d)} (reference ${ref(d)})${d['resultName'] ? `, “${d['resultName']}”,` : ''} is ready.`, 'View or download it under “My applications”, or collect it the way you chose.'),
    },
    sms: `${SIGN}您的申请（办件编号${ref(d)}）办理结果已出具，请登录一网通办“我的办件”查看或按您选择的方式领取。`,
  }),
  'case.withdrawn': (d) => ({
    title: { zh: '申请已撤回', en: 'Application withdrawn' },
    body: {
      zh: lines(`您的${item(d)}申请（办件编号 ${ref(d)}）已撤回，办理已结束。`, '如需办理，请重新提交申请。如果不是您本人操作，请立即修改密码并拨打 12345。'),
      en: lines(`Your application ${item(d)} (reference ${ref(d)}) was withdrawn and is closed.`, 'Apply again if you still need it. If you did not do this, change your password now and call 12345.'),
    },
    sms: `${SIGN}您的申请（办件编号${ref(d)}）已撤回。如非本人操作，请立即修改密码并拨打12345。`,
  }),
  'case.terminated': (d) => ({
    title: { zh: '办件已终止', en: 'Application closed' },
    body: {
      zh: lines(`您的${item(d)}申请（办件编号 ${ref(d)}）已终止办理。`, d['reason'] && `原因：${d['reason']}`, '详情请在“我的办件”查看；如有疑问，请联系办理部门或拨打 12345。'),
      en: lines(`Your application ${item(d)} (reference ${ref(d)}) was closed.`, d['reason'] && `Reason: ${d['reason']}`, 'See “My applications”; for questions contact the department or call 12345.'),
    },
    sms: `${SIGN}您的申请（办件编号${ref(d)}）已终止办理，原因请登录一网通办“我的办件”查看。`,
  }),
  'step.due_soon': (d) => ({
    title: { zh: '办理时限即将届满', en: 'Deadline in one working day' },
    body: {
      zh: lines(`办件 ${ref(d)}${item(d)}的${d['step'] ? `“${d['step']}”` : ''}环节将于 ${due(d)} 到期。`, '请尽快办理；确需延长的，请按规定申请延长。'),
      en: lines(`Case ${ref(d)} ${item(d)}: the step ${d['step'] ? `“${d['step']}” ` : ''}is due on ${due(d)}.`, 'Please finish it now, or request an extension if the rules allow.'),
    },
    sms: `${SIGN}办件${ref(d)}的办理环节将于${due(d)}到期，请尽快办理。`,
  }),
  // 电子证照 status or version changed by the issuing department (licences module): what happened, why, what next.
  'licence.updated': (d) => ({
    title: { zh: `电子证照${d['change'] ?? '状态已变更'}`, en: `Your e-licence was ${d['changeEn'] ?? 'updated'}` },
    body: {
      zh: lines(`您的${d['licenceName'] ? `“${d['licenceName']}”` : '电子证照'}（证照编号 ${d['number'] ?? ''}）${d['change'] ?? '状态已变更'}。`, d['reason'] && `理由：${d['reason']}`, d['next'] ?? '请在“我的证照”查看详情。对决定不服的，可依法申请行政复议或提起行政诉讼。'),
      en: lines(`Your e-licence ${d['number'] ?? ''} was ${d['changeEn'] ?? 'updated'}.`, d['reason'] && `Reason: ${d['reason']}`, 'See “My licences” for details; you may seek administrative review or litigation if you disagree.'),
    },
    sms: `${SIGN}您的电子证照（编号${d['number'] ?? ''}）${d['change'] ?? '状态已变更'}，详情请登录一网通办“我的证照”查看。`,
  }),
  'step.assigned': (d) => ({
    title: { zh: '新的待办', en: 'New task for you' },
    body: {
      zh: lines(`办件 ${ref(d)}${item(d)}的${d['step'] ? `“${d['step']}”` : ''}环节已由您办理。`, due(d) && `请在 ${due(d)} 前完成。`),
      en: lines(`Case ${ref(d)} ${item(d)}: the step ${d['step'] ? `“${d['step']}” ` : ''}is now yours.`, due(d) && `Please finish it by ${due(d)}.`),
    },
    sms: `${SIGN}办件${ref(d)}有新的待办环节${due(d) ? `，请在${due(d)}前完成` : ''}。`,
  }),
}

export function renderNotice(event: NoticeEvent, data: Record<string, string>): RenderedNotice {
  const r = T[event](clean(data))
  return { title: r.title, body: { zh: r.body.zh.slice(0, 4000), en: r.body.en.slice(0, 4000) }, sms: r.sms }
}

/** An e-mail of a notice: Chinese, then English, each with the link to the case. */
export function renderEmail(n: RenderedNotice, url: string | null): { subject: string; text: string } {
  const link = (s: string) => (url ? `${s}${url}` : '')
  return {
    subject: `${SIGN}${n.title.zh} ${n.title.en}`,
    text: lines(n.body.zh, link('查看详情：'), '', '——', n.body.en, link('Details: '), '', '此邮件由一网通办系统自动发送，请勿直接回复。This message was sent automatically; please do not reply.'),
  }
}
