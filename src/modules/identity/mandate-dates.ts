/**
 * Mandate validity in calendar days of China Standard Time (UTC+8, no daylight saving): a mandate "授权至
 * 2027-03-01" holds until the end of that day in Beijing time, whatever the server's time zone.
 */
const CST_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/** Default validity when the grantor names none (the issue: 90 days) and the longest allowed (1 year). */
export const DEFAULT_MANDATE_DAYS = 90
export const MAX_MANDATE_DAYS = 365
export const DATE_RE = /^\d{4}-\d{2}-\d{2}$/

/** 'YYYY-MM-DD' of `d` in China Standard Time. */
export function chinaDate(d: Date): string {
  return new Date(d.getTime() + CST_MS).toISOString().slice(0, 10)
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** A real calendar date in 'YYYY-MM-DD' form (rejects 2027-02-30). */
export function isCalendarDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

/** The instant a mandate "valid until `date`" stops holding: the next midnight in China Standard Time. */
export function endOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS - CST_MS)
}

/** The last day a mandate holds, for display (inverse of endOfChinaDay). */
export function lastDayOf(validUntil: Date | string): string {
  return chinaDate(new Date(new Date(validUntil).getTime() - 1))
}
