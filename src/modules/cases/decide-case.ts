import { ConflictError } from '../../platform/errors'
import type { StaffUser } from '../identity'
import { clockFor, requireReason, staffActor, type CaseDeps } from './case-context'
import { sendNotice } from './case-notices'
import { startReadySteps, transition } from './case-store'
import { finishStep } from './intake'
import { lockStep } from './step-access'

export type DecideCaseInput = {
  caseId: string
  stepId: string
  staff: StaffUser
  decision: 'approved' | 'denied'
  /** 准予: the opinion; 不予: the reasons (行政许可法 Art. 38 — written, with reasons). */
  reason: string
  expectedVersion?: number
  now?: Date
}

/** 行政许可法 Art. 38: a denial states reasons and the right to apply for review or sue. */
export const APPEAL_RIGHTS = '如不服本决定，可自收到决定之日起六十日内向本级人民政府或上一级主管部门申请行政复议，或者自收到决定之日起六个月内向人民法院提起行政诉讼。'

/**
 * The decision step: 准予 (approved) or 不予 (denied). Every other step must be done (parallel steps all in).
 * Approved → the result steps (制证…) start; denied → the case ends with the reasons and appeal rights.
 * 即办件 are decided the same day they are accepted.
 */
export async function decideCase(deps: CaseDeps, input: DecideCaseInput) {
  const reason = requireReason(input.reason)
  const { cal, now, today } = await clockFor(deps, input.now)
  return deps.db.transaction().execute(async (tx) => {
    const { c, step, current } = await lockStep(tx, input.caseId, input.stepId, input.staff, 'decide', '作出决定', { expectedVersion: input.expectedVersion })
    if (step.step_key !== c.decision_step_key) throw new ConflictError('这一环节不是决定环节，请用“办理完成”。 This is not the decision step.', 'not_decision_step')
    const pending = current.filter((s) => s.id !== step.id && s.seq < step.seq && s.status !== 'done')
    if (pending.length) throw new ConflictError(`还有环节未办结：${pending.map((s) => s.name).join('、')}。请等这些环节完成后再作决定。 Other steps are still open.`, 'steps_open')
    const open = await tx.selectFrom('case_pauses').select('procedure').where('case_id', '=', c.id).where('ended_at', 'is', null).executeTakeFirst()
    if (open) throw new ConflictError(`特别程序“${open.procedure}”尚未结束，请先登记结果。 End the special procedure first.`, 'pause_open')
    await finishStep(tx, step, { outcome: input.decision, opinion: reason, staff: input.staff, now })
    const started = input.decision === 'approved' ? await startReadySteps(tx, cal, c.id, today, now) : []
    const updated = await transition(tx, c, {
      action: input.decision === 'approved' ? 'approved' : 'denied', actor: staffActor(input.staff), to: input.decision, stepId: step.id, reason, now,
      set: { decided_at: now, decision: input.decision, decision_reason: reason, ...(input.decision === 'denied' ? { closed_at: now } : {}) },
      details: input.decision === 'denied' ? { appealRights: APPEAL_RIGHTS } : { started: started.map((s) => s.name) },
    })
    await sendNotice(deps.notices, tx, { event: 'case.decided', case: c, dedupeKey: `case.decided:${c.id}`, data: { decision: input.decision === 'approved' ? '准予许可' : '不予许可', reason, ...(input.decision === 'denied' ? { appealRights: APPEAL_RIGHTS } : {}) } })
    return updated
  })
}
