import { randomBytes } from 'node:crypto'
import type { Executor } from '../../platform/database'
import type { FieldError } from '../../platform/errors'

/**
 * OAuth 2.0 clients (department systems) — words and pure rules. See CONTEXT.md "Single sign-on".
 *  - web: a department website that signs citizens in with their Yiwang account — authorization code with PKCE
 *    S256 (RFC 6749 §4.1, RFC 7636), confidential (client_secret_basic, RFC 6749 §2.3.1);
 *  - system: a back-end that calls our APIs as itself — client credentials (RFC 6749 §4.4), scope exchange:read.
 */
export type OauthClientKind = 'web' | 'system'

export type OauthClientRow = {
  client_id: string
  name: string
  department_id: string | null
  secret_sealed: string
  redirect_uris: string[]
  grant_types: string[]
  created_by: string
  created_at: Date | string
  revoked_at: Date | string | null
}

export type OauthClient = {
  clientId: string
  name: string
  departmentId: string | null
  kind: OauthClientKind
  redirectUris: string[]
  createdBy: string
  createdAt: Date
  revokedAt: Date | null
}

/** Scope a system client asks for to read shared data through the exchange API. */
export const EXCHANGE_READ_SCOPE = 'exchange:read'

export const GRANT_TYPES: Record<OauthClientKind, string[]> = { web: ['authorization_code'], system: ['client_credentials'] }

export function kindOf(grantTypes: string[]): OauthClientKind {
  return grantTypes.includes('client_credentials') ? 'system' : 'web'
}

export function toOauthClient(r: OauthClientRow): OauthClient {
  return {
    clientId: r.client_id,
    name: r.name,
    departmentId: r.department_id,
    kind: kindOf(r.grant_types),
    redirectUris: r.redirect_uris,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at),
    revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
  }
}

/** 32 random bytes, base64url (256 bits — RFC 6749 §10.10 asks for secrets that cannot be guessed). */
export function newClientSecret(): string {
  return randomBytes(32).toString('base64url')
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Redirect URIs: absolute, https (RFC 9700 §2.6 / RFC 6749 §3.1.2.1 — codes must not travel in clear), except
 * http on the loopback host for development (RFC 8252 §7.3); no fragment (RFC 6749 §3.1.2). One per line.
 */
export function checkRedirectUris(lines: string[], field = 'redirectUris'): { uris: string[]; errors: FieldError[] } {
  const uris = [...new Set(lines.map((l) => l.trim()).filter(Boolean))]
  const errors: FieldError[] = []
  if (!uris.length) errors.push({ field, message: '请至少填写一个回调地址（每行一个）。 Enter at least one redirect URI (one per line).' })
  if (uris.length > 10) errors.push({ field, message: '回调地址最多10个。 At most 10 redirect URIs.' })
  for (const u of uris) {
    let url: URL | undefined
    try {
      url = new URL(u)
    } catch {
      url = undefined
    }
    const ok = url && !u.includes('#') && u.length <= 500 && (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    if (!ok) errors.push({ field, message: `回调地址“${u.slice(0, 80)}”无效：须为完整的 https:// 地址（本机开发可用 http://localhost 或 http://127.0.0.1），且不含“#”。 Use a full https:// URL (http://localhost or http://127.0.0.1 for development), without “#”.` })
  }
  return { uris, errors }
}

export function checkClientName(name: string, field = 'name'): FieldError[] {
  const n = name.trim()
  if (!n) return [{ field, message: '请填写系统名称，例如“市场监管业务系统”。 Enter the system’s name.' }]
  if (n.length > 100) return [{ field, message: '系统名称不能超过100个字。 The name may have at most 100 characters.' }]
  return []
}

export async function findOauthClient(db: Executor, clientId: string): Promise<OauthClient | undefined> {
  const row = await db.selectFrom('oauth_clients').selectAll().where('client_id', '=', clientId).executeTakeFirst()
  return row ? toOauthClient(row) : undefined
}

export async function listOauthClients(db: Executor): Promise<OauthClient[]> {
  const rows = await db.selectFrom('oauth_clients').selectAll().orderBy('created_at', 'desc').execute()
  return rows.map(toOauthClient)
}
