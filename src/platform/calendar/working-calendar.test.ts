import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import chineseDays from 'chinese-days'
import { buildCalendar, dayNumberOf, isoOfDayNumber, shanghaiDate, shanghaiToday, tryParseIsoDate, weekdayOf, type CalendarEntry } from './working-calendar'

/**
 * The pure calendar: the data shipped for 2024–2026 (checked date by date against the chinese-days package and
 * pinned on facts from the notices), the counting rule, and properties over random dates and spans.
 */
const data = JSON.parse(readFileSync(new URL('../migrations/data/calendar-2024-2026.json', import.meta.url), 'utf8')) as { years: { year: number; source: string; entries: CalendarEntry[] }[] }
const entries = data.years.flatMap((y) => y.entries)
const cal = buildCalendar(entries, data.years.map((y) => y.year))

/** A brute-force reference: walk day by day with the same rules. */
function naive(list: CalendarEntry[]) {
  const kinds = new Map(list.map((e) => [e.day, e.kind]))
  const working = (n: number) => {
    const k = kinds.get(isoOfDayNumber(n))
    return k === 'workday' || (k !== 'holiday' && (((n + 3) % 7) + 7) % 7 < 5)
  }
  return {
    add(from: string, days: number) {
      let n = tryParseIsoDate(from)!
      for (let left = days; left > 0; ) if (working(++n)) left--
      return isoOfDayNumber(n)
    },
    between(from: string, to: string) {
      let c = 0
      for (let n = tryParseIsoDate(from)! + 1; n <= tryParseIsoDate(to)!; n++) if (working(n)) c++
      return c
    },
  }
}
const ref = naive(entries)

// Dates from 2020 to 2031: before, inside and after the covered years.
const LO = dayNumberOf(2020, 1, 1)
const HI = dayNumberOf(2031, 12, 31)
const date = fc.integer({ min: LO, max: HI }).map(isoOfDayNumber)
const span = fc.integer({ min: 0, max: 800 })

test('the acceptance example: 20 working days from 2025-09-30 is 2025-11-04 (国庆节、中秋节 break and the 10-11 make-up day)', () => {
  assert.equal(cal.addWorkingDays('2025-09-30', 20), '2025-11-04')
  assert.equal(cal.workingDaysBetween('2025-09-30', '2025-11-04'), 20)
})

test('facts from the notices: 2025 National Day, 2024 and 2026 Spring Festival, make-up Saturdays and Sundays', () => {
  for (let d = 1; d <= 8; d++) assert.equal(cal.isWorkingDay(`2025-10-0${d}`), false, `2025-10-0${d} is a holiday`)
  assert.equal(weekdayOf('2025-09-28'), 6, '2025-09-28 is a Sunday')
  for (const d of ['2025-09-28', '2025-10-11', '2024-02-04', '2024-02-18', '2025-01-26', '2025-02-08', '2026-02-14', '2026-02-28', '2026-01-04']) assert.equal(cal.isWorkingDay(d), true, `${d} is a make-up working day`)
  // 2026 Spring Festival: 2-15 (Sunday) to 2-23 (Monday), 9 days (the 2024 revision: 4 statutory days from 2025).
  for (let d = 15; d <= 23; d++) assert.equal(cal.isWorkingDay(`2026-02-${d}`), false, `2026-02-${d}`)
  assert.equal(cal.isWorkingDay('2026-02-24'), true)
  // Labour Day is 2 statutory days from 2025: 5-1..5-5 off, 4-27 (Sunday) worked.
  assert.equal(cal.isWorkingDay('2025-04-27'), true)
  assert.equal(cal.isWorkingDay('2025-05-05'), false)
  // Ordinary days.
  assert.equal(cal.isWorkingDay('2025-10-09'), true)
  assert.equal(cal.isWorkingDay('2025-10-12'), false, 'an ordinary Sunday')
  assert.equal(cal.covers('2025-06-01'), true)
  assert.equal(cal.covers('2027-06-01'), false)
  assert.equal(cal.covers('2023-12-31'), false)
})

test('every day of 2024–2026 agrees with the chinese-days package', () => {
  const wrong: string[] = []
  for (let n = dayNumberOf(2024, 1, 1); n <= dayNumberOf(2026, 12, 31); n++) {
    const d = isoOfDayNumber(n)
    if (cal.isWorkingDay(d) !== chineseDays.isWorkday(d)) wrong.push(`${d}: ours ${cal.isWorkingDay(d)}, chinese-days ${chineseDays.isWorkday(d)}`)
  }
  assert.deepEqual(wrong, [])
})

test('days = 0 is the start date itself, even on a holiday; a later count skips the start day', () => {
  assert.equal(cal.addWorkingDays('2025-10-03', 0), '2025-10-03')
  assert.equal(cal.addWorkingDays('2025-10-03', 1), '2025-10-09')
  assert.equal(cal.addWorkingDays('2025-09-26', 1), '2025-09-28', 'Friday + 1 = the make-up Sunday')
  assert.equal(cal.addWorkingDays('2025-12-31', 1), '2026-01-04', '元旦 1-1..1-3 off, 1-4 (Sunday) worked')
  assert.equal(cal.addWorkingDays('2025-12-31', 2), '2026-01-05')
})

