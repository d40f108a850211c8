import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { ConflictError, ValidationError } from '../../platform/errors'
import { maskPhone } from '../../platform/privacy'
import type { Secrets } from '../../platform/secrets'
import { trustLevelOf } from './account-trust'
import type { TrustLevel } from './citizen'
import type { CitizenSession } from './citizen-session'
import { TOTP_CODE_MESSAGE } from './citizen-totp-enable'
import { verifyPassword } from './password'
import { hasPasskey } from './second-factor'
import { assertNotThrottled, citizenThrottleSubject, recordSignInFailure } from './sign-in-citizen'
import { verifyTotp } from './totp'

/**
 * Turns TOTP off. Needs BOTH the password and a current code, so a session left open on a shared computer is
 * not enough; wrong answers count toward the sign-in lock-out. Trust level falls back (3 → 2 when verified).
 */
export async function disableCitizenTotp(
  deps: { db: DB; secrets: Pick<Secrets, 'open' | 'pseudonym'> },
  input: { session: CitizenSession; password: string; code: string; ip?: string | undefined; now?: Date },
): Promise<{ trustLevel: TrustLevel }> {
  const now = input.now ?? new Date()
  const me = input.session.user
  const row = await deps.db
    .selectFrom('citizens')
    .select(['phone', 'password_hash', 'totp_secret', 'totp_enabled_at', 'totp_last_step', 'verified_at', 'verification_method'])
    .where('id', '=', me.id)
    .executeTakeFirstOrThrow()
  if (!row.totp_enabled_at || !row.totp_secret) throw new ConflictError('您尚未开启动态验证码登录。 Two-step sign-in is not on.', 'totp_not_enabled')
  const subject = citizenThrottleSubject(deps.secrets, row.phone)
  const who = { type: 'citizen' as const, id: me.id, name: maskPhone(row.phone) }
  const failures = await assertNotThrottled(deps.db, subject, who, input.ip, now)
  const pwOk = await verifyPassword(row.password_hash, input.password)
  const step = pwOk ? verifyTotp(deps.secrets.open(row.totp_secret), input.code.slice(0, 20), row.totp_last_step, now.getTime()) : null
  if (!pwOk || step === null) {
    await recordSignInFailure(deps.db, subject, who, { factor: 'totp_disable', failuresInWindow: failures + 1, ...(input.ip ? { ip: input.ip } : {}) })
    const fields = pwOk ? [{ field: 'code', message: TOTP_CODE_MESSAGE }] : [{ field: 'password', message: '登录密码不正确，请重新输入。 The password is wrong.' }]
    throw new ValidationError(fields[0]!.message, fields, 'totp_disable_refused')
  }
  const level = trustLevelOf({ verifiedAt: row.verified_at, verificationMethod: row.verification_method, secondFactor: await hasPasskey(deps.db, me.id) })
  await deps.db.transaction().execute(async (tx) => {
    await tx.updateTable('citizens').set({ totp_secret: null, totp_enabled_at: null, totp_last_step: null, trust_level: level }).where('id', '=', me.id).execute()
    await recordAudit(tx, { actor: { type: 'citizen', id: me.id, name: me.displayName }, action: 'identity.citizen.totp_disabled', subject: { type: 'citizen', id: me.id }, details: { trustLevel: level } })
  })
  return { trustLevel: level }
}
