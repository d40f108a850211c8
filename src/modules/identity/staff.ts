import type { StaffGrant } from './staff-roles'

/**
 * Staff accounts for the back office. Everything outside identity sees StaffUser, requireStaff() and
 * getStaff(); scoped checks use hasRoleIn (staff-roles.ts). See CONTEXT.md "Staff".
 */
export { STAFF_ROLES, type StaffRole } from './staff-roles'

export type StaffUser = {
  id: string
  username: string
  displayName: string
  /** Distinct roles held in any scope — what requireStaff(deps, …roles) checks. */
  roles: string[]
  /** Primary department (the one the person works in; grants may name others). */
  departmentId: string | null
  /** Every role with its scope (staff_roles rows); use hasRoleIn to ask about a department or region. */
  grants: StaffGrant[]
}

/** An admin may do everything; otherwise the user needs one of the listed roles (none listed = any staff). */
export function hasAnyRole(user: Pick<StaffUser, 'roles'>, roles: readonly string[]): boolean {
  if (roles.length === 0) return true
  return user.roles.includes('admin') || roles.some((r) => user.roles.includes(r))
}

/** Session lifetimes (OWASP ASVS 3.3): idle timeout and absolute timeout. */
export const SESSION_IDLE_MS = 30 * 60 * 1000
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000
/** last_seen_at is refreshed at most this often, so a busy page does not write on every request. */
export const SESSION_TOUCH_MS = 60 * 1000

/** Usernames are case-insensitive and trimmed; 64 characters at most. */
export function normalizeUsername(u: string): string {
  return u.trim().toLowerCase().slice(0, 64)
}
