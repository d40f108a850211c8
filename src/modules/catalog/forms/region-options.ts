import type { Executor } from '../../../platform/database'

export type RegionOption = { code: string; name: string }

/**
 * The address region picker's options: the city itself and every county-level region under it (GB/T 2260,
 * regions table), e.g. 苏州市 320500 → 姑苏区, 吴中区, … The renderer never queries; pages pass these in.
 */
export async function listRegionOptions(db: Executor, cityCode = '320500'): Promise<RegionOption[]> {
  const rows = await db.selectFrom('regions').select(['code', 'name']).where((eb) => eb.or([eb('code', '=', cityCode), eb('parent_code', '=', cityCode)])).orderBy('code').execute()
  return rows.map((r) => ({ code: r.code, name: r.name }))
}
