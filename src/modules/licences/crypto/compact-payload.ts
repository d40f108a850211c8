/**
 * Compact signed payload for the licence QR code (issue 5 §4, §6: offline checks with only the published keys).
 * A project format in the spirit of JWS Compact Serialization (RFC 7515 §7.1), but with no algorithm in the
 * payload — the algorithm always comes from the published key named by kid (RFC 8725 §3.1's lesson):
 *
 *     YWL1.<kid>.<claims>.<signature>
 *
 *   YWL1       format tag and version ("Yiwang licence, v1"); anything else is malformed.
 *   kid        the signing key's id in the published key set, [A-Za-z0-9_-]{1,64}.
 *   claims     base64url (RFC 4648 §5, no padding, strict) of the UTF-8 canonical JSON (RFC 8785) of
 *              CompactClaims — minus t, iss and v when `id` is a valid 电子证照标识 that already carries exactly
 *              those three (type code, issuer USCC, version): the decoder puts them back from `id`. This saves
 *              ~80 characters of QR. The wire JSON must be exactly what the encoder writes (canonical, and the
 *              three omitted iff derivable), otherwise it is malformed — so one claims set has one text.
 *   signature  base64url of the 64-byte signature (Ed25519, or SM2-with-SM3 r‖s) over the ASCII bytes of
 *              "YWL1.<kid>.<claims>" — the kid is signed too, so a payload cannot be moved to another key.
 *
 * Size: a realistic licence (Chinese holder name and number, 77-char identifier, 34-char kid) is ~460
 * characters; the test bounds it. Texts over 2,000 characters are refused before any parsing.
 */
import { canonicalJson } from '../../../platform/canonical-json'
import { b64uDecode, b64uEncode } from './encoding'
import { parseLicenceIdentifier } from './identifier'
import { signBytes, verifyBytes, type SigningAlgorithm } from './signing'

export const COMPACT_PREFIX = 'YWL1'
export const COMPACT_MAX_LENGTH = 2000

export type CompactClaims = {
  /** 电子证照标识 */ id: string
  /** 证照编号 */ no: string
  /** licence type code */ t: string
  /** holder name */ h: string
  /** masked holder code, e.g. 3205**********1234 */ hid: string
  /** issuer USCC */ iss: string
  /** valid from YYYY-MM-DD */ nb: string
  /** valid until YYYY-MM-DD */ na?: string
  /** version */ v: number
  /** sha256 base64url of the full signed licence JSON */ d: string
}

const KID = /^[A-Za-z0-9_-]{1,64}$/
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
const STRING_CLAIMS = ['id', 'no', 't', 'h', 'hid', 'iss', 'nb', 'd'] as const
const ALLOWED = new Set<string>([...STRING_CLAIMS, 'na', 'v'])

/** The claims, checked field by field; null if anything is missing, extra or of the wrong shape. */
function checkClaims(value: unknown): CompactClaims | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null
  const o = value as Record<string, unknown>
  for (const k of Object.keys(o)) if (!ALLOWED.has(k)) return null
  for (const k of STRING_CLAIMS) {
    const s = o[k]
    if (typeof s !== 'string' || s.length === 0 || s.length > 200) return null
  }
  if (!DATE.test(o.nb as string)) return null
  if (o.na !== undefined && (typeof o.na !== 'string' || !DATE.test(o.na))) return null
  if (typeof o.v !== 'number' || !Number.isInteger(o.v) || o.v < 1 || o.v > 999) return null
  if (!/^[A-Za-z0-9_-]{43}$/.test(o.d as string)) return null
  const claims: CompactClaims = { id: o.id as string, no: o.no as string, t: o.t as string, h: o.h as string, hid: o.hid as string, iss: o.iss as string, nb: o.nb as string, v: o.v, d: o.d as string }
  if (o.na !== undefined) claims.na = o.na as string
  return claims
}

/** The JSON object actually carried: t, iss and v left out when `id` carries exactly those values. */
function wireOf(c: CompactClaims): Record<string, unknown> {
  const p = parseLicenceIdentifier(c.id)
  if (!p || p.typeCode !== c.t || p.issuerUscc !== c.iss || p.version !== c.v) return { ...c }
  const { t: _t, iss: _iss, v: _v, ...rest } = c
  return rest
}

