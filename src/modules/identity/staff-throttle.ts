import { recordAudit, type Actor } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { signInLocked } from './identity-errors'
import { SIGN_IN_WINDOW_MS, throttleState, type ThrottleSubject } from './sign-in-throttle'

/**
 * Staff sign-in attempts are audited under (staff_sign_in, typed username). A wrong password and a wrong TOTP
 * code both count as `sign_in_failed`; only a COMPLETE sign-in (password + code) is `signed_in` and resets the
 * count — otherwise someone holding the password could reset the counter between guesses at the code.
 * Lock-out: 5 failures in 15 minutes (sign-in-throttle.ts; 等保 2.0 三级 "登录失败处理").
 */
export const STAFF_SIGN_IN = {
  failed: 'identity.staff.sign_in_failed',
  succeeded: 'identity.staff.signed_in',
  refused: 'identity.staff.sign_in_refused',
  passwordAccepted: 'identity.staff.password_accepted',
} as const

export function staffThrottleSubject(username: string): ThrottleSubject {
  return { subjectType: 'staff_sign_in', subjectId: username, failedAction: STAFF_SIGN_IN.failed, successAction: STAFF_SIGN_IN.succeeded }
}

/** Refuses (429, audited) when the account or the client IP is locked; else the failures counted so far. */
export async function assertStaffNotThrottled(db: DB, username: string, actor: Actor, ip: string | undefined, now: Date): Promise<number> {
  const subject = staffThrottleSubject(username)
  const state = await throttleState(db, subject, ip, now)
  if (state.locked) {
    await db.transaction().execute((tx) =>
      recordAudit(tx, { actor, action: STAFF_SIGN_IN.refused, subject: { type: subject.subjectType, id: username }, reason: state.locked === 'account' ? 'locked' : 'ip_limited', details: ip ? { ip } : {} }),
    )
    throw signInLocked(Math.round(SIGN_IN_WINDOW_MS / 60000))
  }
  return state.failures
}

/** One failed attempt (password or code), counted toward the lock-out. */
export async function recordStaffSignInFailure(db: DB, username: string, actor: Actor, details: Record<string, unknown>): Promise<void> {
  await db.transaction().execute((tx) => recordAudit(tx, { actor, action: STAFF_SIGN_IN.failed, subject: { type: 'staff_sign_in', id: username }, details }))
}
