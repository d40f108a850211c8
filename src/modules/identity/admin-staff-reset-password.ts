import { recordAudit } from '../../platform/audit'
import { oneTimePassword } from './admin-staff-create'
import { actorOf, assertAdmin, staffRowOrThrow, type AdminStaffDeps } from './admin-staff-policy'
import { hashPassword } from './password'
import type { StaffUser } from './staff'

/**
 * An administrator sets a new one-time password (forgotten password): returned ONCE to hand over, must be
 * changed at the next sign-in; every session of the account ends. The password itself is never logged. Audited.
 */
export async function resetStaffPassword(deps: Pick<AdminStaffDeps, 'db'>, actor: StaffUser, staffId: string): Promise<string> {
  assertAdmin(actor)
  const password = oneTimePassword()
  const hash = await hashPassword(password)
  await deps.db.transaction().execute(async (tx) => {
    const staff = await staffRowOrThrow(tx, staffId)
    await tx.updateTable('staff_users').set({ password_hash: hash, must_change_password: true }).where('id', '=', staffId).execute()
    await tx.deleteFrom('staff_sessions').where('user_id', '=', staffId).execute()
    await recordAudit(tx, { actor: actorOf(actor), action: 'identity.staff.password_reset', subject: { type: 'staff_user', id: staffId }, details: { username: staff.username } })
  })
  return password
}
