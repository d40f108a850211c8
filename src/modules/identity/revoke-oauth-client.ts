import { sql } from 'kysely'
import { recordAudit, type Actor } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { ConflictError, NotFoundError } from '../../platform/errors'
import { assertMayManageClients } from './register-oauth-client'

/**
 * Revokes a client for good: it can no longer authenticate (the provider's client lookup skips revoked rows)
 * and everything issued to it — grants, codes, access and client-credentials tokens — is deleted at once
 * (RFC 7009 §2.1 spirit: a revoked credential stops working immediately, not at token expiry). Audited.
 */
export async function revokeOauthClient(db: DB, input: { clientId: string; reason?: string; actor: Actor }): Promise<void> {
  assertMayManageClients(input.actor)
  await db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('oauth_clients').select(['client_id', 'name', 'revoked_at']).where('client_id', '=', input.clientId).forUpdate().executeTakeFirst()
    if (!row) throw new NotFoundError('找不到这个接入系统，请返回列表刷新后再试。 No such client; reload the list.', 'oauth_client_not_found')
    if (row.revoked_at) throw new ConflictError('这个接入系统已经停用。 This client is already revoked.', 'oauth_client_revoked')
    await tx.updateTable('oauth_clients').set({ revoked_at: new Date() }).where('client_id', '=', input.clientId).execute()
    await tx.deleteFrom('oidc_payloads').where(sql<string>`payload ->> 'clientId'`, '=', input.clientId).execute()
    await recordAudit(tx, {
      actor: input.actor,
      action: 'identity.oauth_client.revoked',
      subject: { type: 'oauth_client', id: input.clientId },
      reason: input.reason?.trim() || null,
      details: { name: row.name },
    })
  })
}
