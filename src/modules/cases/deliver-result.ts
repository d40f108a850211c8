import { ValidationError } from '../../platform/errors'
import type { StaffUser } from '../identity'
import { clockFor, staffActor, type CaseDeps } from './case-context'
import { notPermitted } from './case-errors'
import { mayIssue } from './case-policy'
import { ensureAllowed, ensureVersion, lockCase, transition } from './case-store'

export const DELIVERY_METHODS = { collected: '窗口领取', mailed: '快递送达', electronic: '电子送达' } as const
export type DeliveryMethod = keyof typeof DELIVERY_METHODS

/** 送达/领取: the result reached the applicant; the case is closed (GB/T 39046 表8 是否快递寄送结果). */
export async function deliverResult(deps: CaseDeps, input: { caseId: string; staff: StaffUser; method: string; expectedVersion?: number; now?: Date }) {
  if (!(input.method in DELIVERY_METHODS)) {
    const message = '请选择送达方式：窗口领取、快递送达或电子送达。 Choose how the result was delivered.'
    throw new ValidationError(message, [{ field: 'method', message }], 'delivery_method_invalid')
  }
  const { now } = await clockFor(deps, input.now)
  return deps.db.transaction().execute(async (tx) => {
    const c = await lockCase(tx, input.caseId)
    if (!mayIssue(input.staff, { departmentId: c.department_id })) throw notPermitted('登记送达')
    ensureAllowed(c, 'deliver', '登记送达')
    ensureVersion(c, input.expectedVersion)
    return transition(tx, c, { action: 'delivered', actor: staffActor(input.staff), to: 'delivered', now, set: { delivered_at: now, delivery_method: input.method, closed_at: now }, details: { method: DELIVERY_METHODS[input.method as DeliveryMethod] } })
  })
}
