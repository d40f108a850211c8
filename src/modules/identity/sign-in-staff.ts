import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { signInFailed } from './identity-errors'
import { verifyPassword } from './password'
import { normalizeUsername, type StaffUser } from './staff'
import { loadStaffUser } from './staff-grants'
import { createStaffSession } from './staff-session'
import { assertStaffNotThrottled, recordStaffSignInFailure, STAFF_SIGN_IN } from './staff-throttle'

export type SignInStaffInput = {
  username: string
  password: string
  /** The session cookie the browser presented, if any: it is destroyed so a planted id never becomes a signed-in one. */
  previousToken?: string | undefined
  ip?: string | undefined
  now?: Date
}
export type SignInStaffResult = {
  token: string
  csrfToken: string
  user: StaffUser
  expiresAt: Date
  /** What the pending session must do next: enter a code, or enrol an authenticator first. */
  next: 'totp' | 'enrol'
}

/**
 * First step of a staff sign-in (TOTP is mandatory for staff, so this never yields a signed-in session):
 * checks the lock-out (5 failures in 15 minutes), verifies the argon2id hash, then — in one transaction —
 * destroys the presented session and creates a short-lived PENDING one (mfa_at null) that requireStaff
 * refuses everywhere except the TOTP step. Every outcome is audited; passwords and tokens never are.
 */
export async function signInStaff(db: DB, input: SignInStaffInput): Promise<SignInStaffResult> {
  const now = input.now ?? new Date()
  const username = normalizeUsername(input.username)
  if (!username || !input.password) throw signInFailed()
  const failures = await assertStaffNotThrottled(db, username, { type: 'staff', name: username }, input.ip, now)

  const user = await db.selectFrom('staff_users').selectAll().where('username', '=', username).executeTakeFirst()
  const ok = await verifyPassword(user?.password_hash, input.password)
  if (!user || !ok || user.disabled) {
    await recordStaffSignInFailure(db, username, { type: 'staff', id: user?.id ?? null, name: username }, { factor: 'password', failuresInWindow: failures + 1, ...(input.ip ? { ip: input.ip } : {}) })
    throw signInFailed()
  }

  const session = await db.transaction().execute(async (tx) => {
    const s = await createStaffSession(tx, { userId: user.id, previousToken: input.previousToken, mfa: false, now })
    await recordAudit(tx, { actor: { type: 'staff', id: user.id, name: user.display_name }, action: STAFF_SIGN_IN.passwordAccepted, subject: { type: 'staff_sign_in', id: username } })
    return s
  })
  return { ...session, user: await loadStaffUser(db, user), next: user.totp_enabled_at ? 'totp' : 'enrol' }
}
