import { recordAudit, type Actor } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { normalizeMobilePhone } from '../../platform/identifiers'
import { maskPhone } from '../../platform/privacy'
import type { Secrets } from '../../platform/secrets'
import { createCitizenSession } from './citizen-session'
import { verifyPassword } from './password'
import { citizenSignInFailed, citizenSignInLocked } from './sign-in-citizen-errors'
import { SIGN_IN_WINDOW_MS, throttleState, type ThrottleSubject } from './sign-in-throttle'

export type CitizenSignInDeps = { db: DB; secrets: Pick<Secrets, 'pseudonym' | 'open'> }
export type SignInCitizenInput = { phone: string; password: string; ip?: string | undefined; previousToken?: string | undefined; now?: Date }
export type SignInCitizenResult =
  | { kind: 'signed_in'; citizenId: string; token: string; csrfToken: string; expiresAt: Date }
  /** Password accepted; the account has TOTP on, so a second step is needed before any session exists. */
  | { kind: 'totp_required'; citizenId: string }

export const CITIZEN_SIGN_IN = {
  failed: 'identity.citizen.sign_in_failed',
  succeeded: 'identity.citizen.signed_in',
  refused: 'identity.citizen.sign_in_refused',
} as const

/** Attempts are audited under a pseudonym of the typed phone (never the raw number), per account. */
export function citizenThrottleSubject(secrets: Pick<Secrets, 'pseudonym'>, phone: string): ThrottleSubject {
  return { subjectType: 'citizen_sign_in', subjectId: secrets.pseudonym('phone', phone), failedAction: CITIZEN_SIGN_IN.failed, successAction: CITIZEN_SIGN_IN.succeeded }
}

/** Refuses when the account or the IP is locked; audits the refusal. */
export async function assertNotThrottled(db: DB, subject: ThrottleSubject, actor: Actor, ip: string | undefined, now: Date): Promise<number> {
  const state = await throttleState(db, subject, ip, now)
  if (state.locked) {
    await db.transaction().execute((tx) =>
      recordAudit(tx, { actor, action: CITIZEN_SIGN_IN.refused, subject: { type: subject.subjectType, id: subject.subjectId }, reason: state.locked === 'account' ? 'locked' : 'ip_limited', details: ip ? { ip } : {} }),
    )
    throw citizenSignInLocked(Math.round(SIGN_IN_WINDOW_MS / 60000), state.locked)
  }
  return state.failures
}

/** Records a failed attempt (password or second factor) so it counts toward both limits. */
export async function recordSignInFailure(db: DB, subject: ThrottleSubject, actor: Actor, details: Record<string, unknown>): Promise<void> {
  await db.transaction().execute((tx) => recordAudit(tx, { actor, action: CITIZEN_SIGN_IN.failed, subject: { type: subject.subjectType, id: subject.subjectId }, details }))
}

/**
 * Signs a citizen in with phone + password: lock-out first (5 failures per phone in 15 minutes, 30 per IP),
 * then the argon2id check — unknown numbers take the same path and time as wrong passwords. Accounts with TOTP
 * stop at `totp_required` (sign-in-citizen-totp.ts finishes). Otherwise one transaction destroys the presented
 * session, creates a new one (no fixation) and audits.
 */
export async function signInCitizen(deps: CitizenSignInDeps, input: SignInCitizenInput): Promise<SignInCitizenResult> {
  const now = input.now ?? new Date()
  const phone = normalizeMobilePhone(input.phone.slice(0, 40))
  const subject = citizenThrottleSubject(deps.secrets, phone)
  const who: Actor = { type: 'citizen', name: maskPhone(phone) }
  const failures = await assertNotThrottled(deps.db, subject, who, input.ip, now)

  const user = phone ? await deps.db.selectFrom('citizens').select(['id', 'password_hash', 'display_name', 'disabled', 'totp_enabled_at']).where('phone', '=', phone).executeTakeFirst() : undefined
  const ok = await verifyPassword(user?.password_hash, input.password)
  if (!user || !ok || user.disabled) {
    await recordSignInFailure(deps.db, subject, { ...who, id: user?.id ?? null }, { factor: 'password', failuresInWindow: failures + 1, ...(input.ip ? { ip: input.ip } : {}) })
    throw citizenSignInFailed()
  }
  if (user.totp_enabled_at) return { kind: 'totp_required', citizenId: user.id }

  return deps.db.transaction().execute(async (tx) => {
    const s = await createCitizenSession(tx, { citizenId: user.id, previousToken: input.previousToken, now })
    await recordAudit(tx, {
      actor: { type: 'citizen', id: user.id, name: user.display_name },
      action: CITIZEN_SIGN_IN.succeeded,
      subject: { type: subject.subjectType, id: subject.subjectId },
      details: { factors: ['password'], ...(input.ip ? { ip: input.ip } : {}) },
    })
    return { kind: 'signed_in' as const, citizenId: user.id, ...s }
  })
}
