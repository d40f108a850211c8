import { maskIdNumber, maskPhone } from '../../platform/privacy'
import type { Executor } from '../../platform/database'
import { keepSessionAlive } from './session-lifetime'
import { isTokenShaped, newToken, sessionIdOf } from './staff-session'
import { CITIZEN_SESSION_ABSOLUTE_MS, CITIZEN_SESSION_IDLE_MS, CITIZEN_SESSION_TOUCH_MS, type ActingFor, type CitizenUser, type TrustLevel } from './citizen'

/**
 * Server-side citizen sessions (citizen_sessions): same scheme as staff sessions — the cookie holds 32 random
 * bytes, the table their SHA-256; idle 30 min, absolute 12 h; expired rows deleted on sight.
 */
export type CitizenSession = {
  sessionId: string
  csrfToken: string
  user: CitizenUser
  actingFor: ActingFor | null
  mfaAt: Date | null
  expiresAt: Date
}

/**
 * Creates a session for `citizenId` inside the caller's transaction, destroying the one the browser presented
 * (no session fixation). Returns the cookie token and CSRF token.
 */
export async function createCitizenSession(
  tx: Executor,
  input: { citizenId: string; previousToken?: string | undefined; mfa?: boolean; now?: Date },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const now = input.now ?? new Date()
  const token = newToken()
  const csrfToken = newToken()
  const expiresAt = new Date(now.getTime() + CITIZEN_SESSION_ABSOLUTE_MS)
  if (isTokenShaped(input.previousToken)) await tx.deleteFrom('citizen_sessions').where('id', '=', sessionIdOf(input.previousToken)).execute()
  await tx.deleteFrom('citizen_sessions').where('citizen_id', '=', input.citizenId).where('expires_at', '<=', now).execute()
  await tx
    .insertInto('citizen_sessions')
    .values({ id: sessionIdOf(token), citizen_id: input.citizenId, csrf_token: csrfToken, mfa_at: input.mfa ? now : null, created_at: now, last_seen_at: now, expires_at: expiresAt })
    .execute()
  return { token, csrfToken, expiresAt }
}

/**
 * The live session for a cookie token, or undefined. Expired sessions, sessions of disabled accounts and
 * sessions acting under a mandate that has since been revoked or expired are handled here: the first two are
 * deleted; the last falls back to acting for oneself (the revoked agent loses access at once).
 */
export async function findCitizenSession(db: Executor, token: string | undefined, now = new Date()): Promise<CitizenSession | undefined> {
  if (!isTokenShaped(token)) return undefined
  const id = sessionIdOf(token)
  const row = await db
    .selectFrom('citizen_sessions as s')
    .innerJoin('citizens as u', 'u.id', 's.citizen_id')
    .select([
      's.id', 's.csrf_token', 's.last_seen_at', 's.expires_at', 's.created_at', 's.mfa_at', 's.acting_for_type', 's.acting_for_id', 's.mandate_id',
      'u.id as citizen_id', 'u.display_name', 'u.phone', 'u.name', 'u.id_number', 'u.trust_level', 'u.totp_enabled_at', 'u.disabled',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined
  if (!(await keepSessionAlive(db, 'citizen_sessions', row, now, { idleMs: CITIZEN_SESSION_IDLE_MS, absoluteMs: CITIZEN_SESSION_ABSOLUTE_MS, touchMs: CITIZEN_SESSION_TOUCH_MS }))) return undefined
  let actingFor: ActingFor | null = null
  if (row.mandate_id && row.acting_for_type && row.acting_for_id) {
    actingFor = await liveActingFor(db, row.mandate_id, row.citizen_id, row.acting_for_type, row.acting_for_id, now)
    if (!actingFor) {
      await db.updateTable('citizen_sessions').set({ acting_for_type: null, acting_for_id: null, mandate_id: null }).where('id', '=', id).execute()
    }
  }
  return {
    sessionId: id,
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at),
    mfaAt: row.mfa_at ? new Date(row.mfa_at) : null,
    actingFor,
    user: {
      id: row.citizen_id,
      displayName: row.display_name,
      phoneMasked: maskPhone(row.phone),
      name: row.name,
      idNumberMasked: row.id_number ? maskIdNumber(row.id_number) : null,
      trustLevel: row.trust_level as TrustLevel,
      totpEnabled: !!row.totp_enabled_at,
    },
  }
}

/** The mandate still holds (not revoked, within its validity) — checked on every request, not cached. */
async function liveActingFor(db: Executor, mandateId: string, agentId: string, type: 'enterprise' | 'citizen', forId: string, now: Date): Promise<ActingFor | null> {
  const m = await db
    .selectFrom('mandates')
    .select(['id', 'scope', 'item_codes', 'grantor_type', 'grantor_id'])
    .where('id', '=', mandateId)
    .where('agent_citizen_id', '=', agentId)
    .where('grantor_type', '=', type)
    .where('grantor_id', '=', forId)
    .where('revoked_at', 'is', null)
    .where('valid_from', '<=', now)
    .where('valid_until', '>', now)
    .executeTakeFirst()
  if (!m) return null
  const name =
    type === 'enterprise'
      ? (await db.selectFrom('enterprises').select('name').where('id', '=', forId).where('status', '=', 'active').executeTakeFirst())?.name
      : (await db.selectFrom('citizens').select(['name', 'display_name']).where('id', '=', forId).executeTakeFirst())?.name
  if (!name) return null
  return { type, id: forId, name, mandateId: m.id, scope: m.scope, itemCodes: m.item_codes }
}
