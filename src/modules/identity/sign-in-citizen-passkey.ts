import { recordAudit, type Actor } from '../../platform/audit'
import type { Config } from '../../platform/config'
import { UnauthorizedError } from '../../platform/errors'
import { maskPhone } from '../../platform/privacy'
import { createCitizenSession } from './citizen-session'
import { consumeChallenge, relyingParty } from './passkey-challenge'
import { readAuthentication } from './passkey-response'
import { assertNotThrottled, CITIZEN_SIGN_IN, citizenThrottleSubject, recordSignInFailure, type CitizenSignInDeps } from './sign-in-citizen'

export type SignInCitizenPasskeyInput = { credential: unknown; ip?: string | undefined; previousToken?: string | undefined; now?: Date }

export function passkeySignInFailed(): UnauthorizedError {
  return new UnauthorizedError('无法使用该通行密钥登录，请重试或使用手机号和密码登录。 This passkey could not sign you in; try again or use your phone number and password.', 'citizen_passkey_failed')
}

/**
 * Usernameless sign-in with a passkey (discoverable credential, user verification required). The challenge is
 * consumed first (once, within 5 minutes); the credential id names the account; the assertion is verified
 * against the stored public key (origin, rpID, user verified, signature counter must grow unless the
 * authenticator keeps none). Failures count toward the same account and IP lock-out as wrong passwords.
 * A passkey is phishing-resistant and proves possession AND the person (UV), so the new session is
 * second-factor authenticated (mfa_at) — no TOTP step follows. One transaction moves the counter (guarded),
 * records the use, creates the session (destroying the presented one) and audits.
 */
export async function signInCitizenPasskey(deps: CitizenSignInDeps & { config: Pick<Config, 'publicUrl'> }, input: SignInCitizenPasskeyInput) {
  const now = input.now ?? new Date()
  const ipDetail = input.ip ? { ip: input.ip } : {}
  const { response, challenge } = readAuthentication(input.credential)
  await consumeChallenge(deps.db, { purpose: 'sign_in', citizenId: null, challenge, now })

  const key = await deps.db
    .selectFrom('passkeys as p')
    .innerJoin('citizens as c', 'c.id', 'p.citizen_id')
    .select(['p.id', 'p.public_key', 'p.counter', 'p.transports', 'c.id as citizen_id', 'c.phone', 'c.display_name', 'c.disabled'])
    .where('p.id', '=', response.id)
    .executeTakeFirst()
  if (!key) {
    // Unknown credential (removed, or never ours): counts toward the per-IP limit only.
    const unknown = { subjectType: 'citizen_sign_in', subjectId: deps.secrets.pseudonym('passkey', response.id), failedAction: CITIZEN_SIGN_IN.failed, successAction: CITIZEN_SIGN_IN.succeeded }
    await assertNotThrottled(deps.db, unknown, { type: 'citizen', name: null }, input.ip, now)
    await recordSignInFailure(deps.db, unknown, { type: 'citizen', name: null }, { factor: 'passkey', outcome: 'unknown_credential', ...ipDetail })
    throw passkeySignInFailed()
  }
  const subject = citizenThrottleSubject(deps.secrets, key.phone)
  const who: Actor = { type: 'citizen', id: key.citizen_id, name: maskPhone(key.phone) }
  const failures = await assertNotThrottled(deps.db, subject, who, input.ip, now)
  const handleOk = !response.response.userHandle || Buffer.from(response.response.userHandle, 'base64url').toString('utf8') === key.citizen_id
  const { rpID, origin } = relyingParty(deps.config)
  let outcome = 'not_verified'
  const { verifyAuthenticationResponse } = await import('@simplewebauthn/server') // loaded on first use (start-up cost)
  const v = handleOk && !key.disabled
    ? await verifyAuthenticationResponse({
        response, expectedChallenge: challenge, expectedOrigin: origin, expectedRPID: rpID, requireUserVerification: true,
        credential: { id: key.id, publicKey: new Uint8Array(key.public_key), counter: Number(key.counter), transports: key.transports as never },
      }).catch((err: unknown) => {
        outcome = err instanceof Error && /counter/i.test(err.message) ? 'counter_regression' : 'not_verified'
        return undefined
      })
    : undefined
  if (!v?.verified) {
    await recordSignInFailure(deps.db, subject, who, { factor: 'passkey', outcome: key.disabled ? 'disabled' : handleOk ? outcome : 'user_handle_mismatch', failuresInWindow: failures + 1, ...ipDetail })
    throw passkeySignInFailed()
  }
  return deps.db.transaction().execute(async (tx) => {
    // Guarded: two requests racing with responses of the same counter value cannot both win.
    const r = await tx
      .updateTable('passkeys')
      .set({ counter: v.authenticationInfo.newCounter, last_used_at: now })
      .where('id', '=', key.id)
      .where('counter', '=', Number(key.counter))
      .executeTakeFirst()
    if (Number(r.numUpdatedRows) !== 1) throw passkeySignInFailed()
    const s = await createCitizenSession(tx, { citizenId: key.citizen_id, previousToken: input.previousToken, mfa: true, now })
    await recordAudit(tx, {
      actor: { type: 'citizen', id: key.citizen_id, name: key.display_name },
      action: CITIZEN_SIGN_IN.succeeded,
      subject: { type: subject.subjectType, id: subject.subjectId },
      details: { factors: ['passkey'], passkeyId: key.id, ...ipDetail },
    })
    return { citizenId: key.citizen_id, ...s }
  })
}
