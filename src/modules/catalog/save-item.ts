import type { Actor } from '../../platform/audit'
import type { DB, Executor } from '../../platform/database'
import { codeTaken, itemInvalid, staleVersion } from './catalog-errors'
import { regionCodes } from './catalog-queries'
import { validateItem } from './item-validation'
import { newSaveCache, type SaveCache } from './item-references'
import { saveValidItemsBatch } from './save-item-batch'
import type { ServiceItemRecord } from './service-item'

export { newSaveCache, type SaveCache } from './item-references'

export type SaveOutcome = 'created' | 'updated' | 'unchanged'
export type SaveItemResult = { outcome: SaveOutcome; itemId: string; code: string; version: number }
export type SaveItemInput = {
  record: unknown
  actor: Actor
  note?: string
  /** Optimistic lock for editors: the version the person started from. */
  expectedVersion?: number
  /** Editor "create": fail if the code already exists instead of making a new version. */
  mustBeNew?: boolean
  /** Import sessions reuse lookups across lines; drop it when a transaction rolls back. */
  cache?: SaveCache
}

/**
 * Creates or updates a service item by its code. Every change becomes a new immutable version (cases pin
 * versions); an identical record changes nothing. Validation, write, version row and audit entry commit
 * together. Used by the editor, the importer and the seed.
 */
export async function saveItem(db: DB, input: SaveItemInput): Promise<SaveItemResult> {
  const regions = await regionCodes(db)
  const errors = validateItem(input.record, { regionExists: (c) => regions.has(c) })
  if (errors.length) throw itemInvalid(errors)
  return db.transaction().execute((tx) => saveValidItem(tx, input.record as ServiceItemRecord, input))
}

/**
 * The write half of saveItem, for callers that validated already and own the transaction: checks the
 * editor's optimistic lock and "must be new", then writes through the same path as imports.
 */
export async function saveValidItem(tx: Executor, raw: ServiceItemRecord, opts: Omit<SaveItemInput, 'record'>): Promise<SaveItemResult> {
  const existing = await tx.selectFrom('service_items').select('current_version').where('code', '=', raw.code).forUpdate().executeTakeFirst()
  if (existing && opts.mustBeNew) throw codeTaken(raw.code)
  if (existing && opts.expectedVersion !== undefined && existing.current_version !== opts.expectedVersion) {
    throw staleVersion(raw.code, existing.current_version, opts.expectedVersion)
  }
  const [result] = await saveValidItemsBatch(tx, [raw], { actor: opts.actor, ...(opts.note ? { note: opts.note } : {}), cache: opts.cache ?? newSaveCache() })
  return result!
}
