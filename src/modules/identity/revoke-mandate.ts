import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors'
import type { CitizenSession } from './citizen-session'
import { getEnterprise } from './enterprise-queries'
import { actAsSelfFirst, legalRepOnly, mandateNotFound } from './mandate-errors'
import { actingAsSelf, canManageAgents, canRevokeCitizenMandate, canViewEnterprise, isGrantorOf, isLegalRep } from './mandate-policy'
import { getMandate, mandateState } from './mandate-queries'

/**
 * Revokes a mandate — only the grantor side (the enterprise's legal representative; the citizen who gave it),
 * with a reason. It takes effect on the agent's very next request: findCitizenSession re-checks the mandate
 * every time, and the sessions acting under it are switched back to the agent themself here as well.
 */
export const MAX_REASON = 200

export async function revokeMandate(db: DB, input: { session: CitizenSession; mandateId: string; reason: string; enterpriseId?: string; now?: Date }): Promise<void> {
  const { session } = input
  const now = input.now ?? new Date()
  const m = await getMandate(db, input.mandateId)
  if (!m || (input.enterpriseId !== undefined && (m.grantorType !== 'enterprise' || m.grantorId !== input.enterpriseId))) throw mandateNotFound()
  const isAgent = m.agentCitizenId === session.user.id
  if (m.grantorType === 'enterprise') {
    const e = await getEnterprise(db, m.grantorId)
    if (!e || !(canViewEnterprise(session, e) || isAgent)) throw mandateNotFound()
    if (isLegalRep(session, e) && !actingAsSelf(session)) throw actAsSelfFirst()
    if (!canManageAgents(session, e)) throw legalRepOnly()
  } else {
    if (!isGrantorOf(session, m) && !isAgent) throw mandateNotFound()
    if (!isGrantorOf(session, m)) throw new ForbiddenError('只有委托人本人可以撤销委托。如不再代办，请联系委托人撤销。 Only the person who gave the authorisation can revoke it.', 'grantor_only')
    if (!canRevokeCitizenMandate(session, m)) throw actAsSelfFirst()
  }
  const reason = input.reason.trim()
  if (!reason) throw new ValidationError('请填写撤销原因。 Give a reason for revoking.', [{ field: 'reason', message: '请填写撤销原因，例如“人员离职”。 Give a reason, e.g. the agent left the company.' }])
  if (reason.length > MAX_REASON) throw new ValidationError('撤销原因过长。 The reason is too long.', [{ field: 'reason', message: `撤销原因最多${MAX_REASON}个字，请精简。 At most ${MAX_REASON} characters.` }])
  const state = mandateState(m, now)
  if (state === 'revoked') throw new ConflictError('该授权已经撤销，无需重复操作。 This authorisation is already revoked.', 'mandate_already_revoked')
  if (state === 'expired') throw new ConflictError('该授权已过期失效，无需撤销。 This authorisation has already expired.', 'mandate_expired')

  await db.transaction().execute(async (tx) => {
    const done = await tx
      .updateTable('mandates').set({ revoked_at: now, revoked_by: session.user.id, revoke_reason: reason })
      .where('id', '=', m.id).where('revoked_at', 'is', null)
      .executeTakeFirst()
    if (Number(done.numUpdatedRows) !== 1) throw new ConflictError('该授权已经撤销，无需重复操作。 This authorisation is already revoked.', 'mandate_already_revoked')
    await tx.updateTable('citizen_sessions').set({ acting_for_type: null, acting_for_id: null, mandate_id: null }).where('mandate_id', '=', m.id).execute()
    await recordAudit(tx, {
      actor: { type: 'citizen', id: session.user.id, name: session.user.displayName },
      action: 'identity.mandate.revoked',
      subject: { type: 'mandate', id: m.id },
      reason,
      details: { grantorType: m.grantorType, grantorId: m.grantorId, agentCitizenId: m.agentCitizenId },
    })
  })
}
