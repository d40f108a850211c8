import type { InvertedIndex } from './inverted-index'
import { FIELD } from './postings'
import type { Concept } from './query'

/**
 * Scores items for parsed concepts. Per concept an item gets its best alternative (BM25F × alternative
 * weight; a multi-term alternative counts by the mean of its terms, discounted when some are missing).
 * The total is then shaped by coverage (share of the query's concepts matched, weighted by their rarity),
 * by how much of the query the item's NAME carries, and — as a tie-breaker only — by popularity.
 */
export type Scored = { slot: number; score: number }
const MAX_CONCEPTS = 12

export class Ranker {
  private cap = 0
  private best: Float32Array[] = []
  private inName: Uint8Array[] = []
  private altSum = new Float32Array(0)
  private altMax = new Float32Array(0)
  private altCnt = new Uint8Array(0)
  private altMask = new Uint8Array(0)
  private seen = new Uint8Array(0)

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
  }

  /** Scores every live item matching at least one concept; `accept` filters (department, region…). */
  score(concepts: Concept[], accept: (slot: number) => boolean): Scored[] {
    const ix = this.ix
    const cs = concepts.filter((c) => c.alts.some((a) => a.terms.some((t) => ix.has(t)))).slice(0, MAX_CONCEPTS)
    if (!cs.length) return []
    this.ensure(ix.slots)
    const touched: number[] = []
    const cw = cs.map((c) => Math.max(...c.alts.flatMap((a) => a.terms.map((t) => ix.idf(ix.postings.get(t)?.core ?? 0)))) || 1)
    cs.forEach((c, ci) => {
      const best = this.best[ci]!
      const inName = this.inName[ci]!
      for (const alt of c.alts) {
        if (alt.terms.length === 1) {
          const p = ix.postings.get(alt.terms[0]!)
          if (!p) continue
          const idf = ix.idf(p.core) * alt.w
          for (let k = 0; k < p.n; k++) {
            const d = p.docs[k]!
            if (!ix.alive[d]) continue
            const s = idf * p.sat[k]!
            if (s > best[d]!) { best[d] = s; inName[d] = p.mask[k]! & FIELD.name ? 1 : 0 }
            if (!this.seen[d]) { this.seen[d] = 1; touched.push(d) }
          }
        } else this.multi(alt.terms, alt.w, best, inName, touched)
      }
    })
    const cwSum = cw.reduce((a, b) => a + b, 0)
    const out: Scored[] = []
    for (const d of touched) {
      this.seen[d] = 0
      let sum = 0, cov = 0, nameCov = 0
      for (let ci = 0; ci < cs.length; ci++) {
        const b = this.best[ci]![d]!
        if (b > 0) { sum += b; cov += cw[ci]!; if (this.inName[ci]![d]) nameCov += cw[ci]! }
        this.best[ci]![d] = 0
        this.inName[ci]![d] = 0
      }
      if (!accept(d)) continue
      const c = cov / cwSum
      const pop = ix.docs[d]!.popularity
      const score = sum * (0.2 + 0.8 * c * c) * (1 + 0.5 * (nameCov / cwSum)) * (1 + 0.02 * Math.log10(1 + Math.max(0, pop)))
      out.push({ slot: d, score })
    }
    return out
  }

  /**
   * An alternative made of several terms (e.g. 出生 + 登记): it scores like its most telling term plus half of
   * the others — a mean would let a common word (登记) drag a specific phrase below a lone rival word — times
   * (share of its terms present)².
   */
  private multi(terms: string[], w: number, best: Float32Array, inName: Uint8Array, touched: number[]) {
    const ix = this.ix
    const local: number[] = []
    for (const t of terms) {
      const p = ix.postings.get(t)
      if (!p) continue
      const idf = ix.idf(p.core)
      for (let k = 0; k < p.n; k++) {
        const d = p.docs[k]!
        if (!ix.alive[d]) continue
        if (this.altCnt[d] === 0) { local.push(d); this.altMask[d] = 0xff }
        const ts = idf * p.sat[k]!
        this.altSum[d] = this.altSum[d]! + ts
        if (ts > this.altMax[d]!) this.altMax[d] = ts
        this.altCnt[d] = this.altCnt[d]! + 1
        this.altMask[d] = this.altMask[d]! & p.mask[k]!
      }
    }
    const n = terms.length
    for (const d of local) {
      const share = this.altCnt[d]! / n
      const mx = this.altMax[d]!
      const s = share >= 0.5 ? w * (mx + 0.5 * (this.altSum[d]! - mx)) * share * share : 0
      if (s > best[d]!) { best[d] = s; inName[d] = share === 1 && this.altMask[d]! & FIELD.name ? 1 : 0 }
      if (s > 0 && !this.seen[d]) { this.seen[d] = 1; touched.push(d) }
      this.altSum[d] = 0
      this.altMax[d] = 0
      this.altCnt[d] = 0
    }
  }
}
