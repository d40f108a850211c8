import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Executor } from '../../platform/database'
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS, type StaffUser } from './staff'
import { loadStaffUser } from './staff-grants'

/**
 * Server-side staff sessions. The cookie holds 32 random bytes (base64url); the table stores only their
 * SHA-256, so a database leak does not hand out live sessions.
 */
export type StaffSession = { sessionId: string; csrfToken: string; user: StaffUser; expiresAt: Date }

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export function isTokenShaped(token: string | undefined): token is string {
  return !!token && TOKEN_SHAPE.test(token)
}

/** Constant-time comparison of two secrets (CSRF tokens). */
export function sameSecret(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * The live session for a cookie token, or undefined. Expired sessions (idle > 30 min or older than 12 h) and
 * sessions of disabled accounts are deleted on sight; a live one gets its last_seen_at refreshed.
 */
export async function findStaffSession(db: Executor, token: string | undefined, now = new Date()): Promise<StaffSession | undefined> {
  if (!isTokenShaped(token)) return undefined
  const id = sessionIdOf(token)
  const row = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.csrf_token', 's.last_seen_at', 's.expires_at', 's.created_at', 'u.id as user_id', 'u.username', 'u.display_name', 'u.department_id', 'u.disabled'])
    .where('s.id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined
  const lastSeen = new Date(row.last_seen_at).getTime()
  const expired =
    row.disabled ||
    new Date(row.expires_at).getTime() <= now.getTime() ||
    new Date(row.created_at).getTime() + SESSION_ABSOLUTE_MS <= now.getTime() ||
    lastSeen + SESSION_IDLE_MS <= now.getTime()
  if (expired) {
    await db.deleteFrom('staff_sessions').where('id', '=', id).execute()
    return undefined
  }
  if (now.getTime() - lastSeen >= SESSION_TOUCH_MS) {
    await db.updateTable('staff_sessions').set({ last_seen_at: now }).where('id', '=', id).execute()
  }
  return {
    sessionId: id,
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at),
    user: await loadStaffUser(db, { id: row.user_id, username: row.username, display_name: row.display_name, department_id: row.department_id }),
  }
}
