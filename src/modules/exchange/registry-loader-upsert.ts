import { sql } from 'kysely'
import { recordAudit, type Actor } from '../../platform/audit'
import type { Executor } from '../../platform/database'
import { uuidv7 } from '../../platform/ids'
import type { LoadKind } from './registry-loader-fields'

/**
 * Writes one chunk of valid rows: INSERT … ON CONFLICT (natural key) DO UPDATE only where something differs,
 * so a reload of the same file changes nothing (and counts as unchanged), then ONE audit entry for the chunk.
 * Runs inside the caller's transaction.
 */
const TABLES = {
  population: { table: 'registry_people', key: 'id_number', columns: ['name', 'gender_code', 'birth_date', 'ethnicity_code', 'household_address', 'region_code', 'id_card_valid_until', 'phone', 'status'], touch: true },
  entities: { table: 'registry_entities', key: 'uscc', columns: ['name', 'entity_type', 'legal_rep_name', 'legal_rep_id_number', 'registered_address', 'region_code', 'established_on', 'registered_capital', 'business_scope', 'status'], touch: true },
  addresses: { table: 'registry_addresses', key: 'full_address', columns: ['region_code', 'street', 'road', 'house_number', 'postcode'], touch: false },
} as const

export type ChunkOutcome = { created: number; updated: number; unchanged: number }
export type ChunkMeta = { actor: Actor; format: string; firstLine: number; lastLine: number; source?: string | undefined }

export async function upsertChunk(tx: Executor, kind: LoadKind, rows: readonly Record<string, unknown>[], meta: ChunkMeta): Promise<ChunkOutcome> {
  const t = TABLES[kind]
  const set: Record<string, unknown> = Object.fromEntries(t.columns.map((c) => [c, sql.ref(`excluded.${c}`)]))
  if (t.touch) set.updated_at = sql`now()`
  const changed = sql<boolean>`(${sql.join(t.columns.map((c) => sql.ref(`${t.table}.${c}`)))}) is distinct from (${sql.join(t.columns.map((c) => sql.ref(`excluded.${c}`)))})`
  // xmax = 0 marks a freshly inserted row; an updated one has the updating transaction's id there.
  const written = await tx
    .insertInto(t.table as 'registry_addresses')
    .values(rows.map((r) => ({ id: uuidv7(), ...r })) as never)
    .onConflict((oc) => oc.column(t.key as 'full_address').doUpdateSet(set as never).where(changed))
    .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
    .execute()
  const created = written.filter((w) => w.inserted).length
  const outcome = { created, updated: written.length - created, unchanged: rows.length - written.length }
  await recordAudit(tx, {
    actor: meta.actor,
    action: 'registry.load',
    subject: { type: 'registry', id: kind },
    details: { format: meta.format, lines: [meta.firstLine, meta.lastLine], rows: rows.length, ...outcome, ...(meta.source ? { source: meta.source } : {}) },
  })
  return outcome
}
