import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { NotFoundError } from '../../platform/errors'
import type { TrustLevel } from './citizen'
import type { CitizenSession } from './citizen-session'
import { currentTrustLevel } from './second-factor'

export function passkeyNotFound(): NotFoundError {
  return new NotFoundError('找不到这个通行密钥，它可能已被删除。 No such passkey; it may have been removed already.', 'passkey_not_found')
}

/**
 * Removes one of the signed-in citizen's passkeys. Only their own: another account's credential id is 404,
 * exactly like an unknown one. The trust level is recomputed in the same transaction — removing the last
 * second factor (no TOTP, no other passkey) brings a verified account back to 2.
 */
export async function removePasskey(deps: { db: DB }, input: { session: CitizenSession; passkeyId: string }): Promise<{ trustLevel: TrustLevel }> {
  const me = input.session.user
  return deps.db.transaction().execute(async (tx) => {
    await tx.selectFrom('citizens').select('id').where('id', '=', me.id).forUpdate().executeTakeFirstOrThrow()
    const gone = await tx.deleteFrom('passkeys').where('id', '=', input.passkeyId).where('citizen_id', '=', me.id).returning(['label']).executeTakeFirst()
    if (!gone) throw passkeyNotFound()
    const level = await currentTrustLevel(tx, me.id)
    await tx.updateTable('citizens').set({ trust_level: level }).where('id', '=', me.id).execute()
    await recordAudit(tx, {
      actor: { type: 'citizen', id: me.id, name: me.displayName },
      action: 'identity.citizen.passkey_removed',
      subject: { type: 'citizen', id: me.id },
      details: { passkeyId: input.passkeyId, label: gone.label, trustLevel: level },
    })
    return { trustLevel: level }
  })
}
