import { recordAudit } from '../../platform/audit'
import { ConflictError } from '../../platform/errors'
import { actorOf, assertAdmin, staffRowOrThrow, type AdminStaffDeps } from './admin-staff-policy'
import type { StaffUser } from './staff'

/**
 * An administrator disables or re-enables an account. Disabling ends every session at once (sessions of
 * disabled accounts are also refused on sight, staff-session.ts). Nobody disables themself. Audited.
 */
export async function setStaffDisabled(deps: Pick<AdminStaffDeps, 'db'>, actor: StaffUser, staffId: string, disabled: boolean): Promise<void> {
  assertAdmin(actor)
  if (disabled && staffId === actor.id) throw new ConflictError('不能停用自己的账号。如确需停用，请由另一位管理员操作。 You cannot disable your own account; ask another administrator.', 'staff_disable_self')
  await deps.db.transaction().execute(async (tx) => {
    const staff = await staffRowOrThrow(tx, staffId)
    if (staff.disabled === disabled) return
    await tx.updateTable('staff_users').set({ disabled }).where('id', '=', staffId).execute()
    if (disabled) await tx.deleteFrom('staff_sessions').where('user_id', '=', staffId).execute()
    await recordAudit(tx, { actor: actorOf(actor), action: disabled ? 'identity.staff.disabled' : 'identity.staff.enabled', subject: { type: 'staff_user', id: staffId }, details: { username: staff.username } })
  })
}
