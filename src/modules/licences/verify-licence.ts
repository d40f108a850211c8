import type { Executor } from '../../platform/database'
import { UUID_RE } from '../../platform/ids'
import type { LicenceStatus } from '../../platform/schema-licences'
import { decodeCompactPayload, payloadFrom, verifyBytes, type CompactClaims, type SigningAlgorithm } from './crypto'
import { keyByKid } from './licence-keys'
import { documentDigest, documentSignatureValid, maskedHolderCode, parseSignedText, type LicenceDocument } from './licence-document'
import { LICENCE_STATUS } from './licence-lifecycle'

/**
 * Verification for anyone (issue 5 Deliver 6). The answer is one of:
 *  valid · suspended · revoked · expired · superseded — the licence is genuine and this is its status now;
 *  tampered — something presented (a QR payload, a signed JSON, the stored record itself) does not match its
 *             signature, or the payload's digest does not match the licence on record;
 *  invalid  — not a licence payload at all (malformed, truncated, unknown key);
 *  unknown  — well-formed but no such licence here.
 * Never "valid" unless the signature checks AND the record says so; never a 500 for bad input.
 */
export type VerificationStatus = LicenceStatus | 'tampered' | 'invalid' | 'unknown'
export type VerifiedLicence = {
  id: string
  identifier: string
  typeName: string
  number: string
  version: number
  holderName: string
  holderCode: string
  issuer: { name: string; uscc: string }
  issuedOn: string
  validFrom: string
  validUntil: string | null
  trustLevel: string
  statusReason: string | null
  successor: string | null
}
export type Verification = { status: VerificationStatus; statusCode: string | null; message: string; messageEn: string; licence: VerifiedLicence | null }

const MESSAGES: Record<VerificationStatus, [string, string]> = {
  valid: ['证照真实有效。', 'The licence is genuine and valid.'],
  suspended: ['证照真实，但目前已被暂扣，暂不能使用。', 'Genuine, but suspended: it cannot be used now.'],
  revoked: ['证照已被撤销，不能使用。', 'The licence has been revoked.'],
  expired: ['证照已过有效期。', 'The licence has expired.'],
  superseded: ['此为旧版本，证照已延续或变更为新版本，请以新版本为准。', 'An older version; a newer version replaces it.'],
  tampered: ['证照内容与签名不符，可能已被篡改，请勿采信。', 'The content does not match its signature: it may have been altered. Do not rely on it.'],
  invalid: ['这不是有效的电子证照核验码，或内容不完整。请重新扫码或向持证人索取证照。', 'Not a valid licence code (malformed or incomplete). Scan again or ask the holder.'],
  unknown: ['本平台没有这份证照的记录。请核对证照标识，或向发证机关核实。', 'No such licence on record here. Check the identifier or ask the issuer.'],
}

export function verdict(status: VerificationStatus, licence: VerifiedLicence | null = null): Verification {
  const [message, messageEn] = MESSAGES[status]
  const statusCode = status in LICENCE_STATUS ? LICENCE_STATUS[status as LicenceStatus].code : null
  return { status, statusCode, message, messageEn, licence }
}

type Row = { id: string; identifier: string; number: string; version: number; status: LicenceStatus; status_reason: string | null; valid_from: string; valid_until: string | null; signed_json: string; signature: string; kid: string; trust_level: string }

async function loadRow(db: Executor, idOrIdentifier: string): Promise<Row | undefined> {
  const q = db.selectFrom('licences').select(['id', 'identifier', 'number', 'version', 'status', 'status_reason', 'valid_from', 'valid_until', 'signed_json', 'signature', 'kid', 'trust_level'])
  if (UUID_RE.test(idOrIdentifier)) return q.where('id', '=', idOrIdentifier).executeTakeFirst()
  if (idOrIdentifier.length > 120 || !idOrIdentifier.startsWith('1.2.156.3005.2.')) return undefined
  return q.where('identifier', '=', idOrIdentifier).executeTakeFirst()
}

