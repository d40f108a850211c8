import type { Executor } from '../../platform/database'

/** Session lifetimes (OWASP ASVS 3.3): idle timeout, absolute timeout, and how often last_seen_at is refreshed. */
export type SessionLimits = { idleMs: number; absoluteMs: number; touchMs: number }

type SessionRow = { id: string; disabled: boolean; expires_at: Date | string; created_at: Date | string; last_seen_at: Date | string }

/**
 * The one lifetime rule for staff and citizen sessions: a session of a disabled account, past its expiry, older
 * than the absolute limit or idle longer than the idle limit is deleted on sight (false); a live one gets its
 * last_seen_at refreshed at most every `touchMs`, so a busy page does not write on every request (true).
 */
export async function keepSessionAlive(db: Executor, table: 'staff_sessions' | 'citizen_sessions', row: SessionRow, now: Date, limits: SessionLimits): Promise<boolean> {
  const lastSeen = new Date(row.last_seen_at).getTime()
  const expired =
    row.disabled ||
    new Date(row.expires_at).getTime() <= now.getTime() ||
    new Date(row.created_at).getTime() + limits.absoluteMs <= now.getTime() ||
    lastSeen + limits.idleMs <= now.getTime()
  if (expired) {
    await db.deleteFrom(table).where('id', '=', row.id).execute()
    return false
  }
  if (now.getTime() - lastSeen >= limits.touchMs) {
    await db.updateTable(table).set({ last_seen_at: now }).where('id', '=', row.id).execute()
  }
  return true
}
