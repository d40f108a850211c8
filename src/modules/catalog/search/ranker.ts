import type { InvertedIndex } from './inverted-index'
import { FIELD, type Posting } from './postings'
import type { Concept } from './query'
import { TopK } from './top-k'
import { VectorCache, type Vec } from './vector-cache'

/**
 * Scores items for parsed concepts. Per concept an item gets its best alternative (BM25F × alternative
 * weight). The total is then shaped by coverage (share of the query's concepts matched, weighted by their
 * rarity), by how much of the query the item's NAME carries, and — as a tie-breaker only — by popularity.
 * Hot loop on typed scratch arrays reused across queries (search is synchronous): no per-item allocation.
 */
export type Scored = { slot: number; score: number }
export type Ranked = { total: number; top: Scored[] }
const MAX_CONCEPTS = 12
/** Concept-vector cache: (item, score) pairs kept in all, ~9 bytes each (see Ranker.vector). */
export const DEFAULT_VECTOR_CACHE = 2_000_000
/** Drop results scoring below this share of the best one: they matched only a minor word. */
const RELATIVE_CUTOFF = 0.12
/** Upper bounds are inflated by this much so float rounding can never prune an item that would qualify. */
const SAFETY = 1.001

/**
 * Concept-at-a-time scoring with exact dynamic pruning (MaxScore). Concepts are taken in order of the most
 * they can add to an item. An item's score only grows as it matches more concepts, so the best partial score
 * so far is a lower bound of the final best;
 * when even an item matching every remaining concept at its maximum could not reach the relative cut-off of
 * that bound, items not met yet can neither make the results nor count in `total`, and the remaining (long,
 * common-word) concept vectors are only intersected with the items already met — by galloping search when
 * those are few. Results and totals are the same as scoring everything.
 */
export class Ranker {
  private cap = 0
  // Scratch arrays are interleaved per slot: the postings of a common word are spread over the whole
  // catalogue, so each item costs a cache miss per array it touches — one line per item instead of several.
  /** Per-concept scratch (one concept at a time): [best alternative score (float32-rounded), name match] × slot. */
  private cb = new Float64Array(0)
  private cList = new Int32Array(0)
  private nC = 0
  /** Per-item accumulators over concepts: [sum, coverage, name coverage, final score] × slot. */
  private acc = new Float64Array(0)
  /** Per-alternative scratch of multi-term alternatives: [sum, max (float32-rounded), terms present, field mask] × slot. */
  private alt = new Float64Array(0)
  private altOn = new Uint8Array(0)
  private seen = new Uint8Array(0)
  private touched = new Int32Array(0)
  private local = new Int32Array(0)
  /** Posting positions matching the known items (restricted mode). */
  private pos = new Int32Array(0)
  private known = new Int32Array(0)
  private nKnown = 0
  private restricted = false
  private nTouched = 0

  /** Concept vectors of recent queries (see vector()), bounded by `cacheEntries` items in all. */
  private readonly vcache: VectorCache
  private scratch: Vec = { docs: new Int32Array(0), best: new Float32Array(0), name: new Uint8Array(0), n: 0 }

  /** `cacheEntries`: how many (item, score) pairs the concept-vector cache may hold in all (0 = none). */
  constructor(private readonly ix: InvertedIndex, private readonly cacheEntries = DEFAULT_VECTOR_CACHE) {
    this.vcache = new VectorCache(cacheEntries)
  }

  /** Drops cached concept vectors (call whenever the index changes: they hold slots and idf-weighted scores). */
  invalidate(): void {
    this.vcache.clear()
  }

  private ensure(n: number) {
    if (n <= this.cap) return
    this.cap = Math.max(n, this.cap * 2, 1024)
    this.cb = new Float64Array(this.cap * 2)
    this.cList = new Int32Array(this.cap)
    this.acc = new Float64Array(this.cap * 4)
    this.alt = new Float64Array(this.cap * 4)
    this.altOn = new Uint8Array(this.cap)
    this.seen = new Uint8Array(this.cap)
    this.touched = new Int32Array(this.cap)
    this.local = new Int32Array(this.cap)
    this.pos = new Int32Array(this.cap)
    this.known = new Int32Array(this.cap)
    this.scratch = { docs: new Int32Array(this.cap), best: new Float32Array(this.cap), name: new Uint8Array(this.cap), n: 0 }
  }

