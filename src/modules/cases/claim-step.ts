import { ValidationError } from '../../platform/errors'
import type { StaffUser } from '../identity'
import { hasRoleIn } from '../identity'
import { clockFor, staffActor, type CaseDeps } from './case-context'
import { stepTaken } from './case-errors'
import { mayAssignStep } from './case-policy'
import { sendNotice } from './case-notices'
import { transition } from './case-store'
import { lockStep } from './step-access'

export type ClaimStepInput = { caseId: string; stepId: string; staff: StaffUser; expectedVersion?: number; now?: Date }

/** 认领: an officer of the step's department takes an unassigned active step into their own 待办. */
export async function claimStep(deps: CaseDeps, input: ClaimStepInput) {
  const { now } = await clockFor(deps, input.now)
  return deps.db.transaction().execute(async (tx) => {
    const { c, step } = await lockStep(tx, input.caseId, input.stepId, input.staff, 'claim', '认领该环节', { expectedVersion: input.expectedVersion })
    if (step.assignee_id && step.assignee_id !== input.staff.id) throw stepTaken(step.assignee_name)
    await tx.updateTable('case_steps').set({ assignee_id: input.staff.id, assignee_name: input.staff.displayName, claimed_at: now, version: step.version + 1 }).where('id', '=', step.id).execute()
    return transition(tx, c, { action: 'step_claimed', actor: staffActor(input.staff), stepId: step.id, now, details: { step: step.name } })
  })
}

export type AssignStepInput = { caseId: string; stepId: string; staff: StaffUser; assignee: { id: string; displayName: string; grants: StaffUser['grants'] }; reason?: string | null; expectedVersion?: number; now?: Date }

/** 分派: the head of the step's department gives the step to one of their officers. */
export async function assignStep(deps: CaseDeps, input: AssignStepInput) {
  const { now } = await clockFor(deps, input.now)
  return deps.db.transaction().execute(async (tx) => {
    const { c, step } = await lockStep(tx, input.caseId, input.stepId, input.staff, 'assign', '分派该环节', { expectedVersion: input.expectedVersion, permit: (s) => mayAssignStep(input.staff, { departmentId: s.department_id }) })
    const scope = { departmentId: step.department_id }
    if (!hasRoleIn(input.assignee, 'department_officer', scope) && !hasRoleIn(input.assignee, 'department_head', scope)) {
      const message = '只能分派给本环节所属部门的审批人员，请重新选择。 Assign to an officer of the step\'s department.'
      throw new ValidationError(message, [{ field: 'assignee', message }], 'assignee_invalid')
    }
    await tx.updateTable('case_steps').set({ assignee_id: input.assignee.id, assignee_name: input.assignee.displayName, claimed_at: now, version: step.version + 1 }).where('id', '=', step.id).execute()
    const updated = await transition(tx, c, { action: 'step_assigned', actor: staffActor(input.staff), stepId: step.id, reason: input.reason?.trim() || null, now, details: { step: step.name, assignee: input.assignee.displayName } })
    await sendNotice(deps.notices, tx, { event: 'step.assigned', case: c, staffId: input.assignee.id, dedupeKey: `step.assigned:${step.id}:${input.assignee.id}:${step.version}`, data: { step: step.name, dueOn: step.due_on ?? '' } })
    return updated
  })
}
