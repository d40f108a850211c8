import type { PrefillProvenance } from '../../platform/schema-cases'

/** Posted values with every prefilled (locked) field put back to what the government holds — a locked field cannot be changed by posting. */
export function lockedValues(raw: unknown, saved: Record<string, unknown>, prefill: PrefillProvenance): Record<string, unknown> {
  const out: Record<string, unknown> = raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...(raw as Record<string, unknown>) } : {}
  for (const k of Object.keys(prefill)) if (k in saved) out[k] = saved[k]
  return out
}
