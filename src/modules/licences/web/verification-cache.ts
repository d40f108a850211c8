import type { Executor } from '../../../platform/database'
import { verifyLicenceById, type Verification } from '../verify-licence'

/**
 * A short-lived in-process cache of GET /api/v1/licences/{id}/verification answers (per process; keyed by the id
 * as given and the Shanghai date). Trade-off, measured in bench/licence-verify.ts: with it a revocation or
 * suspension is visible within `ttlMs` (default 1 s) on every process, never later; without it every request is
 * one database round trip. Only the GET by id is cached — presented payloads, signed JSON and VCs are always
 * checked afresh — and "unknown" answers are not cached (a licence issued a moment ago is found at once).
 * `VERIFICATION_CACHE.ttlMs = 0` turns it off (the bench compares both).
 */
export const VERIFICATION_CACHE = { ttlMs: 1000, maxEntries: 20_000 }

export function createVerificationCache(db: Executor) {
  const entries = new Map<string, { at: number; value: Verification }>()
  const inflight = new Map<string, Promise<Verification>>()
  return {
    async byId(id: string, today: string, now = Date.now()): Promise<Verification> {
      const ttl = VERIFICATION_CACHE.ttlMs
      if (ttl <= 0) return verifyLicenceById(db, id, today)
      const key = `${today}|${id}`
      const hit = entries.get(key)
      if (hit && now - hit.at < ttl) return hit.value
      // Concurrent misses for the same id share one query.
      const running = inflight.get(key)
      if (running) return running
      const p = verifyLicenceById(db, id, today).then((value) => {
        if (value.status !== 'unknown') {
          if (entries.size >= VERIFICATION_CACHE.maxEntries) entries.clear()
          entries.set(key, { at: now, value })
        }
        return value
      }).finally(() => inflight.delete(key))
      inflight.set(key, p)
      return p
    },
  }
}
