import { ValidationError } from '../../platform/errors'
import type { StaffUser } from '../identity'
import { clockFor, staffActor, type CaseDeps } from './case-context'
import { notPermitted } from './case-errors'
import { mayIssue } from './case-policy'
import { sendNotice } from './case-notices'
import { currentSteps, ensureAllowed, ensureVersion, lockCase, stepsOf, transition } from './case-store'

export type IssueResultInput = { caseId: string; staff: StaffUser; resultName?: string | null; resultNumber?: string | null; description?: string | null; expectedVersion?: number; now?: Date }

/**
 * 出具结果 (办结, GB/T 39046 表8): the result (证照名称/编号, 结果描述) of an approved case; the result steps
 * (制证…) are done with it. 行政许可法 Art. 44: issued within 10 days of the decision. The e-licence issue
 * hooks in here through `deps.results` (CaseResultIssuer, provided by the licences module).
 */
export async function issueResult(deps: CaseDeps, input: IssueResultInput) {
  let name = input.resultName?.trim() || null
  let number = input.resultNumber?.trim() || null
  const description = input.description?.trim() || null
  if ((name?.length ?? 0) > 200 || (number?.length ?? 0) > 50 || (description?.length ?? 0) > 1000) {
    throw new ValidationError('结果名称最多200字、编号最多50字、描述最多1000字。 Too long.', [{ field: 'result', message: '内容过长，请精简。 Too long.' }], 'result_too_long')
  }
  const { now, today } = await clockFor(deps, input.now)
  return deps.db.transaction().execute(async (tx) => {
    const c = await lockCase(tx, input.caseId)
    if (!mayIssue(input.staff, { departmentId: c.department_id })) throw notPermitted('出具办理结果')
    ensureAllowed(c, 'issue_result', '出具结果')
    ensureVersion(c, input.expectedVersion)
    // 办结即制证: the licence (if the item's result is one) is made here, in this transaction; its number is the result's.
    const licence = deps.results ? await deps.results(tx, { ...c, result_description: description }, { staff: input.staff, now, today }) : null
    if (licence) {
      name = name ?? licence.name
      number = licence.number
    }
    const open = currentSteps(await stepsOf(tx, c.id)).filter((s) => s.status === 'active' || s.status === 'waiting')
    for (const s of open) {
      await tx.updateTable('case_steps').set({ status: 'done', outcome: 'pass', opinion: '随办理结果一并完成', officer_id: input.staff.id, officer_name: input.staff.displayName, started_at: s.started_at ?? now, finished_at: now, version: s.version + 1 }).where('id', '=', s.id).execute()
    }
    const updated = await transition(tx, c, {
      action: 'result_issued', actor: staffActor(input.staff), to: 'result_issued', now,
      set: { result_issued_at: now, result_name: name, result_number: number, result_description: description }, details: { resultName: name, resultNumber: number, ...(licence ? { licenceId: licence.licenceId } : {}) },
    })
    await sendNotice(deps.notices, tx, { event: 'case.result_issued', case: c, dedupeKey: `case.result_issued:${c.id}`, data: { resultName: name ?? '办理结果' } })
    return updated
  })
}
