import type { DocMeta } from './documents'
import type { SearchFilters } from './types'

/**
 * Filter predicate for search and browse. Region: GB/T 2260 codes nest by prefix, so a filter matches its
 * own code and everything below it — 320500 (苏州市) takes 320506 (吴中区), 320000 (江苏省) takes both.
 * Items filed without a region only appear when no region filter is set (we cannot say where they apply).
 */
export function regionPrefix(code: string): string {
  let p = code.trim()
  while (p.length > 2 && p.endsWith('00')) p = p.slice(0, -2)
  return p
}

export function makeFilter(f: SearchFilters): ((d: DocMeta) => boolean) | undefined {
  const checks: ((d: DocMeta) => boolean)[] = []
  if (f.department) { const v = f.department; checks.push((d) => d.departmentSlug === v) }
  if (f.audience) { const v = f.audience; checks.push((d) => d.audience.includes(v)) }
  if (f.theme) { const v = f.theme; checks.push((d) => d.themes.includes(v)) }
  if (f.region) { const p = regionPrefix(f.region); checks.push((d) => d.regionCode !== null && d.regionCode.startsWith(p)) }
  if (f.onlineLevel !== undefined && f.onlineLevel !== null) { const v = f.onlineLevel; checks.push((d) => d.onlineLevel === v) }
  if (!checks.length) return undefined
  return (d) => checks.every((c) => c(d))
}
