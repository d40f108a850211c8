import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Executor } from '../../platform/database'
import { keepSessionAlive } from './session-lifetime'
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS, type StaffUser } from './staff'
import { loadStaffUser } from './staff-grants'

/**
 * Server-side staff sessions. The cookie holds 32 random bytes (base64url); the table stores only their
 * SHA-256, so a database leak does not hand out live sessions.
 */
export type StaffSession = {
  sessionId: string
  csrfToken: string
  user: StaffUser
  expiresAt: Date
  /** When the second factor was passed; null = password only (a pending sign-in, not yet signed in). */
  mfaAt: Date | null
  /** The account has a confirmed TOTP authenticator (else the pending sign-in goes to enrolment). */
  totpEnrolled: boolean
  /** A one-time password set by an administrator must be replaced before anything else. */
  mustChangePassword: boolean
}

/** A password-only session lives this long: enough to open the authenticator app, not to wander off. */
export const PENDING_SESSION_MS = 10 * 60 * 1000

/**
 * Creates a session row inside the caller's transaction, destroying the one the browser presented (no session
 * fixation — OWASP ASVS 3.2.1). Used after the password (mfa false, short-lived) and again after the second
 * factor (mfa true): the privilege change gets a fresh id and CSRF token too.
 */
export async function createStaffSession(
  tx: Executor,
  input: { userId: string; previousToken?: string | undefined; mfa: boolean; now: Date },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken()
  const csrfToken = newToken()
  const expiresAt = new Date(input.now.getTime() + (input.mfa ? SESSION_ABSOLUTE_MS : PENDING_SESSION_MS))
  if (isTokenShaped(input.previousToken)) await tx.deleteFrom('staff_sessions').where('id', '=', sessionIdOf(input.previousToken)).execute()
  await tx.deleteFrom('staff_sessions').where('user_id', '=', input.userId).where('expires_at', '<=', input.now).execute()
  await tx
    .insertInto('staff_sessions')
    .values({ id: sessionIdOf(token), user_id: input.userId, csrf_token: csrfToken, mfa_at: input.mfa ? input.now : null, created_at: input.now, last_seen_at: input.now, expires_at: expiresAt })
    .execute()
  return { token, csrfToken, expiresAt }
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function isTokenShaped(token: string | undefined): token is string {
  return !!token && TOKEN_SHAPE.test(token)
}

/** Constant-time comparison of two secrets (CSRF tokens). */
export function sameSecret(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * The live session for a cookie token, or undefined. Expired sessions (idle > 30 min or older than 12 h) and
 * sessions of disabled accounts are deleted on sight; a live one gets its last_seen_at refreshed.
 */
export async function findStaffSession(db: Executor, token: string | undefined, now = new Date()): Promise<StaffSession | undefined> {
  if (!isTokenShaped(token)) return undefined
  const id = sessionIdOf(token)
  const row = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', 'u.id', 's.user_id')
    .select([
      's.id', 's.csrf_token', 's.last_seen_at', 's.expires_at', 's.created_at', 's.mfa_at',
      'u.id as user_id', 'u.username', 'u.display_name', 'u.department_id', 'u.disabled', 'u.totp_enabled_at', 'u.must_change_password',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined
  if (!(await keepSessionAlive(db, 'staff_sessions', row, now, { idleMs: SESSION_IDLE_MS, absoluteMs: SESSION_ABSOLUTE_MS, touchMs: SESSION_TOUCH_MS }))) return undefined
  return {
    sessionId: id,
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at),
    user: await loadStaffUser(db, { id: row.user_id, username: row.username, display_name: row.display_name, department_id: row.department_id }),
    mfaAt: row.mfa_at ? new Date(row.mfa_at) : null,
    totpEnrolled: row.totp_enabled_at !== null,
    mustChangePassword: row.must_change_password,
  }
}
