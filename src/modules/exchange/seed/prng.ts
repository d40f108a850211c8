/**
 * A small seeded PRNG (mulberry32) and the draws the synthetic registries need. Deterministic by design: the
 * same seed gives the same registries on every machine, so docs, tests and browser journeys can rely on them.
 * Not for anything secret (platform/secrets.ts is).
 */
export type Rng = {
  /** Uniform in [0, 1). */
  next(): number
  /** Integer in [min, max] (inclusive). */
  int(min: number, max: number): number
  pick<T>(xs: readonly T[]): T
  /** Picks by weight: [[value, weight], …]. */
  weighted<T>(xs: readonly (readonly [T, number])[]): T
  chance(p: number): boolean
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    weighted(xs) {
      const total = xs.reduce((s, [, w]) => s + w, 0)
      let r = next() * total
      for (const [v, w] of xs) if ((r -= w) < 0) return v
      return xs[xs.length - 1]![0]
    },
    chance: (p) => next() < p,
  }
}

/** 'YYYY-MM-DD' of a UTC day number (days since 1970-01-01). */
export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10)
}
/** UTC day number of 'YYYY-MM-DD'. */
export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000)
}
/** The same calendar day `years` later (29 Feb → 1 Mar in a common year), as a card's validity is printed. */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10)
}
