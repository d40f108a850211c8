import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import type { CitizenSession } from './citizen-session'

/** Switches this session back to acting for oneself. Nothing to do (and nothing audited) when not acting. */
export async function stopActingFor(db: DB, input: { session: CitizenSession }): Promise<void> {
  const { session } = input
  const was = session.actingFor
  if (!was) return
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('citizen_sessions').set({ acting_for_type: null, acting_for_id: null, mandate_id: null }).where('id', '=', session.sessionId).execute()
    await recordAudit(tx, {
      actor: { type: 'citizen', id: session.user.id, name: session.user.displayName },
      action: 'identity.acting.stopped',
      subject: { type: was.type, id: was.id },
      details: { mandateId: was.mandateId },
    })
  })
}
