import type { Deps } from '../../deps'
import type { Lookups } from './admin-staff-list-page'
import { listScopeRegions } from './admin-staff-queries'

/** Departments (catalog, through the directory port) and region names for the pages. */
export async function staffLookups(deps: Deps, extraRegions: (string | null)[] = []): Promise<Lookups> {
  const [departments, scope] = await Promise.all([deps.directory.listDepartments(), listScopeRegions(deps.db)])
  const regions = new Map(scope.map((r) => [r.code, r.name]))
  const missing = [...new Set(extraRegions.filter((c): c is string => !!c && !regions.has(c)))]
  if (missing.length) for (const r of await deps.db.selectFrom('regions').select(['code', 'name']).where('code', 'in', missing).execute()) regions.set(r.code, r.name)
  return { departments, regions }
}
