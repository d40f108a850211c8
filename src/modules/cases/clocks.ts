/**
 * Case and step clocks (standards.md §B.17). Days are working days (行政许可法 Art. 82; the calendar honours
 * statutory holidays and 调休); "N working days from D" is the Nth working day after D.
 *  - T1 补正告知: within 5 working days of receiving the materials (行政许可法 Art. 32); a correction restarts it
 *    from the day the corrected materials arrive.
 *  - T2/T3/T8 decision: statutory and promised limits counted from acceptance.
 *  - T6 special procedures (现场核查, 听证, 检验检测, 专家评审 …) stop the clock (行政许可法 Art. 45, GB/T 39046 A.7):
 *    the working days in (start, end] are added back; an approved extension (延长审批, A.7 code 1) adds its days.
 * Pure functions over a calendar, so the history (pauses, extensions) always recomputes the same dates.
 */
export type Calendar = {
  addWorkingDays(from: string, days: number): string
  workingDaysBetween(from: string, to: string): number
  isWorkingDay(d: string): boolean
}

export const PRE_REVIEW_DAYS = 5

export function preReviewDue(cal: Calendar, receivedOn: string): string {
  return cal.addWorkingDays(receivedOn, PRE_REVIEW_DAYS)
}

/** Working days a pause stopped the clock: the working days in (start, end]. */
export function pausedWorkingDays(cal: Calendar, startedOn: string, endedOn: string): number {
  return cal.workingDaysBetween(startedOn, endedOn)
}

export type CaseClock = { acceptedOn: string; statutoryDays: number; promisedDays: number; extensionDays: number; pausedDays: number }

/** 法定 and 承诺 due dates. A promised limit of 0 (即办件) is due the day of acceptance. */
export function caseDueDates(cal: Calendar, c: CaseClock): { statutoryDue: string; promisedDue: string } {
  const extra = c.extensionDays + c.pausedDays
  return {
    statutoryDue: cal.addWorkingDays(c.acceptedOn, c.statutoryDays + extra),
    promisedDue: cal.addWorkingDays(c.acceptedOn, Math.min(c.promisedDays || c.statutoryDays, c.statutoryDays || c.promisedDays) + extra),
  }
}

export function stepDue(cal: Calendar, startedOn: string, days: number, pausedDays = 0): string {
  return cal.addWorkingDays(startedOn, days + pausedDays)
}

export type DeadlineState = 'ok' | 'due_soon' | 'overdue' | 'paused' | 'none'

/** 监察提示 (T9): "due soon" from one working day before the due date; overdue the day after it. */
export function deadlineState(cal: Calendar, due: string | null, today: string, paused = false): DeadlineState {
  if (paused) return 'paused'
  if (!due) return 'none'
  if (today > due) return 'overdue'
  return cal.workingDaysBetween(today, due) <= 1 ? 'due_soon' : 'ok'
}

export const DEADLINE_LABELS: Record<DeadlineState, { zh: string; en: string }> = {
  ok: { zh: '正常', en: 'On time' },
  due_soon: { zh: '即将到期', en: 'Due soon' },
  overdue: { zh: '已超期', en: 'Overdue' },
  paused: { zh: '暂停计时', en: 'Clock stopped' },
  none: { zh: '—', en: '—' },
}
