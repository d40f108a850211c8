import { uuidv7 } from '../../platform/ids'
import { ConflictError, ValidationError } from '../../platform/errors'
import type { StaffUser } from '../identity'
import { isSpecialProcedure, SPECIAL_PROCEDURES } from './case'
import { clockFor, requireReason, staffActor, type CaseDeps } from './case-context'
import { transition } from './case-store'
import { lockStep } from './step-access'

export type PauseCaseInput = { caseId: string; stepId: string; staff: StaffUser; procedure: string; reason: string; requestedBy?: string | null; expectedVersion?: number; now?: Date }

/**
 * Starts a special procedure (特别程序, GB/T 39046 表7, A.7 code 2: 现场核查, 听证, 检验检测, 专家评审 …) on a step.
 * Its time is excluded from the deadline (行政许可法 Art. 45): the case and step clocks stop until it ends.
 * Other departments' parallel steps go on.
 */
export async function pauseCase(deps: CaseDeps, input: PauseCaseInput) {
  const reason = requireReason(input.reason)
  if (!isSpecialProcedure(input.procedure)) {
    const message = `请选择特别程序种类：${SPECIAL_PROCEDURES.join('、')}。 Choose a special procedure.`
    throw new ValidationError(message, [{ field: 'procedure', message }], 'procedure_invalid')
  }
  const { now, today } = await clockFor(deps, input.now)
  return deps.db.transaction().execute(async (tx) => {
    const { c, step } = await lockStep(tx, input.caseId, input.stepId, input.staff, 'pause', '启动特别程序', { expectedVersion: input.expectedVersion })
    const open = await tx.selectFrom('case_pauses').select('procedure').where('step_id', '=', step.id).where('ended_at', 'is', null).executeTakeFirst()
    if (open) throw new ConflictError(`该环节已在进行特别程序“${open.procedure}”，请先结束它。 A special procedure is already running on this step.`, 'pause_open')
    const id = uuidv7()
    await tx.insertInto('case_pauses').values({
      id, case_id: c.id, step_id: step.id, kind: 2, procedure: input.procedure, reason, requested_by: input.requestedBy?.trim() || null,
      started_at: now, started_on: today, officer_id: input.staff.id, officer_name: input.staff.displayName,
    }).execute()
    const updated = await transition(tx, c, {
      action: 'paused', actor: staffActor(input.staff), stepId: step.id, reason, now,
      set: { paused_since: c.paused_since ?? today }, details: { procedure: input.procedure, step: step.name, pauseId: id },
    })
    return { case: updated, pauseId: id }
  })
}
