import { sql } from 'kysely'
import { recordAudit } from '../../platform/audit'
import type { DB, Executor } from '../../platform/database'
import { signInFailed, signInLocked } from './identity-errors'
import { verifyPassword } from './password'
import { newToken, sessionIdOf, isTokenShaped } from './staff-session'
import { loadStaffUser } from './staff-grants'
import { normalizeUsername, SESSION_ABSOLUTE_MS, SIGN_IN_MAX_FAILURES, SIGN_IN_WINDOW_MS, type StaffUser } from './staff'

export type SignInStaffInput = {
  username: string
  password: string
  /** The session cookie the browser presented, if any: it is destroyed so a planted id never becomes a signed-in one. */
  previousToken?: string | undefined
  now?: Date
}
export type SignInStaffResult = { token: string; csrfToken: string; user: StaffUser; expiresAt: Date }

/** Attempts are audited under this subject (the typed username), so lock-out is derived from the record. */
const SUBJECT = 'staff_sign_in'

/**
 * Signs a staff member in: checks the lock-out (5 failures in 15 minutes since the last success), verifies
 * the argon2id hash, then — in one transaction — destroys the presented session, creates a new one with a
 * fresh id and CSRF token, and audits. Every outcome is audited; passwords and tokens never are.
 */
export async function signInStaff(db: DB, input: SignInStaffInput): Promise<SignInStaffResult> {
  const now = input.now ?? new Date()
  const username = normalizeUsername(input.username)
  if (!username || !input.password) throw signInFailed()

  const failures = await recentFailures(db, username, now)
  if (failures >= SIGN_IN_MAX_FAILURES) {
    await db.transaction().execute((tx) =>
      recordAudit(tx, { actor: { type: 'staff', name: username }, action: 'identity.staff.sign_in_refused', subject: { type: SUBJECT, id: username }, reason: 'locked' }),
    )
    throw signInLocked(Math.round(SIGN_IN_WINDOW_MS / 60000))
  }

  const user = await db.selectFrom('staff_users').selectAll().where('username', '=', username).executeTakeFirst()
  const ok = await verifyPassword(user?.password_hash, input.password)
  if (!user || !ok || user.disabled) {
    await db.transaction().execute((tx) =>
      recordAudit(tx, {
        actor: { type: 'staff', id: user?.id ?? null, name: username },
        action: 'identity.staff.sign_in_failed',
        subject: { type: SUBJECT, id: username },
        details: { failuresInWindow: failures + 1 },
      }),
    )
    throw signInFailed()
  }

  const token = newToken()
  const csrfToken = newToken()
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS)
  await db.transaction().execute(async (tx) => {
    if (isTokenShaped(input.previousToken)) await tx.deleteFrom('staff_sessions').where('id', '=', sessionIdOf(input.previousToken)).execute()
    await tx.deleteFrom('staff_sessions').where('user_id', '=', user.id).where('expires_at', '<=', now).execute()
    await tx.insertInto('staff_sessions').values({ id: sessionIdOf(token), user_id: user.id, csrf_token: csrfToken, created_at: now, last_seen_at: now, expires_at: expiresAt }).execute()
    await recordAudit(tx, { actor: { type: 'staff', id: user.id, name: user.display_name }, action: 'identity.staff.signed_in', subject: { type: SUBJECT, id: username } })
  })
  return { token, csrfToken, expiresAt, user: await loadStaffUser(db, user) }
}

/** Failed attempts for this username within the window and after its last successful sign-in. */
async function recentFailures(db: Executor, username: string, now: Date): Promise<number> {
  const windowStart = new Date(now.getTime() - SIGN_IN_WINDOW_MS)
  const lastSuccess = await db
    .selectFrom('audit_log')
    .select(sql<Date | null>`max(occurred_at)`.as('at'))
    .where('subject_type', '=', SUBJECT)
    .where('subject_id', '=', username)
    .where('action', '=', 'identity.staff.signed_in')
    .where('occurred_at', '>', windowStart)
    .executeTakeFirst()
  const since = lastSuccess?.at ? new Date(lastSuccess.at) : windowStart
  const r = await db
    .selectFrom('audit_log')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('subject_type', '=', SUBJECT)
    .where('subject_id', '=', username)
    .where('action', '=', 'identity.staff.sign_in_failed')
    .where('occurred_at', '>', since)
    .executeTakeFirst()
  return Number(r?.n ?? 0)
}
