import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import type { CitizenSession } from './citizen-session'
import { passkeyNotFound } from './passkey-remove'
import { cleanPasskeyLabel } from './passkey-queries'

/** Renames one of the signed-in citizen's passkeys (someone else's id → 404). An empty name keeps the old one. */
export async function renamePasskey(deps: { db: DB }, input: { session: CitizenSession; passkeyId: string; label: string }): Promise<void> {
  const me = input.session.user
  await deps.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('passkeys').select('label').where('id', '=', input.passkeyId).where('citizen_id', '=', me.id).forUpdate().executeTakeFirst()
    if (!row) throw passkeyNotFound()
    const label = cleanPasskeyLabel(input.label, row.label)
    if (label === row.label) return
    await tx.updateTable('passkeys').set({ label }).where('id', '=', input.passkeyId).where('citizen_id', '=', me.id).execute()
    await recordAudit(tx, {
      actor: { type: 'citizen', id: me.id, name: me.displayName },
      action: 'identity.citizen.passkey_renamed',
      subject: { type: 'citizen', id: me.id },
      details: { passkeyId: input.passkeyId, from: row.label, to: label },
    })
  })
}
