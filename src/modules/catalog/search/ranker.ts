import type { InvertedIndex } from './inverted-index'
import { FIELD, type Posting } from './postings'
import type { Concept } from './query'

/**
 * Scores items for parsed concepts. Per concept an item gets its best alternative (BM25F × alternative
 * weight). The total is then shaped by coverage (share of the query's concepts matched, weighted by their
 * rarity), by how much of the query the item's NAME carries, and — as a tie-breaker only — by popularity.
 * Hot loop on typed scratch arrays reused across queries (search is synchronous): no per-item allocation.
 */
export type Scored = { slot: number; score: number }
export type Ranked = { total: number; top: Scored[] }
const MAX_CONCEPTS = 12
/** Drop results scoring below this share of the best one: they matched only a minor word. */
const RELATIVE_CUTOFF = 0.12

export class Ranker {
  private cap = 0
  private best: Float32Array[] = []
  private inName: Uint8Array[] = []
  private altSum = new Float32Array(0)
  private altMax = new Float32Array(0)
  private altCnt = new Uint8Array(0)
  private altMask = new Uint8Array(0)
  private seen = new Uint8Array(0)
  private touched = new Int32Array(0)
  private local = new Int32Array(0)
  private final = new Float32Array(0)
  private nTouched = 0

  constructor(private readonly ix: InvertedIndex) {}

  private ensure(n: number) {
    if (n <= this.cap) return
    this.cap = Math.max(n, this.cap * 2, 1024)
    this.best = Array.from({ length: MAX_CONCEPTS }, () => new Float32Array(this.cap))
    this.inName = Array.from({ length: MAX_CONCEPTS }, () => new Uint8Array(this.cap))
    this.altSum = new Float32Array(this.cap)
    this.altMax = new Float32Array(this.cap)
    this.altCnt = new Uint8Array(this.cap)
    this.altMask = new Uint8Array(this.cap)
    this.seen = new Uint8Array(this.cap)
    this.touched = new Int32Array(this.cap)
    this.local = new Int32Array(this.cap)
    this.final = new Float32Array(this.cap)
  }

  /**
   * Scores every live item matching at least one concept and passing `accept`; returns how many pass the
   * relative cut-off and the best `k` of them, best first (ties by `tie`).
   */
  score(concepts: Concept[], accept: ((slot: number) => boolean) | undefined, k: number, tie: (a: number, b: number) => number): Ranked {
    const ix = this.ix
    const cs = concepts.filter((c) => c.alts.some((a) => a.terms.some((t) => ix.has(t)))).slice(0, MAX_CONCEPTS)
    if (!cs.length) return { total: 0, top: [] }
    this.ensure(ix.slots)
    this.nTouched = 0
    const cw = cs.map((c) => Math.max(0.1, ...c.alts.flatMap((a) => a.terms.map((t) => ix.idf(ix.df(t))))))
    cs.forEach((c, ci) => {
      for (const alt of c.alts) {
        if (alt.terms.length === 1) this.single(alt.terms[0]!, alt.w, ci)
        else this.multi(alt.terms, alt.w, ci)
      }
    })
    const cwSum = cw.reduce((a, b) => a + b, 0)
    const { final, touched, alive } = { final: this.final, touched: this.touched, alive: ix.alive }
    let max = 0
    for (let t = 0; t < this.nTouched; t++) {
      const d = touched[t]!
      this.seen[d] = 0
      let sum = 0, cov = 0, nameCov = 0
      for (let ci = 0; ci < cs.length; ci++) {
        const b = this.best[ci]![d]!
        if (b > 0) {
          sum += b
          cov += cw[ci]!
          if (this.inName[ci]![d]) nameCov += cw[ci]!
          this.best[ci]![d] = 0
          this.inName[ci]![d] = 0
        }
      }
      if (!alive[d] || (accept && !accept(d))) { final[d] = 0; continue }
      const c = cov / cwSum
      const score = sum * (0.2 + 0.8 * c * c) * (1 + 0.5 * (nameCov / cwSum)) * ix.pop[d]!
      final[d] = score
      if (score > max) max = score
    }
    const floor = max * RELATIVE_CUTOFF
    const heap = new TopK(k, tie)
    let total = 0
    for (let t = 0; t < this.nTouched; t++) {
      const d = touched[t]!
      const sc = final[d]!
      if (sc > 0 && sc >= floor) { total++; heap.offer(d, sc) }
    }
    return { total, top: heap.sorted() }
  }

  private visit(d: number) {
    if (!this.seen[d]) { this.seen[d] = 1; this.touched[this.nTouched++] = d }
  }

