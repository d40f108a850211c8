/**
 * Working-day calendar speed (pure core, no database): build time and calls per second of addWorkingDays,
 * workingDaysBetween and isWorkingDay over the shipped 2024–2026 data, with dates inside and outside the
 * loaded years — the deadline engine calls addWorkingDays for every case step.
 *   npx tsx bench/calendar.ts
 */
import { readFileSync } from 'node:fs'
import { buildCalendar, dayNumberOf, isoOfDayNumber, type CalendarEntry } from '../src/platform/calendar/working-calendar'

const data = JSON.parse(readFileSync(new URL('../src/platform/migrations/data/calendar-2024-2026.json', import.meta.url), 'utf8')) as { years: { year: number; entries: CalendarEntry[] }[] }
const entries = data.years.flatMap((y) => y.entries)
let t0 = performance.now()
const cal = buildCalendar(entries, data.years.map((y) => y.year))
console.log(`build: ${(performance.now() - t0).toFixed(2)} ms (${entries.length} entries, ${data.years.length} years)`)

// Deterministic pseudo-random dates 2023–2028 and spans 0–60 working days.
let seed = 42
const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
const lo = dayNumberOf(2023, 1, 1)
const N = 1_000_000
const dates = Array.from({ length: 4096 }, () => isoOfDayNumber(lo + rnd(6 * 365)))
const spans = Array.from({ length: 4096 }, () => rnd(61))

function run(name: string, f: (i: number) => unknown) {
  for (let i = 0; i < 50_000; i++) f(i) // warm-up
  t0 = performance.now()
  let sink = 0
  for (let i = 0; i < N; i++) sink += (f(i) as string | number).toString().length
  const ms = performance.now() - t0
  console.log(`${name}: ${((N / ms) * 1000 / 1e6).toFixed(2)} M calls/s (${((ms * 1e6) / N).toFixed(0)} ns/call)${sink < 0 ? '' : ''}`)
}
run('addWorkingDays', (i) => cal.addWorkingDays(dates[i & 4095]!, spans[i & 4095]!))
run('workingDaysBetween', (i) => cal.workingDaysBetween(dates[i & 4095]!, dates[(i + 1) & 4095]!))
run('isWorkingDay', (i) => (cal.isWorkingDay(dates[i & 4095]!) ? 1 : 0))
