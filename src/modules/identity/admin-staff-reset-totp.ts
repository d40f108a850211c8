import { recordAudit } from '../../platform/audit'
import { actorOf, assertAdmin, staffRowOrThrow, type AdminStaffDeps } from './admin-staff-policy'
import type { StaffUser } from './staff'

/**
 * An administrator resets a staff member's authenticator (lost or replaced phone): the sealed secret is
 * erased, every session ends, and the next sign-in goes through enrolment again. Audited.
 */
export async function resetStaffTotp(deps: Pick<AdminStaffDeps, 'db'>, actor: StaffUser, staffId: string): Promise<void> {
  assertAdmin(actor)
  await deps.db.transaction().execute(async (tx) => {
    const staff = await staffRowOrThrow(tx, staffId)
    await tx.updateTable('staff_users').set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null }).where('id', '=', staffId).execute()
    await tx.deleteFrom('staff_sessions').where('user_id', '=', staffId).execute()
    await recordAudit(tx, { actor: actorOf(actor), action: 'identity.staff.totp_reset', subject: { type: 'staff_user', id: staffId }, details: { username: staff.username } })
  })
}
