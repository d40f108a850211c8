import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { sql, type Kysely } from 'kysely'

/**
 * The working-day calendar (issue 4, standards §B.17: statutory clocks count working days, excluding statutory
 * holidays and honouring 调休 make-up working days).
 *  - calendar_days: one row per exception to "Monday–Friday work, weekends rest": a statutory holiday (放假,
 *    any day of the announced break) or a make-up working day (调休上班, necessarily a Saturday or Sunday).
 *  - calendar_years: the years whose official data is loaded, where it came from, who changed it last and a
 *    revision counter (each process's cached calendar compares sum(revision) to notice other servers' edits).
 *    Outside these years the calendar assumes weekends only and marks results provisional.
 * Loads 2024–2026 from the State Council General Office notices (data/calendar-2024-2026.json; issued under
 * 《全国年节及纪念日放假办法》 as revised by 国务院关于修改《全国年节及纪念日放假办法》的决定, 2024: from 2025 the
 * Spring Festival has 4 statutory days and Labour Day 2). Later years: `yiwang calendar load` or /admin/calendar.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table calendar_years (
      year int primary key check (year between 1900 and 2999),
      source text not null,
      updated_at timestamptz not null default now(),
      updated_by text not null,
      revision int not null default 1
    );
    create table calendar_days (
      day date primary key,
      kind text not null check (kind in ('holiday', 'workday')),
      name text,
      check (kind <> 'workday' or extract(isodow from day) in (6, 7))
    );
  `.execute(db)

  const file = fileURLToPath(new URL('./data/calendar-2024-2026.json', import.meta.url))
  const data = JSON.parse(readFileSync(file, 'utf8')) as { years: { year: number; source: string; entries: { day: string; kind: string; name?: string }[] }[] }
  for (const y of data.years) {
    await db.insertInto('calendar_years').values({ year: y.year, source: y.source, updated_by: 'migration 2026-11-21T0011-calendar' }).execute()
    await db
      .insertInto('calendar_days')
      .values(y.entries.map((e) => ({ day: e.day, kind: e.kind, name: e.name ?? null })))
      .execute()
  }
}