  /**
   * Scores every live item matching at least one concept and passing `accept`; returns how many pass the
   * relative cut-off and the best `k` of them, best first (ties: higher popularity prior, then catalogue
   * order — see TopK).
   */
  score(concepts: Concept[], accept: ((slot: number) => boolean) | undefined, k: number): Ranked {
    const ix = this.ix
    const cs = concepts.filter((c) => c.alts.some((a) => a.terms.some((t) => ix.has(t)))).slice(0, MAX_CONCEPTS)
    if (!cs.length) return { total: 0, top: [] }
    this.ensure(ix.slots)
    this.nTouched = 0
    this.restricted = false
    const cw = cs.map((c) => Math.max(0.1, ...c.alts.flatMap((a) => a.terms.map((t) => ix.idf(ix.df(t))))))
    const cwSum = cw.reduce((a, b) => a + b, 0)
    const bound = cs.map((c) => this.conceptBound(c))
    const cost = cs.map((c) => this.reach(c))
    // MaxScore order: the concepts that can add most first, so the ones left are soon too weak to lift an
    // item not met yet over the cut-off (and are then only intersected with the items met).
    const order = cs.map((_, i) => i).sort((a, b) => bound[b]! - bound[a]! || cost[a]! - cost[b]! || a - b)
    const { acc, touched, alive, pop } = { acc: this.acc, touched: this.touched, alive: ix.alive, pop: ix.pop }
    /** Score of an item from its accumulators (partial while concepts remain). */
    const scoreOf = (d: number) => {
      const a = 4 * d
      const c = acc[a + 1]! / cwSum
      return acc[a]! * (0.2 + 0.8 * c * c) * (1 + 0.5 * (acc[a + 2]! / cwSum)) * pop[d]!
    }

    // `lb`: the best partial score so far among accepted items — a lower bound of the final best score.
    let lb = 0
    if (cs.length === 1) return this.one(this.vector(cs[0]!), accept, k)
    /** Items that led a concept: their partial scores give `lb` (any item's partial score is a lower bound). */
    const leaders: number[] = []
    for (let j = 0; j < order.length; j++) {
      const ci = order[j]!
      if (!this.restricted && lb > 0) {
        // Could an item not met yet, matching every remaining concept at its best, reach the cut-off?
        let rb = 0, rw = 0
        for (let r = j; r < order.length; r++) { rb += bound[order[r]!]!; rw += cw[order[r]!]! }
        const c = rw / cwSum
        const ub = rb * (0.2 + 0.8 * c * c) * (1 + 0.5 * c) * ix.maxPop * SAFETY
        if (ub < lb * RELATIVE_CUTOFF) this.restrict()
      }
      // Fold the concept's vector into the items' accumulators (restricted: only the items met so far).
      const v = this.vector(cs[ci]!)
      const { seen, pos } = this
      const m = this.restricted ? this.intersect(v.docs, v.n, this.known, this.nKnown, seen) : v.n
      const wgt = cw[ci]!
      const track = !this.restricted && j < order.length - 1
      let lead = -1, leadB = 0
      for (let i = 0; i < m; i++) {
        const x: number = this.restricted ? pos[i]! : i
        const d: number = v.docs[x]!
        const a = 4 * d
        acc[a] = acc[a]! + v.best[x]!
        acc[a + 1] = acc[a + 1]! + wgt
        if (v.name[x]) acc[a + 2] = acc[a + 2]! + wgt
        if (!seen[d]) { seen[d] = 1; touched[this.nTouched++] = d }
        if (track && v.best[x]! > leadB && alive[d] && (!accept || accept(d))) { lead = d; leadB = v.best[x]! }
      }
      if (track) {
        if (lead >= 0) leaders.push(lead)
        for (const d of leaders) { const s = scoreOf(d); if (s > lb) lb = s }
      }
    }

    let max = 0
    // Many items met: walk the slots in order (sequential memory) rather than the touched list.
    if (this.nTouched * 8 > ix.slots) {
      let m = 0
      const seen = this.seen
      for (let d = 0, end = ix.slots; d < end; d++) if (seen[d]) touched[m++] = d
    }
    for (let t = 0; t < this.nTouched; t++) {
      const d = touched[t]!
      this.seen[d] = 0
      const s = !alive[d] || (accept && !accept(d)) ? 0 : Math.fround(scoreOf(d))
      const a = 4 * d
      acc[a] = 0; acc[a + 1] = 0; acc[a + 2] = 0
      acc[a + 3] = s
      if (s > max) max = s
    }
    const floor = max * RELATIVE_CUTOFF
    const heap = new TopK(k, pop)
    let total = 0
    for (let t = 0; t < this.nTouched; t++) {
      const d = touched[t]!
      const sc = acc[4 * d + 3]!
      acc[4 * d + 3] = 0
      if (sc > 0 && sc >= floor) { total++; heap.offer(d, sc) }
    }
    return { total, top: heap.sorted() }
  }

