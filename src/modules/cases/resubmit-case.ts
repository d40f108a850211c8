import { uuidv7 } from '../../platform/ids'
import { isApplicantOf, reviseApplication, type ApplicantActor } from '../applications'
import { preReviewDue } from './clocks'
import { clockFor, type CaseDeps } from './case-context'
import { caseNotFound } from './case-errors'
import { ensureAllowed, lockCase, transition } from './case-store'
import { INTAKE_STEP } from './open-case'

/**
 * The applicant answers a 补正 notice: corrected values and files, checked in full, then back to the window.
 * The 5-working-day review clock restarts from the day the corrected materials arrive (行政许可法 Art. 32);
 * each round is kept (case_corrections.resubmitted_at, a new round of the intake step).
 */
export async function resubmitCase(deps: CaseDeps, input: { caseId: string; applicant: ApplicantActor; values: unknown; now?: Date }) {
  const { cal, now, today } = await clockFor(deps, input.now)
  return deps.db.transaction().execute(async (tx) => {
    const c = await lockCase(tx, input.caseId)
    if (!isApplicantOf(input.applicant, c)) throw caseNotFound()
    ensureAllowed(c, 'resubmit', '提交补正材料')
    const { changed } = await reviseApplication(tx, { applicationId: c.application_id, applicant: input.applicant, values: input.values, now })
    await tx.updateTable('case_corrections').set({ resubmitted_at: now }).where('case_id', '=', c.id).where('round', '=', c.correction_round).execute()
    const last = await tx.selectFrom('case_steps').select(['round', 'department_id']).where('case_id', '=', c.id).where('step_key', '=', INTAKE_STEP).orderBy('round', 'desc').limit(1).executeTakeFirstOrThrow()
    const due = preReviewDue(cal, today)
    await tx.insertInto('case_steps').values({
      id: uuidv7(), case_id: c.id, step_key: INTAKE_STEP, name: '预审受理', department_id: last.department_id, seq: 0, round: last.round + 1,
      predecessors: '[]', status: 'active', days: 5, started_at: now, started_on: today, due_on: due,
    }).execute()
    return transition(tx, c, {
      action: 'resubmitted', actor: { kind: 'citizen', id: input.applicant.filerId, name: input.applicant.name }, to: 'submitted', now,
      set: { received_on: today, pre_review_due: due }, details: { round: c.correction_round, changedFields: changed.slice(0, 50), preReviewDue: due },
    })
  })
}
