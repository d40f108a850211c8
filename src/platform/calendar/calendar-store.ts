import { sql } from 'kysely'
import { recordAudit, type Actor } from '../audit'
import type { DB, Executor } from '../database'
import { ValidationError } from '../errors'
import { validateCalendarYear, type CalendarIssue } from './calendar-input'
import { buildCalendar, type CalendarEntry, type WorkingCalendar } from './working-calendar'

/**
 * The calendar in the database (tables calendar_days and calendar_years, migration 0011): loading it with a
 * cache, and the one operation that changes it (saveCalendarYear).
 *
 * Cache: calendars are kept by a fingerprint of calendar_years (year:revision:updated_at of every year — any
 * change bumps revision and updated_at). loadCalendar asks the database for the fingerprint at most once per
 * FRESH_MS per executor (so a loop of loadCalendar calls costs one small query a second), and rebuilds only when
 * the fingerprint changed — which is how other servers' edits are seen. saveCalendarYear drops the per-executor
 * memo, so in this process a change is visible at once. A transaction may be passed: it checks the fingerprint
 * through that transaction and shares the cached calendar.
 */
const FRESH_MS = 1000
const KEEP = 8
const byFingerprint = new Map<string, WorkingCalendar>()
let memo = new WeakMap<object, { fp: string; cal: WorkingCalendar; at: number }>()

async function fingerprint(db: Executor): Promise<string> {
  const r = await sql<{ fp: string | null }>`
    select string_agg(year || ':' || revision || ':' || floor(extract(epoch from updated_at) * 1000000)::bigint, ',' order by year) as fp
    from calendar_years`.execute(db)
  return r.rows[0]?.fp ?? ''
}

export async function loadCalendar(db: Executor): Promise<WorkingCalendar> {
  const now = Date.now()
  const m = memo.get(db)
  if (m && now - m.at < FRESH_MS) return m.cal
  const fp = await fingerprint(db)
  let cal = byFingerprint.get(fp)
  if (!cal) {
    const [days, years] = await Promise.all([
      db.selectFrom('calendar_days').select(['day', 'kind', 'name']).orderBy('day').execute(),
      db.selectFrom('calendar_years').select('year').execute(),
    ])
    cal = buildCalendar(
      days.map((d) => ({ day: d.day, kind: d.kind, ...(d.name ? { name: d.name } : {}) })),
      years.map((y) => Number(y.year)),
    )
    if (byFingerprint.size >= KEEP) byFingerprint.delete(byFingerprint.keys().next().value!)
    byFingerprint.set(fp, cal)
  }
  memo.set(db, { fp, cal, at: now })
  return cal
}

/** Forget the per-executor memos (the next loadCalendar re-checks the database). saveCalendarYear calls it. */
export function invalidateCalendar(_db?: Executor): void {
  memo = new WeakMap()
}

export type CalendarYearSummary = { year: number; source: string; updatedAt: Date; updatedBy: string; holidays: number; workdays: number }

/** Every year with official data, oldest first, with its holiday and make-up-day counts. */
export async function listCalendarYears(db: Executor): Promise<CalendarYearSummary[]> {
  const rows = await db
    .selectFrom('calendar_years as y')
    .select(['y.year', 'y.source', 'y.updated_at', 'y.updated_by'])
    .select([
      sql<number>`(select count(*) from calendar_days d where extract(year from d.day) = y.year and d.kind = 'holiday')`.as('holidays'),
      sql<number>`(select count(*) from calendar_days d where extract(year from d.day) = y.year and d.kind = 'workday')`.as('workdays'),
    ])
    .orderBy('y.year')
    .execute()
  return rows.map((r) => ({ year: Number(r.year), source: r.source, updatedAt: new Date(r.updated_at), updatedBy: r.updated_by, holidays: Number(r.holidays), workdays: Number(r.workdays) }))
}

/** One year's entries (holidays and make-up working days, by day); empty when the year has no data. */
export async function calendarEntries(db: Executor, year: number): Promise<CalendarEntry[]> {
  if (!Number.isInteger(year)) return []
  const rows = await db
    .selectFrom('calendar_days')
    .select(['day', 'kind', 'name'])
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .orderBy('day')
    .execute()
  return rows.map((r) => ({ day: r.day, kind: r.kind, ...(r.name ? { name: r.name } : {}) }))
}