  /**
   * A concept's vector: every item it matches with its best alternative's score and whether that was a name
   * match, in slot order. Computing it walks every alternative's postings (synonym expansions make a concept
   * several lists, some long); it depends only on the concept and the index, and the same words recur across
   * queries (公积金, 登记, 参保…), so recent vectors are kept, up to `cacheEntries` items in all.
   */
  private vector(c: Concept): Vec {
    const key = c.alts.map((a) => `${a.terms.join('+')}*${a.w}`).join('|')
    const hit = this.vcache.get(key)
    if (hit) return hit
    this.nC = 0
    for (const alt of c.alts) {
      if (alt.terms.length === 1) this.single(alt.terms[0]!, alt.w)
      else this.multi(alt.terms, alt.w)
    }
    const { cb, cList } = this
    const nC = this.nC
    const keep = this.cacheEntries > 0 && nC <= this.cacheEntries >> 2
    const v: Vec = keep ? { docs: new Int32Array(nC), best: new Float32Array(nC), name: new Uint8Array(nC), n: 0 } : this.scratch
    let n = 0
    const take = (d: number) => {
      const i = 2 * d
      if (cb[i]! > 0) { v.docs[n] = d; v.best[n] = cb[i]!; v.name[n] = cb[i + 1]!; n++ }
      cb[i] = 0; cb[i + 1] = 0
    }
    if (nC * 16 > this.ix.slots) {
      for (let d = 0, end = this.ix.slots; d < end; d++) if (cb[2 * d]! > 0) take(d)
      for (let i = 0; i < nC; i++) { const d = cList[i]!; cb[2 * d] = 0; cb[2 * d + 1] = 0 }
    } else {
      const sorted = cList.subarray(0, nC).sort()
      let prev = -1
      for (let i = 0; i < nC; i++) { const d = sorted[i]!; if (d !== prev) take(d); prev = d }
    }
    v.n = n
    if (keep) this.vcache.put(key, v)
    return v
  }

  /** A one-concept query: the vector is the result (coverage is 1; the name share is all or nothing). */
  private one(v: Vec, accept: ((slot: number) => boolean) | undefined, k: number): Ranked {
    const { alive, pop } = this.ix
    const final = this.oneScores(v.n)
    let max = 0
    for (let i = 0; i < v.n; i++) {
      const d = v.docs[i]!
      const s = !alive[d] || (accept && !accept(d)) ? 0 : Math.fround(v.best[i]! * (0.2 + 0.8 * 1 * 1) * (1 + 0.5 * (v.name[i] ? 1 : 0)) * pop[d]!)
      final[i] = s
      if (s > max) max = s
    }
    const floor = max * RELATIVE_CUTOFF
    const heap = new TopK(k, pop)
    let total = 0
    for (let i = 0; i < v.n; i++) {
      const sc = final[i]!
      if (sc > 0 && sc >= floor) { total++; heap.offer(v.docs[i]!, sc) }
    }
    return { total, top: heap.sorted() }
  }

  private oneBuf = new Float32Array(0)
  private oneScores(n: number): Float32Array {
    if (this.oneBuf.length < n) this.oneBuf = new Float32Array(Math.max(n, this.cap))
    return this.oneBuf
  }

  /** From now on only items already met are scored: `known` = them, ascending. */
  private restrict() {
    this.restricted = true
    const { known, seen, touched } = this
    const n = this.nTouched
    if (n * 16 > this.ix.slots) {
      // many: a scan of the flags is cheaper than sorting
      let m = 0
      for (let d = 0, end = this.ix.slots; d < end; d++) if (seen[d]) known[m++] = d
    } else {
      known.set(touched.subarray(0, n))
      known.subarray(0, n).sort()
    }
    this.nKnown = n
  }

  /** How many postings a concept may walk to find new items (its common phrase terms only meet known ones). */
  private reach(c: Concept): number {
    const common = this.common()
    let n = 0
    for (const alt of c.alts) {
      const terms = alt.terms.length === 1 ? alt.terms : [...alt.terms].sort((a, b) => this.ix.df(a) - this.ix.df(b))
      terms.forEach((t, i) => { if (i === 0 || this.ix.df(t) <= common) for (const p of this.lists(t)) n += p.n })
    }
    return n
  }

  private common(): number {
    return Math.max(50, this.ix.size * 0.1)
  }

  /** The most a concept can add to one item's sum (its best alternative at the best term frequencies). */
  private conceptBound(c: Concept): number {
    let best = 0
    for (const alt of c.alts) {
      const ub = alt.terms.map((t) => this.ix.idf(this.ix.df(t)) * this.lists(t).reduce((m, p) => Math.max(m, p.maxSat), 0))
      const b = alt.terms.length === 1 ? alt.w * ub[0]! : alt.w * 0.5 * (ub.reduce((a, x) => a + x, 0) + Math.max(...ub))
      if (b > best) best = b
    }
    return best
  }

  /** The current concept's alternative found score `s` (> 0) for item `d`. */
  private found(d: number, s: number, name: number) {
    const cb = this.cb
    const i = 2 * d
    const b = cb[i]!
    if (b === 0) this.cList[this.nC++] = d
    if (s > b) { cb[i] = Math.fround(s); cb[i + 1] = name }
  }

