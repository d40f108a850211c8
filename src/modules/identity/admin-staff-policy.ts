import type { Actor } from '../../platform/audit'
import type { DB, Executor } from '../../platform/database'
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../../platform/errors'
import type { DepartmentDirectory } from './ports'
import type { StaffUser } from './staff'
import { grantScopeErrors } from './staff-grant-rules'
import { hasRoleIn, isStaffRole, type StaffGrant } from './staff-roles'

/** What the staff administration operations need: the database and catalog's department directory (a port). */
export type AdminStaffDeps = { db: DB; directory: Pick<DepartmentDirectory, 'getDepartment'> }

/** Only administrators manage staff accounts (checked in every operation, not only by the route guard). */
export function assertAdmin(actor: Pick<StaffUser, 'grants'>): void {
  if (!hasRoleIn(actor, 'admin')) throw new ForbiddenError('只有系统管理员可以管理员工账号。如需调整，请联系系统管理员。 Only administrators manage staff accounts.')
}

export const actorOf = (u: Pick<StaffUser, 'id' | 'displayName'>): Actor => ({ type: 'staff', id: u.id, name: u.displayName })

export async function staffRowOrThrow(db: Executor, id: string) {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await db.selectFrom('staff_users').select(['id', 'username', 'display_name', 'disabled']).where('id', '=', id).executeTakeFirst() : undefined
  if (!row) throw new NotFoundError('找不到该员工账号，请返回员工列表重新选择。 No such staff account; go back to the list.', 'staff_user_not_found')
  return row
}

/**
 * A grant as typed in a form, checked: known role, the scope the role takes (staff-grant-rules.ts), the
 * department known to the catalogue, the region a GB/T 2260 code in the regions table.
 */
export async function checkGrant(deps: AdminStaffDeps, raw: { role: string; departmentId: string; regionCode: string }, fields = { role: 'role', department: 'departmentId', region: 'regionCode' }): Promise<StaffGrant> {
  const errors: FieldError[] = []
  if (!isStaffRole(raw.role)) errors.push({ field: fields.role, message: '请选择角色。 Choose a role.' })
  else {
    const g: StaffGrant = { role: raw.role, departmentId: raw.departmentId || null, regionCode: raw.regionCode || null }
    for (const e of grantScopeErrors(g, fields.role)) errors.push({ ...e, field: g.regionCode || raw.role === 'supervisor' ? fields.region : fields.department })
    if (!errors.length && g.departmentId && !(await deps.directory.getDepartment(g.departmentId))) errors.push({ field: fields.department, message: '所选部门不存在，请从列表中选择。 Unknown department; choose one from the list.' })
    if (!errors.length && g.regionCode && !(await deps.db.selectFrom('regions').select('code').where('code', '=', g.regionCode).executeTakeFirst())) {
      errors.push({ field: fields.region, message: '所选行政区划不存在，请从列表中选择。 Unknown region; choose one from the list.' })
    }
    if (!errors.length) return g
  }
  throw new ValidationError('授权信息有误，请按提示修改。 The role assignment has errors.', errors, 'staff_grant_invalid')
}

/** staff_users.roles mirrors the distinct roles of the grants (kept for readers of the old column). */
export async function syncRoleColumn(tx: Executor, staffId: string): Promise<void> {
  const rows = await tx.selectFrom('staff_roles').select('role').distinct().where('staff_id', '=', staffId).execute()
  await tx.updateTable('staff_users').set({ roles: rows.map((r) => r.role).sort() }).where('id', '=', staffId).execute()
}
