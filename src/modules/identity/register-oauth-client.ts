import { recordAudit, type Actor } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { ForbiddenError, ValidationError, type FieldError } from '../../platform/errors'
import { uuidv7 } from '../../platform/ids'
import type { Secrets } from '../../platform/secrets'
import { checkClientName, checkRedirectUris, GRANT_TYPES, newClientSecret, type OauthClientKind } from './oauth-client'

export type RegisterOauthClientInput = {
  name: string
  departmentId: string | null
  kind: OauthClientKind
  /** web clients only (ignored for system clients). */
  redirectUris?: string[]
  actor: Actor
}

/** Who may register, rotate and revoke clients: administrators (the routes check the role), seed and CLI. */
export function assertMayManageClients(actor: Actor): void {
  if (actor.type === 'citizen') throw new ForbiddenError()
}

/** Field problems of a registration (the form shows them all at once, with its own department check). */
export function checkClientInput(input: { name: string; kind: string; redirectUris?: string[] | undefined }): { errors: FieldError[]; redirectUris: string[] } {
  const errors: FieldError[] = [...checkClientName(input.name)]
  if (input.kind !== 'web' && input.kind !== 'system') errors.push({ field: 'kind', message: '请选择接入方式：网站单点登录或系统对接。 Choose web sign-in or system.' })
  const redirect = input.kind === 'web' ? checkRedirectUris(input.redirectUris ?? []) : { uris: [], errors: [] }
  return { errors: [...errors, ...redirect.errors], redirectUris: redirect.uris }
}

/**
 * Registers a department system as an OAuth 2.0 client. Returns the client_id and the secret in clear — the
 * only time it is ever shown; we keep it sealed (oidc-provider compares secrets in clear, so a hash would not
 * do). Audited without the secret. Department existence is checked by the caller through deps.directory
 * (catalog owns departments); the foreign key is the backstop.
 */
export async function registerOauthClient(db: DB, secrets: Secrets, input: RegisterOauthClientInput): Promise<{ clientId: string; clientSecret: string }> {
  assertMayManageClients(input.actor)
  const { errors, redirectUris } = checkClientInput(input)
  if (errors.length) throw new ValidationError('接入系统信息有误，请按提示修改。 The client registration has errors; correct them.', errors, 'oauth_client_invalid')

  const clientId = uuidv7()
  const clientSecret = newClientSecret()
  const name = input.name.trim()
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('oauth_clients')
      .values({
        client_id: clientId,
        name,
        department_id: input.departmentId,
        secret_sealed: secrets.seal(clientSecret),
        redirect_uris: redirectUris,
        grant_types: GRANT_TYPES[input.kind],
        created_by: input.actor.name ?? input.actor.type,
        revoked_at: null,
      })
      .execute()
    await recordAudit(tx, {
      actor: input.actor,
      action: 'identity.oauth_client.registered',
      subject: { type: 'oauth_client', id: clientId },
      details: { name, kind: input.kind, departmentId: input.departmentId, redirectUris },
    })
  })
  return { clientId, clientSecret }
}
