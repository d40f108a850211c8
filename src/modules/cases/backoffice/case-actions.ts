import type { DB } from '../../../platform/database'
import { ValidationError, type FieldError } from '../../../platform/errors'
import { listDepartmentStaff, type DepartmentStaffMember, type StaffUser } from '../../identity'
import { isAllowed, maxExtensionDays } from '../case'
import type { CaseDeps } from '../case-context'
import { mayAssignStep, mayExtend, mayIssue, mayReview, mayTerminate, mayUnmask, mayWorkStep } from '../case-policy'
import type { StepRow } from '../case-store'
import { INTAKE_STEP } from '../open-case'
import { ancestors, descendants } from '../step-plan'
import { acceptCase } from '../accept-case'
import { notAcceptCase } from '../not-accept-case'
import { requestCorrection } from '../request-correction'
import { assignStep, claimStep } from '../claim-step'
import { completeStep } from '../complete-step'
import { decideCase } from '../decide-case'
import { pauseCase } from '../pause-case'
import { resumeCase } from '../resume-case'
import { extendCase } from '../extend-case'
import { issueResult } from '../issue-result'
import { deliverResult } from '../deliver-result'
import { terminateCase } from '../terminate-case'
import { caseDepartments, type CaseView } from './case-view'

/** The POST actions of the case page: /admin/cases/:id/<action>. */
export const CASE_ACTIONS = ['accept', 'not-accept', 'correction', 'claim', 'assign', 'complete', 'return', 'decide', 'pause', 'resume', 'extend', 'issue', 'deliver', 'terminate'] as const
export type CaseActionName = (typeof CASE_ACTIONS)[number]
export const isCaseAction = (a: string): a is CaseActionName => (CASE_ACTIONS as readonly string[]).includes(a)

/** How many 补正 rows the no-JS form offers (the operation accepts up to 50). */
export const CORRECTION_ROWS = 6

export type StepActions = {
  step: StepRow
  claim: boolean
  /** Officers the head may assign the step to (null: may not assign). */
  assignees: DepartmentStaffMember[] | null
  complete: boolean
  decide: boolean
  /** Earlier steps the case may be sent back to (empty: no 退回). */
  returnTargets: { key: string; name: string }[]
  pause: boolean
  resumable: CaseView['pauses']
}
export type Available = {
  review: boolean
  steps: StepActions[]
  /** Most days an extension may add (null: may not extend now). */
  extendMax: number | null
  issue: boolean
  deliver: boolean
  terminate: boolean
  unmask: boolean
}

/** The actions this staff member may take NOW: allowedActions(status) ∩ casePolicy ∩ the state of each step. */
export async function availableActions(db: DB, v: CaseView, u: StaffUser): Promise<Available> {
  const c = v.case
  const caseScope = { departmentId: c.department_id, regionCode: c.region_code }
  const graph = v.current.map((s) => ({ key: s.step_key, predecessors: s.predecessors }))
  const results = c.decision_step_key ? descendants(graph, c.decision_step_key) : new Set<string>()
  const steps: StepActions[] = []
  if (c.status === 'in_progress') {
    for (const s of v.current.filter((x) => x.status === 'active' && x.step_key !== INTAKE_STEP)) {
      const scope = { departmentId: s.department_id }
      const work = mayWorkStep(u, scope)
      const open = v.pauses.filter((p) => p.stepId === s.id && !p.endedOn)
      const isDecision = s.step_key === c.decision_step_key
      const working = work && !results.has(s.step_key)
      const a: StepActions = {
        step: s,
        claim: work && !s.assignee_id,
        assignees: mayAssignStep(u, scope) ? await listDepartmentStaff(db, s.department_id, ['department_officer', 'department_head']) : null,
        complete: working && !isDecision && open.length === 0,
        decide: working && isDecision && open.length === 0,
        returnTargets: working && open.length === 0 ? [...ancestors(graph, s.step_key)].map((k) => ({ key: k, name: v.current.find((x) => x.step_key === k)?.name ?? k })) : [],
        pause: working && open.length === 0,
        resumable: work ? open : [],
      }
      if (a.claim || a.assignees || a.complete || a.decide || a.pause || a.resumable.length) steps.push(a)
    }
  }
  const departments = caseDepartments(v)
  return {
    review: c.status === 'submitted' && mayReview(u, caseScope),
    steps,
    extendMax: isAllowed(c.status, 'extend') && c.extension_days === 0 && mayExtend(u, caseScope) ? maxExtensionDays(new Set(v.steps.map((s) => s.department_id)).size > 1) : null,
    issue: isAllowed(c.status, 'issue_result') && mayIssue(u, caseScope),
    deliver: isAllowed(c.status, 'deliver') && mayIssue(u, caseScope),
    terminate: isAllowed(c.status, 'terminate') && mayTerminate(u, caseScope),
    unmask: mayUnmask(u, departments),
  }
}

