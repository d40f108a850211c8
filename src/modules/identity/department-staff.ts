import type { Executor } from '../../platform/database'
import type { StaffGrant, StaffRole } from './staff-roles'

export type DepartmentStaffMember = { id: string; displayName: string; grants: StaffGrant[] }

/** Active staff holding one of `roles` in a department (case assignment lists, deadline warnings), with all their grants. */
export async function listDepartmentStaff(db: Executor, departmentId: string, roles: StaffRole[]): Promise<DepartmentStaffMember[]> {
  if (!/^[0-9a-f-]{36}$/i.test(departmentId) || roles.length === 0) return []
  const users = await db.selectFrom('staff_roles as r').innerJoin('staff_users as u', 'u.id', 'r.staff_id')
    .select(['u.id', 'u.display_name']).distinct()
    .where('r.department_id', '=', departmentId).where('r.role', 'in', roles).where('u.disabled', '=', false).orderBy('u.display_name').execute()
  if (users.length === 0) return []
  const grants = await db.selectFrom('staff_roles').select(['staff_id', 'role', 'department_id', 'region_code']).where('staff_id', 'in', users.map((u) => u.id)).execute()
  return users.map((u) => ({
    id: u.id, displayName: u.display_name,
    grants: grants.filter((g) => g.staff_id === u.id).map((g) => ({ role: g.role, departmentId: g.department_id, regionCode: g.region_code })),
  }))
}
