import type { DB } from '../../../platform/database'
import { itemsChangedSince, type IndexRow } from '../catalog-queries'
import type { CatalogSearch, SearchHit, SearchQuery, SearchResult } from './types'

/**
 * INTERIM engine (substring match on names) so the app runs end to end while the real engine is built.
 * Replaced by the segmented/pinyin/synonym engine — see CONTEXT.md.
 */
export function createCatalogSearch(db: DB, _opts: { refreshMs?: number } = {}): CatalogSearch {
  const docs = new Map<string, IndexRow>()
  let rev = 0
  const refresh = async () => {
    for (;;) {
      const rows = await itemsChangedSince(db, rev)
      if (!rows.length) return
      for (const r of rows) {
        docs.set(r.id, r)
        rev = Math.max(rev, r.rev)
      }
    }
  }
  const hit = (r: IndexRow): SearchHit => ({
    id: r.id, code: r.code, name: r.record.name, type: r.record.type, departmentName: r.departmentName, departmentSlug: r.departmentSlug,
    audience: r.record.audience, themes: r.record.themes ?? [], regionCode: r.record.region?.code ?? null, onlineLevel: r.record.onlineLevel ?? null,
    summary: (r.record.description ?? '').slice(0, 120), score: 0,
  })
  return {
    ready: refresh,
    refresh,
    size: () => [...docs.values()].filter((d) => d.status === 'published').length,
    close() {},
    search(q: SearchQuery): SearchResult {
      const text = (q.q ?? '').trim()
      let list = [...docs.values()].filter((d) => d.status === 'published')
      if (q.department) list = list.filter((d) => d.departmentSlug === q.department)
      if (q.audience) list = list.filter((d) => d.record.audience.includes(q.audience!))
      if (q.theme) list = list.filter((d) => (d.record.themes ?? []).includes(q.theme!))
      if (text) list = list.filter((d) => d.record.name.includes(text))
      list.sort((a, b) => b.popularity - a.popularity || a.code.localeCompare(b.code))
      const start = (q.page - 1) * q.pageSize
      return { items: list.slice(start, start + q.pageSize).map(hit), total: list.length, page: q.page, pageSize: q.pageSize, mode: text ? 'relevance' : 'popular', understood: [] }
    },
  }
}
