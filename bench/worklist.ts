/**
 * The officer worklist (待办) at scale (issue 4): --cases cases (default 1,000,000) with their applications,
 * applicants and ~3 steps each, spread over the seeded departments (~30) with realistic statuses and due dates —
 * generated in SQL (INSERT … SELECT generate_series), then ANALYZE. Then worklist() from case-queries.ts, for
 * every department in turn: first page, a keyset page (after the first page's last row), due-soon and overdue,
 * ≥ --runs runs each; p50/p99 per variant (target p99 ≤ 50 ms) and EXPLAIN (ANALYZE, BUFFERS) of the slowest
 * variant on the busiest department.
 * Generated rows: 70 % closed (delivered, denied, withdrawn…), the rest open; open cases' active steps are due
 * between 10 working days ago and 20 days ahead (about a third overdue); step 2 of each case is done by another
 * department than the lead one, so every department has work.
 * Database: --pg URL names a database that is DROPPED and re-created (never point it at data you keep), unless
 * --reuse and it already holds the cases.
 * Usage: npx tsx bench/worklist.ts --pg URL [--cases 1000000] [--runs 500] [--reuse]
 */
import pg from 'pg'
import { sql } from 'kysely'
import { createLogger } from '../src/platform/logger'
import { openDatabase } from '../src/platform/database'
import { migrateToLatest } from '../src/platform/migrations'
import { isEmpty, seedDemo } from '../src/main/seed'
import { worklist, type WorklistRow } from '../src/modules/cases'

const arg = (name: string, def: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1]! : def }
const PG = arg('pg', '')
const CASES = Number(arg('cases', '1000000'))
const RUNS = Number(arg('runs', '500'))
const REUSE = process.argv.includes('--reuse')
if (!PG) {
  console.error('usage: npx tsx bench/worklist.ts --pg postgres://…/scratch_db [--cases 1000000] [--runs 500] [--reuse]')
  process.exit(1)
}
const url = new URL(PG)
const name = url.pathname.slice(1)
if (!/^[a-z_][a-z0-9_]*$/.test(name) || name === 'postgres') throw new Error(`--pg must name a scratch database (it is dropped and re-created), not "${name}"`)
const adminUrl = new URL(PG)
adminUrl.pathname = '/postgres'
const admin = new pg.Client({ connectionString: adminUrl.toString() })
await admin.connect()
const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1
if (!REUSE || !exists) {
  await admin.query(`drop database if exists ${name} with (force)`)
  await admin.query(`create database ${name}`)
}
await admin.end()

const h = await openDatabase({ databaseUrl: PG, poolSize: 4 })
const db = h.db
await migrateToLatest(db)
if (await isEmpty(db)) await seedDemo(db, { log: createLogger('silent'), adminPassword: 'bench-password-1' })
const count = async (table: string) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0]!.n)
const secs = (t0: number) => ((performance.now() - t0) / 1000).toFixed(1)

// Today in Asia/Shanghai and the next working day (weekends only: the bench does not need the holiday table).
const today = new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10)
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10)
let nextWorkingDay = addDays(today, 1)
while ([0, 6].includes(new Date(`${nextWorkingDay}T00:00:00Z`).getUTCDay())) nextWorkingDay = addDays(nextWorkingDay, 1)

