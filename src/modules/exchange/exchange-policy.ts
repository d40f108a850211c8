import { hasRoleIn, type StaffUser } from '../identity'
import type { RefusalCode } from './exchange-errors'

/**
 * EVERY "who may" rule of the exchange, in one place (so a review reads one file):
 *  - grants: the consuming department asks, the PROVIDING department's head decides and may revoke
 *    (国办电政函〔2019〕235号: 有条件共享 data is released on the provider's approval of a stated use);
 *  - reads: purpose-bound; 不予共享 never; 有条件共享 only under an approved, unexpired grant covering the fields;
 *  - the access log is for supervisors (电子监察) and admins; each person sees their own (我的数据使用记录).
 */
type Staff = Pick<StaffUser, 'grants'>

const isAdmin = (user: Staff) => hasRoleIn(user, 'admin')

/** Officers and heads ask for their own department; admins for any. */
export function mayRequestGrant(user: Staff, consumerDepartmentId: string): boolean {
  const scope = { departmentId: consumerDepartmentId }
  return hasRoleIn(user, 'department_officer', scope) || hasRoleIn(user, 'department_head', scope)
}

/** Departments the staff member may ask for ('all' for admins): where they are an officer or head. */
export function requestableDepartments(user: Staff): 'all' | string[] {
  if (isAdmin(user)) return 'all'
  return [...new Set(user.grants.filter((g) => (g.role === 'department_officer' || g.role === 'department_head') && g.departmentId).map((g) => g.departmentId!))]
}

/** Approve or refuse: the head of the department that PROVIDES the dataset, or an admin. */
export function mayDecideGrant(user: Staff, dataset: { providerDepartmentId: string | null }): boolean {
  // No provider on record: nobody's department may decide (an empty scope would mean "anywhere").
  if (!dataset.providerDepartmentId) return isAdmin(user)
  return hasRoleIn(user, 'department_head', { departmentId: dataset.providerDepartmentId })
}

/** Revoke an approved grant: the same people who may approve it. */
export function mayRevokeGrant(user: Staff, dataset: { providerDepartmentId: string | null }): boolean {
  return mayDecideGrant(user, dataset)
}

/** A grant is visible to staff of its consuming and providing departments, supervisors and admins. */
export function mayViewGrant(user: Staff, grant: { consumerDepartmentId: string }, dataset: { providerDepartmentId: string | null }): boolean {
  if (mayViewAccessLog(user)) return true
  return user.grants.some((g) => !!g.departmentId && (g.departmentId === grant.consumerDepartmentId || g.departmentId === dataset.providerDepartmentId))
}

/** Departments whose grants a staff member sees without being a supervisor: those they hold any role in. */
export function grantDepartments(user: Staff): 'all' | string[] {
  if (mayViewAccessLog(user)) return 'all'
  return [...new Set(user.grants.flatMap((g) => (g.departmentId ? [g.departmentId] : [])))]
}

/** The whole access log (all subjects, all departments): supervisors (电子监察) and admins. */
export function mayViewAccessLog(user: Staff): boolean {
  return hasRoleIn(user, 'supervisor')
}

/**
 * Which consuming departments' reads a supervisor sees: those whose region lies in one of their supervisor
 * regions (GB/T 2260 containment). 'all' for admins — who alone also see reads made for no department
 * (citizens' own registration checks).
 */
export function accessLogDepartments(user: Staff, departments: { id: string; regionCode: string | null }[]): 'all' | string[] {
  if (isAdmin(user)) return 'all'
  return departments.filter((d) => !!d.regionCode && hasRoleIn(user, 'supervisor', { regionCode: d.regionCode })).map((d) => d.id)
}

// ------------------------------------------------------------------------------------------- reads

export type GrantRow = { id: string; status: 'requested' | 'approved' | 'refused' | 'revoked'; validUntil: string; fields: string[] }
export type ReadDecision = { ok: true; grantId: string | null } | { ok: false; refusal: RefusalCode }

/**
 * May `consumerDepartmentId` read `fields` of `dataset` today (Asia/Shanghai date 'YYYY-MM-DD')?
 * Staff and department systems must read FOR a department; citizens (their own checks) and the system read
 * for none and so only reach unconditional data. The provider reads its own data without a grant.
 */
export function decideRead(
  dataset: { shareType: 'unconditional' | 'conditional' | 'none'; providerDepartmentId: string | null },
  actorType: 'staff' | 'citizen' | 'client' | 'system',
  consumerDepartmentId: string | null,
  grants: GrantRow[],
  fields: string[],
  today: string,
): ReadDecision {
  if (dataset.shareType === 'none') return { ok: false, refusal: 'not_shared' }
  if ((actorType === 'staff' || actorType === 'client') && !consumerDepartmentId) return { ok: false, refusal: 'department_required' }
  if (dataset.shareType === 'unconditional') return { ok: true, grantId: null }
  if (consumerDepartmentId && consumerDepartmentId === dataset.providerDepartmentId) return { ok: true, grantId: null }
  const live = grants.filter((g) => g.status === 'approved' && g.validUntil >= today)
  const covering = live.find((g) => fields.every((f) => g.fields.includes(f)))
  if (covering) return { ok: true, grantId: covering.id }
  if (live.length) return { ok: false, refusal: 'grant_fields' }
  if (grants.some((g) => g.status === 'approved')) return { ok: false, refusal: 'grant_expired' }
  if (grants.some((g) => g.status === 'revoked')) return { ok: false, refusal: 'grant_revoked' }
  return { ok: false, refusal: 'grant_required' }
}

/** The calendar day in China Standard Time (UTC+8, no daylight saving): grant expiry is by local date. */
export function shanghaiToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10)
}
