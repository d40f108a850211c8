import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import type { CitizenSession } from './citizen-session'
import { mandateNotFound, mandateNotLive } from './mandate-errors'
import { canStartActing } from './mandate-policy'
import { getMandate } from './mandate-queries'

/**
 * The agent switches this session to act for the grantor of a live mandate they hold (身份切换 个人/法人/经办人,
 * standards.md "我" entry). Only this session changes; every later request re-checks the mandate.
 */
export async function startActingFor(db: DB, input: { session: CitizenSession; mandateId: string; now?: Date }): Promise<{ type: 'enterprise' | 'citizen'; id: string }> {
  const { session } = input
  const now = input.now ?? new Date()
  const m = await getMandate(db, input.mandateId)
  if (!m || m.agentCitizenId !== session.user.id) throw mandateNotFound()
  if (!canStartActing(session, m, now)) throw mandateNotLive()
  const grantorLive =
    m.grantorType === 'enterprise'
      ? await db.selectFrom('enterprises').select('id').where('id', '=', m.grantorId).where('status', '=', 'active').executeTakeFirst()
      : await db.selectFrom('citizens').select('id').where('id', '=', m.grantorId).where('disabled', '=', false).executeTakeFirst()
  if (!grantorLive) throw mandateNotLive()
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('citizen_sessions')
      .set({ acting_for_type: m.grantorType, acting_for_id: m.grantorId, mandate_id: m.id })
      .where('id', '=', session.sessionId)
      .execute()
    await recordAudit(tx, {
      actor: { type: 'citizen', id: session.user.id, name: session.user.displayName },
      action: 'identity.acting.started',
      subject: { type: m.grantorType, id: m.grantorId },
      details: { mandateId: m.id, scope: m.scope, itemCodes: m.itemCodes },
    })
  })
  return { type: m.grantorType, id: m.grantorId }
}
