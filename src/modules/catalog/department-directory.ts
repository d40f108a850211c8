import type { Executor } from '../../platform/database'
import type { DepartmentDirectory, DepartmentSummary } from '../identity'

/** Catalog provides identity's DepartmentDirectory port (departments are owned here). */
export function departmentDirectory(db: Executor): DepartmentDirectory {
  const cols = ['id', 'name', 'code', 'region_code', 'parent_id'] as const
  const toSummary = (r: { id: string; name: string; code: string | null; region_code: string | null; parent_id: string | null }): DepartmentSummary => ({
    id: r.id,
    name: r.name,
    code: r.code,
    regionCode: r.region_code,
    parentId: r.parent_id,
  })
  return {
    async listDepartments() {
      const rows = await db.selectFrom('departments').select(cols).orderBy('name').execute()
      return rows.map(toSummary)
    },
    async getDepartment(id) {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
      const r = await db.selectFrom('departments').select(cols).where('id', '=', id).executeTakeFirst()
      return r ? toSummary(r) : undefined
    },
    async itemNames(codes) {
      const wanted = [...new Set(codes)].filter((c) => c.length > 0 && c.length <= 64)
      if (wanted.length === 0) return new Map()
      const rows = await db.selectFrom('service_items').select(['code', 'name']).where('code', 'in', wanted).where('status', '=', 'published').execute()
      return new Map(rows.map((r) => [r.code, r.name]))
    },
  }
}
