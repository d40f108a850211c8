/**
 * Staff accounts for the back office — minimal until the identity issue replaces this module's internals.
 * Everything outside identity sees only StaffUser, requireStaff() and getStaff(); see CONTEXT.md.
 */
export type StaffRole = 'catalog_editor' | 'admin'
export const STAFF_ROLES: StaffRole[] = ['catalog_editor', 'admin']

export type StaffUser = {
  id: string
  username: string
  displayName: string
  roles: string[]
  departmentId: string | null
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

/** Brute-force protection: this many failed sign-ins for one username within the window lock it. */
export const SIGN_IN_MAX_FAILURES = 5
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000

/** Usernames are case-insensitive and trimmed; 64 characters at most. */
export function normalizeUsername(u: string): string {
  return u.trim().toLowerCase().slice(0, 64)
}
