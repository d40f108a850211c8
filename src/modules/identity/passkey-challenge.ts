import { randomBytes } from 'node:crypto'
import type { Config } from '../../platform/config'
import type { Executor } from '../../platform/database'
import { ValidationError } from '../../platform/errors'
import { uuidv7 } from '../../platform/ids'

/**
 * WebAuthn relying-party settings and one-time challenges (webauthn_challenges, migration 0009).
 * rpID = host name of PUBLIC_URL, origin = PUBLIC_URL: a passkey made here only ever signs for this site
 * (the browser enforces the rpID, verification the origin) — what makes it phishing-resistant.
 */
export const PASSKEY_CHALLENGE_TTL_MS = 5 * 60 * 1000
export const RP_NAME = '一网通办'

export function relyingParty(config: Pick<Config, 'publicUrl'>): { rpID: string; origin: string } {
  const url = new URL(config.publicUrl)
  return { rpID: url.hostname, origin: url.origin }
}

export type ChallengePurpose = 'register' | 'sign_in'

/** A fresh random challenge (32 bytes, base64url) stored for 5 minutes; expired rows are swept on the way. */
export async function issueChallenge(db: Executor, input: { purpose: ChallengePurpose; citizenId: string | null; now: Date }): Promise<string> {
  const challenge = randomBytes(32).toString('base64url')
  await db.deleteFrom('webauthn_challenges').where('expires_at', '<', new Date(input.now.getTime() - PASSKEY_CHALLENGE_TTL_MS)).execute()
  await db
    .insertInto('webauthn_challenges')
    .values({ id: uuidv7(), citizen_id: input.citizenId, purpose: input.purpose, challenge, created_at: input.now, expires_at: new Date(input.now.getTime() + PASSKEY_CHALLENGE_TTL_MS) })
    .execute()
  return challenge
}

/**
 * Consumes the challenge the browser signed, once: a guarded update, so a replayed response — or two racing
 * ones — finds no live row. Registration challenges only count for the citizen they were made for. Runs on
 * its own (not in the caller's transaction): a response that then fails verification has still used it up.
 */
export async function consumeChallenge(db: Executor, input: { purpose: ChallengePurpose; citizenId: string | null; challenge: string; now: Date }): Promise<void> {
  let q = db
    .updateTable('webauthn_challenges')
    .set({ consumed_at: input.now })
    .where('challenge', '=', input.challenge)
    .where('purpose', '=', input.purpose)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', input.now)
  q = input.citizenId ? q.where('citizen_id', '=', input.citizenId) : q.where('citizen_id', 'is', null)
  const r = await q.executeTakeFirst()
  if (Number(r.numUpdatedRows) !== 1) throw challengeExpired()
}

export function challengeExpired(): ValidationError {
  return new ValidationError('通行密钥验证已超时或已使用，请重新操作。 The passkey request expired or was already used; try again.', [], 'passkey_challenge_expired')
}
