import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server'
import type { Config } from '../../platform/config'
import type { DB } from '../../platform/database'
import { issueChallenge, relyingParty } from './passkey-challenge'

/**
 * Options for navigator.credentials.get() on /login: no allowCredentials (usernameless — the browser offers
 * the passkeys it holds for this site, and the response names the account), user verification required.
 * The challenge belongs to nobody yet (citizen_id null); signInCitizenPasskey consumes it.
 */
export async function startPasskeySignIn(deps: { db: DB; config: Pick<Config, 'publicUrl'> }, input: { now?: Date } = {}): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const now = input.now ?? new Date()
  const challenge = await issueChallenge(deps.db, { purpose: 'sign_in', citizenId: null, now })
  const { generateAuthenticationOptions } = await import('@simplewebauthn/server') // loaded on first use (start-up cost)
  return generateAuthenticationOptions({
    rpID: relyingParty(deps.config).rpID,
    challenge: new Uint8Array(Buffer.from(challenge, 'base64url')),
    timeout: 120_000,
    userVerification: 'required',
  })
}
