import { generateKeyPairSync, randomUUID, type JsonWebKey } from 'node:crypto'
import type { DB } from '../../../platform/database'
import type { Secrets } from '../../../platform/secrets'

/**
 * The OpenID Provider's signing keys. RS256 because OpenID Connect Discovery 1.0 §3 requires every OP to
 * support it for ID tokens (id_token_signing_alg_values_supported "MUST include RS256"), so any standard
 * client library verifies our tokens without configuration.
 *
 * Made at first use and stored as a private JWK (RFC 7517) sealed with the platform key in oidc_keys, so every
 * web process signs with the same key and serves the same JWKS. Two processes starting together both try to
 * insert; the partial unique index lets one win and both then read the winner.
 */
export const SIGNING_ALG = 'RS256'

export async function loadSigningKeys(db: DB, secrets: Secrets): Promise<JsonWebKey[]> {
  let rows = await activeKeys(db)
  if (!rows.length) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const kid = randomUUID()
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid, alg: SIGNING_ALG, use: 'sig' }
    await db
      .insertInto('oidc_keys')
      .values({ kid, alg: SIGNING_ALG, jwk_sealed: secrets.seal(JSON.stringify(jwk)), retired_at: null })
      .onConflict((oc) => oc.column('alg').where('retired_at', 'is', null).doNothing())
      .execute()
    rows = await activeKeys(db)
  }
  return rows.map((r) => JSON.parse(secrets.open(r.jwk_sealed)) as JsonWebKey)
}

function activeKeys(db: DB) {
  return db.selectFrom('oidc_keys').select(['kid', 'jwk_sealed']).where('retired_at', 'is', null).orderBy('created_at', 'desc').execute()
}
