import type { Secrets } from '../../platform/secrets'
import { newTotpSecret, totpQrSvg, totpUri } from './totp'

/**
 * TOTP enrolment without server state and without JavaScript: the new secret is shown as text, otpauth URI and
 * QR code, and travels back with the confirming code in a hidden field SEALED with the platform key (bound to
 * the citizen and valid 15 minutes), so it can be neither read from nor swapped into another account's form.
 */
const SETUP_TTL_MS = 15 * 60 * 1000

export type TotpSetup = { secret: string; uri: string; qrSvg: string; sealed: string }

export async function newCitizenTotpSetup(secrets: Pick<Secrets, 'seal'>, citizenId: string, label: string, now = new Date()): Promise<TotpSetup> {
  const secret = newTotpSecret()
  return reopenSetup(secrets, citizenId, secret, label, now)
}

/** The same secret again (after a wrong confirmation code), with a fresh expiry. */
export async function reopenSetup(secrets: Pick<Secrets, 'seal'>, citizenId: string, secret: string, label: string, now = new Date()): Promise<TotpSetup> {
  const uri = totpUri(secret, label)
  const sealed = secrets.seal(JSON.stringify({ k: 'citizen-totp', c: citizenId, s: secret, e: now.getTime() + SETUP_TTL_MS }))
  return { secret, uri, qrSvg: await totpQrSvg(uri), sealed }
}

/** The secret, or undefined when the value is missing, tampered with, expired or someone else's. */
export function openSetup(secrets: Pick<Secrets, 'open'>, sealed: string | undefined, citizenId: string, now = new Date()): string | undefined {
  if (!sealed || sealed.length > 1024) return undefined
  try {
    const v = JSON.parse(secrets.open(sealed)) as { k?: unknown; c?: unknown; s?: unknown; e?: unknown }
    if (v.k !== 'citizen-totp' || v.c !== citizenId || typeof v.s !== 'string' || typeof v.e !== 'number' || v.e <= now.getTime()) return undefined
    return v.s
  } catch {
    return undefined
  }
}
