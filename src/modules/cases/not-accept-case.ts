import { ValidationError } from '../../platform/errors'
import type { StaffUser } from '../identity'
import { clockFor, requireReason, staffActor, type CaseDeps } from './case-context'
import { sendNotice } from './case-notices'
import { transition } from './case-store'
import { finishStep, lockForReview } from './intake'

export type NotAcceptCaseInput = { caseId: string; staff: StaffUser; reason: string; competentOrgan?: string | null; expectedVersion?: number; now?: Date }

/**
 * 不予受理 (行政许可法 Art. 32 (1)(2)): not a licensing matter, or not this organ's competence — then the applicant
 * is told which organ to apply to. A written reason is required; the applicant sees it in the 不予受理通知书.
 */
export async function notAcceptCase(deps: CaseDeps, input: NotAcceptCaseInput) {
  const reason = requireReason(input.reason)
  const organ = input.competentOrgan?.trim() || null
  if (organ && organ.length > 100) throw new ValidationError('有权机关名称最多100字。 At most 100 characters.', [{ field: 'competentOrgan', message: '有权机关名称最多100字，请精简。 At most 100 characters.' }])
  const { now } = await clockFor(deps, input.now)
  return deps.db.transaction().execute(async (tx) => {
    const { c, intake } = await lockForReview(tx, input.caseId, input.staff, 'not_accept', '作出不予受理决定', input.expectedVersion)
    await finishStep(tx, intake, { outcome: 'other', opinion: reason, staff: input.staff, now })
    const updated = await transition(tx, c, {
      action: 'not_accepted', actor: staffActor(input.staff), to: 'not_accepted', stepId: intake.id, reason, now,
      set: { not_accepted_reason: reason, competent_organ: organ, closed_at: now }, details: organ ? { competentOrgan: organ } : {},
    })
    await sendNotice(deps.notices, tx, { event: 'case.not_accepted', case: c, dedupeKey: `case.not_accepted:${c.id}`, data: { reason, ...(organ ? { competentOrgan: organ } : {}) } })
    return updated
  })
}
