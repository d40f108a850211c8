import type { Executor } from '../../platform/database'
import type { Secrets } from '../../platform/secrets'
import { NotFoundError } from '../../platform/errors'
import { addDataIntegrityProof, licenceCredential } from './crypto'
import { maskedHolderCode, parseSignedText, type LicenceDocument } from './licence-document'
import type { LicenceRow } from './licence-lifecycle'
import { renderLicencePdf, type LicencePdfInput } from './pdf'

/**
 * What a licence becomes outside the platform (issue 5 Deliver 4–5): the PDF face (with the QR: verification URL
 * + compact signed payload) and the W3C VC 2.0 with a Data Integrity proof. Both are derived from the signed
 * JSON — never from columns that are not signed.
 */
export const verificationUrl = (publicUrl: string, compactPayload: string) => `${publicUrl}/licences/verify?p=${compactPayload}`
export const keyUrl = (publicUrl: string, kid: string) => `${publicUrl}/licences/keys/${kid}`
export const statusListUrl = (publicUrl: string, purpose: 'revocation' | 'suspension') => `${publicUrl}/licences/status/${purpose}`

function docOf(row: Pick<LicenceRow, 'signed_json'>): LicenceDocument {
  const doc = parseSignedText(row.signed_json)
  if (!doc) throw new NotFoundError('该证照的存档内容无法读取，请联系发证机关。 The stored licence cannot be read.', 'licence_unreadable')
  return doc
}

const pdfStatus = (s: LicenceRow['status']): LicencePdfInput['status'] => (s === 'superseded' ? 'expired' : s)

/** The PDF of a licence; `annotation` makes it a 加注件 (watermarked copy for one use). */
export async function licencePdf(db: Executor, row: LicenceRow, opts: { publicUrl: string; annotation?: string | null }): Promise<Buffer> {
  const doc = docOf(row)
  const type = await db.selectFrom('licence_types').select(['name_en', 'template']).where('code', '=', row.type_code).executeTakeFirst()
  return renderLicencePdf({
    typeName: doc.typeName,
    ...(type?.name_en ? { typeNameEn: type.name_en } : {}),
    number: doc.number,
    identifier: doc.identifier,
    holderName: doc.holder.name,
    holderCode: maskedHolderCode(doc.holder),
    holderCodeLabel: doc.holder.kind === 'person' ? '公民身份号码' : '统一社会信用代码',
    fields: doc.fields.map((f) => ({ label: f.label, value: f.value })),
    issuerName: doc.issuer.name,
    issuedOn: doc.issuedOn,
    validFrom: doc.validFrom,
    validUntil: doc.validUntil,
    version: doc.version,
    template: type?.template ?? 'certificate',
    seal: { organisation: doc.issuer.name, code: doc.issuer.uscc.slice(2, 8) + doc.issuer.uscc.slice(-5) },
    qr: verificationUrl(opts.publicUrl, row.compact_payload),
    annotation: opts.annotation ? { text: opts.annotation } : null,
    status: pdfStatus(row.status),
  })
}

/** The VC 2.0 of a licence, proved with the issuing department's key (eddsa-jcs-2022, or sm2-jcs-2024 for SM2). */
export async function licenceVc(db: Executor, secrets: Secrets, row: LicenceRow, opts: { publicUrl: string }): Promise<Record<string, unknown>> {
  const doc = docOf(row)
  const key = await db.selectFrom('licence_keys').select(['algorithm', 'private_key_sealed']).where('kid', '=', row.kid).executeTakeFirstOrThrow()
  const vc = licenceCredential({
    id: doc.identifier,
    url: `${opts.publicUrl}/licences/${row.id}`,
    typeName: doc.typeName,
    typeCode: doc.typeCode,
    number: doc.number,
    holder: { name: doc.holder.name, idType: doc.holder.idType, id: doc.holder.code },
    issuer: { id: `${opts.publicUrl}/licences/issuers/${doc.issuer.uscc}`, name: doc.issuer.name, uscc: doc.issuer.uscc },
    validFrom: `${doc.validFrom}T00:00:00+08:00`,
    ...(doc.validUntil ? { validUntil: `${doc.validUntil}T23:59:59+08:00` } : {}),
    face: Object.fromEntries(doc.fields.map((f) => [f.label, f.value])),
    statusListUrl: statusListUrl(opts.publicUrl, 'revocation'),
    statusIndex: row.status_index,
  })
  return addDataIntegrityProof(vc, { algorithm: key.algorithm, privateKey: secrets.open(key.private_key_sealed), verificationMethod: keyUrl(opts.publicUrl, row.kid), created: row.created_at.toISOString().replace(/\.\d{3}Z$/, 'Z') })
}
