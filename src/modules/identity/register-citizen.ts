import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { ConflictError, ValidationError } from '../../platform/errors'
import { uuidv7 } from '../../platform/ids'
import { maskPhone } from '../../platform/privacy'
import type { Secrets } from '../../platform/secrets'
import { createCitizenSession } from './citizen-session'
import { hashPassword } from './password'
import { AGREEMENT_VERSION, phoneError, registerFieldErrors, type RegisterFields } from './register-fields'
import { smsCodeMessage, useSmsCode } from './sms-code'

export type RegisterCitizenInput = RegisterFields & {
  /** The session cookie the browser presented, destroyed so a planted id never becomes a signed-in one. */
  previousToken?: string | undefined
  ip?: string | undefined
  now?: Date
}
export type RegisterCitizenResult = { citizenId: string; token: string; csrfToken: string; expiresAt: Date }

/**
 * Registers a citizen at trust level 1 (phone proven by SMS code) and signs them in. In one transaction: the
 * code is checked and consumed, the account is created with an argon2id hash and the accepted 网上服务协议
 * version (108号 §5: the user signs the agreement online), the session is created, and the audit entry written.
 * On a wrong code only the attempt counter is kept; nothing else is written.
 */
export async function registerCitizen(deps: { db: DB; secrets: Pick<Secrets, 'pseudonym'> }, input: RegisterCitizenInput): Promise<RegisterCitizenResult> {
  const now = input.now ?? new Date()
  const errors = registerFieldErrors(input)
  if (errors.length) throw new ValidationError('注册信息有误，请按提示修改后再提交。 Some registration details need fixing.', errors)
  const { phone } = phoneError(input.phone)
  const displayName = input.displayName.trim()
  const passwordHash = await hashPassword(input.password)

  const outcome = await deps.db.transaction().execute(async (tx) => {
    const check = await useSmsCode(tx, deps.secrets, { phone, purpose: 'register', code: input.code, now })
    if (!check.ok) return { kind: 'code' as const, message: smsCodeMessage(check) }
    // Only reachable when the number was registered after its code was sent: the owner proved the phone, so
    // saying so is safe.
    if (await tx.selectFrom('citizens').select('id').where('phone', '=', phone).executeTakeFirst()) return { kind: 'taken' as const }
    const citizenId = uuidv7()
    await tx
      .insertInto('citizens')
      .values({ id: citizenId, phone, password_hash: passwordHash, display_name: displayName, trust_level: 1, agreement_version: AGREEMENT_VERSION, agreement_accepted_at: now, created_at: now })
      .execute()
    const session = await createCitizenSession(tx, { citizenId, previousToken: input.previousToken, now })
    await recordAudit(tx, {
      actor: { type: 'citizen', id: citizenId, name: displayName },
      action: 'identity.citizen.registered',
      subject: { type: 'citizen', id: citizenId },
      details: { phone: maskPhone(phone), agreementVersion: AGREEMENT_VERSION, trustLevel: 1, ...(input.ip ? { ip: input.ip } : {}) },
    })
    return { kind: 'ok' as const, citizenId, ...session }
  })
  if (outcome.kind === 'code') throw new ValidationError(outcome.message, [{ field: 'code', message: outcome.message }], 'sms_code_invalid')
  if (outcome.kind === 'taken') throw new ConflictError('该手机号已注册一网通办账号，请直接登录；如忘记密码，请拨打 12345。 This number already has an account; sign in instead.', 'phone_registered')
  return { citizenId: outcome.citizenId, token: outcome.token, csrfToken: outcome.csrfToken, expiresAt: outcome.expiresAt }
}
