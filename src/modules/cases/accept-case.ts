import { uuidv7 } from '../../platform/ids'
import { getItemVersion } from '../catalog'
import type { StaffUser } from '../identity'
import { caseDueDates } from './clocks'
import { clockFor, staffActor, type CaseDeps } from './case-context'
import { sendNotice } from './case-notices'
import { startReadySteps, transition } from './case-store'
import { finishStep, lockForReview } from './intake'
import { planSteps } from './step-plan'

export type AcceptCaseInput = { caseId: string; staff: StaffUser; expectedVersion?: number; opinion?: string | null; now?: Date }

/**
 * 受理 (行政许可法 Art. 32 (5)): materials complete and conforming. Issues the 受理通知书 number, starts the
 * statutory and promised clocks from today, creates the item's steps (pinned item version) and starts those
 * with no predecessors at once — in parallel across departments.
 */
export async function acceptCase(deps: CaseDeps, input: AcceptCaseInput) {
  const clock = await clockFor(deps, input.now)
  const { cal, now, today } = clock
  return deps.db.transaction().execute(async (tx) => {
    const { c, intake } = await lockForReview(tx, input.caseId, input.staff, 'accept', '受理', input.expectedVersion)
    const version = await getItemVersion(tx, c.item_id, c.item_version)
    const record = version?.record
    const depts = await tx.selectFrom('departments').select(['id', 'name']).execute()
    const byName = new Map(depts.map((d) => [d.name, d.id]))
    const plan = planSteps(record?.steps, c.department_id, (n) => byName.get(n) ?? null, c.promised_days)
    await tx.insertInto('case_steps').values(plan.map((s) => ({
      id: uuidv7(), case_id: c.id, step_key: s.key, name: s.name, department_id: s.departmentId, seq: s.seq, round: 1,
      predecessors: JSON.stringify(s.predecessors), status: 'waiting' as const, days: s.days,
    }))).execute()
    await finishStep(tx, intake, { outcome: 'pass', opinion: input.opinion?.trim() || '材料齐全，符合法定形式，予以受理。', staff: input.staff, now })
    // 行政许可法 Art. 32: a correction not requested within 5 working days means the application counts as accepted on
    // the day the materials arrived — the clocks then run from that day, not from the late acceptance.
    const clockStart = today > c.pre_review_due ? c.received_on : today
    const due = caseDueDates(cal, { acceptedOn: clockStart, statutoryDays: c.statutory_days, promisedDays: c.promised_days, extensionDays: 0, pausedDays: 0 })
    const docNo = `受字〔${today.slice(0, 4)}〕${c.ref_no.slice(6, -1)}号`
    const started = await startReadySteps(tx, cal, c.id, today, now)
    const updated = await transition(tx, c, {
      action: 'accepted', actor: staffActor(input.staff), to: 'in_progress', stepId: intake.id, now,
      set: { accepted_at: now, accepted_on: clockStart, accepted_by: input.staff.id, accept_doc_no: docNo, statutory_due: due.statutoryDue, promised_due: due.promisedDue, decision_step_key: plan.find((s) => s.role === 'decision')!.key },
      details: { acceptDocNo: docNo, ...(clockStart !== today ? { deemedAcceptedOn: clockStart } : {}), statutoryDue: due.statutoryDue, promisedDue: due.promisedDue, started: started.map((s) => s.name) },
    })
    await sendNotice(deps.notices, tx, { event: 'case.accepted', case: c, dedupeKey: `case.accepted:${c.id}`, data: { acceptDocNo: docNo, promisedDue: due.promisedDue } })
    return { case: updated, started }
  })
}
