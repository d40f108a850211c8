import * as OTPAuth from 'otpauth'

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s) through the maintained `otpauth` library, for staff (mandatory) and
 * citizens (optional). Secrets are stored sealed (deps.secrets.seal); the step of the last accepted code is
 * kept by the caller so the same code cannot be used twice (RFC 6238 §5.2).
 */
const ISSUER = 'Yiwang 一网通办'
const PERIOD = 30

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32
}

function totp(secret: string, label = 'account'): OTPAuth.TOTP {
  return new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: OTPAuth.Secret.fromBase32(secret) })
}

/** otpauth:// URI for authenticator apps; `label` should be a masked or non-identifying account name. */
export function totpUri(secret: string, label: string): string {
  return totp(secret, label).toString()
}

/** Current code — for tests and the e2e journeys, which play the authenticator app. */
export function totpCode(secret: string, at = Date.now()): string {
  return totp(secret).generate({ timestamp: at })
}

/**
 * The time step a code matches (±1 step for clock drift), or null. A code whose step is not after
 * `lastStep` is refused: a code seen once cannot be replayed.
 */
export function verifyTotp(secret: string, code: string, lastStep: number | null = null, at = Date.now()): number | null {
  const clean = code.replace(/\s+/g, '')
  if (!/^\d{6}$/.test(clean)) return null
  const delta = totp(secret).validate({ token: clean, window: 1, timestamp: at })
  if (delta === null) return null
  const step = Math.floor(at / 1000 / PERIOD) + delta
  if (lastStep !== null && step <= lastStep) return null
  return step
}

/** The URI as an inline SVG QR code (no external request, works under the page CSP). */
export async function totpQrSvg(uri: string): Promise<string> {
  const { default: QRCode } = await import('qrcode') // loaded on first use (start-up cost)
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })
}
