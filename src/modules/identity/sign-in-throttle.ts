import { sql } from 'kysely'
import type { Executor } from '../../platform/database'

/**
 * Brute-force protection shared by every sign-in (staff, citizens, their second factors), derived from the
 * audit record rather than a counter table: the evidence of an attack and the lock-out are the same rows, and
 * nothing extra can drift (OWASP ASVS 2.2.1; 等保 2.0 三级 8.1.4.1 "登录失败处理功能"). Two counters:
 *  - per account: SIGN_IN_MAX_FAILURES failures for one subject within SIGN_IN_WINDOW_MS, counted since its last
 *    success inside the window, lock that subject until the window passes;
 *  - per client IP: IP_MAX_FAILURES failures of any listed action within the window refuse that IP, so one
 *    address cannot walk through many accounts below the per-account limit. The IP is read from the audit
 *    entry's details.ip (index audit_log_action_time, migration 0005).
 */
export const SIGN_IN_MAX_FAILURES = 5
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000
export const IP_MAX_FAILURES = 30

/** What an attempt is audited under: subject (type, id) and the actions meaning "failed" and "succeeded". */
export type ThrottleSubject = { subjectType: string; subjectId: string; failedAction: string; successAction: string }

/** Failed attempts for this subject within the window and after its last success. */
export async function recentFailures(db: Executor, s: ThrottleSubject, now = new Date(), windowMs = SIGN_IN_WINDOW_MS): Promise<number> {
  const windowStart = new Date(now.getTime() - windowMs)
  const lastSuccess = await db
    .selectFrom('audit_log')
    .select(sql<Date | null>`max(occurred_at)`.as('at'))
    .where('subject_type', '=', s.subjectType)
    .where('subject_id', '=', s.subjectId)
    .where('action', '=', s.successAction)
    .where('occurred_at', '>', windowStart)
    .executeTakeFirst()
  const since = lastSuccess?.at ? new Date(lastSuccess.at) : windowStart
  const r = await db
    .selectFrom('audit_log')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('subject_type', '=', s.subjectType)
    .where('subject_id', '=', s.subjectId)
    .where('action', '=', s.failedAction)
    .where('occurred_at', '>', since)
    .executeTakeFirst()
  return Number(r?.n ?? 0)
}

/** Failed attempts (any of `failedActions`) whose audit details carry this IP, within the window. */
export async function recentFailuresFromIp(db: Executor, ip: string, failedActions: string[], now = new Date(), windowMs = SIGN_IN_WINDOW_MS): Promise<number> {
  if (!failedActions.length) return 0
  const r = await db
    .selectFrom('audit_log')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('action', 'in', failedActions)
    .where('occurred_at', '>', new Date(now.getTime() - windowMs))
    .where(sql<string>`details->>'ip'`, '=', ip)
    .executeTakeFirst()
  return Number(r?.n ?? 0)
}

/** Which limit, if any, refuses the next attempt: the account's or the client IP's. */
export async function throttleState(
  db: Executor,
  s: ThrottleSubject,
  ip: string | undefined,
  now = new Date(),
): Promise<{ failures: number; locked: 'account' | 'ip' | null }> {
  const failures = await recentFailures(db, s, now)
  if (failures >= SIGN_IN_MAX_FAILURES) return { failures, locked: 'account' }
  if (ip && (await recentFailuresFromIp(db, ip, [s.failedAction], now)) >= IP_MAX_FAILURES) return { failures, locked: 'ip' }
  return { failures, locked: null }
}
