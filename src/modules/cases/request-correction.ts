import { uuidv7 } from '../../platform/ids'
import { ValidationError } from '../../platform/errors'
import type { CorrectionItem } from '../../platform/schema-cases'
import type { StaffUser } from '../identity'
import { clockFor, requireReason, staffActor, type CaseDeps } from './case-context'
import { sendNotice } from './case-notices'
import { transition } from './case-store'
import { finishStep, lockForReview } from './intake'

export type RequestCorrectionInput = { caseId: string; staff: StaffUser; items: CorrectionItem[]; notice?: string | null; expectedVersion?: number; now?: Date }

/**
 * 补正 (行政许可法 Art. 32 (4)): ONE notice (一次性告知) listing everything missing or wrong. Each item names a
 * field or material (`target`) and what to fix. The round is kept; the applicant corrects and resubmits, and the
 * 5-working-day review clock restarts from the day the corrected materials arrive.
 */
export async function requestCorrection(deps: CaseDeps, input: RequestCorrectionInput) {
  const items = (input.items ?? []).map((i) => ({ target: String(i.target ?? '').trim().slice(0, 100), problem: String(i.problem ?? '').trim() })).filter((i) => i.target || i.problem)
  if (items.length === 0 || items.length > 50) {
    const message = items.length ? '一次最多列出50项，请合并相近的问题。 At most 50 items.' : '请至少列出一项需要补正的内容，写明材料或栏目，以及要怎样改。 List at least one thing to correct.'
    throw new ValidationError(message, [{ field: 'items', message }], 'correction_items_required')
  }
  items.forEach((i, n) => requireReason(i.problem, `items.${n}.problem`))
  const notice = input.notice?.trim() ? requireReason(input.notice, 'notice') : '请按以下清单一次性补正材料，补正后重新提交。'
  const { now } = await clockFor(deps, input.now)
  return deps.db.transaction().execute(async (tx) => {
    const { c, intake } = await lockForReview(tx, input.caseId, input.staff, 'request_correction', '要求补正', input.expectedVersion)
    const round = c.correction_round + 1
    await tx.insertInto('case_corrections').values({
      id: uuidv7(), case_id: c.id, round, requested_at: now, requested_by: input.staff.id, requested_by_name: input.staff.displayName,
      items: JSON.stringify(items), notice,
    }).execute()
    await finishStep(tx, intake, { outcome: 'return', opinion: notice, staff: input.staff, now })
    const updated = await transition(tx, c, {
      action: 'correction_requested', actor: staffActor(input.staff), to: 'correction_requested', stepId: intake.id, reason: notice, now,
      set: { correction_round: round }, details: { round, items: items.length },
    })
    await sendNotice(deps.notices, tx, { event: 'case.correction_requested', case: c, dedupeKey: `case.correction:${c.id}:${round}`, data: { round: String(round), items: items.map((i) => `${i.target}：${i.problem}`).join('；') } })
    return updated
  })
}
