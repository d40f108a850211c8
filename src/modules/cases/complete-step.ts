import { uuidv7 } from '../../platform/ids'
import { ConflictError, ValidationError } from '../../platform/errors'
import type { StaffUser } from '../identity'
import { clockFor, requireReason, staffActor, type CaseDeps } from './case-context'
import { currentSteps, startReadySteps, stepsOf, transition } from './case-store'
import { finishStep } from './intake'
import { ancestors, descendants } from './step-plan'
import { lockStep } from './step-access'

export type CompleteStepInput = {
  caseId: string
  stepId: string
  staff: StaffUser
  /** 业务动作 (GB/T 39046 表7): 通过 pass · 退回 return (to an earlier step) · 其他 other. */
  outcome: 'pass' | 'return' | 'other'
  opinion: string
  returnTo?: string | null
  expectedVersion?: number
  now?: Date
}

/**
 * An officer finishes their step with an opinion (环节处理意见). Passing starts every step whose predecessors are
 * now all done; returning sends the case back to an earlier step, which runs again — with every step after it —
 * as a new round, so the first round's record stays in the history.
 */
export async function completeStep(deps: CaseDeps, input: CompleteStepInput) {
  const opinion = requireReason(input.opinion, 'opinion')
  const { cal, now, today } = await clockFor(deps, input.now)
  return deps.db.transaction().execute(async (tx) => {
    const { c, step, current } = await lockStep(tx, input.caseId, input.stepId, input.staff, input.outcome === 'return' ? 'return_step' : 'complete_step', '办理该环节', { expectedVersion: input.expectedVersion })
    const graph = current.map((s) => ({ key: s.step_key, predecessors: s.predecessors }))
    if (step.step_key === c.decision_step_key && input.outcome !== 'return') throw new ConflictError('这是决定环节，请使用“作出决定”（准予或不予许可）。 This is the decision step; record a decision instead.', 'use_decision')
    if (c.decision_step_key && descendants(graph, c.decision_step_key).has(step.step_key)) {
      throw new ConflictError('该环节在出具办理结果时自动完成，请使用“出具结果”。 This step completes when the result is issued.', 'use_issue_result')
    }
    const open = await tx.selectFrom('case_pauses').select('procedure').where('step_id', '=', step.id).where('ended_at', 'is', null).executeTakeFirst()
    if (open) throw new ConflictError(`该环节的特别程序“${open.procedure}”尚未结束，请先登记结束时间和结果。 End the special procedure first.`, 'pause_open')

    let returnedTo: string | null = null
    if (input.outcome === 'return') {
      const target = (input.returnTo ?? '').trim()
      if (!ancestors(graph, step.step_key).has(target)) {
        const message = '请选择要退回的前序环节（只能退回到本环节之前的环节）。 Choose an earlier step to send the case back to.'
        throw new ValidationError(message, [{ field: 'returnTo', message }], 'return_target_invalid')
      }
      returnedTo = target
    }
    await finishStep(tx, step, { outcome: input.outcome, opinion, staff: input.staff, now, returnedTo })
    if (returnedTo) {
      const rerun = new Set([returnedTo, ...descendants(graph, returnedTo)])
      const latest = currentSteps(await stepsOf(tx, c.id))
      for (const s of latest.filter((x) => rerun.has(x.step_key) && x.status !== 'waiting')) {
        if (s.status === 'active') await tx.updateTable('case_steps').set({ status: 'cancelled', finished_at: now, version: s.version + 1 }).where('id', '=', s.id).execute()
        await tx.insertInto('case_steps').values({
          id: uuidv7(), case_id: c.id, step_key: s.step_key, name: s.name, department_id: s.department_id, seq: s.seq, round: s.round + 1,
          predecessors: JSON.stringify(s.predecessors), status: 'waiting', days: s.days,
        }).execute()
      }
    }
    const started = await startReadySteps(tx, cal, c.id, today, now)
    const action = input.outcome === 'return' ? 'step_returned' : 'step_completed'
    const updated = await transition(tx, c, {
      action, actor: staffActor(input.staff), stepId: step.id, reason: opinion, now,
      details: { step: step.name, outcome: input.outcome, ...(returnedTo ? { returnedTo } : {}), started: started.map((s) => s.name) },
    })
    return { case: updated, started }
  })
}
