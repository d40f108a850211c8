/**
 * Issue 5 figure, database included: 办结即制证 as the platform does it — issueLicenceForCase in its own
 * transaction (type row locked for the serial, face from the application's form, department key, canonical JSON,
 * Ed25519 or SM2 signature, QR payload signed too, licence + event + audit rows) — one at a time on one
 * connection, so the figure is per core of Node (the database's own CPU comes on top). `bench/licence-sign.ts`
 * gives the crypto alone.
 * One approved 食品经营许可 case is made through the real operations and cloned N times in SQL (new ids and
 * 办件编号), then each clone is issued.
 * Usage: npx tsx bench/licence-issue.ts [--n 2000] [--algorithm Ed25519|SM2]
 *        (database: DATABASE_URL=postgres://… for PostgreSQL, else PGlite; YIWANG_TEST_TMP for scratch)
 */
import { cpus } from 'node:os'
import { sql } from 'kysely'
import { testApp } from '../test/app'
import { caseCrew } from '../test/cases'
import { approvedFoodCase } from '../test/licences'
import { issueLicenceForCase, rotateDepartmentKey } from '../src/modules/licences'
import { verifyAudit } from '../src/platform/audit'
import { shanghaiDate } from '../src/platform/calendar/working-calendar'

const arg = (name: string, def: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1]! : def }
const N = Number(arg('n', '2000'))
const ALG = arg('algorithm', 'Ed25519') as 'Ed25519' | 'SM2'

process.env.YIWANG_TEST_TMP ??= '.tmp/bench-licence'
// Fresh test templates (migrated + seeded) for this scratch dir, as the test runner makes them.
await import('../test/global-setup')
const t = await testApp('seeded')
try {
  const crew = await caseCrew(t.db, 'bench')
  const base = await approvedFoodCase(t.deps, crew)
  const c0 = await t.db.selectFrom('cases').selectAll().where('id', '=', base.caseId).executeTakeFirstOrThrow()
  await rotateDepartmentKey({ db: t.db, secrets: t.deps.secrets }, { departmentId: c0.department_id, algorithm: ALG, actor: { type: 'system', name: 'bench' } })
  // Clone the case (and its application) N times.
  const t0 = performance.now()
  await sql`
    create temp table bench_ids as select gen_random_uuid() as app_id, gen_random_uuid() as case_id, g as n from generate_series(1, ${N}) g;
  `.execute(t.db)
  await sql`insert into applications (id, item_id, item_version, item_code, item_name, form_version, applicant_citizen_id, subject_enterprise_id, status, values, prefill, draft_rev, channel, ref_no, submitted_at)
    select b.app_id, a.item_id, a.item_version, a.item_code, a.item_name, a.form_version, a.applicant_citizen_id, a.subject_enterprise_id, a.status, a.values, a.prefill, a.draft_rev, a.channel, 'B' || b.n, a.submitted_at
    from applications a, bench_ids b where a.id = ${c0.application_id}`.execute(t.db)
  await sql`insert into cases select (jsonb_populate_record(c, jsonb_build_object('id', b.case_id, 'application_id', b.app_id, 'ref_no', 'B' || b.n))).* from cases c, bench_ids b where c.id = ${c0.id}`.execute(t.db)
  const ids = (await sql<{ case_id: string }>`select case_id from bench_ids order by n`.execute(t.db)).rows.map((r) => r.case_id)
  const setup = performance.now() - t0

  const actor = { type: 'staff' as const, id: crew.window.id, name: crew.window.name }
  const now = new Date()
  const today = shanghaiDate(now)
  const lat: number[] = []
  const start = performance.now()
  for (const id of ids) {
    const s = performance.now()
    await t.db.transaction().execute(async (tx) => {
      const c = await tx.selectFrom('cases').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow()
      await issueLicenceForCase(tx, t.deps.secrets, c, { actor, now, today })
    })
    lat.push(performance.now() - s)
  }
  const secs = (performance.now() - start) / 1000
  lat.sort((a, b) => a - b)
  const made = await t.db.selectFrom('licences').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
  const audit = await verifyAudit(t.db)
  console.log(`licence issue with the database (${t.deps.dbKind}, ${ALG}, ${cpus().length} cores, one connection, sequential; clone setup ${Math.round(setup)} ms)`)
  console.log(`  ${N} licences in ${secs.toFixed(2)} s → ${Math.round(N / secs)} licences/s; p50 ${lat[Math.floor(N * 0.5)]!.toFixed(2)} ms, p99 ${lat[Math.floor(N * 0.99)]!.toFixed(2)} ms`)
  console.log(`  licences in the database: ${made.n}; audit chain ${audit.ok ? 'intact' : 'BROKEN'} (${audit.checked} entries)`)
} finally {
  await t.close()
}
