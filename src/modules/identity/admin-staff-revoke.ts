import { recordAudit } from '../../platform/audit'
import { ConflictError, NotFoundError } from '../../platform/errors'
import { actorOf, assertAdmin, staffRowOrThrow, syncRoleColumn, type AdminStaffDeps } from './admin-staff-policy'
import type { StaffUser } from './staff'

/**
 * An administrator removes one role grant. Nobody removes their own admin role — so the platform always keeps
 * at least one administrator, and nobody locks themself out by accident. Takes effect on the next request
 * (grants are read per request). Audited.
 */
export async function revokeStaffRole(deps: Pick<AdminStaffDeps, 'db'>, actor: StaffUser, staffId: string, grantId: string): Promise<void> {
  assertAdmin(actor)
  await deps.db.transaction().execute(async (tx) => {
    const staff = await staffRowOrThrow(tx, staffId)
    const grant = /^[0-9a-f-]{36}$/i.test(grantId)
      ? await tx.selectFrom('staff_roles').select(['id', 'role', 'department_id', 'region_code']).where('id', '=', grantId).where('staff_id', '=', staffId).executeTakeFirst()
      : undefined
    if (!grant) throw new NotFoundError('找不到这项授权，可能已被删除，请刷新页面。 No such role assignment; reload the page.', 'staff_grant_not_found')
    if (grant.role === 'admin' && staffId === actor.id) {
      throw new ConflictError('不能取消自己的系统管理员角色。如确需调整，请由另一位管理员操作。 You cannot remove your own administrator role; ask another administrator.', 'staff_own_admin')
    }
    await tx.deleteFrom('staff_roles').where('id', '=', grant.id).execute()
    await syncRoleColumn(tx, staffId)
    await recordAudit(tx, {
      actor: actorOf(actor),
      action: 'identity.staff.role_revoked',
      subject: { type: 'staff_user', id: staffId },
      details: { username: staff.username, role: grant.role, departmentId: grant.department_id, regionCode: grant.region_code },
    })
  })
}