// A stored record's signature is checked once per (text, signature): the row can only change through a new
// signature, and a changed byte changes the cache key, so tampering with the table is still caught.
const checked = new Map<string, boolean>()
async function storedSignatureValid(db: Executor, row: Row): Promise<{ ok: boolean; doc: LicenceDocument | null }> {
  const doc = parseSignedText(row.signed_json)
  // The columns the answer relies on must be the signed ones: an edited validity date is tampering too.
  if (!doc || doc.identifier !== row.identifier || doc.kid !== row.kid || doc.number !== row.number || doc.version !== row.version || doc.validFrom !== row.valid_from || doc.validUntil !== row.valid_until || doc.trustLevel !== row.trust_level) return { ok: false, doc }
  const cacheKey = `${row.kid}|${row.signature}|${documentDigest(row.signed_json)}`
  let ok = checked.get(cacheKey)
  if (ok === undefined) {
    const key = await keyByKid(db, row.kid)
    ok = !!key && key.algorithm === doc.alg && documentSignatureValid(row.signed_json, row.signature, key)
    if (checked.size > 50_000) checked.clear()
    checked.set(cacheKey, ok)
  }
  return { ok, doc }
}

async function successorOf(db: Executor, row: Row): Promise<string | null> {
  if (row.status !== 'superseded') return null
  const s = await db.selectFrom('licences').select('identifier').where('predecessor_id', '=', row.id).executeTakeFirst()
  return s?.identifier ?? null
}

/** The status a record shows today (the expiry job may not have run yet: a lapsed date is already "expired"). */
const statusToday = (row: Row, today: string): LicenceStatus => (row.status === 'valid' && row.valid_until !== null && row.valid_until < today ? 'expired' : row.status)

async function answer(db: Executor, row: Row, today: string): Promise<Verification> {
  const { ok, doc } = await storedSignatureValid(db, row)
  if (!ok || !doc) return verdict('tampered')
  const status = statusToday(row, today)
  return verdict(status, {
    id: row.id, identifier: row.identifier, typeName: doc.typeName, number: doc.number, version: doc.version, holderName: doc.holder.name,
    holderCode: maskedHolderCode(doc.holder), issuer: doc.issuer, issuedOn: doc.issuedOn, validFrom: doc.validFrom, validUntil: doc.validUntil,
    trustLevel: row.trust_level, statusReason: status === 'expired' ? null : row.status_reason, successor: await successorOf(db, row),
  })
}

/** By the licence's id (uuid) or its 电子证照标识: what the public page and GET …/verification answer. */
export async function verifyLicenceById(db: Executor, idOrIdentifier: string, today: string): Promise<Verification> {
  const row = await loadRow(db, idOrIdentifier.trim())
  return row ? answer(db, row, today) : verdict('unknown')
}

/** A QR payload (or the verification URL that carries it): signature under the named key, then the record. */
export async function verifyCompact(db: Executor, input: string, today: string): Promise<Verification> {
  const text = payloadFrom(input)
  const decoded = text ? decodeCompactPayload(text) : null
  if (!decoded) return verdict('invalid')
  const key = await keyByKid(db, decoded.kid)
  if (!key) return verdict('invalid')
  if (!verifyBytes(key.algorithm, key.publicKey, decoded.signingInput, decoded.signature)) return verdict('tampered')
  const row = await loadRow(db, decoded.claims.id)
  if (!row) return verdict('unknown')
  // The payload must be this licence's: same issuer key department, same digest of the signed document.
  if (row.kid !== decoded.kid || documentDigest(row.signed_json) !== decoded.claims.d || !claimsMatch(decoded.claims, row)) return verdict('tampered')
  return answer(db, row, today)
}

const claimsMatch = (c: CompactClaims, row: Row) => c.id === row.identifier && c.no === row.number && c.v === row.version

/** A signed licence JSON as exported (the text exactly as signed + its signature). */
export async function verifySignedJson(db: Executor, signedJson: string, signature: string, today: string): Promise<Verification> {
  if (signedJson.length > 200_000 || signature.length > 200) return verdict('invalid')
  const doc = parseSignedText(signedJson)
  if (!doc || typeof doc.kid !== 'string') return verdict(looksLikeLicence(signedJson) ? 'tampered' : 'invalid')
  const key = await keyByKid(db, doc.kid)
  if (!key) return verdict('invalid')
  if (key.algorithm !== doc.alg || !documentSignatureValid(signedJson, signature, key)) return verdict('tampered')
  const row = await loadRow(db, doc.identifier)
  if (!row) return verdict('unknown')
  if (row.signed_json !== signedJson) return verdict('tampered')
  return answer(db, row, today)
}

const looksLikeLicence = (text: string) => text.includes('"yiwang.licence/1"')

export { payloadFrom }
export type { SigningAlgorithm }