test('bad input: negative, fractional and unsafe day counts, impossible dates → RangeError', () => {
  assert.throws(() => cal.addWorkingDays('2025-01-01', -1), RangeError)
  assert.throws(() => cal.addWorkingDays('2025-01-01', 1.5), RangeError)
  assert.throws(() => cal.addWorkingDays('2025-01-01', Number.NaN), RangeError)
  for (const bad of ['2025-02-29', '2025-13-01', '2025-1-1', '20250101', '', '2025-04-31']) {
    assert.throws(() => cal.addWorkingDays(bad, 1), RangeError, bad)
    assert.throws(() => cal.isWorkingDay(bad), RangeError, bad)
  }
  assert.equal(cal.isWorkingDay('2024-02-29'), true, 'a leap day is a real date')
})

test('outside the covered years: weekends only', () => {
  assert.equal(cal.isWorkingDay('2027-10-01'), true, 'no 2027 data: a Friday is a working day')
  assert.equal(cal.addWorkingDays('2027-01-01', 1), '2027-01-04')
  assert.equal(cal.addWorkingDays('2023-12-29', 1), '2024-01-02', 'into the covered span: 2024-01-01 is a holiday')
  const empty = buildCalendar([], [])
  assert.equal(empty.addWorkingDays('2025-09-30', 20), '2025-10-28')
  assert.equal(empty.covers('2025-01-01'), false)
})

test('properties: agrees with day-by-day counting; result is a working day after from; monotonic; additive; inverse of workingDaysBetween', () => {
  fc.assert(
    fc.property(date, span, span, (d, a, b) => {
      const x = cal.addWorkingDays(d, a)
      assert.equal(x, ref.add(d, a))
      if (a >= 1) {
        assert.ok(cal.isWorkingDay(x), `${x} is a working day`)
        assert.ok(x > d)
        assert.ok(cal.addWorkingDays(d, a - 1) < x, 'strictly monotonic in days')
      } else assert.equal(x, d)
      assert.equal(cal.addWorkingDays(x, b), cal.addWorkingDays(d, a + b))
      assert.equal(cal.workingDaysBetween(d, x), a)
      assert.equal(cal.workingDaysBetween(x, d), 0)
    }),
    { numRuns: 400 },
  )
})

test('properties: workingDaysBetween matches day-by-day counting and splits at any middle day', () => {
  fc.assert(
    fc.property(date, fc.integer({ min: -30, max: 900 }), fc.integer({ min: 0, max: 900 }), (d, len, cut) => {
      const to = isoOfDayNumber(tryParseIsoDate(d)! + len)
      const mid = isoOfDayNumber(tryParseIsoDate(d)! + Math.min(cut, Math.max(len, 0)))
      assert.equal(cal.workingDaysBetween(d, to), len <= 0 ? 0 : ref.between(d, to))
      if (len > 0) assert.equal(cal.workingDaysBetween(d, mid) + cal.workingDaysBetween(mid, to), cal.workingDaysBetween(d, to))
    }),
    { numRuns: 300 },
  )
})

test('properties: random calendars (random holidays and weekend make-up days) agree with the brute force', () => {
  const year = fc.integer({ min: 2022, max: 2028 })
  const entry = fc.tuple(fc.integer({ min: dayNumberOf(2022, 1, 1), max: dayNumberOf(2028, 12, 31) }), fc.boolean()).map(([n, h]) => {
    const weekend = (((n + 3) % 7) + 7) % 7 >= 5
    return { day: isoOfDayNumber(n), kind: h || !weekend ? ('holiday' as const) : ('workday' as const) }
  })
  fc.assert(
    fc.property(fc.uniqueArray(entry, { selector: (e) => e.day, maxLength: 120 }), fc.uniqueArray(year, { maxLength: 4 }), date, span, (list, years, d, n) => {
      const c = buildCalendar(list, years)
      const r = naive(list)
      assert.equal(c.addWorkingDays(d, n), r.add(d, n))
      const to = c.addWorkingDays(d, n)
      assert.equal(c.workingDaysBetween(d, to), n)
    }),
    { numRuns: 300 },
  )
})

test('date arithmetic round-trips across centuries and leap years', () => {
  fc.assert(
    fc.property(fc.integer({ min: dayNumberOf(1900, 1, 1), max: dayNumberOf(2999, 12, 31) }), (n) => {
      const iso = isoOfDayNumber(n)
      assert.equal(tryParseIsoDate(iso), n)
      assert.equal(iso, new Date(n * 86_400_000).toISOString().slice(0, 10))
    }),
  )
})

test('shanghaiDate: the calendar day at UTC+8', () => {
  assert.equal(shanghaiDate(new Date('2025-09-30T15:59:59Z')), '2025-09-30')
  assert.equal(shanghaiDate(new Date('2025-09-30T16:00:00Z')), '2025-10-01')
  assert.equal(shanghaiToday(new Date('2024-12-31T16:30:00Z')), '2025-01-01')
  assert.match(shanghaiToday(), /^\d{4}-\d{2}-\d{2}$/)
  assert.throws(() => shanghaiDate(new Date('nope')), RangeError)
})
