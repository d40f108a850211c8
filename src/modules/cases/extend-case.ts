import { uuidv7 } from '../../platform/ids'
import { ValidationError } from '../../platform/errors'
import type { StaffUser } from '../identity'
import { maxExtensionDays } from './case'
import { caseDueDates } from './clocks'
import { clockFor, requireReason, staffActor, type CaseDeps } from './case-context'
import { ensureAllowed, ensureVersion, lockCase, stepsOf, transition } from './case-store'
import { mayExtend } from './case-policy'
import { notPermitted } from './case-errors'

export type ExtendCaseInput = { caseId: string; staff: StaffUser; days: number; reason: string; expectedVersion?: number; now?: Date }

/**
 * 延长审批 (GB/T 39046 A.7 code 1; 行政许可法 Art. 42): the organ head extends the decision deadline by up to 10
 * working days (15 for joint handling by several departments), once, with reasons told to the applicant
 * (they appear on the applicant's timeline).
 */
export async function extendCase(deps: CaseDeps, input: ExtendCaseInput) {
  const reason = requireReason(input.reason)
  const { cal, now, today } = await clockFor(deps, input.now)
  return deps.db.transaction().execute(async (tx) => {
    const c = await lockCase(tx, input.caseId)
    if (!mayExtend(input.staff, { departmentId: c.department_id })) throw notPermitted('批准延长审批期限')
    ensureAllowed(c, 'extend', '延长审批期限')
    ensureVersion(c, input.expectedVersion)
    const departments = new Set((await stepsOf(tx, c.id)).map((s) => s.department_id))
    const max = maxExtensionDays(departments.size > 1)
    const days = Math.floor(Number(input.days))
    if (!Number.isFinite(days) || days < 1 || days > max) {
      const message = `延长期限须为1到${max}个工作日（行政许可法第四十二条）。 Between 1 and ${max} working days.`
      throw new ValidationError(message, [{ field: 'days', message }], 'extension_days_invalid')
    }
    if (c.extension_days > 0) throw new ValidationError('本办件已经延长过一次，法律只允许延长一次。 Already extended once.', [{ field: 'days', message: '本办件已经延长过一次。 Already extended.' }], 'already_extended')
    await tx.insertInto('case_pauses').values({
      id: uuidv7(), case_id: c.id, step_id: null, kind: 1, procedure: '延长审批', reason, requested_by: null, started_at: now, started_on: today,
      ended_at: now, ended_on: today, paused_days: 0, extension_days: days, result: `延长${days}个工作日`, officer_id: input.staff.id, officer_name: input.staff.displayName,
    }).execute()
    const due = caseDueDates(cal, { acceptedOn: c.accepted_on!, statutoryDays: c.statutory_days, promisedDays: c.promised_days, extensionDays: days, pausedDays: c.paused_days })
    const updated = await transition(tx, c, {
      action: 'extended', actor: staffActor(input.staff), reason, now,
      set: { extension_days: days, statutory_due: due.statutoryDue, promised_due: due.promisedDue }, details: { days, statutoryDue: due.statutoryDue, promisedDue: due.promisedDue },
    })
    return updated
  })
}
