/**
 * Byte encodings used by the licence signatures: strict base64url (RFC 4648 §5, no padding) and base58btc
 * (the Bitcoin alphabet, as used by the Multibase 'z' prefix in W3C Controlled Identifiers §2.4 / Multikey).
 *
 * Strict means ONE text per byte string: Buffer.from(s, 'base64url') silently skips foreign characters and
 * ignores non-zero trailing bits, so two different texts could carry the same signature. A signed text whose
 * characters can change without changing its meaning would make "any changed character → invalid" false.
 */

const B64URL = /^[A-Za-z0-9_-]*$/

/** base64url without padding. */
export function b64uEncode(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url')
}

/** Strict base64url decode: only the alphabet, no padding, canonical trailing bits; null otherwise. */
export function b64uDecode(text: string): Uint8Array | null {
  if (typeof text !== 'string' || !B64URL.test(text) || text.length % 4 === 1) return null
  const bytes = Buffer.from(text, 'base64url')
  return bytes.toString('base64url') === text ? new Uint8Array(bytes) : null
}

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
const B58_INDEX = new Map([...B58].map((c, i) => [c, i]))

export function base58btcEncode(bytes: Uint8Array): string {
  let zeros = 0
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++
  // Big-number base conversion on small digit arrays (inputs here are ≤ 70 bytes).
  const digits: number[] = []
  for (let i = zeros; i < bytes.length; i++) {
    let carry = bytes[i]!
    for (let j = 0; j < digits.length; j++) {
      carry += digits[j]! << 8
      digits[j] = carry % 58
      carry = (carry / 58) | 0
    }
    while (carry > 0) {
      digits.push(carry % 58)
      carry = (carry / 58) | 0
    }
  }
  let out = '1'.repeat(zeros)
  for (let i = digits.length - 1; i >= 0; i--) out += B58[digits[i]!]
  return out
}

/** base58btc decode; null for a foreign character or an over-long input (> 200 characters). */
export function base58btcDecode(text: string): Uint8Array | null {
  if (typeof text !== 'string' || text.length > 200) return null
  let zeros = 0
  while (zeros < text.length && text[zeros] === '1') zeros++
  const bytes: number[] = []
  for (let i = zeros; i < text.length; i++) {
    const v = B58_INDEX.get(text[i]!)
    if (v === undefined) return null
    let carry = v
    for (let j = 0; j < bytes.length; j++) {
      carry += bytes[j]! * 58
      bytes[j] = carry & 0xff
      carry >>= 8
    }
    while (carry > 0) {
      bytes.push(carry & 0xff)
      carry >>= 8
    }
  }
  const out = new Uint8Array(zeros + bytes.length)
  for (let i = 0; i < bytes.length; i++) out[zeros + i] = bytes[bytes.length - 1 - i]!
  return out
}

export function hexToBytes(hex: string): Uint8Array {
  return new Uint8Array(Buffer.from(hex, 'hex'))
}

export function bytesToHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')
}
