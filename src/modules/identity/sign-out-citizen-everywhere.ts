import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import type { CitizenSession } from './citizen-session'

/**
 * "退出所有设备": deletes EVERY session of the citizen, the current one included (a lost phone or a shared
 * computer is signed out at once), and audits how many ended.
 */
export async function signOutCitizenEverywhere(db: DB, session: CitizenSession): Promise<{ ended: number }> {
  return db.transaction().execute(async (tx) => {
    const r = await tx.deleteFrom('citizen_sessions').where('citizen_id', '=', session.user.id).executeTakeFirst()
    const ended = Number(r.numDeletedRows)
    await recordAudit(tx, {
      actor: { type: 'citizen', id: session.user.id, name: session.user.displayName },
      action: 'identity.citizen.signed_out_everywhere',
      subject: { type: 'citizen', id: session.user.id },
      details: { sessionsEnded: ended },
    })
    return { ended }
  })
}
