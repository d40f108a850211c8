import { randomInt, timingSafeEqual } from 'node:crypto'
import type { Executor } from '../../platform/database'
import type { Secrets } from '../../platform/secrets'

/**
 * One-time SMS codes (短信验证码). Only a keyed hash is stored (HMAC of phone:code under the platform key), so a
 * database copy does not reveal live codes. Limits (GB/T 35273-2020 §7.1 / common 短信验证码 practice):
 *  - a code lives 5 minutes and is consumed on first success, so it cannot be replayed;
 *  - 5 wrong entries kill it;
 *  - one code per phone per 60 s and 10 per phone per 24 h (anti SMS-bombing; counted over every purpose).
 */
export const SMS_CODE_TTL_MS = 5 * 60 * 1000
export const SMS_RESEND_MS = 60 * 1000
export const SMS_DAILY_MAX = 10
/** One network address may ask for at most this many codes an hour, for any numbers (SMS bombing, 短信轰炸). */
export const SMS_IP_HOURLY_MAX = 20
export const SMS_MAX_ATTEMPTS = 5
export type SmsPurpose = 'register'

export function newSmsCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0')
}

export function smsCodeHash(secrets: Pick<Secrets, 'pseudonym'>, phone: string, code: string): string {
  return secrets.pseudonym('sms', `${phone}:${code}`)
}

export type SmsCodeCheck = { ok: true } | { ok: false; reason: 'wrong'; attemptsLeft: number } | { ok: false; reason: 'expired' }

/**
 * Checks `code` against the LATEST code sent to `phone` for `purpose`, inside the caller's transaction (the
 * row is locked). Success marks it consumed; a wrong code counts an attempt. The caller commits either way
 * (so attempts persist) and writes nothing else on failure.
 */
export async function useSmsCode(
  tx: Executor,
  secrets: Pick<Secrets, 'pseudonym'>,
  input: { phone: string; purpose: SmsPurpose; code: string; now?: Date },
): Promise<SmsCodeCheck> {
  const now = input.now ?? new Date()
  const row = await tx
    .selectFrom('sms_codes')
    .select(['id', 'code_hash', 'expires_at', 'consumed_at', 'attempts'])
    .where('phone', '=', input.phone)
    .where('purpose', '=', input.purpose)
    .orderBy('created_at', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst()
  if (!row || row.consumed_at || new Date(row.expires_at).getTime() <= now.getTime() || row.attempts >= SMS_MAX_ATTEMPTS) return { ok: false, reason: 'expired' }
  const sent = Buffer.from(smsCodeHash(secrets, input.phone, input.code.trim()))
  const kept = Buffer.from(row.code_hash)
  if (/^\d{6}$/.test(input.code.trim()) && sent.length === kept.length && timingSafeEqual(sent, kept)) {
    await tx.updateTable('sms_codes').set({ consumed_at: now }).where('id', '=', row.id).execute()
    return { ok: true }
  }
  const attempts = row.attempts + 1
  await tx.updateTable('sms_codes').set({ attempts }).where('id', '=', row.id).execute()
  if (attempts >= SMS_MAX_ATTEMPTS) return { ok: false, reason: 'expired' }
  return { ok: false, reason: 'wrong', attemptsLeft: SMS_MAX_ATTEMPTS - attempts }
}

/** The user-facing message for a failed check; says what to do next. */
export function smsCodeMessage(check: Exclude<SmsCodeCheck, { ok: true }>): string {
  return check.reason === 'wrong'
    ? `短信验证码不正确，请核对短信中的6位数字后重新输入（还可尝试${check.attemptsLeft}次）。 The SMS code is wrong; ${check.attemptsLeft} tries left.`
    : '短信验证码已失效（超过5分钟、已使用或错误次数过多），请重新获取验证码。 The SMS code expired or was already used; request a new one.'
}
