import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { recordAudit, type Actor } from '../../platform/audit'
import type { DB, Executor } from '../../platform/database'
import { uuidv7 } from '../../platform/ids'
import { codeTaken, itemInvalid, staleVersion } from './catalog-errors'
import { regionCodes } from './catalog-queries'
import { validateItem } from './item-validation'
import { contentHash, effectiveStatus, orderRecord, type ServiceItemRecord } from './service-item'

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
export type SaveCache = { departments: Map<string, string>; themes: Set<string> }
export const newSaveCache = (): SaveCache => ({ departments: new Map(), themes: new Set() })

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

/** The write half of saveItem, for callers that validated already and own the transaction (import batches). */
export async function saveValidItem(
  tx: Executor,
  raw: ServiceItemRecord,
  opts: Omit<SaveItemInput, 'record'>,
): Promise<SaveItemResult> {
  const record = orderRecord(raw)
  const hash = contentHash(record)
  const existing = await tx
    .selectFrom('service_items')
    .select(['id', 'current_version', 'content_hash'])
    .where('code', '=', record.code)
    .forUpdate()
    .executeTakeFirst()
  if (existing && opts.mustBeNew) throw codeTaken(record.code)
  if (existing && opts.expectedVersion !== undefined && existing.current_version !== opts.expectedVersion) {
    throw staleVersion(record.code, existing.current_version, opts.expectedVersion)
  }
  if (existing && existing.content_hash === hash) {
    return { outcome: 'unchanged', itemId: existing.id, code: record.code, version: existing.current_version }
  }
  const depKey = `${record.department.code ?? ''}|${record.department.name}`
  let departmentId = opts.cache?.departments.get(depKey)
  if (!departmentId) {
    departmentId = await ensureDepartment(tx, record.department, record.region?.code)
    opts.cache?.departments.set(depKey, departmentId)
  }
  if (!opts.cache || (record.themes ?? []).some((t) => !opts.cache!.themes.has(t))) {
    await ensureThemes(tx, record)
    for (const t of record.themes ?? []) opts.cache?.themes.add(t)
  }
  const status = effectiveStatus(record)
  const columns = {
    name: record.name,
    department_id: departmentId,
    status,
    data: JSON.stringify(record),
    content_hash: hash,
    audience: record.audience,
    themes: record.themes ?? [],
    region_code: record.region?.code ?? null,
    online_level: record.onlineLevel ?? null,
    item_type: record.type,
  }
  let itemId: string
  let version: number
  if (existing) {
    itemId = existing.id
    version = existing.current_version + 1
    await tx
      .updateTable('service_items')
      .set({ ...columns, current_version: version, search_rev: sql`nextval('catalog_search_rev')`, updated_at: sql`now()` })
      .where('id', '=', itemId)
      .execute()
  } else {
    itemId = uuidv7()
    version = 1
    await tx.insertInto('service_items').values({ id: itemId, code: record.code, current_version: 1, ...columns }).execute()
  }
  await tx
    .insertInto('service_item_versions')
    .values({ item_id: itemId, version, data: JSON.stringify(record), content_hash: hash, status, actor: opts.actor.name ?? opts.actor.type, note: opts.note ?? null })
    .execute()
  await recordAudit(tx, {
    actor: opts.actor,
    action: existing ? 'catalog.item.updated' : 'catalog.item.created',
    subject: { type: 'service_item', id: record.code },
    reason: opts.note ?? null,
    details: { version, status, contentHash: hash },
  })
  return { outcome: existing ? 'updated' : 'created', itemId, code: record.code, version }
}

function slugFor(prefix: string, key: string): string {
  return `${prefix}${createHash('sha1').update(key).digest('hex').slice(0, 10)}`
}

/** Finds the implementing department by USCC (authoritative) or name, creating it on first sight. */
export async function ensureDepartment(tx: Executor, dep: { name: string; code?: string }, regionCode?: string): Promise<string> {
  if (dep.code) {
    const byCode = await tx.selectFrom('departments').select('id').where('code', '=', dep.code).executeTakeFirst()
    if (byCode) return byCode.id
  }
  const byName = await tx.selectFrom('departments').select(['id', 'code']).where('name', '=', dep.name).executeTakeFirst()
  if (byName) {
    if (dep.code && !byName.code) await tx.updateTable('departments').set({ code: dep.code }).where('id', '=', byName.id).execute()
    return byName.id
  }
  const id = uuidv7()
  await tx
    .insertInto('departments')
    .values({ id, name: dep.name, code: dep.code ?? null, slug: dep.code ? dep.code.toLowerCase() : slugFor('d-', dep.name), region_code: regionCode ?? null, name_en: null, description: null, address: null, phone: null })
    .execute()
  return id
}

/** Themes named by an item but unknown to the platform are created (audience from the item). */
export async function ensureThemes(tx: Executor, r: ServiceItemRecord): Promise<void> {
  const names = [...new Set(r.themes ?? [])]
  if (!names.length) return
  const known = new Set((await tx.selectFrom('themes').select('name').where('name', 'in', names).execute()).map((t) => t.name))
  const audience = r.audience.includes('individual') ? 'individual' : 'enterprise'
  for (const name of names.filter((n) => !known.has(n))) {
    await tx.insertInto('themes').values({ slug: slugFor('t-', name), name, name_en: null, audience, description: null }).onConflict((oc) => oc.doNothing()).execute()
  }
}
