/**
 * The working-day calendar (工作日历): which days count as 工作日 for statutory time limits (standards §B.17 —
 * "WD = working days: exclude statutory holidays, honour 调休 make-up days"; 行政许可法 Art. 82: time limits
 * are counted in working days, statutory holidays excluded).
 *
 * A day is a working day when it is a make-up working day (调休上班, kind 'workday'), or a Monday–Friday that is
 * not a statutory holiday (kind 'holiday'). Holidays and make-up days come from the State Council General
 * Office's yearly notices (国务院办公厅关于 20XX 年部分节假日安排的通知), issued under 《全国年节及纪念日放假办法》
 * as revised by 国务院关于修改《全国年节及纪念日放假办法》的决定 (2024; from 2025 the Spring Festival is 4 days and
 * Labour Day 2 days, 13 statutory days in all). Outside the years with official data the calendar assumes
 * weekends only — `covers()` tells callers the result is provisional.
 *
 * Counting rule (the platform's one rule): the start day is NOT counted — "N working days from D" is the Nth
 * working day after D; 0 working days from D is D itself (even when D is not a working day), so callers that
 * want "due today" pass 0 and get the day they gave.
 *
 * Pure and fast: dates are integers (days since 1970-01-01, computed arithmetically — no Date objects), and
 * the calendar is a rank function W(x) = number of working days up to x. Inside the span of the loaded years
 * W is a precomputed array and the inverse ("the k-th working day") is a second array; outside it W is the
 * closed form for weekdays plus the span's constant correction. Every call is O(1).
 */
export type IsoDate = string // 'YYYY-MM-DD'

export interface WorkingCalendar {
  isWorkingDay(d: IsoDate): boolean
  /** The Nth working day after `from` (from itself not counted). days=0 → from. Negative days → throws RangeError. */
  addWorkingDays(from: IsoDate, days: number): IsoDate
  /** Number of working days in (from, to] — 0 when to <= from. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number
  /** true when `d`'s year has official data loaded; outside, weekends-only is assumed (provisional). */
  covers(d: IsoDate): boolean
}

export type CalendarEntryKind = 'holiday' | 'workday'
export type CalendarEntry = { day: IsoDate; kind: CalendarEntryKind; name?: string }

