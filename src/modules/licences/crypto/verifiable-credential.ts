/**
 * W3C Verifiable Credentials Data Model v2.0 export of a licence, secured with a Data Integrity proof
 * (W3C VC Data Integrity 1.0) of cryptosuite eddsa-jcs-2022 — W3C "Data Integrity EdDSA Cryptosuites v1.0" §3.3:
 *   §3.3.1/3.3.6 proof configuration: { type: 'DataIntegrityProof', cryptosuite, created, verificationMethod,
 *     proofPurpose } plus the document's @context when it has one; canonicalised with JCS (RFC 8785);
 *   §3.3.4 transformation: the document without `proof`, JCS;
 *   §3.3.5 hashing: hashData = SHA-256(canonical proof config) ‖ SHA-256(canonical document) (64 bytes);
 *   §3.3.7 serialization: Ed25519 signature of hashData; proofValue = multibase base58btc ('z' …);
 *   §3.3.2 verification: the proof options (proof without proofValue) replace the configuration; when they
 *     carry @context, the document's @context must START WITH those values in order, and is replaced by them.
 * Checked against the spec's own test vector (Appendix B, eddsa-jcs-2022) in the tests.
 *
 * sm2-jcs-2024 (PROJECT-DEFINED, not a W3C suite; only our CLI/API verify it): the same structure and steps with
 * SM3 (GB/T 32905) instead of SHA-256 for both hashes and an SM2-with-SM3 signature (GB/T 32918.2, default
 * user id 1234567812345678) of hashData, r‖s 64 bytes, multibase base58btc.
 *
 * The algorithm is always taken from the verification key, never from the document: a proof naming
 * eddsa-jcs-2022 verified with an SM2 key (or the reverse) is invalid. No JSON-LD processing and no network.
 */
import { createHash } from 'node:crypto'
import { sm3 } from 'sm-crypto-v2'
import { canonicalJson } from '../../../platform/canonical-json'
import { base58btcDecode, base58btcEncode, b64uDecode, b64uEncode, hexToBytes } from './encoding'
import { signBytes, verifyBytes, type SigningAlgorithm } from './signing'

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2'
/**
 * The project's terms. VC 2.0 already maps undefined terms to an issuer-dependent vocabulary; this inline
 * context gives ours a stable IRI instead (JCS suites never expand JSON-LD, so nothing is ever fetched).
 */
export const LICENCE_CONTEXT = { '@vocab': 'urn:yiwang:licence#' } as const

const SUITE_OF: Record<SigningAlgorithm, string> = { Ed25519: 'eddsa-jcs-2022', SM2: 'sm2-jcs-2024' }
/** XML Schema 1.1 dateTimeStamp (a date-time WITH a time zone). */
const DATE_TIME_STAMP = /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/

type Json = Record<string, unknown>

function hash(algorithm: SigningAlgorithm, text: string): Uint8Array {
  const bytes = new TextEncoder().encode(text)
  return algorithm === 'SM2' ? hexToBytes(sm3(bytes)) : new Uint8Array(createHash('sha256').update(bytes).digest())
}

/** hashData of §3.3.5: H(canonical proof config) ‖ H(canonical document). */
function hashData(algorithm: SigningAlgorithm, proofConfig: Json, document: Json): Uint8Array {
  const a = hash(algorithm, canonicalJson(proofConfig, { iJson: true }))
  const b = hash(algorithm, canonicalJson(document, { iJson: true }))
  const out = new Uint8Array(a.length + b.length)
  out.set(a, 0)
  out.set(b, a.length)
  return out
}

/** The document with a Data Integrity proof added (a document already carrying a proof is refused). */
export function addDataIntegrityProof(doc: Record<string, unknown>, opts: { algorithm: SigningAlgorithm; privateKey: string; verificationMethod: string; created: string }): Record<string, unknown> {
  if ('proof' in doc) throw new RangeError('the document already has a proof (proof sets are not supported)')
  const cryptosuite = SUITE_OF[opts.algorithm]
  if (!cryptosuite) throw new RangeError(`unknown signing algorithm ${String(opts.algorithm)}`)
  if (!DATE_TIME_STAMP.test(opts.created)) throw new RangeError('created must be an XML Schema dateTimeStamp, e.g. 2025-01-01T00:00:00Z')
  if (typeof opts.verificationMethod !== 'string' || opts.verificationMethod.length === 0) throw new RangeError('verificationMethod must be a URL')
  const proofConfig: Json = { type: 'DataIntegrityProof', cryptosuite, created: opts.created, verificationMethod: opts.verificationMethod, proofPurpose: 'assertionMethod' }
  if (doc['@context'] !== undefined) proofConfig['@context'] = doc['@context']
  const signature = b64uDecode(signBytes(opts.algorithm, opts.privateKey, hashData(opts.algorithm, proofConfig, doc)))!
  return { ...doc, proof: { ...proofConfig, proofValue: 'z' + base58btcEncode(signature) } }
}