if ((await count('cases')) < CASES) {
  const t0 = performance.now()
  const citizens = Math.max(1000, Math.floor(CASES / 10))
  const step = async (label: string, q: ReturnType<typeof sql>) => {
    const s = performance.now()
    await q.execute(db)
    console.log(`  ${label} (${secs(s)} s)`)
  }
  console.log(`generating ${CASES.toLocaleString()} cases in SQL…`)
  await step(`${citizens.toLocaleString()} citizens`, sql`
    insert into citizens (id, phone, password_hash, display_name, agreement_version, agreement_accepted_at)
    select md5('wl-citizen-' || i)::uuid, '150' || lpad(i::text, 8, '0'), 'bench-not-a-hash', '压测用户' || i, '2026-11', now()
    from generate_series(1, ${citizens}) i`)
  await sql`create temp table wl_items as
    select (row_number() over (order by code))::int - 1 as n, id, code, name, current_version as version, department_id, region_code
    from service_items where status = 'published'`.execute(db)
  await sql`create temp table wl_depts as select (row_number() over (order by code))::int - 1 as n, id from departments`.execute(db)
  // One row per case: its item, dates and status (i % 100 → status mix; open cases are recent).
  await step('plan', sql`
    create temp table wl_plan as
    select i, it.id as item_id, it.version, it.code, it.name as item_name, it.department_id, it.region_code,
      md5('wl-citizen-' || (1 + i % ${citizens}))::uuid as citizen_id,
      (select id from wl_depts d where d.n = (i * 7) % (select count(*) from wl_depts)) as other_dept,
      st.status,
      (current_date - case when st.status in ('delivered', 'denied', 'withdrawn', 'terminated', 'not_accepted') then 30 + i % 700 else i % 40 end)::date as received_on
    from generate_series(1, ${CASES}) i
    join wl_items it on it.n = i % (select count(*) from wl_items)
    cross join lateral (select case
      when i % 100 < 62 then 'delivered' when i % 100 < 66 then 'denied' when i % 100 < 68 then 'withdrawn'
      when i % 100 < 69 then 'terminated' when i % 100 < 70 then 'not_accepted' when i % 100 < 82 then 'in_progress'
      when i % 100 < 88 then 'submitted' when i % 100 < 91 then 'correction_requested' when i % 100 < 95 then 'accepted'
      when i % 100 < 97 then 'approved' else 'result_issued' end as status) st`)
  await step('applications', sql`
    insert into applications (id, item_id, item_version, item_code, item_name, applicant_citizen_id, status, values, prefill, channel, ref_no, idempotency_key, created_at, updated_at, submitted_at)
    select md5('wl-app-' || i)::uuid, item_id, version, code, item_name, citizen_id, 'submitted', '{}', '{}', 2,
      to_char(received_on, 'YYMMDD') || lpad(i::text, 7, '0'), 'wl-' || i, received_on, received_on, received_on
    from wl_plan`)
  await step('cases', sql`
    insert into cases (id, application_id, ref_no, item_id, item_version, item_code, item_name, department_id, region_code, kind, status,
      applicant_citizen_id, applicant_name, submitted_at, received_on, pre_review_due, accepted_at, accepted_on, statutory_days, promised_days,
      statutory_due, promised_due, decided_at, decision, closed_at, updated_at)
    select md5('wl-case-' || i)::uuid, md5('wl-app-' || i)::uuid, to_char(received_on, 'YYMMDD') || lpad(i::text, 7, '0'), item_id, version, code, item_name,
      department_id, region_code, 1, status, citizen_id, '压测用户' || (1 + i % ${citizens}), received_on, received_on, received_on + 7,
      case when status not in ('submitted', 'correction_requested', 'not_accepted') then received_on + 2 end,
      case when status not in ('submitted', 'correction_requested', 'not_accepted') then received_on + 2 end,
      20, 10, received_on + 30, received_on + 16,
      case when status in ('delivered', 'denied', 'approved', 'result_issued') then received_on + 12 end,
      case when status in ('delivered', 'approved', 'result_issued') then 'approved' when status = 'denied' then 'denied' end,
      case when status in ('delivered', 'denied', 'withdrawn', 'terminated', 'not_accepted') then received_on + 14 end, received_on
    from wl_plan`)
  // Three steps per case: 受理 (lead department), 审查 (another department), 决定 (lead). Open cases have one active step.
  await step('case steps', sql`
    insert into case_steps (id, case_id, step_key, name, department_id, seq, round, status, days, started_at, started_on, due_on, finished_at, outcome, officer_id, officer_name, assignee_id, assignee_name)
    select md5('wl-step-' || p.i || '-' || k)::uuid, md5('wl-case-' || p.i)::uuid, (array['受理', '审查', '决定'])[k + 1], (array['预审受理', '材料审查', '许可决定'])[k + 1],
      case when k = 1 then p.other_dept else p.department_id end, k, 1, s.status, 5,
      case when s.status <> 'waiting' then p.received_on + k * 3 end, case when s.status <> 'waiting' then p.received_on + k * 3 end,
      case when s.status = 'active' then current_date + ((p.i * 13) % 31 - 10) when s.status = 'done' then p.received_on + k * 3 + 5 end,
      case when s.status = 'done' then p.received_on + k * 3 + 2 end, case when s.status = 'done' then 'pass' end,
      case when s.status = 'done' then md5('wl-officer-' || (p.i % 300))::uuid end, case when s.status = 'done' then '办理人员' end,
      case when s.status = 'active' and p.i % 3 = 0 then md5('wl-officer-' || (p.i % 300))::uuid end, case when s.status = 'active' and p.i % 3 = 0 then '办理人员' end
    from wl_plan p
    cross join generate_series(0, 2) k
    cross join lateral (select case
      when p.status in ('submitted', 'correction_requested') then case when k = 0 then 'active' else 'waiting' end
      when p.status in ('accepted', 'in_progress') then case when k = 0 then 'done' when k = 1 then 'active' else 'waiting' end
      when p.status in ('withdrawn', 'terminated', 'not_accepted') then case when k = 0 then 'done' else 'cancelled' end
      else 'done' end as status) s`)
  await step('ANALYZE', sql`analyze`)
  console.log(`generated in ${secs(t0)} s`)
}
const [cases, steps, active] = [await count('cases'), await count('case_steps'), Number((await sql<{ n: string }>`select count(*) as n from case_steps where status = 'active'`.execute(db)).rows[0]!.n)]
const perDept = (await sql<{ department_id: string; n: string }>`select department_id, count(*) as n from case_steps where status = 'active' group by department_id order by count(*) desc`.execute(db)).rows
console.log(`${cases.toLocaleString()} cases, ${steps.toLocaleString()} steps, ${active.toLocaleString()} active over ${perDept.length} departments (busiest ${Number(perDept[0]!.n).toLocaleString()}, quietest ${Number(perDept.at(-1)!.n).toLocaleString()}); today ${today}, next working day ${nextWorkingDay}`)

