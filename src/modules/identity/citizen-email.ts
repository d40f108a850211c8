import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'kysely'
import type { Executor } from '../../platform/database'
import type { FieldError } from '../../platform/errors'
import { maskEmail } from '../notifications'

/**
 * 通知邮箱 (the e-mail address a citizen's notices go to) — rules and reads. See CONTEXT.md "Citizens".
 * `citizens.email` is the VERIFIED address (the notifications module reads it when it sends); an address being
 * verified lives only in `citizen_email_verifications` (migration 0018), so nothing is mailed to it but the link.
 */
export const EMAIL_TOKEN_TTL_MS = 24 * 3600 * 1000
export const EMAIL_MAILS_PER_DAY = 5
export const MAX_EMAIL = 254
export const DAY_MS = 24 * 3600 * 1000
export const EMAIL_VERIFY_PATH = '/account/email/verify'

/**
 * A plain mailbox address: no display names, quotes, spaces, commas or angle brackets (nodemailer would read
 * `a@x.cn, b@y.cn` as two recipients), a domain with at least one dot. ASCII only: internationalised addresses
 * (中文域名) are refused with a message rather than half-supported.
 */
const LOCAL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$/
const LABEL = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$/

export function parseEmail(raw: string): { email: string; errors: FieldError[] } {
  const email = raw.trim()
  const fail = (message: string) => ({ email, errors: [{ field: 'email', message }] })
  if (!email) return fail('请填写邮箱地址，例如 name@example.com。 Enter an email address, like name@example.com.')
  if (email.length > MAX_EMAIL) return fail(`邮箱地址最多${MAX_EMAIL}个字符，请核对。 An email address has at most ${MAX_EMAIL} characters.`)
  const at = email.lastIndexOf('@')
  const local = email.slice(0, at)
  const labels = email.slice(at + 1).split('.')
  const ok = at > 0 && LOCAL.test(local) && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..') && labels.length >= 2 && labels.every((l) => LABEL.test(l)) && /[A-Za-z]/.test(labels.at(-1)!)
  if (!ok) return fail('邮箱地址格式不正确，请填写完整的地址，例如 name@example.com（不含空格、中文和逗号）。 Enter a full email address like name@example.com, without spaces, commas or non-Latin characters.')
  // The domain is case-insensitive (RFC 5321 §2.4); the local part is kept as typed.
  return { email: `${local}@${email.slice(at + 1).toLowerCase()}`, errors: [] }
}

/** The link token: 32 random bytes for the mail, only its SHA-256 in the database. */
export function newEmailToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashEmailToken(token) }
}
export function hashEmailToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

export type CitizenEmailState = {
  /** The verified address, masked (`l***@example.com`); null when none. */
  emailMasked: string | null
  /** The address waiting for its link to be opened, masked; `expired` when its 24 hours passed. */
  pending: { emailMasked: string; expiresAt: Date; expired: boolean } | null
  /** Verification mails in the last 24 hours (the limit is EMAIL_MAILS_PER_DAY). */
  sentToday: number
}

/** What /account/email shows: only masked addresses leave this function. */
export async function citizenEmailState(db: Executor, citizenId: string, now = new Date()): Promise<CitizenEmailState> {
  const me = await db.selectFrom('citizens').select('email').where('id', '=', citizenId).executeTakeFirstOrThrow()
  const open = await openVerification(db, citizenId)
  return {
    emailMasked: me.email ? maskEmail(me.email) : null,
    pending: open ? { emailMasked: maskEmail(open.email), expiresAt: open.expires_at, expired: open.expires_at <= now } : null,
    sentToday: await mailsSince(db, citizenId, now),
  }
}

/** The one verification neither used nor cancelled (expired or not). */
export function openVerification(db: Executor, citizenId: string) {
  return db
    .selectFrom('citizen_email_verifications')
    .select(['id', 'email', 'expires_at', 'created_at'])
    .where('citizen_id', '=', citizenId)
    .where('verified_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst()
}

/** Verification mails asked for in the 24 hours before `now`. */
export async function mailsSince(db: Executor, citizenId: string, now: Date): Promise<number> {
  const r = await db
    .selectFrom('citizen_email_verifications')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('citizen_id', '=', citizenId)
    .where('created_at', '>', new Date(now.getTime() - DAY_MS))
    .executeTakeFirst()
  return Number(r?.n ?? 0)
}
