import { setTimeout as sleep } from 'node:timers/promises'

const STEP_MS = 30_000

/**
 * Waits until at least `marginMs` remain in the current 30 s TOTP step. Tests that compute a code (or the
 * previous step's code) and then send it through the app must not straddle a step boundary: the server
 * accepts ±1 step, so a code computed for "previous step" just before a boundary is two steps old when it
 * arrives. Seen once in CI (400 instead of 303). Costs at most `marginMs`, on average a fraction of it.
 */
export async function clearOfTotpBoundary(marginMs = 8_000): Promise<void> {
  const left = STEP_MS - (Date.now() % STEP_MS)
  if (left < marginMs) await sleep(left + 50)
}