/** Claims from the wire object: t, iss, v come from `id` when none of them is present. */
function claimsOfWire(value: unknown): CompactClaims | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null
  const o = value as Record<string, unknown>
  if (!('t' in o) && !('iss' in o) && !('v' in o)) {
    const p = typeof o.id === 'string' ? parseLicenceIdentifier(o.id) : null
    if (!p) return null
    return checkClaims({ ...o, t: p.typeCode, iss: p.issuerUscc, v: p.version })
  }
  return checkClaims(o)
}

/** The QR text for `claims`, signed with the department key `key`. Throws RangeError for bad claims or kid. */
export function encodeCompactPayload(claims: CompactClaims, key: { kid: string; algorithm: SigningAlgorithm; privateKey: string }): string {
  if (!KID.test(key.kid)) throw new RangeError('kid must be 1–64 characters A-Z a-z 0-9 _ -')
  const checked = checkClaims(claims)
  if (!checked) throw new RangeError('compact licence claims are incomplete or malformed (id, no, t, h, hid, iss, nb YYYY-MM-DD, v 1–999, d = sha256 base64url)')
  const payload = b64uEncode(new TextEncoder().encode(canonicalJson(wireOf(checked), { iJson: true })))
  const input = `${COMPACT_PREFIX}.${key.kid}.${payload}`
  const text = `${input}.${signBytes(key.algorithm, key.privateKey, new TextEncoder().encode(input))}`
  if (text.length > COMPACT_MAX_LENGTH) throw new RangeError(`compact payload would be ${text.length} characters (limit ${COMPACT_MAX_LENGTH})`)
  return text
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Splits and checks the text WITHOUT verifying the signature; null for anything malformed (never throws). */
export function decodeCompactPayload(text: string): { kid: string; claims: CompactClaims; signingInput: Uint8Array; signature: string } | null {
  try {
    if (typeof text !== 'string' || text.length > COMPACT_MAX_LENGTH) return null
    const parts = text.split('.')
    if (parts.length !== 4) return null
    const [prefix, kid, payload, signature] = parts as [string, string, string, string]
    if (prefix !== COMPACT_PREFIX || !KID.test(kid)) return null
    const sig = b64uDecode(signature)
    if (!sig || sig.length !== 64) return null
    const bytes = b64uDecode(payload)
    if (!bytes || bytes.length === 0) return null
    const json = utf8.decode(bytes)
    const claims = claimsOfWire(JSON.parse(json))
    if (!claims || canonicalJson(wireOf(claims), { iJson: true }) !== json) return null
    const signingInput = new Uint8Array(Buffer.from(`${prefix}.${kid}.${payload}`, 'ascii'))
    return { kid, claims, signingInput, signature }
  } catch {
    return null
  }
}

/** Offline verification with the published keys; the algorithm is the key's, never the payload's. Never throws. */
export function verifyCompactPayload(
  text: string,
  keyFor: (kid: string) => { algorithm: SigningAlgorithm; publicKey: string } | undefined,
): { ok: true; kid: string; claims: CompactClaims } | { ok: false; reason: 'malformed' | 'unknown_key' | 'bad_signature' } {
  const decoded = decodeCompactPayload(text)
  if (!decoded) return { ok: false, reason: 'malformed' }
  let key: { algorithm: SigningAlgorithm; publicKey: string } | undefined
  try {
    key = keyFor(decoded.kid)
  } catch {
    key = undefined
  }
  if (!key) return { ok: false, reason: 'unknown_key' }
  if (!verifyBytes(key.algorithm, key.publicKey, decoded.signingInput, decoded.signature)) return { ok: false, reason: 'bad_signature' }
  return { ok: true, kid: decoded.kid, claims: decoded.claims }
}

/** The payload inside a verification URL (…/licences/verify?p=YWL1…), or the payload itself. */
export function payloadFrom(input: string): string | null {
  const s = input.trim()
  if (s.length > 4000) return null
  if (s.startsWith(`${COMPACT_PREFIX}.`)) return s
  try {
    const u = new URL(s)
    return u.searchParams.get('p')
  } catch {
    return null
  }
}

