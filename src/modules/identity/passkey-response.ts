import type { AuthenticationResponseJSON, AuthenticatorTransportFuture, RegistrationResponseJSON } from '@simplewebauthn/server'
import { z } from 'zod'
import { ValidationError } from '../../platform/errors'

/**
 * The browser's JSON (WebAuthn Level 3 toJSON shape, as passkey.js sends it), checked before anything is
 * looked up: a malformed body is a 400 with one message, whatever was wrong with it.
 */
const b64url = z.string().min(1).max(4096).regex(/^[A-Za-z0-9_-]+$/)
const TRANSPORTS = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'] as const
const common = {
  id: b64url.max(1400),
  rawId: b64url.max(1400),
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
}
const registration = z.object({
  ...common,
  response: z.object({ clientDataJSON: b64url, attestationObject: b64url.max(8192), transports: z.array(z.string().max(20)).max(10).optional() }),
})
const authentication = z.object({
  ...common,
  response: z.object({ clientDataJSON: b64url, authenticatorData: b64url, signature: b64url, userHandle: b64url.max(200).optional() }),
})

export function malformedPasskeyResponse(): ValidationError {
  return new ValidationError('通行密钥数据格式不正确，请刷新页面后重试。 The passkey data was malformed; reload the page and try again.', [], 'passkey_malformed')
}

/** The request body's text as JSON, or a 400. */
export function parseJsonBody(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text)
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>
  } catch {
    // fall through
  }
  throw malformedPasskeyResponse()
}

/** The challenge inside clientDataJSON (what the authenticator signed over), or a 400. */
function challengeOf(clientDataJSON: string): string {
  try {
    const c = (JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { challenge?: unknown }).challenge
    if (typeof c === 'string' && /^[A-Za-z0-9_-]{16,128}$/.test(c)) return c
  } catch {
    // fall through
  }
  throw malformedPasskeyResponse()
}

export function readRegistration(v: unknown): { response: RegistrationResponseJSON; challenge: string; transports: AuthenticatorTransportFuture[] } {
  const r = registration.safeParse(v)
  if (!r.success) throw malformedPasskeyResponse()
  const transports = (r.data.response.transports ?? []).filter((x): x is AuthenticatorTransportFuture => (TRANSPORTS as readonly string[]).includes(x))
  const response = { ...r.data, response: { ...r.data.response, transports } } as RegistrationResponseJSON
  return { response, challenge: challengeOf(r.data.response.clientDataJSON), transports }
}

export function readAuthentication(v: unknown): { response: AuthenticationResponseJSON; challenge: string } {
  const r = authentication.safeParse(v)
  if (!r.success) throw malformedPasskeyResponse()
  return { response: r.data as AuthenticationResponseJSON, challenge: challengeOf(r.data.response.clientDataJSON) }
}
