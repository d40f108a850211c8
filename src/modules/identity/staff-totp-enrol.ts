import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { ConflictError } from '../../platform/errors'
import type { Secrets } from '../../platform/secrets'
import { staffSignInExpired } from './staff-errors'
import type { StaffSession } from './staff-session'
import { newTotpSecret, totpUri } from './totp'

export type StaffTotpDeps = { db: DB; secrets: Pick<Secrets, 'seal' | 'open'> }

/**
 * Enrolment step of a staff sign-in (TOTP is mandatory for staff): returns the secret to show as text, QR and
 * otpauth URI. The secret is stored sealed at once (totp_enabled_at stays null until a code confirms it), and
 * the same one is shown again on reload, so a person who scanned it and refreshed is not left with a stale app
 * entry. Only reachable with the pending session the password step created.
 */
export async function startStaffTotpEnrolment(deps: StaffTotpDeps, session: StaffSession): Promise<{ secret: string; uri: string }> {
  const row = await deps.db.selectFrom('staff_users').select(['totp_secret', 'totp_enabled_at', 'disabled']).where('id', '=', session.user.id).executeTakeFirst()
  if (!row || row.disabled) throw staffSignInExpired()
  if (row.totp_enabled_at) throw new ConflictError('此账号已绑定验证器，请直接输入动态验证码。 An authenticator is already set up; enter its code.', 'staff_totp_enrolled')
  const label = `${session.user.username}`
  if (row.totp_secret) {
    const secret = deps.secrets.open(row.totp_secret)
    return { secret, uri: totpUri(secret, label) }
  }
  const secret = newTotpSecret()
  await deps.db.transaction().execute(async (tx) => {
    // Guarded: two tabs opening the page at once keep the first secret.
    const r = await tx.updateTable('staff_users').set({ totp_secret: deps.secrets.seal(secret), totp_last_step: null }).where('id', '=', session.user.id).where('totp_secret', 'is', null).executeTakeFirst()
    if (Number(r.numUpdatedRows) !== 1) return
    await recordAudit(tx, { actor: { type: 'staff', id: session.user.id, name: session.user.displayName }, action: 'identity.staff.totp_enrolment_started', subject: { type: 'staff_user', id: session.user.id } })
  })
  const stored = await deps.db.selectFrom('staff_users').select('totp_secret').where('id', '=', session.user.id).executeTakeFirstOrThrow()
  const actual = stored.totp_secret ? deps.secrets.open(stored.totp_secret) : secret
  return { secret: actual, uri: totpUri(actual, label) }
}
