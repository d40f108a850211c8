import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { ConflictError, ValidationError } from '../../platform/errors'
import type { Secrets } from '../../platform/secrets'
import { trustLevelOf } from './account-trust'
import type { TrustLevel } from './citizen'
import type { CitizenSession } from './citizen-session'
import { openSetup } from './citizen-totp-setup'
import { verifyTotp } from './totp'

export const TOTP_CODE_MESSAGE = '动态验证码不正确，请输入身份验证器中当前显示的6位数字（每30秒更新）。 The code is wrong; enter the 6 digits your authenticator shows now.'

/**
 * Turns TOTP on once the citizen proves their authenticator has the secret (a current code). The secret is
 * stored sealed; the confirming code's step is kept (no replay); a verified account rises to trust level 3
 * and this session counts as second-factor authenticated.
 */
export async function enableCitizenTotp(
  deps: { db: DB; secrets: Pick<Secrets, 'seal' | 'open'> },
  input: { session: CitizenSession; sealedSetup: string; code: string; now?: Date },
): Promise<{ trustLevel: TrustLevel }> {
  const now = input.now ?? new Date()
  const me = input.session.user
  const secret = openSetup(deps.secrets, input.sealedSetup, me.id, now)
  if (!secret) throw new ValidationError('绑定页面已超时，请重新开始绑定身份验证器。 The set-up page expired; start again.', [], 'totp_setup_expired')
  const step = verifyTotp(secret, input.code.slice(0, 20), null, now.getTime())
  if (step === null) throw new ValidationError(TOTP_CODE_MESSAGE, [{ field: 'code', message: TOTP_CODE_MESSAGE }], 'totp_code_invalid')
  return deps.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('citizens').select(['verified_at', 'verification_method', 'totp_enabled_at']).where('id', '=', me.id).forUpdate().executeTakeFirstOrThrow()
    if (row.totp_enabled_at) throw new ConflictError('您已开启动态验证码登录；如需更换手机，请先关闭再重新绑定。 Two-step sign-in is already on.', 'totp_already_enabled')
    const level = trustLevelOf({ verifiedAt: row.verified_at, verificationMethod: row.verification_method, secondFactor: true })
    await tx.updateTable('citizens').set({ totp_secret: deps.secrets.seal(secret), totp_enabled_at: now, totp_last_step: step, trust_level: level }).where('id', '=', me.id).execute()
    await tx.updateTable('citizen_sessions').set({ mfa_at: now }).where('id', '=', input.session.sessionId).execute()
    await recordAudit(tx, { actor: { type: 'citizen', id: me.id, name: me.displayName }, action: 'identity.citizen.totp_enabled', subject: { type: 'citizen', id: me.id }, details: { trustLevel: level } })
    return { trustLevel: level }
  })
}
