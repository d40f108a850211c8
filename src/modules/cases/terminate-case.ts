import type { StaffUser } from '../identity'
import { clockFor, requireReason, staffActor, type CaseDeps } from './case-context'
import { notPermitted } from './case-errors'
import { mayTerminate } from './case-policy'
import { sendNotice } from './case-notices'
import { closeOpenSteps, ensureAllowed, ensureVersion, lockCase, transition } from './case-store'

/** 终止: the head of the receiving department ends a case early (e.g. the applicant died or the entity was dissolved), with a reason. */
export async function terminateCase(deps: CaseDeps, input: { caseId: string; staff: StaffUser; reason: string; expectedVersion?: number; now?: Date }) {
  const reason = requireReason(input.reason)
  const { now } = await clockFor(deps, input.now)
  return deps.db.transaction().execute(async (tx) => {
    const c = await lockCase(tx, input.caseId)
    if (!mayTerminate(input.staff, { departmentId: c.department_id })) throw notPermitted('终止办件')
    ensureAllowed(c, 'terminate', '终止办件')
    ensureVersion(c, input.expectedVersion)
    await closeOpenSteps(tx, c.id, now)
    const updated = await transition(tx, c, { action: 'terminated', actor: staffActor(input.staff), to: 'terminated', reason, now, set: { closed_at: now } })
    await sendNotice(deps.notices, tx, { event: 'case.terminated', case: c, dedupeKey: `case.terminated:${c.id}`, data: { reason } })
    return updated
  })
}
