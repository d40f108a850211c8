import { sql } from 'kysely'
import { recordAudit, type Actor } from '../../../platform/audit'
import type { DB, Executor } from '../../../platform/database'
import { generateRegistries, otherCountiesOf, type GenerateOptions } from './generate'

const SEED_ACTOR: Actor = { type: 'system', name: 'seed' }
/** Rows per INSERT: ~500 × 12 columns stays far below PostgreSQL's 65,535 bind parameters. */
const CHUNK = 500

export type SeedRegistriesResult = { skipped: boolean; addresses: number; people: number; entities: number; durationMs: number }

/**
 * Fills the simulated base registries (人口库, 法人库, 标准地址库) with the deterministic synthetic data.
 * Idempotent: when any registry already has rows (seeded before, or loaded by an administrator) it does
 * nothing. One transaction, one audit entry.
 */
export async function seedRegistries(db: DB, opts: Partial<Omit<GenerateOptions, 'otherCounties'>> = {}): Promise<SeedRegistriesResult> {
  const t0 = performance.now()
  const counts = await sql<{ n: number }>`
    select (select count(*) from registry_people) + (select count(*) from registry_entities) + (select count(*) from registry_addresses) as n`.execute(db)
  if (Number(counts.rows[0]?.n ?? 0) > 0) return { skipped: true, addresses: 0, people: 0, entities: 0, durationMs: Math.round(performance.now() - t0) }

  const regions = await db.selectFrom('regions').select(['code', 'level']).where('level', '=', 3).execute()
  const g = generateRegistries({ ...opts, otherCounties: otherCountiesOf(regions) })
  await db.transaction().execute(async (tx) => {
    await insertChunks(tx, 'registry_addresses', g.addresses)
    await insertChunks(tx, 'registry_people', g.people)
    await insertChunks(tx, 'registry_entities', g.entities)
    await recordAudit(tx, {
      actor: SEED_ACTOR,
      action: 'registry.seed',
      subject: { type: 'registry' },
      reason: '演示用模拟基础库 synthetic demo registries',
      details: { addresses: g.addresses.length, people: g.people.length, entities: g.entities.length },
    })
  })
  return { skipped: false, addresses: g.addresses.length, people: g.people.length, entities: g.entities.length, durationMs: Math.round(performance.now() - t0) }
}

async function insertChunks<T extends 'registry_addresses' | 'registry_people' | 'registry_entities'>(tx: Executor, table: T, rows: readonly object[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.insertInto(table).values(rows.slice(i, i + CHUNK) as never).execute()
  }
}
