/**
 * One term's postings: parallel typed arrays (doc slot, saturated field-weighted term frequency, field
 * bit mask) that grow by doubling — about 9 bytes per (term, item) pair, so 100,000 items fit comfortably.
 * Slots are appended in increasing order (an item's new version gets a new, higher slot; compaction keeps the
 * order), so `docs` is sorted ascending — the ranker relies on that to intersect lists by galloping search.
 */
export const FIELD = { name: 1, keywords: 2, result: 4, themes: 8, department: 16, materials: 32, description: 64, legal: 128 } as const
export type FieldName = keyof typeof FIELD
/**
 * Fields that say what an item IS. 居民身份证 is a required material of most items: postings where a term
 * occurs only outside these fields (materials, legal basis, department) are kept apart — they do not count
 * towards document frequency (else "身份证" would look like a common word) and, for terms that are everywhere
 * in those fields, are skipped at query time.
 */
export const CORE = FIELD.name | FIELD.keywords | FIELD.result | FIELD.themes | FIELD.description

export class Posting {
  docs: Int32Array
  sat: Float32Array
  mask: Uint8Array
  n = 0
  /** Largest `sat` ever pushed: an upper bound for dynamic pruning (it may only be stale-high after compaction). */
  maxSat = 0
  constructor(cap = 4) {
    this.docs = new Int32Array(cap)
    this.sat = new Float32Array(cap)
    this.mask = new Uint8Array(cap)
  }
  push(doc: number, sat: number, mask: number): void {
    if (this.n === this.docs.length) {
      const cap = this.n * 2
      const d = new Int32Array(cap); d.set(this.docs); this.docs = d
      const s = new Float32Array(cap); s.set(this.sat); this.sat = s
      const m = new Uint8Array(cap); m.set(this.mask); this.mask = m
    }
    this.docs[this.n] = doc
    this.sat[this.n] = sat
    this.mask[this.n] = mask
    if (this.sat[this.n]! > this.maxSat) this.maxSat = this.sat[this.n]!
    this.n++
  }
  /** Drops dead slots and renumbers live ones (remap[old] = new, or -1). */
  compact(remap: Int32Array): void {
    let w = 0
    for (let r = 0; r < this.n; r++) {
      const nd = remap[this.docs[r]!]!
      if (nd < 0) continue
      this.docs[w] = nd
      this.sat[w] = this.sat[r]!
      this.mask[w] = this.mask[r]!
      w++
    }
    this.n = w
  }
}
