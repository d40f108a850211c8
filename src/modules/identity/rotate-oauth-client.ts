import { recordAudit, type Actor } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { ConflictError, NotFoundError } from '../../platform/errors'
import type { Secrets } from '../../platform/secrets'
import { newClientSecret } from './oauth-client'
import { assertMayManageClients } from './register-oauth-client'

/**
 * Replaces a client's secret (leaked, or routine rotation). The old secret stops working at once; tokens
 * already issued run out on their own (10 minutes at most). Returns the new secret in clear — shown once.
 * Audited without the secret.
 */
export async function rotateOauthClientSecret(db: DB, secrets: Secrets, input: { clientId: string; actor: Actor }): Promise<{ clientId: string; clientSecret: string }> {
  assertMayManageClients(input.actor)
  const clientSecret = newClientSecret()
  await db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('oauth_clients').select(['client_id', 'name', 'revoked_at']).where('client_id', '=', input.clientId).forUpdate().executeTakeFirst()
    if (!row) throw new NotFoundError('找不到这个接入系统，请返回列表刷新后再试。 No such client; reload the list.', 'oauth_client_not_found')
    if (row.revoked_at) throw new ConflictError('这个接入系统已经停用，不能再更换密钥；如需接入请重新登记。 This client is revoked; register a new one.', 'oauth_client_revoked')
    await tx.updateTable('oauth_clients').set({ secret_sealed: secrets.seal(clientSecret) }).where('client_id', '=', input.clientId).execute()
    await recordAudit(tx, { actor: input.actor, action: 'identity.oauth_client.secret_rotated', subject: { type: 'oauth_client', id: input.clientId }, details: { name: row.name } })
  })
  return { clientId: input.clientId, clientSecret }
}
