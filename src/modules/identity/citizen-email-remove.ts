import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { maskEmail } from '../notifications'

/**
 * 删除邮箱: clears the verified address (notices go by SMS and the inbox only from now on — deliveries already
 * queued read the account when they send, so they are skipped too) and cancels a pending one, so its link no
 * longer works. Audited as `identity.citizen.email.removed` with masked addresses. Nothing to remove → false.
 */
export async function removeCitizenEmail(deps: { db: DB }, input: { citizenId: string; now?: Date }): Promise<boolean> {
  const now = input.now ?? new Date()
  return deps.db.transaction().execute(async (tx) => {
    const me = await tx.selectFrom('citizens').select(['id', 'display_name', 'email']).where('id', '=', input.citizenId).forUpdate().executeTakeFirstOrThrow()
    const cancelled = await tx
      .updateTable('citizen_email_verifications')
      .set({ cancelled_at: now })
      .where('citizen_id', '=', me.id)
      .where('verified_at', 'is', null)
      .where('cancelled_at', 'is', null)
      .returning('email')
      .execute()
    if (!me.email && !cancelled.length) return false
    if (me.email) await tx.updateTable('citizens').set({ email: null }).where('id', '=', me.id).execute()
    await recordAudit(tx, {
      actor: { type: 'citizen', id: me.id, name: me.display_name },
      action: 'identity.citizen.email.removed',
      subject: { type: 'citizen', id: me.id },
      details: { email: me.email ? maskEmail(me.email) : null, pending: cancelled[0] ? maskEmail(cancelled[0].email) : null },
    })
    return true
  })
}
