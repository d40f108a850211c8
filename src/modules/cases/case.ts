import type { CaseStatus } from '../../platform/schema-cases'

/**
 * What a case IS (ARCHITECTURE.md §2: generic lifecycles are code). Status names follow standards.md §C.2.5's
 * proposed enum; each maps to the GB/T 39046 stage it emits (申请 表5 / 受理 表6 / 办理 表7 / 办结 表8).
 *
 *   submitted ──accept──▶ in_progress ──(steps)──▶ approved ──issue──▶ result_issued ──deliver──▶ delivered
 *      │  ▲                   │ │                 └▶ denied (reasons + appeal rights; the decision is served)
 *      │  └─resubmit─ correction_requested        │ └─ pause/resume (特别程序, 延长审批) keep the status, stop the clock
 *      ├─not_accept─▶ not_accepted                └─ terminate ─▶ terminated
 *      └─withdraw (applicant, any time before a decision) ─▶ withdrawn
 */
export type { CaseStatus }
export type CaseAction =
  | 'accept' | 'not_accept' | 'request_correction' | 'resubmit' | 'withdraw'
  | 'claim' | 'assign' | 'complete_step' | 'return_step' | 'decide'
  | 'pause' | 'resume' | 'extend' | 'issue_result' | 'deliver' | 'terminate'

export const CASE_STATUS_LABELS: Record<CaseStatus, { zh: string; en: string; stage: '申请' | '受理' | '办理' | '办结' }> = {
  submitted: { zh: '已提交，待预审', en: 'Submitted, awaiting review', stage: '申请' },
  correction_requested: { zh: '待补正', en: 'Correction requested', stage: '申请' },
  accepted: { zh: '已受理', en: 'Accepted', stage: '受理' },
  not_accepted: { zh: '不予受理', en: 'Not accepted', stage: '受理' },
  in_progress: { zh: '办理中', en: 'In progress', stage: '办理' },
  approved: { zh: '准予许可，待出具结果', en: 'Approved, result being prepared', stage: '办结' },
  denied: { zh: '不予许可', en: 'Denied', stage: '办结' },
  result_issued: { zh: '结果已出具，待领取/送达', en: 'Result issued, awaiting delivery', stage: '办结' },
  delivered: { zh: '已送达，办结', en: 'Delivered, closed', stage: '办结' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn', stage: '办结' },
  terminated: { zh: '已终止', en: 'Terminated', stage: '办结' },
}

/** Which case-level actions each status allows (step actions additionally need an active step). */
const ALLOWED: Record<CaseStatus, readonly CaseAction[]> = {
  submitted: ['accept', 'not_accept', 'request_correction', 'withdraw', 'terminate'],
  correction_requested: ['resubmit', 'withdraw', 'terminate'],
  accepted: ['withdraw', 'terminate'],
  not_accepted: [],
  in_progress: ['claim', 'assign', 'complete_step', 'return_step', 'decide', 'pause', 'resume', 'extend', 'withdraw', 'terminate'],
  approved: ['issue_result'],
  denied: [],
  result_issued: ['deliver'],
  delivered: [],
  withdrawn: [],
  terminated: [],
}

export function isAllowed(status: CaseStatus, action: CaseAction): boolean {
  return ALLOWED[status].includes(action)
}
export function allowedActions(status: CaseStatus): readonly CaseAction[] {
  return ALLOWED[status]
}
export const FINAL_STATUSES: readonly CaseStatus[] = ['not_accepted', 'denied', 'delivered', 'withdrawn', 'terminated']
export const OPEN_STATUSES: readonly CaseStatus[] = ['submitted', 'correction_requested', 'accepted', 'in_progress', 'approved', 'result_issued']

/** 办件类型代码 (GB/T 39046 A.6): 1 即办件 · 2 承诺件 · 9 其他. */
export function caseKindCode(kind: string | undefined): 1 | 2 | 9 {
  return kind === 'instant' ? 1 : kind === 'promised' ? 2 : 9
}
export const CASE_KIND_LABELS: Record<number, { zh: string; en: string }> = {
  1: { zh: '即办件', en: 'Instant' },
  2: { zh: '承诺件', en: 'Promised-deadline' },
  9: { zh: '其他', en: 'Other' },
}

/** 特别程序 (GB/T 39046 A.7: 1 延长审批, 2 other) — the procedures that stop the clock (行政许可法 Art. 45). */
export const SPECIAL_PROCEDURES = ['现场核查', '听证', '检验检测', '专家评审', '鉴定', '检疫', '招标拍卖'] as const
export type SpecialProcedure = (typeof SPECIAL_PROCEDURES)[number]
export function isSpecialProcedure(p: string): p is SpecialProcedure {
  return (SPECIAL_PROCEDURES as readonly string[]).includes(p)
}

/** 行政许可法 Art. 42: +10 days with organ-head approval; 联合/集中/统一办理 (our multi-department items) +15. */
export function maxExtensionDays(multiDepartment: boolean): number {
  return multiDepartment ? 15 : 10
}
