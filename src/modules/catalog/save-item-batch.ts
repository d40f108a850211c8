import { sql, type Insertable } from 'kysely'
import { recordAuditBatch, type Actor, type AuditInput } from '../../platform/audit'
import type { Executor } from '../../platform/database'
import type { ServiceItemsTable } from '../../platform/schema'
import { uuidv7 } from '../../platform/ids'
import { ensureDepartment, ensureThemes, type SaveCache } from './item-references'
import type { SaveItemResult } from './save-item'
import { contentHash, effectiveStatus, orderRecord, type ServiceItemRecord } from './service-item'

/**
 * The importer's write path: the same outcome as calling saveValidItem for each record in order (created →
 * version 1, changed → next version, identical → nothing; one version row and one audit entry per change),
 * but a chunk costs a handful of statements instead of six per line — 10,000 lines import in seconds.
 * Records must be validated already and have distinct codes. Runs inside the caller's transaction.
 */
export async function saveValidItemsBatch(tx: Executor, raws: ServiceItemRecord[], opts: { actor: Actor; note?: string; cache: SaveCache }): Promise<SaveItemResult[]> {
  if (!raws.length) return []
  const records = raws.map(orderRecord)
  const existing = new Map(
    (await tx.selectFrom('service_items').select(['id', 'code', 'current_version', 'content_hash']).where('code', 'in', records.map((r) => r.code)).forUpdate().execute()).map((e) => [e.code, e]),
  )
  const results: SaveItemResult[] = []
  const inserts: Insertable<ServiceItemsTable>[] = []
  const versions: { item_id: string; version: number; data: string; content_hash: string; status: string; actor: string; note: string | null }[] = []
  const audits: AuditInput[] = []
  for (const record of records) {
    const hash = contentHash(record)
    const old = existing.get(record.code)
    if (old && old.content_hash === hash) {
      results.push({ outcome: 'unchanged', itemId: old.id, code: record.code, version: old.current_version })
      continue
    }
    const depKey = `${record.department.code ?? ''}|${record.department.name}`
    let departmentId = opts.cache.departments.get(depKey)
    if (!departmentId) {
      departmentId = await ensureDepartment(tx, record.department, record.region?.code)
      opts.cache.departments.set(depKey, departmentId)
    }
    if ((record.themes ?? []).some((t) => !opts.cache.themes.has(t))) {
      await ensureThemes(tx, record)
      for (const t of record.themes ?? []) opts.cache.themes.add(t)
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
    const itemId = old?.id ?? uuidv7()
    const version = old ? old.current_version + 1 : 1
    if (old) {
      await tx
        .updateTable('service_items')
        .set({ ...columns, current_version: version, search_rev: sql`nextval('catalog_search_rev')`, updated_at: sql`now()` })
        .where('id', '=', itemId)
        .execute()
    } else {
      inserts.push({ id: itemId, code: record.code, current_version: 1, ...columns })
    }
    versions.push({ item_id: itemId, version, data: columns.data, content_hash: hash, status, actor: opts.actor.name ?? opts.actor.type, note: opts.note ?? null })
    audits.push({
      actor: opts.actor,
      action: old ? 'catalog.item.updated' : 'catalog.item.created',
      subject: { type: 'service_item', id: record.code },
      reason: opts.note ?? null,
      details: { version, status, contentHash: hash },
    })
    results.push({ outcome: old ? 'updated' : 'created', itemId, code: record.code, version })
  }
  if (inserts.length) await tx.insertInto('service_items').values(inserts).execute()
  if (versions.length) await tx.insertInto('service_item_versions').values(versions).execute()
  if (audits.length) await recordAuditBatch(tx, audits)
  return results
}
