import { ValidationError } from '../../platform/errors'
import { clockFor, type CaseDeps } from './case-context'
import { caseNotFound } from './case-errors'
import { sendNotice } from './case-notices'
import { closeOpenSteps, ensureAllowed, lockCase, transition } from './case-store'
import { isApplicantOf, markApplicationWithdrawn, type ApplicantActor } from '../applications'

/**
 * 撤回申请: the applicant withdraws before a decision (standards.md §B.3); the application is void from the
 * start. Someone else's case answers "not found".
 */
export async function withdrawCase(deps: CaseDeps, input: { caseId: string; applicant: ApplicantActor; reason?: string | null; now?: Date }) {
  const reason = input.reason?.trim() || null
  if (reason && reason.length > 500) throw new ValidationError('撤回理由最多500字。 At most 500 characters.', [{ field: 'reason', message: '撤回理由最多500字，请精简。 At most 500 characters.' }])
  const { now } = await clockFor(deps, input.now)
  return deps.db.transaction().execute(async (tx) => {
    const c = await lockCase(tx, input.caseId)
    if (!isApplicantOf(input.applicant, c)) throw caseNotFound()
    ensureAllowed(c, 'withdraw', '撤回')
    await closeOpenSteps(tx, c.id, now)
    await markApplicationWithdrawn(tx, c.application_id, now)
    const updated = await transition(tx, c, { action: 'withdrawn', actor: { kind: 'citizen', id: input.applicant.filerId, name: input.applicant.name }, to: 'withdrawn', reason, now, set: { closed_at: now } })
    await sendNotice(deps.notices, tx, { event: 'case.withdrawn', case: c, dedupeKey: `case.withdrawn:${c.id}`, data: {} })
    return updated
  })
}