/** A posted form: strings only (parseBody all:true gives arrays for repeated names; the first one counts). */
export type Posted = Record<string, string>

export function postedOf(body: Record<string, unknown>): Posted {
  const out: Posted = {}
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf' || k.length > 40) continue
    const x = Array.isArray(v) ? v[0] : v
    if (typeof x === 'string') out[k] = x.slice(0, 2000)
  }
  return out
}

const STALE = '页面已过期：缺少版本信息。请刷新页面后重新操作。 The page is out of date; reload it and try again.'
function version(p: Posted, field: 'version' | 'stepVersion'): number {
  const n = /^\d{1,9}$/.test(p[field] ?? '') ? Number(p[field]) : NaN
  if (!Number.isInteger(n)) throw new ValidationError(STALE, [], 'version_missing')
  return n
}
function requireChoice(p: Posted, field: string, allowed: readonly string[], message: string): string {
  const v = p[field] ?? ''
  if (!allowed.includes(v)) throw new ValidationError(message, [{ field, message }], 'choice_required')
  return v
}

/** 补正 rows as posted (target.N / problem.N); rows left blank are dropped, so indices match the operation's. */
export function correctionRows(p: Posted): { target: string; problem: string }[] {
  const rows: { target: string; problem: string }[] = []
  for (let i = 0; i < 50; i++) {
    const target = (p[`target.${i}`] ?? '').trim()
    const problem = (p[`problem.${i}`] ?? '').trim()
    if (target || problem) rows.push({ target, problem })
  }
  return rows
}

/**
 * Runs one action with the posted form. Returns the notice key for the redirect; DomainErrors propagate (the
 * route re-renders the page with them). Every operation re-checks permission, state and version itself.
 */
