import type { TrustLevel } from './citizen'

/**
 * The one rule for a citizen's 实名可信等级 (citizen.ts, standards.md §B.2), recomputed whenever a factor
 * changes so enabling/disabling TOTP or verifying can never leave a stale level behind:
 *   not verified → 1; verified at a counter → 3; verified + second factor → 3; verified → 2.
 */
export function trustLevelOf(c: { verifiedAt: Date | string | null; verificationMethod: string | null; secondFactor: boolean }): TrustLevel {
  if (!c.verifiedAt) return 1
  if (c.verificationMethod === 'counter' || c.secondFactor) return 3
  return 2
}

/** 张** style: enough for a person to recognise their own record, not enough to identify them (audit, pages). */
export function maskName(name: string): string {
  const chars = [...name]
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1)
}
