import type { Executor } from '../../platform/database'
import type { StaffUser } from '../identity'
import { currentSteps, ensureAllowed, ensureVersion, lockCase, stepsOf, type CaseRow, type StepRow } from './case-store'
import type { CaseAction } from './case'
import { notPermitted, stepNotFound, stepTaken } from './case-errors'
import { mayWorkStep } from './case-policy'

export type LockedStep = { c: CaseRow; step: StepRow; all: StepRow[]; current: StepRow[] }

/**
 * Locks the case, then finds the step instance by id: it must be the current, active instance, and the officer
 * must work in its department (or be assigned to it). A second officer acting on the same step at the same moment
 * waits on the lock, then finds the step done and gets a clear conflict — exactly one transition happens.
 */
export async function lockStep(tx: Executor, caseId: string, stepId: string, staff: StaffUser, action: CaseAction, what: string, opts: { expectedVersion?: number; permit?: (s: StepRow) => boolean } = {}): Promise<LockedStep> {
  const c = await lockCase(tx, caseId)
  const all = await stepsOf(tx, caseId)
  const step = all.find((s) => s.id === stepId)
  if (!step) throw stepNotFound()
  const permitted = opts.permit ? opts.permit(step) : mayWorkStep(staff, { departmentId: step.department_id })
  if (!permitted) throw notPermitted(what)
  ensureAllowed(c, action, what)
  const current = currentSteps(all)
  if (step.status !== 'active' || !current.some((s) => s.id === step.id)) throw stepTaken(step.officer_name)
  if (opts.expectedVersion !== undefined && opts.expectedVersion !== step.version) throw stepTaken(step.officer_name ?? step.assignee_name)
  ensureVersion(c, undefined)
  return { c, step, all, current }
}
