import type { Scored } from './ranker'

/** Highest `k` scores in order (ties: lower tie-break key first), without sorting everything. */
export function topK(items: Scored[], k: number, tie: (a: number, b: number) => number): Scored[] {
  const better = (a: Scored, b: Scored) => a.score > b.score || (a.score === b.score && tie(a.slot, b.slot) < 0)
  if (k <= 0) return []
  if (items.length <= k * 4) return [...items].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0)).slice(0, k)
  // min-heap of the best k seen so far; its root is the worst of them
  const h: Scored[] = []
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!better(h[p]!, h[i]!)) break
      ;[h[p], h[i]] = [h[i]!, h[p]!]
      i = p
    }
  }
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1, r = l + 1
      let m = i
      if (l < h.length && better(h[m]!, h[l]!)) m = l
      if (r < h.length && better(h[m]!, h[r]!)) m = r
      if (m === i) return
      ;[h[m], h[i]] = [h[i]!, h[m]!]
      i = m
    }
  }
  for (const it of items) {
    if (h.length < k) { h.push(it); up(h.length - 1) } else if (better(it, h[0]!)) { h[0] = it; down(0) }
  }
  return h.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
}
