import type { Executor } from '../../../platform/database'
import type { ServiceItemRecord } from '../service-item'

/** Reads only the portal needs: published items of a department, and the sitemap list. */

export type PortalItem = { code: string; name: string; record: ServiceItemRecord; popularity: number }

/** Published items of one department, most used first. */
export async function publishedItemsOfDepartment(db: Executor, departmentId: string): Promise<PortalItem[]> {
  const rows = await db
    .selectFrom('service_items')
    .select(['code', 'name', 'data', 'popularity'])
    .where('department_id', '=', departmentId)
    .where('status', '=', 'published')
    .orderBy('popularity', 'desc')
    .orderBy('code')
    .execute()
  return rows.map((r) => ({ code: r.code, name: r.name, record: r.data as unknown as ServiceItemRecord, popularity: r.popularity }))
}

/** Every published guide with its last change, for sitemap.xml. */
export async function publishedForSitemap(db: Executor): Promise<{ code: string; updatedAt: Date }[]> {
  const rows = await db.selectFrom('service_items').select(['code', 'updated_at']).where('status', '=', 'published').orderBy('code').execute()
  return rows.map((r) => ({ code: r.code, updatedAt: r.updated_at }))
}
