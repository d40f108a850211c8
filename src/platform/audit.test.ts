import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { testDb } from '../../test/db'
import type { DatabaseHandle } from './database'
import { recordAudit, verifyAudit } from './audit'

let h: DatabaseHandle
before(async () => {
  h = await testDb('migrated')
})
after(async () => {
  await h.close()
})

async function write(n: number) {
  for (let i = 0; i < n; i++) {
    await h.db.transaction().execute((tx) => recordAudit(tx, { actor: { type: 'staff', id: 's1', name: '张三' }, action: 'test.thing', subject: { type: 'thing', id: String(i) }, details: { i } }))
  }
}
const restore = async (rows: unknown[]) => {
  await sql`delete from audit_log`.execute(h.db)
  for (const r of rows as Record<string, unknown>[]) await h.db.insertInto('audit_log').values(r as never).execute()
}

test('an intact chain verifies', async () => {
  await write(6)
  const r = await verifyAudit(h.db)
  assert.equal(r.ok, true)
  assert.equal(r.checked, 6)
})

test('a rolled-back transaction leaves no audit entry and no gap', async () => {
  await assert.rejects(
    h.db.transaction().execute(async (tx) => {
      await recordAudit(tx, { actor: { type: 'system' }, action: 'test.rollback', subject: { type: 'thing' } })
      throw new Error('boom')
    }),
  )
  assert.equal((await verifyAudit(h.db)).ok, true)
})

test('detects an edited entry and names it', async () => {
  const rows = await h.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()
  await sql`update audit_log set reason = 'changed later' where seq = 3`.execute(h.db)
  const r = await verifyAudit(h.db)
  assert.equal(r.ok, false)
  assert.deepEqual([r.firstProblem?.seq, r.firstProblem?.kind], [3, 'edited'])
  await restore(rows)
  assert.equal((await verifyAudit(h.db)).ok, true)
})

test('detects a deleted entry (middle and tail)', async () => {
  const rows = await h.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()
  await sql`delete from audit_log where seq = 4`.execute(h.db)
  let r = await verifyAudit(h.db)
  assert.deepEqual([r.ok, r.firstProblem?.seq, r.firstProblem?.kind], [false, 4, 'deleted'])
  await restore(rows)
  await sql`delete from audit_log where seq = 6`.execute(h.db)
  r = await verifyAudit(h.db)
  assert.deepEqual([r.ok, r.firstProblem?.seq, r.firstProblem?.kind], [false, 6, 'deleted'])
  await restore(rows)
})

test('detects reordered entries', async () => {
  const rows = await h.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()
  // Swap entries 2 and 3 completely (content and hashes), keeping seq numbers in place.
  const e2 = rows[1]!, e3 = rows[2]!
  await sql`delete from audit_log where seq in (2, 3)`.execute(h.db)
  await h.db.insertInto('audit_log').values({ ...e3, seq: 2, id: e3.id } as never).execute()
  await h.db.insertInto('audit_log').values({ ...e2, seq: 3, id: e2.id } as never).execute()
  const r = await verifyAudit(h.db)
  assert.deepEqual([r.ok, r.firstProblem?.seq, r.firstProblem?.kind], [false, 2, 'reordered'])
  await restore(rows)
  assert.equal((await verifyAudit(h.db)).ok, true)
})

test('concurrent writers never fork the chain', async () => {
  await Promise.all(Array.from({ length: 10 }, (_, i) => h.db.transaction().execute((tx) => recordAudit(tx, { actor: { type: 'system' }, action: 'test.concurrent', subject: { type: 'thing', id: String(i) } }))))
  const r = await verifyAudit(h.db)
  assert.equal(r.ok, true)
  assert.equal(r.checked, 16)
})
