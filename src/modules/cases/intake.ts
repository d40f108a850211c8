import type { Executor } from '../../platform/database'
import type { StaffUser } from '../identity'
import { currentSteps, ensureAllowed, ensureVersion, lockCase, stepsOf, type CaseRow, type StepRow } from './case-store'
import type { CaseAction } from './case'
import { notPermitted, stepTaken } from './case-errors'
import { mayReview } from './case-policy'
import { INTAKE_STEP } from './open-case'

/** The first part of every 预审 decision: lock, check state, version and permission, find the active intake step. */
export async function lockForReview(tx: Executor, caseId: string, staff: StaffUser, action: CaseAction, what: string, expectedVersion?: number): Promise<{ c: CaseRow; intake: StepRow }> {
  const c = await lockCase(tx, caseId)
  if (!mayReview(staff, { departmentId: c.department_id, regionCode: c.region_code })) throw notPermitted(what)
  ensureAllowed(c, action, what)
  ensureVersion(c, expectedVersion)
  const intake = currentSteps(await stepsOf(tx, caseId)).find((s) => s.step_key === INTAKE_STEP)
  if (!intake || intake.status !== 'active') throw stepTaken(intake?.officer_name ?? null)
  return { c, intake }
}

export async function finishStep(tx: Executor, step: StepRow, f: { outcome: StepRow['outcome']; opinion: string | null; staff: Pick<StaffUser, 'id' | 'displayName'>; now: Date; returnedTo?: string | null }): Promise<void> {
  const r = await tx.updateTable('case_steps')
    .set({ status: 'done', outcome: f.outcome, opinion: f.opinion, officer_id: f.staff.id, officer_name: f.staff.displayName, finished_at: f.now, returned_to: f.returnedTo ?? null, version: step.version + 1 })
    .where('id', '=', step.id).where('status', '=', 'active').where('version', '=', step.version).executeTakeFirst()
  if (Number(r.numUpdatedRows) !== 1) throw stepTaken(null)
}
