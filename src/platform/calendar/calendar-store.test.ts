import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { testDb } from '../../../test/db'
import type { DatabaseHandle } from '../database'
import { verifyAudit } from '../audit'
import { calendarEntries, CalendarValidationError, listCalendarYears, loadCalendar, saveCalendarYear } from './calendar-store'
import { parseCalendarJson, parseCalendarLines, validateCalendarYear } from './calendar-input'

/** The calendar in a real database: migration data, loading with its cache, and saveCalendarYear's checks. */
let h: DatabaseHandle
before(async () => {
  h = await testDb('migrated')
})
after(() => h.close())

const actor = { type: 'cli' as const, name: 'tester' }
const Y2027 = [
  { day: '2027-01-01', kind: 'holiday' as const, name: '元旦' },
  { day: '2027-10-01', kind: 'holiday' as const, name: '国庆节' },
  { day: '2027-10-09', kind: 'workday' as const, name: '国庆节调休上班' }, // a Saturday
]
const audits = async () => Number((await sql<{ n: number }>`select count(*) as n from audit_log where action like 'calendar.%'`.execute(h.db)).rows[0]!.n)

test('the migration loads 2024–2026 from the notices; the acceptance example holds on the stored data', async () => {
  const years = await listCalendarYears(h.db)
  assert.deepEqual(years.map((y) => y.year), [2024, 2025, 2026])
  assert.match(years[1]!.source, /国办发明电〔2024〕12号/)
  assert.deepEqual(years.map((y) => y.workdays), [8, 5, 6])
  const cal = await loadCalendar(h.db)
  assert.equal(cal.addWorkingDays('2025-09-30', 20), '2025-11-04')
  assert.equal(cal.isWorkingDay('2025-09-28'), true)
  const oct = (await calendarEntries(h.db, 2025)).filter((e) => e.day.startsWith('2025-10'))
  assert.deepEqual(oct.map((e) => e.day), ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08', '2025-10-11'])
})

test('the database refuses a make-up working day on a weekday even past the application (check constraint)', async () => {
  await assert.rejects(sql`insert into calendar_days (day, kind) values ('2027-10-08', 'workday')`.execute(h.db))
})

test('saveCalendarYear adds a later year, audited; loadCalendar sees it at once and covers it', async () => {
  const before = await loadCalendar(h.db)
  assert.equal(before.covers('2027-10-01'), false)
  assert.equal(before.isWorkingDay('2027-10-01'), true)
  const n = await audits()
  const r = await saveCalendarYear(h.db, { year: 2027, entries: Y2027, source: '测试通知（国办发明电〔2026〕X号）', actor })
  assert.deepEqual({ replaced: r.replaced, holidays: r.holidays, workdays: r.workdays }, { replaced: false, holidays: 2, workdays: 1 })
  const cal = await loadCalendar(h.db)
  assert.equal(cal.covers('2027-10-01'), true)
  assert.equal(cal.isWorkingDay('2027-10-01'), false)
  assert.equal(cal.isWorkingDay('2027-10-09'), true)
  assert.equal(await audits(), n + 1)
  const row = await h.db.selectFrom('audit_log').selectAll().where('action', '=', 'calendar.year.added').executeTakeFirstOrThrow()
  assert.equal(row.subject_id, '2027')
  assert.equal((await verifyAudit(h.db)).ok, true)
})

test('replacing needs replace: true; then every entry of the year is replaced and the diff audited', async () => {
  await assert.rejects(saveCalendarYear(h.db, { year: 2027, entries: Y2027.slice(0, 2), source: 'x', actor }), (e: unknown) => e instanceof CalendarValidationError && e.issues[0]!.field === 'replace')
  const r = await saveCalendarYear(h.db, { year: 2027, entries: Y2027.slice(0, 2), source: '更正后的通知', actor, replace: true })
  assert.equal(r.replaced, true)
  assert.deepEqual(r.removed, ['2027-10-09 workday 国庆节调休上班'])
  assert.deepEqual(await calendarEntries(h.db, 2027), Y2027.slice(0, 2))
  assert.equal((await loadCalendar(h.db)).isWorkingDay('2027-10-09'), false, 'an ordinary Saturday again')
  // The other years are untouched.
  assert.equal((await calendarEntries(h.db, 2026)).length, 39)
})

test('bad entries: every problem named by line, nothing written', async () => {
  const n = await audits()
  const text = ['2028-01-01,holiday,元旦', '2028-02-30,holiday,春节', '2027-12-31,holiday,跨年', '2028-01-01,holiday,重复', '2028-10-09,workday,国庆节调休上班', '2028-10-10,rest,x', 'just one field'].join('\n')
  const parsed = parseCalendarLines(text)
  assert.deepEqual(parsed.issues.map((i) => i.line), [7])
  await assert.rejects(saveCalendarYear(h.db, { year: 2028, entries: parsed.entries, lines: parsed.lines, source: '', actor }), (e: unknown) => {
    assert.ok(e instanceof CalendarValidationError)
    assert.deepEqual(e.issues.map((i) => [i.line ?? null, i.field]), [[null, 'source'], [2, 'day'], [3, 'day'], [4, 'day'], [5, 'kind'], [6, 'kind']])
    assert.match(e.issues[4]!.message, /星期一.*周六或周日/)
    assert.match(e.issues[3]!.message, /与第1行重复/)
    assert.equal(e.status, 400)
    return true
  })
  assert.equal((await listCalendarYears(h.db)).some((y) => y.year === 2028), false)
  assert.equal(await audits(), n)
})

test('input checks: empty year, no holiday, year out of range, kind words of the notices', () => {
  assert.equal(validateCalendarYear({ year: 2028, source: 's', entries: [] }).issues[0]!.field, 'entries')
  assert.match(validateCalendarYear({ year: 2028, source: 's', entries: [{ day: '2028-01-08', kind: 'workday' }] }).issues[0]!.message, /至少应有一天法定节假日/)
  assert.equal(validateCalendarYear({ year: 1800, source: 's', entries: [{ day: '2028-01-01', kind: 'holiday' }] }).issues[0]!.field, 'year')
  const p = parseCalendarLines('# 2028\n2028-01-01，放假，元旦\n2028-01-08\t上班\n')
  assert.deepEqual(p.entries, [{ day: '2028-01-01', kind: 'holiday', name: '元旦' }, { day: '2028-01-08', kind: 'workday' }])
  assert.deepEqual(p.lines, [2, 3])
  assert.deepEqual(validateCalendarYear({ year: 2028, source: 's', entries: p.entries }).issues, [])
  const j = parseCalendarJson('{"year":2028,"source":"s","entries":[{"day":"2028-01-01","kind":"holiday","name":"元旦"}]}')
  assert.equal(j.years[0]!.year, 2028)
  assert.equal(parseCalendarJson('{oops').issues[0]!.field, 'file')
  assert.equal(parseCalendarJson('[1,2]').issues[0]!.field, 'file')
})

test('loadCalendar reuses the built calendar while nothing changes, also through a transaction', async () => {
  const a = await loadCalendar(h.db)
  const b = await loadCalendar(h.db)
  assert.equal(a, b)
  const c = await h.db.transaction().execute((tx) => loadCalendar(tx))
  assert.equal(c, a, 'same fingerprint → same calendar object')
})