  private lists(term: string): Posting[] {
    const out: Posting[] = []
    const core = this.ix.postings.get(term)
    if (core) out.push(core)
    const weak = this.ix.weakPostings(term)
    if (weak) out.push(weak)
    return out
  }

  /**
   * Positions in `docs[0..n)` (ascending) of the items in `keys[0..nKeys)` (sorted ascending; `member[d]` ≠ 0 for exactly those),
   * into `this.pos`; returns how many. A linear scan when the list is short, galloping search from each key
   * when the keys are few.
   */
  private intersect(docs: Int32Array, n: number, keys: Int32Array, nKeys: number, member: Uint8Array): number {
    const pos = this.pos
    let m = 0
    if (nKeys * 8 >= n) {
      for (let k = 0; k < n; k++) if (member[docs[k]!]) pos[m++] = k
      return m
    }
    let lo = 0
    for (let i = 0; i < nKeys && lo < n; i++) {
      const target = keys[i]!
      if (docs[lo]! < target) {
        // gallop to a window (lo, hi] with docs[hi] >= target, then binary search it
        let step = 1
        let hi = lo + 1
        while (hi < n && docs[hi]! < target) { lo = hi; step *= 2; hi = lo + step }
        if (hi >= n) hi = n - 1
        while (lo < hi) {
          const mid = (lo + hi) >> 1
          if (docs[mid]! < target) lo = mid + 1
          else hi = mid
        }
      }
      if (docs[lo]! === target) pos[m++] = lo++
    }
    return m
  }

  private single(term: string, w: number) {
    const idf = this.ix.idf(this.ix.df(term)) * w
    for (const p of this.lists(term)) {
      const { docs, sat, mask } = p
      for (let k = 0, n = p.n; k < n; k++) this.found(docs[k]!, idf * sat[k]!, mask[k]! & FIELD.name ? 1 : 0)
    }
  }

  /**
   * An alternative made of several terms (e.g. 出生 + 登记): it scores like its most telling term plus half of
   * the others — a mean would let a common word (登记) drag a specific phrase below a lone rival word — times
   * (share of its terms present)².
   */
  private multi(terms: string[], w: number) {
    const { alt, altOn, local, pos } = this
    let nLocal = 0
    // Rarest term first. A common term (in >10% of items: 登记, 申请) then only adds to items a rarer term of
    // the same alternative already found — an item with only 登记 would score ~nothing here anyway, and
    // skipping it keeps phrase alternatives cheap on large catalogues (a galloping intersection when the
    // items found so far are few).
    const ordered = terms.length === 2 ? (this.ix.df(terms[0]!) <= this.ix.df(terms[1]!) ? terms : [terms[1]!, terms[0]!]) : [...terms].sort((a, b) => this.ix.df(a) - this.ix.df(b))
    const common = this.common()
    let sortedLocal = 0
    const add = (d: number, ts: number, mask: number) => {
      const a = 4 * d
      if (!altOn[d]) { altOn[d] = 1; local[nLocal++] = d; alt[a + 3] = 0xff }
      alt[a] = Math.fround(alt[a]! + ts)
      if (ts > alt[a + 1]!) alt[a + 1] = Math.fround(ts)
      alt[a + 2] = alt[a + 2]! + 1
      alt[a + 3] = alt[a + 3]! & mask
    }
    for (let ti = 0; ti < ordered.length; ti++) {
      const t = ordered[ti]!
      const idf = this.ix.idf(this.ix.df(t))
      const onlyKnown = ti > 0 && this.ix.df(t) > common
      for (const p of this.lists(t)) {
        const { docs, sat, mask } = p
        if (onlyKnown) {
          if (sortedLocal < nLocal) { local.subarray(0, nLocal).sort(); sortedLocal = nLocal }
          const m = this.intersect(docs, p.n, local, nLocal, altOn)
          for (let i = 0; i < m; i++) { const k = pos[i]!; add(docs[k]!, idf * sat[k]!, mask[k]!) }
          continue
        }
        for (let k = 0, n = p.n; k < n; k++) add(docs[k]!, idf * sat[k]!, mask[k]!)
      }
    }
    const n = terms.length
    for (let i = 0; i < nLocal; i++) {
      const d = local[i]!
      const a = 4 * d
      const share = alt[a + 2]! / n
      const mx = alt[a + 1]!
      const s = share >= 0.5 ? w * (mx + 0.5 * (alt[a]! - mx)) * share * share : 0
      if (s > 0) this.found(d, s, share === 1 && alt[a + 3]! & FIELD.name ? 1 : 0)
      alt[a] = 0; alt[a + 1] = 0; alt[a + 2] = 0; alt[a + 3] = 0
      altOn[d] = 0
    }
  }
}
