import type { Secrets } from '../../platform/secrets'

/**
 * The state between "password accepted" and "second factor accepted": nobody is signed in yet, so there is no
 * session row. The citizen id and an expiry travel in a cookie SEALED with the platform key (AES-256-GCM:
 * unreadable and unforgeable by the browser). It only lets its holder try a TOTP code for 5 minutes; those
 * tries count toward the lock-out like wrong passwords.
 */
export const PENDING_TTL_MS = 5 * 60 * 1000

export function sealPending(secrets: Pick<Secrets, 'seal'>, citizenId: string, now = new Date()): string {
  return secrets.seal(JSON.stringify({ k: 'citizen-mfa', c: citizenId, e: now.getTime() + PENDING_TTL_MS }))
}

/** The citizen id, or undefined when the value is missing, tampered with or expired. */
export function openPending(secrets: Pick<Secrets, 'open'>, sealed: string | undefined, now = new Date()): string | undefined {
  if (!sealed || sealed.length > 512) return undefined
  try {
    const v = JSON.parse(secrets.open(sealed)) as { k?: unknown; c?: unknown; e?: unknown }
    if (v.k !== 'citizen-mfa' || typeof v.c !== 'string' || typeof v.e !== 'number' || v.e <= now.getTime()) return undefined
    return v.c
  } catch {
    return undefined
  }
}
