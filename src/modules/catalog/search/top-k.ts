import type { Scored } from './ranker'

/**
 * Bounded min-heap keeping the best k (slot, score) pairs; ties go to the higher popularity prior, then the
 * lower slot (catalogue order). Typed arrays and numeric comparisons only: it sees every qualifying item.
 */
export class TopK {
  private readonly slots: Int32Array
  private readonly scores: Float64Array
  private n = 0
  constructor(private readonly k: number, private readonly pop: Float32Array) {
    this.slots = new Int32Array(Math.max(k, 0))
    this.scores = new Float64Array(Math.max(k, 0))
  }
  /** Whether (sa, a) ranks above (sb, b). */
  private above(sa: number, a: number, sb: number, b: number): boolean {
    if (sa !== sb) return sa > sb
    const pa = this.pop[a]!, pb = this.pop[b]!
    return pa !== pb ? pa > pb : a < b
  }
  offer(slot: number, score: number): void {
    const { slots, scores, k } = this
    if (k <= 0) return
    if (this.n < k) {
      let i = this.n++
      // sift up: the worst stays at the root
      while (i > 0) {
        const p = (i - 1) >> 1
        if (!this.above(scores[p]!, slots[p]!, score, slot)) break
        slots[i] = slots[p]!; scores[i] = scores[p]!; i = p
      }
      slots[i] = slot; scores[i] = score
      return
    }
    if (!this.above(score, slot, scores[0]!, slots[0]!)) return
    const n = this.n
    let i = 0
    for (;;) {
      const l = 2 * i + 1, r = l + 1
      let m = -1
      let ms = score, mslot = slot
      if (l < n && this.above(ms, mslot, scores[l]!, slots[l]!)) { m = l; ms = scores[l]!; mslot = slots[l]! }
      if (r < n && this.above(ms, mslot, scores[r]!, slots[r]!)) { m = r; ms = scores[r]!; mslot = slots[r]! }
      if (m < 0) break
      slots[i] = mslot; scores[i] = ms; i = m
    }
    slots[i] = slot; scores[i] = score
  }
  sorted(): Scored[] {
    const out: Scored[] = []
    for (let i = 0; i < this.n; i++) out.push({ slot: this.slots[i]!, score: this.scores[i]! })
    return out.sort((a, b) => (this.above(a.score, a.slot, b.score, b.slot) ? -1 : 1))
  }
}
