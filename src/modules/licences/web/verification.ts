import type { Executor } from '../../../platform/database'
import { UUID_RE } from '../../../platform/ids'
import { ed25519Multikey, publicJwk, verifyDataIntegrityProof } from '../crypto'
import { keyByKid, publishedKeys } from '../licence-keys'
import { keyUrl } from '../licence-exports'
import { verdict, verifyCompact, verifyLicenceById, verifySignedJson, type Verification } from '../verify-licence'

/**
 * The public side of verification (issue 5 Deliver 3, 6, 7) that sits on top of the core: what the API and the
 * page accept (a payload or URL, an id or 电子证照标识, a signed JSON, a VC), the published key documents, and the
 * W3C Bitstring Status List credentials. Every function answers a Verification for bad input — never throws on it.
 */

/** 苏州市政务服务管理办公室 — the platform operator: it signs the status lists. */
export const OPERATOR_USCC = '11320500MB1970580F'
export const issuerUrl = (publicUrl: string, uscc: string) => `${publicUrl}/licences/issuers/${uscc}`

const IDENTIFIER_RE = /^1\.2\.156\.3005\.2\.[0-9A-Za-z.]{10,100}$/

/** What a person typed into the form: a payload / verification URL, or an id / identifier. */
export async function verifyInput(db: Executor, input: string, today: string): Promise<Verification> {
  const s = input.trim()
  if (!s || s.length > 4000) return verdict('invalid')
  if (UUID_RE.test(s) || IDENTIFIER_RE.test(s)) return verifyLicenceById(db, s, today)
  return verifyCompact(db, s, today)
}

/**
 * A licence VC (as licenceVc exports it): the Data Integrity proof with the key its verificationMethod names (it
 * must be one of OUR key URLs), then the licence's status by its identifier. A valid proof whose key belongs to
 * another department than the licence's issuer, or whose number differs from the record, is tampering.
 */
export async function verifyCredential(db: Executor, publicUrl: string, vc: unknown, today: string): Promise<Verification> {
  if (vc === null || typeof vc !== 'object' || Array.isArray(vc)) return verdict('invalid')
  const doc = vc as Record<string, unknown>
  const proof = doc.proof as Record<string, unknown> | undefined
  if (!proof || typeof proof !== 'object' || typeof proof.verificationMethod !== 'string') return verdict('invalid')
  const vm = proof.verificationMethod
  const prefix = `${publicUrl}/licences/keys/`
  if (!vm.startsWith(prefix)) return verdict('invalid')
  const key = await keyByKid(db, vm.slice(prefix.length))
  if (!key) return verdict('invalid')
  if (!verifyDataIntegrityProof(doc, (m) => (m === vm ? key : undefined))) return verdict('tampered')
  const licence = (doc.credentialSubject as { licence?: { identifier?: unknown; number?: unknown } } | undefined)?.licence
  if (!licence || typeof licence.identifier !== 'string') return verdict('invalid') // ours, but not a licence credential
  const v = await verifyLicenceById(db, licence.identifier, today)
  if (!v.licence) return v
  const dept = await db.selectFrom('departments').select('code').where('id', '=', key.departmentId).executeTakeFirst()
  if (dept?.code !== v.licence.issuer.uscc || licence.number !== v.licence.number) return verdict('tampered')
  return v
}

export type VerificationRequest = { payload: string } | { signedJson: string; signature: string } | { credential: Record<string, unknown> }

/** POST /api/v1/licences/verification: exactly one of the three forms (the route has checked the shape). */
export async function verifyPresented(db: Executor, publicUrl: string, body: VerificationRequest, today: string): Promise<Verification> {
  if ('payload' in body) return verifyCompact(db, body.payload, today)
  if ('signedJson' in body) return verifySignedJson(db, body.signedJson, body.signature, today)
  return verifyCredential(db, publicUrl, body.credential, today)
}

/** GET /licences/keys/{kid}: the key as a verification method (Multikey for Ed25519, JsonWebKey for SM2). */
export async function verificationMethodDocument(db: Executor, publicUrl: string, kid: string): Promise<Record<string, unknown> | null> {
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(kid)) return null
  const key = await keyByKid(db, kid)
  if (!key) return null
  const dept = await db.selectFrom('departments').select(['code']).where('id', '=', key.departmentId).executeTakeFirst()
  const id = keyUrl(publicUrl, kid)
  const controller = issuerUrl(publicUrl, dept?.code ?? 'unknown')
  if (key.algorithm === 'Ed25519') return { '@context': 'https://w3id.org/security/multikey/v1', id, type: 'Multikey', controller, publicKeyMultibase: ed25519Multikey(key.publicKey) }
  const { kid: _kid, ...jwk } = publicJwk('SM2', key.publicKey, kid)
  return { '@context': 'https://w3id.org/security/jwk/v1', id, type: 'JsonWebKey', controller, publicKeyJwk: jwk }
}

/** GET /licences/issuers/{uscc}: the controller document of a department's keys (what `controller` points at). */
export async function issuerDocument(db: Executor, publicUrl: string, uscc: string): Promise<Record<string, unknown> | null> {
  if (!/^[0-9A-Z]{18}$/.test(uscc)) return null
  const keys = (await publishedKeys(db)).filter((k) => k.departmentCode === uscc)
  if (!keys.length) return null
  const urls = keys.map((k) => keyUrl(publicUrl, k.kid))
  return { '@context': 'https://www.w3.org/ns/cid/v1', id: issuerUrl(publicUrl, uscc), name: keys[0]!.departmentName, uscc, verificationMethod: urls, assertionMethod: urls }
}
