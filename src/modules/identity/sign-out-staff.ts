import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import type { StaffSession } from './staff-session'

/** Ends a staff session server-side (the cookie alone is worthless afterwards) and audits it. */
export async function signOutStaff(db: DB, session: StaffSession): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('staff_sessions').where('id', '=', session.sessionId).execute()
    await recordAudit(tx, {
      actor: { type: 'staff', id: session.user.id, name: session.user.displayName },
      action: 'identity.staff.signed_out',
      subject: { type: 'staff_sign_in', id: session.user.username },
    })
  })
}
