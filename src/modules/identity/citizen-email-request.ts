import { recordAudit, type Actor } from '../../platform/audit'
import type { Config } from '../../platform/config'
import type { DB } from '../../platform/database'
import { ConflictError, DomainError, ValidationError } from '../../platform/errors'
import { uuidv7 } from '../../platform/ids'
import type { Logger } from '../../platform/logger'
import { maskText } from '../../platform/privacy'
import { maskEmail, type Mailer } from '../notifications'
import { EMAIL_MAILS_PER_DAY, EMAIL_TOKEN_TTL_MS, EMAIL_VERIFY_PATH, mailsSince, newEmailToken, openVerification, parseEmail } from './citizen-email'

export type CitizenEmailDeps = { db: DB; mailer: Mailer; config: Pick<Config, 'publicUrl'>; log: Logger }
export type RequestCitizenEmailInput = { citizenId: string; email: string; now?: Date }

/** The mail could not be handed to the mail server: the request stands, the page offers to send it again. */
export class EmailNotSentError extends DomainError {
  constructor() {
    super('email_not_sent', '验证邮件暂时没能发出，请稍后点“重新发送验证邮件”再试；如果一直收不到，请核对邮箱地址或换一个邮箱。 The verification email could not be sent just now; press “Send the email again” in a minute, or check the address.', 503)
  }
}

/**
 * 设置/更换通知邮箱: stores the address as PENDING (a new citizen_email_verifications row; an older open one is
 * cancelled, so only the newest link works), audits `identity.citizen.email.requested` with the address masked,
 * commits, THEN mails the one-time link (`/account/email/verify?token=…`, 24 hours). Notices keep going to the
 * verified address (or none) until the link is opened. At most EMAIL_MAILS_PER_DAY requests per citizen in 24
 * hours (counted from the rows, serialised by a lock on the citizen): nobody can make us mail a stranger often.
 * A failed send throws EmailNotSentError (503) after the commit; the request stays and can be resent.
 */
export async function requestCitizenEmail(deps: CitizenEmailDeps, input: RequestCitizenEmailInput): Promise<{ verificationId: string; emailMasked: string }> {
  const { email, errors } = parseEmail(input.email)
  if (errors.length) throw new ValidationError(errors[0]!.message, errors, 'email_invalid')
  return start(deps, input.citizenId, email, input.now ?? new Date(), 'new')
}

/**
 * 重新发送验证邮件: a new link (and mail) for the address still waiting — expired or not. Counts toward the daily
 * limit like any request. Nothing pending → ConflictError.
 */
export async function resendCitizenEmail(deps: CitizenEmailDeps, input: { citizenId: string; now?: Date }): Promise<{ verificationId: string; emailMasked: string }> {
  const open = await openVerification(deps.db, input.citizenId)
  if (!open) throw new ConflictError('没有待验证的邮箱，请在下方填写邮箱地址后发送验证邮件。 No address is waiting for verification; enter one below.', 'no_pending_email')
  return start(deps, input.citizenId, open.email, input.now ?? new Date(), 'resend')
}

async function start(deps: CitizenEmailDeps, citizenId: string, email: string, now: Date, kind: 'new' | 'resend') {
  const { token, hash } = newEmailToken()
  const id = uuidv7()
  const masked = maskEmail(email)
  await deps.db.transaction().execute(async (tx) => {
    // One request at a time per citizen: the count below and the open-row swap cannot race.
    const me = await tx.selectFrom('citizens').select(['id', 'display_name', 'email']).where('id', '=', citizenId).forUpdate().executeTakeFirstOrThrow()
    if (me.email === email) {
      throw new ValidationError('这已经是您的通知邮箱，无需再次验证。如要更换，请填写新的邮箱地址。 This is already your notice address; enter a different one to change it.', [{ field: 'email', message: '这已经是您的通知邮箱，如要更换请填写新的地址。 This is already your notice address.' }], 'email_unchanged')
    }
    if ((await mailsSince(tx, citizenId, now)) >= EMAIL_MAILS_PER_DAY) {
      throw new DomainError('email_limited', `24小时内最多发送${EMAIL_MAILS_PER_DAY}封验证邮件，已达上限。请先查收已发出的邮件（也看看垃圾邮件箱），或明天再试。 At most ${EMAIL_MAILS_PER_DAY} verification emails a day; check the ones already sent (and your spam folder) or try again tomorrow.`, 429)
    }
    await tx.updateTable('citizen_email_verifications').set({ cancelled_at: now }).where('citizen_id', '=', citizenId).where('verified_at', 'is', null).where('cancelled_at', 'is', null).execute()
    await tx.insertInto('citizen_email_verifications').values({ id, citizen_id: citizenId, email, token_hash: hash, created_at: now, expires_at: new Date(now.getTime() + EMAIL_TOKEN_TTL_MS) }).execute()
    const actor: Actor = { type: 'citizen', id: me.id, name: me.display_name }
    await recordAudit(tx, { actor, action: 'identity.citizen.email.requested', subject: { type: 'citizen', id: me.id }, details: { email: masked, verificationId: id, resend: kind === 'resend' } })
  })
  // After the commit: a rolled-back request mails nothing; a failed send leaves a request that can be resent.
  try {
    await deps.mailer.send(verificationMail(deps.config.publicUrl, email, token))
  } catch (err) {
    const message = maskText(err instanceof Error ? err.message : String(err)).replaceAll(email, masked).slice(0, 300)
    deps.log.warn({ citizenId, to: masked, verificationId: id, error: message }, 'email verification mail not sent')
    throw new EmailNotSentError()
  }
  deps.log.info({ citizenId, to: masked, verificationId: id }, 'email verification mail sent')
  return { verificationId: id, emailMasked: masked }
}

/** The verification mail, Chinese then English; says what the link does, how long it lasts, and what to do if unasked. */
export function verificationMail(publicUrl: string, to: string, token: string): { to: string; subject: string; text: string } {
  const link = `${publicUrl}${EMAIL_VERIFY_PATH}?token=${token}`
  return {
    to,
    subject: '【一网通办】请验证您的通知邮箱 Verify your notice email',
    text: [
      '您好：',
      '',
      '您在一网通办申请把这个邮箱设为办件通知邮箱。请在24小时内登录后打开下面的链接完成验证（链接只能使用一次）：',
      link,
      '',
      '验证后，办件受理、补正、办结等通知会同时发到这个邮箱。如果不是您本人操作，请忽略本邮件，这个邮箱不会收到任何通知。',
      '',
      'Hello,',
      '',
      'Someone asked Yiwang (一网通办) to send application notices to this address. To confirm, sign in and open the link above within 24 hours (it works once).',
      'If this was not you, ignore this email: nothing will be sent to this address.',
      '',
      '一网通办（本邮件由系统发送，请勿回复） This email was sent automatically; please do not reply.',
    ].join('\n'),
  }
}
