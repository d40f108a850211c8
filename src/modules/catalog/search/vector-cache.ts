/** A concept's scored items: parallel arrays of item slot, best alternative score and name flag. */
export type Vec = { docs: Int32Array; best: Float32Array; name: Uint8Array; n: number }

/**
 * Recently used concept vectors, bounded by the number of (item, score) entries they hold in all (~9 bytes
 * each); the least recently used go first. Cleared with the index (see Ranker.invalidate).
 */
export class VectorCache {
  private readonly map = new Map<string, Vec>()
  private entries = 0
  constructor(private readonly budget: number) {}
  get(key: string): Vec | undefined {
    const hit = this.map.get(key)
    if (hit) {
      this.map.delete(key)
      this.map.set(key, hit)
    }
    return hit
  }
  put(key: string, v: Vec): void {
    this.map.set(key, v)
    this.entries += v.docs.length
    for (const [k, old] of this.map) {
      if (this.entries <= this.budget) break
      this.map.delete(k)
      this.entries -= old.docs.length
    }
  }
  clear(): void {
    this.map.clear()
    this.entries = 0
  }
}
