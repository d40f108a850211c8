import type { CitizenSession } from './citizen-session'

/**
 * Who a request acts for, and what it may do there — for the modules above identity (applications, cases):
 * an application filed while acting is filed FOR the enterprise or citizen of the mandate (GB/T 39046 表5
 * records the 经办人/代理人 beside the applicant), and only for the items the mandate names.
 */
type Acting = Pick<CitizenSession, 'user' | 'actingFor'>

/** The applicant of whatever the session does now: the grantor while acting under a mandate, else oneself. */
export function actingSubject(session: Acting): { type: 'citizen' | 'enterprise'; id: string } {
  return session.actingFor ? { type: session.actingFor.type, id: session.actingFor.id } : { type: 'citizen', id: session.user.id }
}

/** Acting for oneself or under a scope-'all' mandate: any item; under an 'items' mandate: only those items. */
export function canActOnItem(session: Acting, itemCode: string): boolean {
  const a = session.actingFor
  if (!a || a.scope === 'all') return true
  return a.itemCodes.includes(itemCode)
}