/** true only when `doc.proof` is a valid proof by the key publicKeyFor(verificationMethod) returns. Never throws. */
export function verifyDataIntegrityProof(doc: Record<string, unknown>, publicKeyFor: (verificationMethod: string) => { algorithm: SigningAlgorithm; publicKey: string } | undefined): boolean {
  try {
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return false
    const proof = doc.proof
    if (proof === null || typeof proof !== 'object' || Array.isArray(proof)) return false
    const { proofValue, ...proofOptions } = proof as Json
    if (proofOptions.type !== 'DataIntegrityProof' || proofOptions.proofPurpose !== 'assertionMethod') return false
    if (typeof proofOptions.verificationMethod !== 'string' || typeof proofValue !== 'string' || proofValue[0] !== 'z') return false
    if (proofOptions.created !== undefined && (typeof proofOptions.created !== 'string' || !DATE_TIME_STAMP.test(proofOptions.created))) return false
    const signature = base58btcDecode(proofValue.slice(1))
    if (!signature || signature.length !== 64) return false
    const key = publicKeyFor(proofOptions.verificationMethod)
    if (!key || SUITE_OF[key.algorithm] === undefined || proofOptions.cryptosuite !== SUITE_OF[key.algorithm]) return false
    const { proof: _proof, ...unsecured } = doc
    if (proofOptions['@context'] !== undefined) {
      // §3.3.2 step 4: the document's @context must start with the proof's, in order; then use the proof's.
      const want = Array.isArray(proofOptions['@context']) ? proofOptions['@context'] : [proofOptions['@context']]
      const have = Array.isArray(doc['@context']) ? doc['@context'] : doc['@context'] === undefined ? [] : [doc['@context']]
      if (want.length > have.length || want.some((v, i) => canonicalJson(v) !== canonicalJson(have[i]))) return false
      unsecured['@context'] = proofOptions['@context']
    }
    return verifyBytes(key.algorithm, key.publicKey, hashData(key.algorithm, proofOptions, unsecured), b64uEncode(signature))
  } catch {
    return false
  }
}

export type LicenceCredentialInput = {
  id: string /* 电子证照标识 */
  url: string /* https://…/licences/<uuid> */
  typeName: string
  typeCode: string
  number: string
  holder: { name: string; idType: string; id: string }
  issuer: { id: string /* DID or URL */; name: string; uscc: string }
  validFrom: string /* ISO date-time */
  validUntil?: string
  face: Record<string, unknown>
  statusListUrl?: string
  statusIndex?: number
}

/**
 * The unsigned VC 2.0 document of a licence. `holder.id` is written as given: pass the masked code for copies
 * that leave the holder's hands if the full 身份证号 must not travel with them.
 */
export function licenceCredential(l: LicenceCredentialInput): Record<string, unknown> {
  const vc: Json = {
    '@context': [VC_V2_CONTEXT, LICENCE_CONTEXT],
    id: l.url,
    type: ['VerifiableCredential', 'ChineseElectronicLicence'],
    name: l.typeName,
    issuer: { id: l.issuer.id, name: l.issuer.name, uscc: l.issuer.uscc },
    validFrom: l.validFrom,
  }
  if (l.validUntil !== undefined) vc.validUntil = l.validUntil
  vc.credentialSubject = {
    type: 'LicenceHolder',
    name: l.holder.name,
    holderIdType: l.holder.idType,
    holderId: l.holder.id,
    licence: { identifier: l.id, number: l.number, typeCode: l.typeCode, typeName: l.typeName, face: l.face },
  }
  if (l.statusListUrl !== undefined) {
    if (!Number.isInteger(l.statusIndex) || (l.statusIndex as number) < 0) throw new RangeError('statusIndex must be a non-negative integer when statusListUrl is given')
    // W3C Bitstring Status List v1.0 §2.1: statusListIndex is the bit position as a string.
    vc.credentialStatus = { id: `${l.statusListUrl}#${l.statusIndex}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(l.statusIndex), statusListCredential: l.statusListUrl }
  }
  return vc
}
