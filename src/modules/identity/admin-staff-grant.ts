import { recordAudit } from '../../platform/audit'
import { ConflictError } from '../../platform/errors'
import { uuidv7 } from '../../platform/ids'
import { actorOf, assertAdmin, checkGrant, staffRowOrThrow, syncRoleColumn, type AdminStaffDeps } from './admin-staff-policy'
import type { StaffUser } from './staff'

/** An administrator gives a staff member a role in a scope (department, region, or none for admin). Audited. */
export async function grantStaffRole(deps: AdminStaffDeps, actor: StaffUser, staffId: string, raw: { role: string; departmentId: string; regionCode: string }): Promise<void> {
  assertAdmin(actor)
  const grant = await checkGrant(deps, raw)
  await deps.db.transaction().execute(async (tx) => {
    const staff = await staffRowOrThrow(tx, staffId)
    let q = tx.selectFrom('staff_roles').select('id').where('staff_id', '=', staffId).where('role', '=', grant.role)
    q = grant.departmentId ? q.where('department_id', '=', grant.departmentId) : q.where('department_id', 'is', null)
    q = grant.regionCode ? q.where('region_code', '=', grant.regionCode) : q.where('region_code', 'is', null)
    if (await q.executeTakeFirst()) throw new ConflictError('该员工已有这个角色和范围，无需重复授权。 The person already holds this role in this scope.', 'staff_grant_exists')
    await tx
      .insertInto('staff_roles')
      .values({ id: uuidv7(), staff_id: staffId, role: grant.role, department_id: grant.departmentId, region_code: grant.regionCode, granted_by: actor.username })
      .execute()
    await syncRoleColumn(tx, staffId)
    await recordAudit(tx, { actor: actorOf(actor), action: 'identity.staff.role_granted', subject: { type: 'staff_user', id: staffId }, details: { username: staff.username, ...grant } })
  })
}
