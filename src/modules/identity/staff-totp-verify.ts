import { recordAudit } from '../../platform/audit'
import { DomainError } from '../../platform/errors'
import { staffSignInExpired, staffTotpFailed } from './staff-errors'
import { createStaffSession, type StaffSession } from './staff-session'
import { assertStaffNotThrottled, recordStaffSignInFailure, STAFF_SIGN_IN } from './staff-throttle'
import type { StaffTotpDeps } from './staff-totp-enrol'
import { verifyTotp } from './totp'
import { signInLocked } from './identity-errors'
import { SIGN_IN_MAX_FAILURES, SIGN_IN_WINDOW_MS } from './sign-in-throttle'

export type CompleteStaffTotpInput = { session: StaffSession; code: string; previousToken?: string | undefined; ip?: string | undefined; now?: Date }

/**
 * Second step of a staff sign-in — and, for an account without an authenticator, the confirmation of its
 * enrolment. Wrong codes count toward the same lock-out as wrong passwords (5 in 15 minutes); on lock-out
 * the pending session is destroyed. A code whose time step was already accepted is refused (RFC 6238 §5.2):
 * the step is kept in staff_users.totp_last_step by a guarded update, so two racing requests cannot both win.
 * Success replaces the pending session with a new one (new id and CSRF token; mfa_at set).
 */
export async function completeStaffTotp(deps: StaffTotpDeps, input: CompleteStaffTotpInput) {
  const now = input.now ?? new Date()
  const { user } = input.session
  const row = await deps.db.selectFrom('staff_users').select(['totp_secret', 'totp_enabled_at', 'totp_last_step', 'disabled', 'must_change_password']).where('id', '=', user.id).executeTakeFirst()
  if (!row || row.disabled || !row.totp_secret) throw staffSignInExpired()
  const who = { type: 'staff' as const, id: user.id, name: user.username }
  const endPending = () => deps.db.deleteFrom('staff_sessions').where('id', '=', input.session.sessionId).execute()
  let failures: number
  try {
    failures = await assertStaffNotThrottled(deps.db, user.username, who, input.ip, now)
  } catch (err) {
    if (err instanceof DomainError) await endPending()
    throw err
  }
  const enrolling = !row.totp_enabled_at
  const step = verifyTotp(deps.secrets.open(row.totp_secret), input.code.slice(0, 20), row.totp_last_step, now.getTime())
  if (step === null) {
    await recordStaffSignInFailure(deps.db, user.username, who, { factor: 'totp', enrolling, failuresInWindow: failures + 1, ...(input.ip ? { ip: input.ip } : {}) })
    if (failures + 1 < SIGN_IN_MAX_FAILURES) throw staffTotpFailed()
    // That was the last allowed attempt: the pending sign-in ends and the account is locked for the window.
    await endPending()
    throw signInLocked(Math.round(SIGN_IN_WINDOW_MS / 60000))
  }
  return deps.db.transaction().execute(async (tx) => {
    const r = await tx
      .updateTable('staff_users')
      .set({ totp_last_step: step, ...(enrolling ? { totp_enabled_at: now } : {}) })
      .where('id', '=', user.id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst()
    if (Number(r.numUpdatedRows) !== 1) throw staffTotpFailed()
    const s = await createStaffSession(tx, { userId: user.id, previousToken: input.previousToken, mfa: true, now })
    await tx.deleteFrom('staff_sessions').where('id', '=', input.session.sessionId).execute()
    const actor = { type: 'staff' as const, id: user.id, name: user.displayName }
    if (enrolling) await recordAudit(tx, { actor, action: 'identity.staff.totp_enrolled', subject: { type: 'staff_user', id: user.id } })
    await recordAudit(tx, { actor, action: STAFF_SIGN_IN.succeeded, subject: { type: 'staff_sign_in', id: user.username }, details: { factors: ['password', 'totp'], ...(input.ip ? { ip: input.ip } : {}) } })
    return { ...s, mustChangePassword: row.must_change_password }
  })
}
