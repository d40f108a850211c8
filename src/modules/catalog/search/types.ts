import type { Audience, ItemType } from '../service-item'

/** Filters shared by the portal search page and GET /api/v1/services. */
export type SearchFilters = {
  /** Department slug. */
  department?: string
  audience?: Audience
  /** Theme NAME (as stored on items, e.g. 生育收养); routes translate slugs. */
  theme?: string
  /** GB/T 2260 code; matches items of that region and of regions below it. */
  region?: string
  onlineLevel?: number
}
export type SearchQuery = SearchFilters & { q?: string; page: number; pageSize: number }

export type SearchHit = {
  id: string
  code: string
  name: string
  type: ItemType
  departmentName: string
  departmentSlug: string
  audience: Audience[]
  themes: string[]
  regionCode: string | null
  onlineLevel: number | null
  /** Short plain-text summary for result lists. */
  summary: string
  score: number
}
export type SearchResult = {
  items: SearchHit[]
  total: number
  page: number
  pageSize: number
  /** 'popular' when the query was empty (browse mode), 'relevance' otherwise. */
  mode: 'relevance' | 'popular'
  /** What the engine understood (synonym expansions, converted/corrected terms) — shown as "也搜索了…". */
  understood: string[]
}

export interface CatalogSearch {
  /** Loads the index from the database (call once at start). */
  ready(): Promise<void>
  /** Picks up items changed since the last load (other processes' writes, or this one's after commit). */
  refresh(): Promise<void>
  search(q: SearchQuery): SearchResult
  /** Number of published items in the index. */
  size(): number
  close(): void
}
