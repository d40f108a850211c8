import type { Executor } from '../../platform/database'
import type { StaffUser } from './staff'
import { STAFF_ROLES, type StaffGrant } from './staff-roles'

/** The scoped roles of one staff member (staff_roles rows), in a stable order. */
export async function loadGrants(db: Executor, staffId: string): Promise<StaffGrant[]> {
  const rows = await db
    .selectFrom('staff_roles')
    .select(['role', 'department_id', 'region_code'])
    .where('staff_id', '=', staffId)
    .orderBy('granted_at')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({ role: r.role, departmentId: r.department_id, regionCode: r.region_code }))
}

/** Distinct roles, in the canonical order (what requireStaff checks and staff_users.roles mirrors). */
export function distinctRoles(grants: readonly StaffGrant[]): string[] {
  const held = new Set(grants.map((g) => g.role))
  return STAFF_ROLES.filter((r) => held.has(r))
}

/** A StaffUser from its staff_users row; roles come from the grants (the source of truth since issue 3). */
export async function loadStaffUser(
  db: Executor,
  row: { id: string; username: string; display_name: string; department_id: string | null },
): Promise<StaffUser> {
  const grants = await loadGrants(db, row.id)
  return { id: row.id, username: row.username, displayName: row.display_name, roles: distinctRoles(grants), departmentId: row.department_id, grants }
}
