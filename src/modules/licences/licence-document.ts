import { createHash } from 'node:crypto'
import { canonicalJson } from '../../platform/canonical-json'
import { ValidationError } from '../../platform/errors'
import { maskIdNumber } from '../../platform/privacy'
import { encodeCompactPayload, signBytes, verifyBytes, type CompactClaims, type SigningAlgorithm } from './crypto'

/**
 * The signed licence (issue 5, Deliver 2–3): the 36903-style metadata (standards.md §C.3) as one JSON object whose
 * canonical form (RFC 8785) is signed by the issuing department. Everything a stranger needs to check it is
 * inside: the issuer, the key id and algorithm; the key itself is published at /.well-known/yiwang-licence-keys.json.
 */
export type LicenceDocument = {
  schema: 'yiwang.licence/1'
  identifier: string            // 电子证照标识 (GB/T 36904)
  typeCode: string              // 证照类型代码
  typeName: string              // 证照类型名称
  number: string                // 证照编号
  serial: string                // 流水号
  version: number               // 证照版本号
  holder: { kind: 'person' | 'enterprise'; name: string; idType: string; code: string }  // 持证主体 + 代码类型 + 代码
  fields: { key: string; label: string; value: string }[]  // 扩展业务信息 (the face)
  issuer: { name: string; uscc: string }                   // 证照颁发机构 + 代码
  definer: { name: string; uscc: string }                  // 证照定义机构 + 代码
  issuedOn: string              // 证照颁发日期
  validFrom: string             // 有效期起始
  validUntil: string | null     // 有效期截止 (null = 长期)
  trustLevel: 'A' | 'B' | 'C' | 'D'
  item: { code: string; name: string } | null              // 关联事项
  caseRef: string | null        // 签发证照对应办件的业务流水号
  predecessor: string | null    // 关联证照标识 (renewal / change)
  kid: string
  alg: SigningAlgorithm
}

/** GA/T 2000.156 证件类型: 111 居民身份证; 001 统一社会信用代码 (project code for legal persons). */
export const HOLDER_ID_TYPES = { person: '111', enterprise: '001' } as const

/** RFC 8785 with I-JSON strictness: a lone surrogate (not a character) in any value refuses the licence clearly. */
export function signedText(doc: LicenceDocument): string {
  try {
    return canonicalJson(doc, { iJson: true })
  } catch {
    throw new ValidationError('证照内容含有无法识别的字符，请核对申请表中的文字后再出具结果。 The licence text contains an invalid character.', [], 'licence_text_invalid')
  }
}

/** Signs the document and the QR's compact claims with the same key (the claims carry the document's digest). */
export function signDocument(doc: LicenceDocument, key: { kid: string; algorithm: SigningAlgorithm; privateKey: string }): { text: string; signature: string; compact: string } {
  const text = signedText(doc)
  return { text, signature: signBytes(doc.alg, key.privateKey, Buffer.from(text, 'utf8')), compact: encodeCompactPayload(compactClaimsOf(doc, text), key) }
}

/** True only when `text` is exactly what `signature` covers under that key. Never throws. */
export function documentSignatureValid(text: string, signature: string, key: { algorithm: SigningAlgorithm; publicKey: string }): boolean {
  try {
    return verifyBytes(key.algorithm, key.publicKey, Buffer.from(text, 'utf8'), signature)
  } catch {
    return false
  }
}

/** Parse a signed text back; null unless it is canonical (so re-serialised or padded copies do not count). */
export function parseSignedText(text: string): LicenceDocument | null {
  try {
    const doc = JSON.parse(text) as LicenceDocument
    if (!doc || typeof doc !== 'object' || doc.schema !== 'yiwang.licence/1') return null
    return canonicalJson(doc) === text ? doc : null
  } catch {
    return null
  }
}

export const documentDigest = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64url')

export function maskedHolderCode(holder: LicenceDocument['holder']): string {
  return holder.kind === 'person' ? maskIdNumber(holder.code) : holder.code
}

/** The short claims carried in the QR code for offline checks (the full document's digest binds them). */
export function compactClaimsOf(doc: LicenceDocument, text: string): CompactClaims {
  return {
    id: doc.identifier, no: doc.number, t: doc.typeCode, h: doc.holder.name, hid: maskedHolderCode(doc.holder), iss: doc.issuer.uscc,
    nb: doc.validFrom, ...(doc.validUntil ? { na: doc.validUntil } : {}), v: doc.version, d: documentDigest(text),
  }
}
