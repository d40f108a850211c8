import type { Adapter, AdapterPayload } from 'oidc-provider'
import type { DB } from '../../../platform/database'
import type { Logger } from '../../../platform/logger'
import type { Secrets } from '../../../platform/secrets'
import { EXCHANGE_READ_SCOPE, kindOf } from '../oauth-client'

/**
 * oidc-provider's storage over Kysely (the adapter contract: oidc-provider example/my_adapter.js), working on
 * PostgreSQL and PGlite alike:
 *  - model "Client" reads oauth_clients (admins register clients; there is no dynamic registration);
 *  - every other model (Session, Interaction, Grant, AuthorizationCode, AccessToken, ClientCredentials, …)
 *    is a row of oidc_payloads keyed by (model, id), expiring at expires_at.
 */
export const WEB_CLIENT_SCOPES = 'openid profile phone'

export function adapterFactory(db: DB, secrets: Secrets, log: Logger): (model: string) => Adapter {
  return (model) => (model === 'Client' ? clientAdapter(db, secrets, log) : payloadAdapter(db, model))
}

const epoch = (d: Date | string) => Math.floor(new Date(d).getTime() / 1000)
/** How often an upsert also sweeps long-expired rows (no job runner yet; cheap with the (model, id) key). */
const SWEEP_CHANCE = 0.02

function payloadAdapter(db: DB, model: string): Adapter {
  const live = () =>
    db
      .selectFrom('oidc_payloads')
      .select(['payload', 'consumed_at'])
      .where('model', '=', model)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', new Date())]))
  const out = (row: { payload: Record<string, unknown>; consumed_at: Date | string | null } | undefined): AdapterPayload | undefined =>
    row ? ({ ...row.payload, ...(row.consumed_at ? { consumed: epoch(row.consumed_at) } : {}) } as AdapterPayload) : undefined

  return {
    async upsert(id, payload, expiresIn) {
      const values = {
        payload: JSON.stringify(payload),
        grant_id: typeof payload.grantId === 'string' ? payload.grantId : null,
        user_code: typeof payload.userCode === 'string' ? payload.userCode : null,
        uid: typeof payload.uid === 'string' ? payload.uid : null,
        expires_at: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
      }
      await db
        .insertInto('oidc_payloads')
        .values({ model, id, ...values, consumed_at: null })
        .onConflict((oc) => oc.columns(['model', 'id']).doUpdateSet(values))
        .execute()
      if (Math.random() < SWEEP_CHANCE) {
        await db.deleteFrom('oidc_payloads').where('expires_at', '<', new Date(Date.now() - 3600_000)).execute()
      }
    },
    async find(id) {
      return out(await live().where('id', '=', id).executeTakeFirst())
    },
    async findByUid(uid) {
      return out(await live().where('uid', '=', uid).executeTakeFirst())
    },
    async findByUserCode(userCode) {
      return out(await live().where('user_code', '=', userCode).executeTakeFirst())
    },
    async consume(id) {
      await db.updateTable('oidc_payloads').set({ consumed_at: new Date() }).where('model', '=', model).where('id', '=', id).execute()
    },
    async destroy(id) {
      await db.deleteFrom('oidc_payloads').where('model', '=', model).where('id', '=', id).execute()
    },
    // Every model's rows of the grant go (codes, access and refresh tokens): OAuth 2.0 Security BCP,
    // RFC 9700 §4.14.2 — a replayed code revokes what was issued from it.
    async revokeByGrantId(grantId) {
      await db.deleteFrom('oidc_payloads').where('grant_id', '=', grantId).execute()
    },
  }
}

/** Client metadata (OpenID Connect Dynamic Client Registration 1.0 §2 names) of a live client, or undefined. */
function clientAdapter(db: DB, secrets: Secrets, log: Logger): Adapter {
  const readOnly = async () => {
    throw new Error('OAuth clients are registered by administrators (/admin/clients), not through the provider')
  }
  return {
    async find(id) {
      const row = await db.selectFrom('oauth_clients').selectAll().where('client_id', '=', id).where('revoked_at', 'is', null).executeTakeFirst()
      if (!row) return undefined
      let secret: string
      try {
        secret = secrets.open(row.secret_sealed)
      } catch {
        // Sealed under another platform key (a copied database): unusable until the secret is rotated.
        log.warn({ clientId: id }, 'oauth client secret cannot be opened with this platform key; rotate it')
        return undefined
      }
      const web = kindOf(row.grant_types) === 'web'
      return {
        client_id: row.client_id,
        client_secret: secret,
        client_name: row.name,
        redirect_uris: web ? row.redirect_uris : [],
        grant_types: row.grant_types,
        response_types: web ? ['code'] : [],
        token_endpoint_auth_method: 'client_secret_basic',
        scope: web ? WEB_CLIENT_SCOPES : EXCHANGE_READ_SCOPE,
      }
    },
    upsert: readOnly,
    findByUid: async () => undefined,
    findByUserCode: async () => undefined,
    consume: readOnly,
    destroy: readOnly,
    revokeByGrantId: async () => undefined,
  }
}