export type SaveCalendarYearInput = {
  year: number
  entries: CalendarEntry[]
  /** Where the data comes from: the notice's title and number (国办发明电〔…〕…号), and its URL. */
  source: string
  actor: Actor
  /** Required to overwrite a year that already has data (a guard against replacing the wrong year). */
  replace?: boolean
  /** Line numbers of entries[i] in the administrator's input, for the messages (default i + 1). */
  lines?: number[]
}
export type SavedCalendarYear = { year: number; replaced: boolean; holidays: number; workdays: number; added: string[]; removed: string[] }

/** ValidationError whose fields are `line N: field` — callers that kept the issues read `issues`. */
export class CalendarValidationError extends ValidationError {
  constructor(readonly issues: CalendarIssue[]) {
    super(
      `工作日历数据有${issues.length}处问题，未做任何修改；请按提示改正后重新提交。 The calendar data has ${issues.length} problem(s); nothing was changed. Fix them and submit again.`,
      issues.map((i) => ({ field: i.line ? `line ${i.line}: ${i.field}` : i.field, message: i.message })),
      'calendar_invalid',
    )
  }
}

/**
 * Adds a year of calendar data, or replaces every entry of that year (with `replace`), in one transaction with
 * its audit record (`calendar.year.added` / `calendar.year.replaced`, details: source, counts, the days added and
 * removed). Nothing is written when any entry is wrong (CalendarValidationError lists each problem with its line).
 * Every process sees the change within FRESH_MS (this one at once).
 */
export async function saveCalendarYear(db: DB, input: SaveCalendarYearInput): Promise<SavedCalendarYear> {
  const { entries, issues } = validateCalendarYear(input, input.lines)
  if (issues.length) throw new CalendarValidationError(issues)
  const { year } = input
  const source = input.source.trim()
  const who = input.actor.name ?? input.actor.id ?? input.actor.type
  const saved = await db.transaction().execute(async (tx) => {
    const existing = await tx.selectFrom('calendar_years').select(['year', 'source']).where('year', '=', year).forUpdate().executeTakeFirst()
    if (existing && !input.replace) {
      throw new CalendarValidationError([{ field: 'replace', message: `${year}年已有工作日历数据（来源：${existing.source}）。确认要整体替换时，请勾选“替换该年已有数据”（命令行加 --replace）。 ${year} already has calendar data; confirm replacing it (tick "replace", or --replace on the command line).` }])
    }
    const before = await calendarEntries(tx, year)
    await tx
      .insertInto('calendar_years')
      .values({ year, source, updated_by: who })
      .onConflict((oc) => oc.column('year').doUpdateSet({ source, updated_by: who, updated_at: sql`now()`, revision: sql`calendar_years.revision + 1` }))
      .execute()
    await tx.deleteFrom('calendar_days').where('day', '>=', `${year}-01-01`).where('day', '<=', `${year}-12-31`).execute()
    await tx.insertInto('calendar_days').values(entries.map((e) => ({ day: e.day, kind: e.kind, name: e.name ?? null }))).execute()
    const key = (e: CalendarEntry) => `${e.day} ${e.kind} ${e.name ?? ''}`
    const oldKeys = new Set(before.map(key))
    const newKeys = new Set(entries.map(key))
    const result: SavedCalendarYear = {
      year,
      replaced: !!existing,
      holidays: entries.filter((e) => e.kind === 'holiday').length,
      workdays: entries.filter((e) => e.kind === 'workday').length,
      added: [...newKeys].filter((k) => !oldKeys.has(k)),
      removed: [...oldKeys].filter((k) => !newKeys.has(k)),
    }
    await recordAudit(tx, {
      actor: input.actor,
      action: existing ? 'calendar.year.replaced' : 'calendar.year.added',
      subject: { type: 'calendar_year', id: String(year) },
      details: { source, previousSource: existing?.source ?? null, holidays: result.holidays, workdays: result.workdays, added: result.added, removed: result.removed },
    })
    return result
  })
  invalidateCalendar(db)
  return saved
}
