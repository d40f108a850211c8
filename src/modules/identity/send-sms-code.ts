import { sql } from 'kysely'
import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { DomainError, ValidationError } from '../../platform/errors'
import { checkMobilePhone, normalizeMobilePhone } from '../../platform/identifiers'
import { uuidv7 } from '../../platform/ids'
import { maskPhone } from '../../platform/privacy'
import type { Secrets } from '../../platform/secrets'
import type { SmsGateway } from '../notifications'
import { newSmsCode, smsCodeHash, SMS_CODE_TTL_MS, SMS_DAILY_MAX, SMS_IP_HOURLY_MAX, SMS_RESEND_MS, type SmsPurpose } from './sms-code'
import { recentFailuresFromIp } from './sign-in-throttle'

export type SendSmsCodeDeps = { db: DB; secrets: Pick<Secrets, 'pseudonym'>; sms: SmsGateway }
export type SendSmsCodeInput = { phone: string; purpose: SmsPurpose; ip?: string | undefined; now?: Date }

/**
 * Sends a 6-digit code to `phone` for `purpose`, within the limits of sms-code.ts. For registration, a phone
 * that already has an account gets a notice ("已注册，请直接登录") instead of a code: the page says the same
 * in both cases, so it never tells a stranger which numbers are registered — only the phone's owner learns it.
 * The notice counts toward the same limits. Audited with the number masked; the code itself is never stored.
 */
export async function sendSmsCode(deps: SendSmsCodeDeps, input: SendSmsCodeInput): Promise<{ phone: string; expiresAt: Date }> {
  const now = input.now ?? new Date()
  const phone = normalizeMobilePhone(input.phone.slice(0, 40))
  const problem = checkMobilePhone(phone)
  if (problem) throw new ValidationError(problem, [{ field: 'phone', message: problem }])
  const expiresAt = new Date(now.getTime() + SMS_CODE_TTL_MS)
  // Per network address, across numbers (the per-number limits below do not stop one sender bombing many phones).
  // In-process callers without a socket pass 'unknown' and are not counted.
  if (input.ip && input.ip !== 'unknown' && (await recentFailuresFromIp(deps.db, input.ip, ['identity.sms_code.sent'], now, 3600 * 1000)) >= SMS_IP_HOURLY_MAX) {
    const msg = '您所在的网络获取验证码过于频繁，请1小时后再试，或拨打 12345 求助。 Too many codes requested from your network; try again in an hour.'
    throw new DomainError('sms_ip_limit', msg, 429, [{ field: 'phone', message: msg }])
  }

  await deps.db.transaction().execute(async (tx) => {
    // Serialise sends per phone so two parallel requests cannot both pass the 60-second check.
    await sql`select pg_advisory_xact_lock(hashtext(${'sms:' + phone}))`.execute(tx)
    const recent = await tx
      .selectFrom('sms_codes')
      .select([sql<Date | null>`max(created_at)`.as('last'), sql<number>`count(*)::int`.as('n')])
      .where('phone', '=', phone)
      .where('created_at', '>', new Date(now.getTime() - 24 * 3600 * 1000))
      .executeTakeFirst()
    const last = recent?.last ? new Date(recent.last).getTime() : 0
    if (last && now.getTime() - last < SMS_RESEND_MS) {
      const wait = Math.ceil((SMS_RESEND_MS - (now.getTime() - last)) / 1000)
      throw new DomainError('sms_too_soon', `验证码发送过于频繁，请${wait}秒后再获取。 Wait ${wait} seconds before requesting another code.`, 429, [{ field: 'phone', message: `请${wait}秒后再获取验证码。 Wait ${wait} s.` }])
    }
    if (Number(recent?.n ?? 0) >= SMS_DAILY_MAX) {
      const msg = `该手机号24小时内获取验证码已达${SMS_DAILY_MAX}次，请明天再试，或拨打 12345 求助。 Daily limit of SMS codes reached; try again tomorrow.`
      throw new DomainError('sms_daily_limit', msg, 429, [{ field: 'phone', message: msg }])
    }
    const registered = input.purpose === 'register' && !!(await tx.selectFrom('citizens').select('id').where('phone', '=', phone).executeTakeFirst())
    const code = newSmsCode()
    await tx
      .insertInto('sms_codes')
      .values({ id: uuidv7(), phone, purpose: input.purpose, code_hash: smsCodeHash(deps.secrets, phone, code), created_at: now, expires_at: expiresAt, consumed_at: registered ? now : null })
      .execute()
    await recordAudit(tx, {
      actor: { type: 'citizen', name: maskPhone(phone) },
      action: 'identity.sms_code.sent',
      subject: { type: 'phone', id: deps.secrets.pseudonym('phone', phone) },
      details: { purpose: input.purpose, phone: maskPhone(phone), ...(input.ip ? { ip: input.ip } : {}), ...(registered ? { notice: 'already_registered' } : {}) },
    })
    // Sent inside the transaction: if the gateway fails, nothing is recorded and the limits are not spent.
    await deps.sms.send({
      phone,
      purpose: input.purpose,
      text: registered
        ? '【一网通办】该手机号已注册一网通办账号，请直接登录；如忘记密码，请拨打 12345 或到政务服务窗口办理。如非本人操作，请忽略。'
        : `【一网通办】您的注册验证码是 ${code}，5分钟内有效。请勿告诉他人；工作人员不会向您索要验证码。`,
    })
  })
  return { phone, expiresAt }
}
