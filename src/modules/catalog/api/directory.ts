import type { Executor } from '../../../platform/database'

type Dep = { slug: string; code: string | null; name: string }
type Snapshot = { bySlug: Map<string, Dep>; byKey: Map<string, Dep>; themes: Map<string, string>; regions: Map<string, string> }

/**
 * Small reference tables the API resolves filters against (department slug/USCC, theme slug/name, region
 * names), kept in memory so a search request costs no database round trip. Reloaded every `ttlMs`, and at
 * most once a second when a lookup misses (a department created by an import in another process).
 */
export function createDirectory(db: Executor, ttlMs = 10_000) {
  let snap: Snapshot | undefined
  let loadedAt = 0
  let loading: Promise<Snapshot> | undefined

  const load = async (): Promise<Snapshot> => {
    const [deps, themes, regions] = await Promise.all([
      db.selectFrom('departments').select(['slug', 'code', 'name']).execute(),
      db.selectFrom('themes').select(['slug', 'name']).execute(),
      db.selectFrom('regions').select(['code', 'name']).execute(),
    ])
    const bySlug = new Map<string, Dep>()
    const byKey = new Map<string, Dep>()
    for (const d of deps) {
      bySlug.set(d.slug, d)
      byKey.set(d.slug.toLowerCase(), d)
      if (d.code) byKey.set(d.code.toLowerCase(), d)
    }
    const themeMap = new Map<string, string>()
    for (const t of themes) {
      themeMap.set(t.slug.toLowerCase(), t.name)
      themeMap.set(t.name, t.name)
    }
    return { bySlug, byKey, themes: themeMap, regions: new Map(regions.map((r) => [r.code, r.name])) }
  }
  const get = async (force = false): Promise<Snapshot> => {
    const age = Date.now() - loadedAt
    if (snap && age < ttlMs && !(force && age > 1000)) return snap
    loading ??= load().then(
      (s) => ((snap = s), (loadedAt = Date.now()), (loading = undefined), s),
      (e: unknown) => {
        loading = undefined
        throw e
      },
    )
    return snap && !force ? snap : loading
  }
  const lookup = async <T>(pick: (s: Snapshot) => T | undefined): Promise<T | undefined> => pick(await get()) ?? pick(await get(true))

  return {
    /** Department by slug or 统一社会信用代码, case-insensitive. */
    department: (key: string) => lookup((s) => s.byKey.get(key.trim().toLowerCase())),
    departmentBySlug: (slug: string) => lookup((s) => s.bySlug.get(slug)),
    /** Theme NAME from a slug (case-insensitive) or a name. */
    theme: (key: string) => lookup((s) => s.themes.get(key.trim()) ?? s.themes.get(key.trim().toLowerCase())),
    /** Region name, or undefined when the code is not in GB/T 2260. */
    region: (code: string) => lookup((s) => s.regions.get(code)),
    /** Synchronous snapshot read for building response rows (after one of the lookups above, or warm()). */
    async snapshot(): Promise<Snapshot> {
      return get()
    },
  }
}
export type Directory = ReturnType<typeof createDirectory>
