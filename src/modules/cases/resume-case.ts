import { ValidationError } from '../../platform/errors'
import type { StaffUser } from '../identity'
import { caseDueDates, pausedWorkingDays, stepDue } from './clocks'
import { clockFor, requireReason, staffActor, type CaseDeps } from './case-context'
import { transition } from './case-store'
import { lockStep } from './step-access'
import { stepNotFound } from './case-errors'

export type ResumeCaseInput = { caseId: string; pauseId: string; staff: StaffUser; result: string; opinion?: string | null; now?: Date }

/**
 * Ends a special procedure with its result (特别程序结果, e.g. 现场核查 findings). The working days it took are
 * added to the step's and the case's deadlines; the whole history stays in case_pauses and the timeline.
 */
export async function resumeCase(deps: CaseDeps, input: ResumeCaseInput) {
  const result = requireReason(input.result, 'result')
  const { cal, now, today } = await clockFor(deps, input.now)
  return deps.db.transaction().execute(async (tx) => {
    const pause = await tx.selectFrom('case_pauses').selectAll().where('id', '=', input.pauseId).where('case_id', '=', input.caseId).executeTakeFirst()
    if (!pause || !pause.step_id) throw stepNotFound()
    const { c, step } = await lockStep(tx, input.caseId, pause.step_id, input.staff, 'resume', '结束特别程序')
    const fresh = await tx.selectFrom('case_pauses').select('ended_at').where('id', '=', pause.id).executeTakeFirstOrThrow()
    if (fresh.ended_at) throw new ValidationError('该特别程序已经结束。请刷新页面。 This procedure has already ended.', [], 'pause_ended')
    const days = pausedWorkingDays(cal, pause.started_on, today)
    await tx.updateTable('case_pauses').set({ ended_at: now, ended_on: today, paused_days: days, result, opinion: input.opinion?.trim() || null }).where('id', '=', pause.id).execute()
    await tx.updateTable('case_steps').set({ due_on: stepDue(cal, step.due_on ?? today, 0, days), version: step.version + 1 }).where('id', '=', step.id).execute()
    const stillOpen = await tx.selectFrom('case_pauses').select('id').where('case_id', '=', c.id).where('ended_at', 'is', null).executeTakeFirst()
    const pausedDays = c.paused_days + days
    const due = caseDueDates(cal, { acceptedOn: c.accepted_on!, statutoryDays: c.statutory_days, promisedDays: c.promised_days, extensionDays: c.extension_days, pausedDays })
    return transition(tx, c, {
      action: 'resumed', actor: staffActor(input.staff), stepId: step.id, reason: result, now,
      set: { paused_days: pausedDays, paused_since: stillOpen ? c.paused_since : null, statutory_due: due.statutoryDue, promised_due: due.promisedDue },
      details: { procedure: pause.procedure, pausedWorkingDays: days, statutoryDue: due.statutoryDue, promisedDue: due.promisedDue },
    })
  })
}
