/**
 * Signatures over bytes for e-licences (issue 5 §3).
 *  - Ed25519: RFC 8032 §5.1 (PureEdDSA) through node:crypto. Keys are the raw 32-byte public key and the
 *    32-byte private seed (RFC 8032 §5.1.5), base64url.
 *  - SM2 with SM3: GB/T 32918.2-2016 §6 (digital signature; GM/T 0003.2) over the recommended 256-bit curve of
 *    GB/T 32918.5-2017, with e = SM3(Z_A ‖ M) and Z_A = SM3(ENTL_A ‖ ID_A ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A)
 *    (GB/T 32918.2 §5.5), default ID_A = "1234567812345678" (GM/T 0009-2012 §10). SM3 per GB/T 32905-2016.
 *    Public key = uncompressed point 04‖x‖y (65 bytes), private key d (32 bytes), signature r‖s (64 bytes raw,
 *    not DER). The curve arithmetic is sm-crypto-v2's; Z_A and e are computed here so they are explicit.
 *
 * verifyBytes never throws: any malformed key, signature or algorithm is simply "not valid".
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto'
import { sm2, sm3 } from 'sm-crypto-v2'
import { base58btcEncode, b64uDecode, b64uEncode, bytesToHex, hexToBytes } from './encoding'

export type SigningAlgorithm = 'Ed25519' | 'SM2'
export type KeyPair = { algorithm: SigningAlgorithm; publicKey: string; privateKey: string }

export const SM2_DEFAULT_USER_ID = '1234567812345678'
/** Order n of the SM2 recommended curve (GB/T 32918.5 §3). */
const SM2_N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123')

const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex')
const SPKI_ED25519 = Buffer.from('302a300506032b6570032100', 'hex')

/** A small bounded cache: building key objects / curve points per call would dominate the cost of signing. */
class Bounded<V> {
  private map = new Map<string, V>()
  constructor(private readonly max: number) {}
  get(key: string, make: () => V): V {
    const hit = this.map.get(key)
    if (hit !== undefined) return hit
    const value = make()
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value as string)
    this.map.set(key, value)
    return value
  }
}
const edPrivate = new Bounded<KeyObject>(64)
const edPublic = new Bounded<KeyObject>(256)
const sm2PublicOfPrivate = new Bounded<string>(64)
const sm2Z = new Bounded<Uint8Array>(256)
const sm2Point = new Bounded<ReturnType<typeof sm2.precomputePublicKey>>(64)

function rawKey(text: string, length: number, what: string): Uint8Array {
  const bytes = typeof text === 'string' ? b64uDecode(text) : null
  if (!bytes || bytes.length !== length) throw new RangeError(`${what} must be ${length} bytes, base64url`)
  return bytes
}

function edPrivateKey(privateKey: string): KeyObject {
  return edPrivate.get(privateKey, () => createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, rawKey(privateKey, 32, 'Ed25519 private key')]), format: 'der', type: 'pkcs8' }))
}
function edPublicKey(publicKey: string): KeyObject {
  return edPublic.get(publicKey, () => createPublicKey({ key: Buffer.concat([SPKI_ED25519, rawKey(publicKey, 32, 'Ed25519 public key')]), format: 'der', type: 'spki' }))
}

function sm2PublicHex(publicKey: string): string {
  const bytes = rawKey(publicKey, 65, 'SM2 public key')
  if (bytes[0] !== 4) throw new RangeError('SM2 public key must be an uncompressed point (04‖x‖y)')
  const hex = bytesToHex(bytes)
  if (!sm2.verifyPublicKey(hex)) throw new RangeError('SM2 public key is not a point on the curve')
  return hex
}

/** Z_A of GB/T 32918.2 §5.5 for an SM2 public key (base64url 04‖x‖y) and user id. */
export function sm2ZA(publicKey: string, userId: string = SM2_DEFAULT_USER_ID): Uint8Array {
  const make = () => sm2.getZ(sm2PublicHex(publicKey), userId)
  return userId === SM2_DEFAULT_USER_ID ? sm2Z.get(publicKey, make) : make()
}

/** e = SM3(Z_A ‖ M), the 32-byte value GB/T 32918.2 §6.1 A1–A2 signs. */
export function sm2Digest(publicKey: string, data: Uint8Array, userId: string = SM2_DEFAULT_USER_ID): Uint8Array {
  const z = sm2ZA(publicKey, userId)
  const m = new Uint8Array(z.length + data.length)
  m.set(z, 0)
  m.set(data, z.length)
  return hexToBytes(sm3(m))
}