  private lists(term: string): Posting[] {
    const out: Posting[] = []
    const core = this.ix.postings.get(term)
    if (core) out.push(core)
    const weak = this.ix.weakPostings(term)
    if (weak) out.push(weak)
    return out
  }

  private single(term: string, w: number, ci: number) {
    const idf = this.ix.idf(this.ix.df(term)) * w
    const best = this.best[ci]!, inName = this.inName[ci]!
    for (const p of this.lists(term)) {
      const { docs, sat, mask } = p
      for (let k = 0; k < p.n; k++) {
        const d = docs[k]!
        const s = idf * sat[k]!
        if (s > best[d]!) { best[d] = s; inName[d] = mask[k]! & FIELD.name ? 1 : 0 }
        this.visit(d)
      }
    }
  }

  /**
   * An alternative made of several terms (e.g. 出生 + 登记): it scores like its most telling term plus half of
   * the others — a mean would let a common word (登记) drag a specific phrase below a lone rival word — times
   * (share of its terms present)².
   */
  private multi(terms: string[], w: number, ci: number) {
    const { altSum, altMax, altCnt, altMask, local } = this
    let nLocal = 0
    // Rarest term first. A common term (in >10% of items: 登记, 申请) then only adds to items a rarer term of
    // the same alternative already found — an item with only 登记 would score ~nothing here anyway, and
    // skipping it keeps phrase alternatives cheap on large catalogues.
    const ordered = [...terms].sort((a, b) => this.ix.df(a) - this.ix.df(b))
    const common = Math.max(50, this.ix.size * 0.1)
    ordered.forEach((t, ti) => {
      const idf = this.ix.idf(this.ix.df(t))
      const onlyKnown = ti > 0 && this.ix.df(t) > common
      for (const p of this.lists(t)) {
        const { docs, sat, mask } = p
        for (let k = 0; k < p.n; k++) {
          const d = docs[k]!
          if (altCnt[d] === 0) {
            if (onlyKnown) continue
            local[nLocal++] = d
            altMask[d] = 0xff
          }
          const ts = idf * sat[k]!
          altSum[d] = altSum[d]! + ts
          if (ts > altMax[d]!) altMax[d] = ts
          altCnt[d] = altCnt[d]! + 1
          altMask[d] = altMask[d]! & mask[k]!
        }
      }
    })
    const n = terms.length
    const best = this.best[ci]!, inName = this.inName[ci]!
    for (let i = 0; i < nLocal; i++) {
      const d = local[i]!
      const share = altCnt[d]! / n
      const mx = altMax[d]!
      const s = share >= 0.5 ? w * (mx + 0.5 * (altSum[d]! - mx)) * share * share : 0
      if (s > best[d]!) { best[d] = s; inName[d] = share === 1 && altMask[d]! & FIELD.name ? 1 : 0 }
      if (s > 0) this.visit(d)
      altSum[d] = 0; altMax[d] = 0; altCnt[d] = 0
    }
  }
}

/** Bounded min-heap keeping the best k (slot, score) pairs. */
class TopK {
  private slots: number[] = []
  private scores: number[] = []
  constructor(private readonly k: number, private readonly tie: (a: number, b: number) => number) {}
  private better(i: number, j: number): boolean {
    const a = this.scores[i]!, b = this.scores[j]!
    return a > b || (a === b && this.tie(this.slots[i]!, this.slots[j]!) < 0)
  }
  private swap(i: number, j: number) {
    ;[this.slots[i], this.slots[j]] = [this.slots[j]!, this.slots[i]!]
    ;[this.scores[i], this.scores[j]] = [this.scores[j]!, this.scores[i]!]
  }
  offer(slot: number, score: number): void {
    if (this.k <= 0) return
    const n = this.slots.length
    if (n < this.k) {
      this.slots.push(slot); this.scores.push(score)
      for (let i = n; i > 0;) { const p = (i - 1) >> 1; if (!this.better(p, i)) break; this.swap(p, i); i = p }
      return
    }
    if (score < this.scores[0]! || (score === this.scores[0]! && this.tie(slot, this.slots[0]!) >= 0)) return
    this.slots[0] = slot; this.scores[0] = score
    for (let i = 0; ;) {
      const l = 2 * i + 1, r = l + 1
      let m = i
      if (l < n && this.better(m, l)) m = l
      if (r < n && this.better(m, r)) m = r
      if (m === i) break
      this.swap(m, i); i = m
    }
  }
  sorted(): Scored[] {
    return this.slots.map((slot, i) => ({ slot, score: this.scores[i]! })).sort((a, b) => b.score - a.score || this.tie(a.slot, b.slot))
  }
}
