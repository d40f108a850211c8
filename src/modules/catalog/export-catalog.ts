import { sql } from 'kysely'
import type { Executor } from '../../platform/database'
import { orderRecord, type ServiceItemRecord } from './service-item'

/**
 * Writes every item's current version as one JSON line in the shared exchange format, ordered by code,
 * keys in schema order. import(export(x)) reproduces x exactly.
 */
export async function exportCatalog(db: Executor, write: (line: string) => void | Promise<void>, opts: { pageSize?: number } = {}): Promise<number> {
  const pageSize = opts.pageSize ?? 1000
  let after = ''
  let n = 0
  for (;;) {
    const rows = await db.selectFrom('service_items').select(['code', 'data']).where(sql<boolean>`code collate "C" > ${after}`).orderBy(sql`code collate "C"`).limit(pageSize).execute()
    if (!rows.length) return n
    for (const r of rows) {
      await write(JSON.stringify(orderRecord(r.data as unknown as ServiceItemRecord)))
      n++
    }
    after = rows[rows.length - 1]!.code
  }
}
