import { recordAudit } from '../../platform/audit'
import type { Config } from '../../platform/config'
import type { DB } from '../../platform/database'
import { ConflictError, ValidationError } from '../../platform/errors'
import type { TrustLevel } from './citizen'
import type { CitizenSession } from './citizen-session'
import { chinaDate } from './mandate-dates'
import { consumeChallenge, relyingParty } from './passkey-challenge'
import { cleanPasskeyLabel, MAX_PASSKEYS } from './passkey-queries'
import { readRegistration } from './passkey-response'
import { currentTrustLevel } from './second-factor'

/**
 * Adds the passkey the browser just created (navigator.credentials.create with startPasskeyRegistration's
 * options): the challenge is consumed first (once, for this citizen, within 5 minutes), then the attestation
 * is verified (origin, rpID, user present AND verified). One transaction stores the credential, recomputes the
 * trust level (a verified account with a second factor is 3), marks this session second-factor
 * authenticated (as enabling TOTP does) and audits. Refusals are audited too.
 */
export async function addPasskey(
  deps: { db: DB; config: Pick<Config, 'publicUrl'> },
  input: { session: CitizenSession; label: string; credential: unknown; now?: Date },
): Promise<{ passkeyId: string; trustLevel: TrustLevel }> {
  const now = input.now ?? new Date()
  const me = input.session.user
  const actor = { type: 'citizen' as const, id: me.id, name: me.displayName }
  const label = cleanPasskeyLabel(input.label, `通行密钥 ${chinaDate(now)}`)
  const { response, challenge, transports } = readRegistration(input.credential)
  await consumeChallenge(deps.db, { purpose: 'register', citizenId: me.id, challenge, now })
  const { rpID, origin } = relyingParty(deps.config)
  let reason = 'not_verified'
  const { verifyRegistrationResponse } = await import('@simplewebauthn/server') // loaded on first use (start-up cost)
  const v = await verifyRegistrationResponse({ response, expectedChallenge: challenge, expectedOrigin: origin, expectedRPID: rpID, requireUserVerification: true }).catch((err: unknown) => {
    reason = err instanceof Error ? err.message.slice(0, 200) : 'error'
    return undefined
  })
  if (!v?.verified) {
    await deps.db.transaction().execute((tx) => recordAudit(tx, { actor, action: 'identity.citizen.passkey_add_failed', subject: { type: 'citizen', id: me.id }, reason }))
    throw new ValidationError('通行密钥验证未通过，请重试；如仍失败，请换用其他设备或浏览器。 The passkey could not be verified; try again or use another device.', [], 'passkey_not_verified')
  }
  const cred = v.registrationInfo.credential
  return deps.db.transaction().execute(async (tx) => {
    // The citizen row lock serialises two adds of the same account (limit and duplicate checks below).
    await tx.selectFrom('citizens').select('id').where('id', '=', me.id).forUpdate().executeTakeFirstOrThrow()
    const taken = await tx.selectFrom('passkeys').select('citizen_id').where('id', '=', cred.id).executeTakeFirst()
    if (taken) throw new ConflictError('这个通行密钥已经添加过了。 This passkey is already registered.', 'passkey_exists')
    const count = await tx.selectFrom('passkeys').select((eb) => eb.fn.countAll<number>().as('n')).where('citizen_id', '=', me.id).executeTakeFirstOrThrow()
    if (Number(count.n) >= MAX_PASSKEYS) throw new ConflictError(`每个账号最多可添加${MAX_PASSKEYS}个通行密钥。 At most ${MAX_PASSKEYS} passkeys.`, 'passkey_limit')
    await tx
      .insertInto('passkeys')
      .values({ id: cred.id, citizen_id: me.id, public_key: cred.publicKey, counter: cred.counter, transports, label, created_at: now })
      .execute()
    const level = await currentTrustLevel(tx, me.id)
    await tx.updateTable('citizens').set({ trust_level: level }).where('id', '=', me.id).execute()
    await tx.updateTable('citizen_sessions').set({ mfa_at: now }).where('id', '=', input.session.sessionId).execute()
    await recordAudit(tx, {
      actor,
      action: 'identity.citizen.passkey_added',
      subject: { type: 'citizen', id: me.id },
      details: { passkeyId: cred.id, label, deviceType: v.registrationInfo.credentialDeviceType, backedUp: v.registrationInfo.credentialBackedUp, trustLevel: level },
    })
    return { passkeyId: cred.id, trustLevel: level }
  })
}
