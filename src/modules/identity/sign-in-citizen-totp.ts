import { recordAudit } from '../../platform/audit'
import { maskPhone } from '../../platform/privacy'
import { createCitizenSession } from './citizen-session'
import { citizenSignInExpired, citizenTotpFailed } from './sign-in-citizen-errors'
import { assertNotThrottled, CITIZEN_SIGN_IN, citizenThrottleSubject, recordSignInFailure, type CitizenSignInDeps } from './sign-in-citizen'
import { verifyTotp } from './totp'

export type SignInCitizenTotpInput = { citizenId: string; code: string; ip?: string | undefined; previousToken?: string | undefined; now?: Date }

/**
 * Second step of a citizen sign-in: the code from the authenticator app (RFC 6238). Wrong codes count toward
 * the same lock-out as wrong passwords; a code whose time step was already used is refused (replay); the step
 * is kept in citizens.totp_last_step in the same transaction that creates the session (mfa_at set).
 */
export async function signInCitizenTotp(deps: CitizenSignInDeps, input: SignInCitizenTotpInput) {
  const now = input.now ?? new Date()
  const user = await deps.db
    .selectFrom('citizens')
    .select(['id', 'phone', 'display_name', 'disabled', 'totp_secret', 'totp_enabled_at', 'totp_last_step'])
    .where('id', '=', input.citizenId)
    .executeTakeFirst()
  if (!user || user.disabled || !user.totp_secret || !user.totp_enabled_at) throw citizenSignInExpired()
  const subject = citizenThrottleSubject(deps.secrets, user.phone)
  const who = { type: 'citizen' as const, id: user.id, name: maskPhone(user.phone) }
  const failures = await assertNotThrottled(deps.db, subject, who, input.ip, now)

  const step = verifyTotp(deps.secrets.open(user.totp_secret), input.code.slice(0, 20), user.totp_last_step, now.getTime())
  if (step === null) {
    await recordSignInFailure(deps.db, subject, who, { factor: 'totp', failuresInWindow: failures + 1, ...(input.ip ? { ip: input.ip } : {}) })
    throw citizenTotpFailed()
  }
  return deps.db.transaction().execute(async (tx) => {
    // Guarded update: two requests racing with the same code cannot both win.
    const r = await tx
      .updateTable('citizens')
      .set({ totp_last_step: step })
      .where('id', '=', user.id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst()
    if (Number(r.numUpdatedRows) !== 1) throw citizenTotpFailed()
    const s = await createCitizenSession(tx, { citizenId: user.id, previousToken: input.previousToken, mfa: true, now })
    await recordAudit(tx, {
      actor: { type: 'citizen', id: user.id, name: user.display_name },
      action: CITIZEN_SIGN_IN.succeeded,
      subject: { type: subject.subjectType, id: subject.subjectId },
      details: { factors: ['password', 'totp'], ...(input.ip ? { ip: input.ip } : {}) },
    })
    return { citizenId: user.id, ...s }
  })
}
