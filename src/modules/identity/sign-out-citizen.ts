import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import type { CitizenSession } from './citizen-session'

/** Ends this citizen session server-side (the cookie alone is worthless afterwards) and audits it. */
export async function signOutCitizen(db: DB, session: CitizenSession): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('citizen_sessions').where('id', '=', session.sessionId).execute()
    await recordAudit(tx, {
      actor: { type: 'citizen', id: session.user.id, name: session.user.displayName },
      action: 'identity.citizen.signed_out',
      subject: { type: 'citizen', id: session.user.id },
    })
  })
}
