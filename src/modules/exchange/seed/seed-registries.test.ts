import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { testDb } from '../../../../test/db'
import { databaseRegistrySource } from '../registry-source'
import { DEMO_ENTERPRISES, DEMO_RESIDENTS } from './demo-identities'
import { seedRegistries } from './seed-registries'

const count = async (db: Parameters<typeof seedRegistries>[0], table: 'registry_people' | 'registry_entities' | 'registry_addresses') =>
  Number((await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n)

describe('seedRegistries', () => {
  it('fills an empty database once (one audit entry), then skips; demo identities readable through the registry source', async () => {
    const h = await testDb('migrated')
    try {
      const r = await seedRegistries(h.db)
      console.log(`  seedRegistries on ${h.kind}: ${r.people} people, ${r.entities} enterprises, ${r.addresses} addresses in ${r.durationMs} ms`)
      assert.equal(r.skipped, false)
      assert.equal(await count(h.db, 'registry_people'), r.people)
      assert.equal(await count(h.db, 'registry_entities'), r.entities)
      assert.equal(await count(h.db, 'registry_addresses'), r.addresses)
      const audits = await h.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'registry.seed').execute()
      assert.equal(audits.length, 1)

      const again = await seedRegistries(h.db)
      assert.equal(again.skipped, true)
      assert.equal(await count(h.db, 'registry_people'), r.people)

      const src = databaseRegistrySource(h.db)
      const p = await src.person(DEMO_RESIDENTS[3].idNumber)
      assert.equal(p?.name, DEMO_RESIDENTS[3].name)
      assert.equal(p?.idCardValidUntil, null)
      assert.equal((await src.person(DEMO_RESIDENTS[0].idNumber))?.idCardValidUntil, DEMO_RESIDENTS[0].idCardValidUntil)
      const e = await src.entity(DEMO_ENTERPRISES[0].uscc)
      assert.equal(e?.legalRepIdNumber, DEMO_RESIDENTS[0].idNumber)
      assert.equal(e?.establishedOn, DEMO_ENTERPRISES[0].establishedOn)
    } finally {
      await h.close()
    }
  })
})
