import type { Executor } from '../../platform/database'
import { trustLevelOf } from './account-trust'
import type { TrustLevel } from './citizen'

/**
 * Second factors of a citizen: TOTP (citizens.totp_enabled_at) and passkeys (passkeys rows). The level rule
 * itself stays in account-trust.ts (trustLevelOf); these read what it needs, inside the caller's transaction.
 */
export async function hasPasskey(db: Executor, citizenId: string): Promise<boolean> {
  return !!(await db.selectFrom('passkeys').select('id').where('citizen_id', '=', citizenId).limit(1).executeTakeFirst())
}

/** The level the citizen's row and factors give right now (after a passkey was added or removed). */
export async function currentTrustLevel(db: Executor, citizenId: string): Promise<TrustLevel> {
  const row = await db.selectFrom('citizens').select(['verified_at', 'verification_method', 'totp_enabled_at']).where('id', '=', citizenId).executeTakeFirstOrThrow()
  const secondFactor = !!row.totp_enabled_at || (await hasPasskey(db, citizenId))
  return trustLevelOf({ verifiedAt: row.verified_at, verificationMethod: row.verification_method, secondFactor })
}
