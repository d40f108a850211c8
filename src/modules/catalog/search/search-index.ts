import { sql } from 'kysely'
import type { DB } from '../../../platform/database'
import { itemsChangedSince, listSynonyms } from '../catalog-queries'
import type { DocMeta, FieldTerms } from './documents'
import { makeFilter } from './filters'
import { InvertedIndex } from './inverted-index'
import { parseQuery } from './query'
import { DEFAULT_VECTOR_CACHE, Ranker } from './ranker'
import { SynonymDictionary } from './synonyms'
import type { CatalogSearch, SearchHit, SearchQuery, SearchResult } from './types'

/**
 * The catalogue search engine: an in-memory index per app process, loaded from the database at start and
 * kept fresh by polling `search_rev` (items) and the synonym table's signature every `refreshMs`. The
 * database stays the system of record; only published items are searchable. See docs/decisions on search.
 */
export type SearchOptions = {
  refreshMs?: number
  onError?: (err: unknown) => void
  onLoaded?: (info: { items: number; ms: number }) => void
  /**
   * Results of this many recent distinct requests (query + filters + page) are kept until the index or the
   * dictionary changes. Search traffic is dominated by a few hundred phrasings (公积金, 护照, 社保…), and on a
   * 100,000-item catalogue a common query costs about a millisecond to rank. 0 disables. Default 2000.
   */
  cacheSize?: number
  /**
   * Concept vectors (each query word's matching items with their best-alternative scores) kept across
   * queries, as (item, score) pairs in all; ~9 bytes each. Words recur across queries far more than whole
   * queries do. 0 disables. Default 2,000,000 (≤ ~18 MB).
   */
  vectorCache?: number
}

/** The whole-query-in-name bonus re-ranks at least this many of the best candidates. */
const RERANK = 200
const BATCH = 5000

