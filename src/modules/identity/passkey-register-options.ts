import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server'
import type { Config } from '../../platform/config'
import type { DB } from '../../platform/database'
import { ConflictError } from '../../platform/errors'
import type { CitizenSession } from './citizen-session'
import { issueChallenge, relyingParty, RP_NAME } from './passkey-challenge'
import { MAX_PASSKEYS } from './passkey-queries'

/**
 * Options for navigator.credentials.create() when a signed-in citizen adds a passkey: a discoverable
 * credential (so /login can use it without a phone number) with user verification (fingerprint, face or
 * screen lock — what makes it count as a second factor). The user handle is the opaque account id; the name
 * the authenticator shows is the MASKED phone. Already registered credentials are excluded. Issuing a
 * challenge changes nothing worth auditing; addPasskey audits the outcome.
 */
export async function startPasskeyRegistration(
  deps: { db: DB; config: Pick<Config, 'publicUrl'> },
  input: { session: CitizenSession; now?: Date },
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const now = input.now ?? new Date()
  const me = input.session.user
  const mine = await deps.db.selectFrom('passkeys').select(['id', 'transports']).where('citizen_id', '=', me.id).execute()
  if (mine.length >= MAX_PASSKEYS) throw new ConflictError(`每个账号最多可添加${MAX_PASSKEYS}个通行密钥，请先删除不再使用的。 At most ${MAX_PASSKEYS} passkeys; remove one you no longer use.`, 'passkey_limit')
  const challenge = await issueChallenge(deps.db, { purpose: 'register', citizenId: me.id, now })
  const { rpID } = relyingParty(deps.config)
  const { generateRegistrationOptions } = await import('@simplewebauthn/server') // loaded on first use (start-up cost)
  return generateRegistrationOptions({
    rpName: RP_NAME,
    rpID,
    userName: me.phoneMasked,
    userDisplayName: me.displayName,
    userID: new Uint8Array(Buffer.from(me.id, 'utf8')),
    challenge: new Uint8Array(Buffer.from(challenge, 'base64url')),
    timeout: 120_000,
    attestationType: 'none',
    excludeCredentials: mine.map((p) => ({ id: p.id, transports: p.transports as never })),
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
  })
}