// ---- the worklist query, per variant, rotating over the departments ----
const depts = perDept.map((r) => r.department_id)
const busiest = depts[0]!
const base = (dept: string) => ({ departmentIds: [dept], view: 'todo' as const, officerId: '00000000-0000-0000-0000-000000000000', today, nextWorkingDay, limit: 50 })
const firstPages = new Map<string, WorklistRow[]>()
for (const d of depts) firstPages.set(d, await worklist(db, base(d)))
type Variant = { label: string; filter: (dept: string) => Parameters<typeof worklist>[1] }
const variants: Variant[] = [
  { label: '待办, first page (50 by deadline)', filter: (d) => base(d) },
  { label: '待办, keyset page 2 (after row 50)', filter: (d) => { const last = firstPages.get(d)!.at(-1); return { ...base(d), after: last ? { dueOn: last.dueOn!, id: last.stepId } : null } } },
  { label: '待办, due soon (today … next working day)', filter: (d) => ({ ...base(d), deadline: 'due_soon' }) },
  { label: '待办, overdue', filter: (d) => ({ ...base(d), deadline: 'overdue' }) },
]
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor(xs.length * p))]!
let slowest = { label: '', p99: -1, variant: variants[0]! }
console.log(`worklist() on PostgreSQL, ${RUNS} runs per variant over ${depts.length} departments in turn (after one warm-up pass):`)
for (const v of variants) {
  for (const d of depts) await worklist(db, v.filter(d))
  const lat: number[] = []
  let rows = 0
  for (let i = 0; i < RUNS; i++) {
    const f = v.filter(depts[i % depts.length]!)
    const s = performance.now()
    rows += (await worklist(db, f)).length
    lat.push(performance.now() - s)
  }
  lat.sort((a, b) => a - b)
  const p99 = pct(lat, 0.99)
  console.log(`  ${v.label}: p50 ${pct(lat, 0.5).toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${lat.at(-1)!.toFixed(2)} ms (${(rows / RUNS).toFixed(0)} rows per page) ${p99 <= 50 ? '— target met' : '— TARGET NOT MET'}`)
  if (p99 > slowest.p99) slowest = { label: v.label, p99, variant: v }
}

// ---- EXPLAIN of the slowest variant on the busiest department: the statement worklist() sends, captured ----
const captured: { sql: string; parameters: readonly unknown[] }[] = []
const { Kysely, PostgresDialect } = await import('kysely')
const pool = new pg.Pool({ connectionString: PG, max: 1 })
const logged = new Kysely<never>({ dialect: new PostgresDialect({ pool }), log: (e) => { if (e.level === 'query') captured.push({ sql: e.query.sql, parameters: e.query.parameters }) } })
await worklist(logged as never, slowest.variant.filter(busiest))
const q = captured.at(-1)!
const plan = await pool.query(`explain (analyze, buffers, costs off) ${q.sql}`, q.parameters as unknown[])
console.log(`\nEXPLAIN (ANALYZE, BUFFERS) — ${slowest.label}, busiest department:\n${q.sql}\n${plan.rows.map((r: Record<string, string>) => '  ' + r['QUERY PLAN']).join('\n')}`)
await logged.destroy()
await h.close()
process.exit(0)
