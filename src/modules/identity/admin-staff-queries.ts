import type { Executor } from '../../platform/database'
import { isStaffRole, type StaffGrant, type StaffRole } from './staff-roles'

/** Read models for the staff administration pages. */
export type StaffGrantRow = StaffGrant & { id: string; grantedBy: string | null; grantedAt: Date }
export type StaffListRow = {
  id: string
  username: string
  displayName: string
  departmentId: string | null
  disabled: boolean
  totpEnrolled: boolean
  mustChangePassword: boolean
  createdAt: Date
  grants: StaffGrantRow[]
}

/** Staff accounts, optionally those holding `role` and/or belonging to `departmentId` (primary or by a grant). */
export async function listStaff(db: Executor, filter: { departmentId?: string | undefined; role?: StaffRole | undefined; id?: string } = {}): Promise<StaffListRow[]> {
  let q = db.selectFrom('staff_users').select(['id', 'username', 'display_name', 'department_id', 'disabled', 'totp_enabled_at', 'must_change_password', 'created_at']).orderBy('username')
  if (filter.id) q = q.where('id', '=', filter.id)
  if (filter.departmentId) {
    const dept = filter.departmentId
    q = q.where((eb) => eb.or([eb('department_id', '=', dept), eb('id', 'in', eb.selectFrom('staff_roles').select('staff_id').where('department_id', '=', dept))]))
  }
  if (filter.role) {
    const role = filter.role
    q = q.where('id', 'in', (eb) => eb.selectFrom('staff_roles').select('staff_id').where('role', '=', role))
  }
  const users = await q.limit(1000).execute()
  const grants = users.length
    ? await db.selectFrom('staff_roles').selectAll().where('staff_id', 'in', users.map((u) => u.id)).orderBy('granted_at').orderBy('id').execute()
    : []
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    departmentId: u.department_id,
    disabled: u.disabled,
    totpEnrolled: u.totp_enabled_at !== null,
    mustChangePassword: u.must_change_password,
    createdAt: new Date(u.created_at),
    grants: grants
      .filter((g) => g.staff_id === u.id && isStaffRole(g.role))
      .map((g) => ({ id: g.id, role: g.role, departmentId: g.department_id, regionCode: g.region_code, grantedBy: g.granted_by, grantedAt: new Date(g.granted_at) })),
  }))
}

export async function getStaffDetail(db: Executor, id: string): Promise<StaffListRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
  return (await listStaff(db, { id }))[0]
}

export type RegionOption = { code: string; name: string; level: number }

/**
 * Regions a supervisor may be scoped to: the province of the demo city (GB/T 2260 320000 江苏省) and every
 * region below it, in code order. A real deployment changes `root`.
 */
export async function listScopeRegions(db: Executor, root = '320000'): Promise<RegionOption[]> {
  const prefix = root.replace(/(00)+$/, '')
  const rows = await db.selectFrom('regions').select(['code', 'name', 'level']).where('code', 'like', `${prefix}%`).orderBy('code').execute()
  return rows
}