export function createCatalogSearch(db: DB, opts: SearchOptions = {}): CatalogSearch {
  let ix = new InvertedIndex()
  const vectorCache = opts.vectorCache ?? DEFAULT_VECTOR_CACHE
  let ranker = new Ranker(ix, vectorCache)
  let synonyms = new SynonymDictionary([])
  let synSig = ''
  let rev = 0
  let popular: number[] | undefined
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  const cacheSize = opts.cacheSize ?? 2000
  const cachedResults = new Map<string, SearchResult>()
  /** Least-recently-used by re-insertion order; results are treated as immutable by callers. */
  const cached = (q: SearchQuery): SearchResult => {
    if (cacheSize <= 0) return search(q)
    const key = JSON.stringify([q.q ?? '', q.department, q.audience, q.theme, q.region, q.onlineLevel, q.page, q.pageSize])
    const hitResult = cachedResults.get(key)
    if (hitResult) {
      cachedResults.delete(key)
      cachedResults.set(key, hitResult)
      return hitResult
    }
    const r = search(q)
    cachedResults.set(key, r)
    if (cachedResults.size > cacheSize) cachedResults.delete(cachedResults.keys().next().value!)
    return r
  }

  const loadItems = async () => {
    const cache = new Map<string, FieldTerms>()
    let changed = false
    const resultCache = cachedResults
    for (;;) {
      const rows = await itemsChangedSince(db, rev, BATCH)
      if (!rows.length) break
      ix.apply(rows, cache)
      rev = Math.max(rev, ...rows.map((r) => r.rev))
      changed = true
      resultCache.clear()
      ranker.invalidate()
      if (rows.length < BATCH) break
    }
    // The browse order (empty query) is rebuilt here, when the catalogue changed, not on a visitor's request.
    if (changed) popular = popularOrder()
  }
  const loadSynonyms = async (force: boolean) => {
    const r = await db
      .selectFrom('search_synonyms')
      .select([sql<number>`count(*)::int`.as('n'), sql<string>`coalesce(max(updated_at)::text, '')`.as('at')])
      .executeTakeFirst()
    const sig = `${r?.n ?? 0}|${r?.at ?? ''}`
    if (!force && sig === synSig) return
    synonyms = new SynonymDictionary((await listSynonyms(db)).map((s) => ({ phrase: s.phrase, expansions: s.expansions })))
    synSig = sig
    cachedResults.clear()
  }
  const refreshOnce = async (force: boolean) => {
    await loadSynonyms(force)
    await loadItems()
  }
  /** Serialises refreshes: a call while one runs waits for it and then runs again (it may carry newer writes). */
  const refresh = (force = false): Promise<void> => {
    const prev = running ?? Promise.resolve()
    const next = prev.catch(() => undefined).then(() => refreshOnce(force))
    // The bookkeeping promise must not reject on its own: callers handle `next`, and a failed refresh (e.g. the
    // database closing under a timer tick) must never surface as an unhandled rejection.
    running = next.finally(() => { if (running === next) running = undefined }).catch(() => undefined)
    return next
  }

  const hit = (d: DocMeta, score: number): SearchHit => ({
    id: d.id, code: d.code, name: d.name, type: d.type, departmentName: d.departmentName, departmentSlug: d.departmentSlug,
    audience: d.audience, themes: d.themes, regionCode: d.regionCode, onlineLevel: d.onlineLevel, summary: d.summary, score: Math.round(score * 1000) / 1000,
  })
  /** Browse order: most popular first, then by name, then code. Names compared once per distinct name. */
  const popularOrder = (): number[] => {
    const live = ix.docs.map((_, s) => s).filter((s) => ix.alive[s])
    const byName = new Map<string, number>()
    for (const s of live) byName.set(ix.docs[s]!.name, 0)
    ;[...byName.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).forEach((n, i) => byName.set(n, i))
    const codeRank = new Map(live.map((s) => ix.docs[s]!.code).sort().map((c, i) => [c, i]))
    const pop = new Float64Array(ix.slots), rank = new Int32Array(ix.slots), code = new Int32Array(ix.slots)
    for (const s of live) { const d = ix.docs[s]!; pop[s] = d.popularity; rank[s] = byName.get(d.name)!; code[s] = codeRank.get(d.code)! }
    return live.sort((a, b) => pop[b]! - pop[a]! || rank[a]! - rank[b]! || code[a]! - code[b]!)
  }

  /** Relevance ties: more popular first, then catalogue order — numbers only (this runs in the ranking hot loop). */
  const tieBreak = (a: number, b: number) => ix.pop[b]! - ix.pop[a]! || a - b

  const browse = (q: SearchQuery, accept: ((d: DocMeta) => boolean) | undefined): SearchResult => {
    popular ??= popularOrder()
    const start = (q.page - 1) * q.pageSize
    const items: SearchHit[] = []
    let total = 0
    for (const s of popular) {
      const d = ix.docs[s]!
      if (!ix.alive[s] || (accept && !accept(d))) continue
      if (total >= start && items.length < q.pageSize) items.push(hit(d, 0))
      total++
    }
    return { items, total, page: q.page, pageSize: q.pageSize, mode: 'popular', understood: [] }
  }

  const search = (q: SearchQuery): SearchResult => {
    const accept = makeFilter(q)
    const raw = q.q ?? ''
    if (!raw.trim()) return browse(q, accept)
    const parsed = parseQuery(raw, ix, synonyms)
    const start = (q.page - 1) * q.pageSize
    const filter = accept ? (slot: number) => accept(ix.docs[slot]!) : undefined
    const ranked = ranker.score(parsed.concepts, filter, Math.max(RERANK, start + q.pageSize))
    // An item whose name is the query, or contains it whole, is what was asked for.
    const t = parsed.text
    if (t.length >= 2) {
      // By name id: the top candidates often share a few names (one service run by many counties).
      const factor = new Map<number, number>()
      for (const s of ranked.top) {
        const id = ix.nameId[s.slot]!
        let f = factor.get(id)
        if (f === undefined) {
          const name = ix.names[id]!
          f = name === t ? 1.5 : name.includes(t) ? 1.2 : 1
          factor.set(id, f)
        }
        if (f !== 1) s.score *= f
      }
      ranked.top.sort((a, b) => b.score - a.score || tieBreak(a.slot, b.slot))
    }
    let scored = ranked.top
    let total = ranked.total
    const codeSlot = ix.slotOfCode(raw.trim().toUpperCase()) ?? ix.slotOfCode(raw.trim())
    if (codeSlot !== undefined && ix.alive[codeSlot] && (!accept || accept(ix.docs[codeSlot]!))) {
      const had = scored.some((s) => s.slot === codeSlot)
      scored = [{ slot: codeSlot, score: Infinity }, ...scored.filter((s) => s.slot !== codeSlot)]
      if (!had) total++
    }
    const page = scored.slice(start, start + q.pageSize)
    return {
      items: page.map((s) => hit(ix.docs[s.slot]!, Number.isFinite(s.score) ? s.score : 1000)),
      total,
      page: q.page,
      pageSize: q.pageSize,
      mode: 'relevance',
      understood: [...new Set(parsed.understood)].slice(0, 10),
    }
  }

  return {
    async ready() {
      const t0 = Date.now()
      ix = new InvertedIndex()
      ranker = new Ranker(ix, vectorCache)
      rev = 0
      popular = undefined
      cachedResults.clear()
      await refresh(true)
      opts.onLoaded?.({ items: ix.size, ms: Date.now() - t0 })
      if (opts.refreshMs && opts.refreshMs > 0 && !timer) {
        timer = setInterval(() => { refresh().catch((e: unknown) => opts.onError?.(e)) }, opts.refreshMs)
        timer.unref()
      }
    },
    refresh: () => refresh(false),
    search(q) {
      try {
        return cached(q)
      } catch (err) {
        // Search must never turn a strange query into a 500: report it and answer "nothing found".
        opts.onError?.(err)
        return { items: [], total: 0, page: q.page, pageSize: q.pageSize, mode: 'relevance', understood: [] }
      }
    },
    size: () => ix.size,
    close() {
      if (timer) clearInterval(timer)
      timer = undefined
    },
  }
}