/** Dates the calendar accepts: years 1900–2999 (well past any statutory clock, and keeps the arithmetic exact). */
export const MIN_YEAR = 1900
export const MAX_YEAR = 2999

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumberOf(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** The inverse of dayNumberOf: 'YYYY-MM-DD'. */
export function isoOfDayNumber(n: number): IsoDate {
  const z = n + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp + (mp < 10 ? 3 : -9)
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`
}

/** The number written by s[at … at+len) in ASCII digits, or −1. */
function digits(s: string, at: number, len: number): number {
  let n = 0
  for (let i = at; i < at + len; i++) {
    const c = s.charCodeAt(i) - 48
    if (c < 0 || c > 9) return -1
    n = n * 10 + c
  }
  return n
}

const daysInMonth = (y: number, m: number) => (m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31)

/** The day number of a valid 'YYYY-MM-DD' in the supported years, else undefined. */
export function tryParseIsoDate(s: unknown): number | undefined {
  // By character codes rather than a regular expression: this runs on every call of the calendar.
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined
  const y = digits(s, 0, 4)
  const mo = digits(s, 5, 2)
  const d = digits(s, 8, 2)
  if (y < 0 || mo < 0 || d < 0) return undefined
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined
  return dayNumberOf(y, mo, d)
}

export function isIsoDate(s: unknown): s is IsoDate {
  return tryParseIsoDate(s) !== undefined
}

function parse(s: IsoDate, what = 'date'): number {
  const n = tryParseIsoDate(s)
  if (n === undefined) throw new RangeError(`日期“${String(s)}”无效，应为 YYYY-MM-DD 格式的真实日期（${MIN_YEAR}–${MAX_YEAR}年）。 Invalid ${what} "${String(s)}": use a real date as YYYY-MM-DD (years ${MIN_YEAR}–${MAX_YEAR}).`)
  return n
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(d: IsoDate): number {
  return mod7(parse(d) + 3)
}
const mod7 = (x: number) => ((x % 7) + 7) % 7
export const isWeekend = (d: IsoDate) => weekdayOf(d) >= 5

// Weekdays-only rank on the Monday-based axis x = dayNumber + 3 (x = 0 is Monday 1970-01-05 − 7 … any Monday):
// Wd(x) counts Mon–Fri days in [0, x] (negative below zero); Wd(b) − Wd(a) = weekdays in (a, b].
const shift = 3
function wd(x: number): number {
  const q = Math.floor(x / 7)
  const r = x - 7 * q
  return 5 * q + (r < 5 ? r + 1 : 5)
}
/** The x (shifted) of the k-th weekday: Wd(x) = k and x a weekday. */
function wdInverse(k: number): number {
  const q = Math.floor((k - 1) / 5)
  const s = k - 5 * q // 1..5
  return 7 * q + s - 1
}

/**
 * Builds the calendar from holiday and make-up working-day entries and the years whose official data is
 * loaded. Entries outside `coveredYears` still apply (they are data too); `covers` reports only the years.
 * A day listed twice keeps the last entry.
 */
export function buildCalendar(entries: { day: IsoDate; kind: 'holiday' | 'workday'; name?: string }[], coveredYears: number[]): WorkingCalendar {
  const covered = new Set(coveredYears.filter((y) => Number.isInteger(y)))
  const kinds = new Map<number, CalendarEntryKind>()
  for (const e of entries) kinds.set(parse(e.day, 'calendar entry'), e.kind)
  const years = [...covered, ...[...kinds.keys()].map((n) => Number(isoOfDayNumber(n).slice(0, 4)))]

  // The span [lo, hi] (day numbers): whole years from the first to the last year of data.
  const hasSpan = years.length > 0
  const lo = hasSpan ? dayNumberOf(Math.min(...years), 1, 1) : 0
  const hi = hasSpan ? dayNumberOf(Math.max(...years), 12, 31) : -1
  const size = hi - lo + 1
  const isWork = new Uint8Array(Math.max(size, 0))
  const rank = new Int32Array(Math.max(size, 0)) // W(lo + i)
  const base = wd(lo - 1 + shift) // W(lo − 1): below the span there is no correction
  let count = 0
  const workDays: number[] = []
  for (let i = 0; i < size; i++) {
    const n = lo + i
    const k = kinds.get(n)
    const working = k === 'workday' ? true : k === 'holiday' ? false : mod7(n + shift) < 5
    if (working) {
      isWork[i] = 1
      count++
      workDays.push(n)
    }
    rank[i] = base + count
  }
  const work = Int32Array.from(workDays) // work[j] = the (base + j + 1)-th working day
  const correction = size > 0 ? base + count - wd(hi + shift) : 0 // W(x) − Wd(x) for every x > hi

  const W = (n: number): number => (n < lo ? wd(n + shift) : n <= hi ? rank[n - lo]! : wd(n + shift) + correction)
  const select = (k: number): number => {
    if (k <= base || size <= 0) return wdInverse(k) - shift
    if (k <= base + count) return work[k - base - 1]!
    return wdInverse(k - correction) - shift
  }
  const isWorkingNumber = (n: number) => (n >= lo && n <= hi ? isWork[n - lo] === 1 : mod7(n + shift) < 5)

  return {
    isWorkingDay: (d) => isWorkingNumber(parse(d)),
    addWorkingDays(from, days) {
      const n = parse(from, 'start date')
      if (!Number.isSafeInteger(days) || days < 0) throw new RangeError(`工作日数应为不小于0的整数，收到 ${String(days)}。 Working days must be a whole number ≥ 0, got ${String(days)}.`)
      if (days === 0) return from
      const out = select(W(n) + days)
      const iso = isoOfDayNumber(out)
      if (Number(iso.slice(0, 4)) > MAX_YEAR) throw new RangeError(`结果超出 ${MAX_YEAR} 年，请减少工作日数。 The result is past ${MAX_YEAR}; use fewer days.`)
      return iso
    },
    workingDaysBetween(from, to) {
      const a = parse(from, 'start date')
      const b = parse(to, 'end date')
      return b <= a ? 0 : W(b) - W(a)
    },
    covers(d) {
      parse(d)
      return covered.has(Number(d.slice(0, 4)))
    },
  }
}

/** The calendar day in Asia/Shanghai (UTC+8 all year: China has kept no daylight saving time since 1991). */
export function shanghaiDate(instant: Date): IsoDate {
  const ms = instant.getTime()
  if (!Number.isFinite(ms)) throw new RangeError('shanghaiDate: invalid Date')
  return isoOfDayNumber(Math.floor((ms + 8 * 3600_000) / 86_400_000))
}

/** Today's date in Asia/Shanghai. */
export function shanghaiToday(now: Date = new Date()): IsoDate {
  return shanghaiDate(now)
}
