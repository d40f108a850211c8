/**
 * The pure cryptographic layer of e-licences (no database, no routes): GB/T 36904-style identifiers with the
 * ISO/IEC 7064 MOD 37,36 check character, Ed25519 / SM2-with-SM3 signatures, the compact QR payload, and the
 * W3C VC 2.0 export with a Data Integrity proof (eddsa-jcs-2022; project suite sm2-jcs-2024).
 */
export { mod3736, licenceIdentifier, parseLicenceIdentifier, LICENCE_ID_PREFIX, type LicenceIdentifierParts } from './identifier'
export {
  generateKeyPair, signBytes, verifyBytes, publicJwk, ed25519Multikey, publicKeyOf, sm2ZA, sm2Digest, SM2_DEFAULT_USER_ID,
  type SigningAlgorithm, type KeyPair,
} from './signing'
export { encodeCompactPayload, decodeCompactPayload, verifyCompactPayload, payloadFrom, COMPACT_PREFIX, COMPACT_MAX_LENGTH, type CompactClaims } from './compact-payload'
export { addDataIntegrityProof, verifyDataIntegrityProof, licenceCredential, VC_V2_CONTEXT, LICENCE_CONTEXT, type LicenceCredentialInput } from './verifiable-credential'
export { b64uEncode, b64uDecode, base58btcEncode, base58btcDecode } from './encoding'