export async function performAction(deps: CaseDeps, v: CaseView, staff: StaffUser, action: CaseActionName, p: Posted): Promise<void> {
  const caseId = v.case.id
  const stepId = p['stepId'] ?? ''
  switch (action) {
    case 'accept':
      await acceptCase(deps, { caseId, staff, expectedVersion: version(p, 'version'), opinion: p['opinion'] ?? null })
      return
    case 'not-accept':
      await notAcceptCase(deps, { caseId, staff, expectedVersion: version(p, 'version'), reason: p['reason'] ?? '', competentOrgan: p['competentOrgan'] ?? null })
      return
    case 'correction': {
      const expectedVersion = version(p, 'version')
      const rows = correctionRows(p)
      const missing: FieldError[] = rows.flatMap((r, i) => (r.target ? [] : [{ field: `items.${i}.target`, message: `第${i + 1}项：请写明是哪份材料或哪个栏目。 Name the material or field.` }]))
      if (missing.length) throw new ValidationError(missing[0]!.message, missing, 'correction_target_required')
      await requestCorrection(deps, { caseId, staff, expectedVersion, items: rows, notice: p['notice'] ?? null })
      return
    }
    case 'claim':
      await claimStep(deps, { caseId, stepId, staff, expectedVersion: version(p, 'stepVersion') })
      return
    case 'assign': {
      const expectedVersion = version(p, 'stepVersion')
      const step = v.current.find((s) => s.id === stepId)
      const people = step ? await listDepartmentStaff(deps.db, step.department_id, ['department_officer', 'department_head']) : []
      const assignee = people.find((x) => x.id === p['assignee'])
      if (!assignee) {
        const message = '请从列表中选择要分派的审批人员。 Choose an officer from the list.'
        throw new ValidationError(message, [{ field: 'assignee', message }], 'assignee_invalid')
      }
      await assignStep(deps, { caseId, stepId, staff, expectedVersion, assignee, reason: p['reason'] ?? null })
      return
    }
    case 'complete': {
      const expectedVersion = version(p, 'stepVersion')
      const outcome = requireChoice(p, 'outcome', ['pass', 'other'], '请选择办理结果：“通过”或“其他”。 Choose an outcome.') as 'pass' | 'other'
      await completeStep(deps, { caseId, stepId, staff, expectedVersion, outcome, opinion: p['opinion'] ?? '' })
      return
    }
    case 'return':
      await completeStep(deps, { caseId, stepId, staff, expectedVersion: version(p, 'stepVersion'), outcome: 'return', returnTo: p['returnTo'] ?? '', opinion: p['opinion'] ?? '' })
      return
    case 'decide': {
      const expectedVersion = version(p, 'stepVersion')
      const decision = requireChoice(p, 'decision', ['approved', 'denied'], '请选择决定：准予许可或不予许可。 Choose approve or deny.') as 'approved' | 'denied'
      await decideCase(deps, { caseId, stepId, staff, expectedVersion, decision, reason: p['reason'] ?? '' })
      return
    }
    case 'pause':
      await pauseCase(deps, { caseId, stepId, staff, expectedVersion: version(p, 'stepVersion'), procedure: p['procedure'] ?? '', reason: p['reason'] ?? '', requestedBy: p['requestedBy'] ?? null })
      return
    case 'resume':
      await resumeCase(deps, { caseId, pauseId: p['pauseId'] ?? '', staff, result: p['result'] ?? '', opinion: p['opinion'] ?? null })
      return
    case 'extend': {
      const expectedVersion = version(p, 'version')
      const days = /^\d{1,2}$/.test(p['days'] ?? '') ? Number(p['days']) : NaN
      await extendCase(deps, { caseId, staff, expectedVersion, days, reason: p['reason'] ?? '' })
      return
    }
    case 'issue':
      await issueResult(deps, { caseId, staff, expectedVersion: version(p, 'version'), resultName: p['resultName'] ?? null, resultNumber: p['resultNumber'] ?? null, description: p['description'] ?? null })
      return
    case 'deliver':
      await deliverResult(deps, { caseId, staff, expectedVersion: version(p, 'version'), method: p['method'] ?? '' })
      return
    case 'terminate':
      await terminateCase(deps, { caseId, staff, expectedVersion: version(p, 'version'), reason: p['reason'] ?? '' })
      return
  }
}

/** The notice shown after the redirect (PRG), by action. */
export const DONE_NOTICES: Record<CaseActionName, { zh: string; en: string }> = {
  accept: { zh: '已受理。受理通知书已生成，申请人会收到通知。', en: 'Accepted. The acceptance notice was issued to the applicant.' },
  'not-accept': { zh: '已作出不予受理决定，申请人会收到通知和理由。', en: 'Not accepted; the applicant is told why.' },
  correction: { zh: '已发出补正告知，等待申请人补正后重新提交。', en: 'Correction notice sent; waiting for the applicant to resubmit.' },
  claim: { zh: '已认领，该环节已进入“我的待办”。', en: 'Claimed; the step is now in “Assigned to me”.' },
  assign: { zh: '已分派，被分派人会收到提醒。', en: 'Assigned; the officer is notified.' },
  complete: { zh: '本环节已办理完成，后续环节已开始。', en: 'Step completed; the next steps have started.' },
  return: { zh: '已退回到前序环节，该环节将重新办理。', en: 'Sent back; that step runs again.' },
  decide: { zh: '已作出决定，申请人会收到通知。', en: 'Decision recorded; the applicant is notified.' },
  pause: { zh: '已启动特别程序，本环节计时暂停。', en: 'Special procedure started; the clock is stopped.' },
  resume: { zh: '特别程序已结束，计时恢复，期限已顺延。', en: 'Special procedure ended; the clock runs again with the deadline moved.' },
  extend: { zh: '已延长审批期限，申请人会看到延长理由。', en: 'Deadline extended; the applicant sees the reason.' },
  issue: { zh: '已出具办理结果。', en: 'Result issued.' },
  deliver: { zh: '已登记送达，办件办结。', en: 'Delivery recorded; the case is closed.' },
  terminate: { zh: '办件已终止，申请人会收到通知。', en: 'Case terminated; the applicant is notified.' },
}