export function generateKeyPair(algorithm: SigningAlgorithm): KeyPair {
  if (algorithm === 'Ed25519') {
    const { privateKey } = generateKeyPairSync('ed25519')
    const jwk = privateKey.export({ format: 'jwk' })
    return { algorithm, publicKey: jwk.x!, privateKey: jwk.d! }
  }
  if (algorithm === 'SM2') {
    const kp = sm2.generateKeyPairHex()
    return { algorithm, publicKey: b64uEncode(hexToBytes(kp.publicKey)), privateKey: b64uEncode(hexToBytes(kp.privateKey)) }
  }
  throw new RangeError(`unknown signing algorithm ${String(algorithm)}`)
}

/** The public key of a private key (base64url raw, as in KeyPair). */
export function publicKeyOf(algorithm: SigningAlgorithm, privateKey: string): string {
  if (algorithm === 'Ed25519') return createPublicKey(edPrivateKey(privateKey)).export({ format: 'jwk' }).x!
  if (algorithm === 'SM2') return sm2PublicOfPrivate.get(privateKey, () => b64uEncode(hexToBytes(sm2.getPublicKeyFromPrivateKey(bytesToHex(sm2PrivateBytes(privateKey))))))
  throw new RangeError(`unknown signing algorithm ${String(algorithm)}`)
}

function sm2PrivateBytes(privateKey: string): Uint8Array {
  const d = rawKey(privateKey, 32, 'SM2 private key')
  const n = BigInt('0x' + bytesToHex(d))
  if (n < 1n || n >= SM2_N - 1n) throw new RangeError('SM2 private key out of range [1, n-2]')
  return d
}

/** Signature (base64url) of `data`: Ed25519 64 bytes, or SM2-with-SM3 r‖s 64 bytes (default user id). */
export function signBytes(algorithm: SigningAlgorithm, privateKey: string, data: Uint8Array): string {
  if (algorithm === 'Ed25519') return b64uEncode(edSign(null, data, edPrivateKey(privateKey)))
  if (algorithm === 'SM2') {
    const d = bytesToHex(sm2PrivateBytes(privateKey))
    const e = sm2Digest(publicKeyOf('SM2', privateKey), data)
    return b64uEncode(hexToBytes(sm2.doSignature(e, d, { der: false, hash: false })))
  }
  throw new RangeError(`unknown signing algorithm ${String(algorithm)}`)
}

/** true only for a valid signature by `publicKey` over `data`; false for everything else — never throws. */
export function verifyBytes(algorithm: SigningAlgorithm, publicKey: string, data: Uint8Array, signature: string): boolean {
  try {
    if (!(data instanceof Uint8Array)) return false
    const sig = b64uDecode(signature)
    if (!sig || sig.length !== 64) return false
    if (algorithm === 'Ed25519') return edVerify(null, data, edPublicKey(publicKey), sig)
    if (algorithm === 'SM2') {
      const r = BigInt('0x' + bytesToHex(sig.subarray(0, 32)))
      const s = BigInt('0x' + bytesToHex(sig.subarray(32)))
      if (r < 1n || r >= SM2_N || s < 1n || s >= SM2_N) return false // GB/T 32918.2 §7.1 B1–B2
      const point = sm2Point.get(publicKey, () => sm2.precomputePublicKey(sm2PublicHex(publicKey)))
      return sm2.doVerifySignature(sm2Digest(publicKey, data), bytesToHex(sig), point, { der: false, hash: false })
    }
    return false
  } catch {
    return false
  }
}

/**
 * The public key as a JWK (RFC 7517) for the published key set. Ed25519: RFC 8037 OKP. SM2: there is no IANA
 * registered "crv" for SM2, so we publish { kty: 'EC', crv: 'SM2', x, y, alg: 'SM2SM3' } — a project
 * convention (the names other SM2 JOSE libraries use); verifiers outside our CLI/API must be told about it.
 */
export function publicJwk(algorithm: SigningAlgorithm, publicKey: string, kid: string): Record<string, string> {
  if (algorithm === 'Ed25519') {
    rawKey(publicKey, 32, 'Ed25519 public key')
    return { kty: 'OKP', crv: 'Ed25519', x: publicKey, kid, alg: 'EdDSA' }
  }
  if (algorithm === 'SM2') {
    const bytes = hexToBytes(sm2PublicHex(publicKey))
    return { kty: 'EC', crv: 'SM2', x: b64uEncode(bytes.subarray(1, 33)), y: b64uEncode(bytes.subarray(33)), kid, alg: 'SM2SM3' }
  }
  throw new RangeError(`unknown signing algorithm ${String(algorithm)}`)
}

/** Multikey publicKeyMultibase of an Ed25519 key (W3C Controlled Identifiers, Multikey): 'z' + base58btc(0xed01 ‖ key). */
export function ed25519Multikey(publicKey: string): string {
  const key = rawKey(publicKey, 32, 'Ed25519 public key')
  const bytes = new Uint8Array(34)
  bytes.set([0xed, 0x01], 0)
  bytes.set(key, 2)
  return 'z' + base58btcEncode(bytes)
}
