/**
 * The PDF face of an e-licence (issue 5, Deliver 4): a pure renderer — licence data in, one A4 page out.
 *
 * - Chinese text everywhere in Noto Sans SC, embedded as a subset with a ToUnicode map (pdftotext reads it back).
 * - Two layouts: `certificate` (许可证/营业执照: double border, big title, label/value face) and `permit`
 *   (批准书/决定书: red issuer header, title, body).
 * - The e-seal is drawn as vectors over the issuer/date block; the QR code (verification URL + compact signed
 *   payload) is vector rectangles with its quiet zone, captioned "扫码核验 Scan to verify".
 * - 加注件: a light, semi-transparent diagonal watermark repeated across the page plus a footer line.
 * - A status other than valid puts a large red stamp-like band across the face (已撤销 REVOKED …).
 * - Never more than one page: field text shrinks to a floor size, then each field is capped to the same number of
 *   lines (ending in "…"), then trailing fields are summarised in one line.
 * - Deterministic: the same input gives the same bytes (document dates come from `issuedOn`; pdfkit derives the
 *   file ID from the info dictionary). The PDF is derived, not signed; the signature lives in the licence JSON.
 *
 * This file lays out the two templates; layout.ts holds the page geometry and one fitted line of text, rows.ts the
 * field rows, overlays.ts the watermark and status band, text.ts the input's dates, labels and font coverage.
 */
import type PDFKit from 'pdfkit'
import { ValidationError } from '../../../platform/errors'
import { fonts } from './fonts'
import { A4, B, BLOCK_TOP, BRONZE, FACE_GEOMETRY, FOOTER_TOP, INK, MUTED, oneLine, R, WATERMARK, type Doc } from './layout'
import { drawStatusBand, drawWatermark } from './overlays'
import { drawQr } from './qr'
import { drawRows, type Row } from './rows'
import { drawSeal, SEAL_RED } from './seal'
import { chineseDate, codeLabel, printable, sanitize, textsOf } from './text'

export { FACE_GEOMETRY } from './layout'

export type LicencePdfInput = {
  typeName: string // 食品经营许可证 (big title)
  typeNameEn?: string // Food Business Licence (small, under the title)
  number: string // 证照编号
  identifier: string // 电子证照标识 1.2.156.3005.2.…
  holderName: string // 持证主体
  holderCode: string // masked or full code as the caller decides
  /** Label printed before holderCode; default: 公民身份号码 when it looks like an ID number (or is masked), else 统一社会信用代码. */
  holderCodeLabel?: string
  fields: { label: string; value: string }[] // face fields in layout order
  issuerName: string // 发证机关
  issuedOn: string // YYYY-MM-DD
  validFrom: string // YYYY-MM-DD
  validUntil?: string | null // YYYY-MM-DD, or null → 长期
  version: number // 证照版本号
  template: 'certificate' | 'permit'
  seal: { organisation: string; code?: string }
  qr: string // text to encode
  annotation?: { text: string } | null // 加注件 watermark text
  status?: 'valid' | 'revoked' | 'suspended' | 'expired'
}

export const STATUS_BANDS: Record<'revoked' | 'suspended' | 'expired', { zh: string; en: string; note: string }> = {
  revoked: { zh: '已撤销', en: 'REVOKED', note: '本证照已被撤销，不再有效 · This licence has been revoked and is no longer valid' },
  suspended: { zh: '已暂扣', en: 'SUSPENDED', note: '本证照已被暂扣，暂停使用 · This licence is suspended and may not be used' },
  expired: { zh: '已过期', en: 'EXPIRED', note: '本证照已超过有效期 · This licence has expired' },
}

/** Characters of the input the embedded font cannot draw (e.g. 𠮷 in CJK Extension B); they print as 〓. */
export function unsupportedCharacters(input: LicencePdfInput): string[] {
  const { covers } = fonts()
  const seen = new Set<string>()
  for (const s of textsOf(input)) for (const ch of s) if (!printable(ch, covers)) seen.add(ch)
  return [...seen]
}

export async function renderLicencePdf(input: LicencePdfInput): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit') // loaded on first use: most processes never draw a PDF
  const doc = render(PDFDocument, input)
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  doc.end()
  return done
}


function render(PDFDocument: typeof PDFKit, input: LicencePdfInput): Doc {
  const issuedOn = chineseDate(input.issuedOn, 'issuedOn')
  const validFrom = chineseDate(input.validFrom, 'validFrom')
  const validUntil = input.validUntil == null ? '长期' : chineseDate(input.validUntil, 'validUntil')
  if (!Number.isInteger(input.version) || input.version < 1) {
    throw new ValidationError('证照版本号必须是正整数，请检查证照数据。 The licence version must be a positive integer; check the licence data.', [{ field: 'version', message: 'positive integer' }])
  }
  if (input.template !== 'certificate' && input.template !== 'permit') {
    throw new ValidationError('未知的证照版式，请使用 certificate 或 permit。 Unknown layout; use certificate or permit.', [{ field: 'template', message: 'certificate | permit' }])
  }
  const f = fonts()
  const clean = (s: string) => sanitize(s, f.covers)
  const date = new Date(`${input.issuedOn}T00:00:00+08:00`)
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: true,
    compress: true,
    pdfVersion: '1.7',
    info: {
      Title: `${input.typeName} ${input.number}`,
      Subject: input.identifier,
      // The QR text again, as text: `yiwang licence verify FILE.pdf` reads the signed payload from here offline.
      Keywords: input.qr,
      Author: input.issuerName,
      Creator: 'Yiwang 一网通办',
      Producer: 'Yiwang 一网通办 (PDFKit)',
      CreationDate: date,
      ModDate: date,
    },
    lang: 'zh-CN',
    displayTitle: true,
  })
  // pdfkit takes an already parsed fontkit font (anything with `layout`); its types only list files and bytes.
  doc.registerFont(R, f.regular as unknown as Buffer)
  doc.registerFont(B, f.bold as unknown as Buffer)

  // Holder, code and validity are pinned: they are never dropped for space (fields may be).
  const colon = input.template === 'permit' ? '：' : ''
  const rows: Row[] = [
    { label: '持证主体', value: clean(input.holderName), pinned: true },
    { label: input.holderCodeLabel ? clean(input.holderCodeLabel) : codeLabel(input.holderCode), value: clean(input.holderCode), pinned: true },
    ...input.fields.map((x) => ({ label: clean(x.label), value: clean(x.value) })),
    { label: '有效期限', value: `${validFrom} 至 ${validUntil}`, pinned: true },
  ].map((r) => ({ ...r, label: r.label + colon }))

  // Everything below the fields is laid out from the bottom up so the fields get what is left.
  const footerTop = FOOTER_TOP
  const blockTop = BLOCK_TOP

  const annotation = input.annotation?.text ? clean(input.annotation.text) : null
  // The watermark goes under the content: the face stays legible and the QR's white quiet zone covers it.
  if (annotation) drawWatermark(doc, annotation, f.regular)

  let fieldsTop: number
  if (input.template === 'certificate') {
    drawBorder(doc)
    oneLine(doc, `编号 No. ${clean(input.number)}`, { x: 60, mid: 48, width: A4.w - 120, align: 'right', font: R, size: 9, color: MUTED })
    const end = drawTitle(doc, clean(input.typeName), input.typeNameEn ? clean(input.typeNameEn) : null, 100, 32)
    doc.moveTo(90, end + 8).lineTo(A4.w - 90, end + 8).lineWidth(0.6).strokeColor(BRONZE).stroke()
    fieldsTop = end + 28
  } else {
    // 红头: the issuing organ's name in red over a double red rule.
    oneLine(doc, clean(input.issuerName), { x: 60, mid: 62, width: A4.w - 120, align: 'center', font: B, size: 24, color: SEAL_RED, spacing: 2 })
    doc.moveTo(60, 86).lineTo(A4.w - 60, 86).lineWidth(2).strokeColor(SEAL_RED).stroke()
    doc.moveTo(60, 90).lineTo(A4.w - 60, 90).lineWidth(0.6).strokeColor(SEAL_RED).stroke()
    const end = drawTitle(doc, clean(input.typeName), input.typeNameEn ? clean(input.typeNameEn) : null, 124, 24)
    oneLine(doc, `编号 No. ${clean(input.number)}`, { x: 60, mid: end + 10, width: A4.w - 120, align: 'center', font: R, size: 10, color: INK })
    fieldsTop = end + 36
  }
  drawRows(doc, rows, { x: 78, y: fieldsTop, w: A4.w - 156, h: blockTop - 14 - fieldsTop })

  // Bottom block: QR on the left, issuer + date on the right under the seal.
  const { x: qrX, size: qrSize } = FACE_GEOMETRY.qr
  drawQr(doc, input.qr, qrX, blockTop, qrSize)
  oneLine(doc, '扫码核验 Scan to verify', { x: qrX - 10, mid: blockTop + qrSize + 7, width: qrSize + 20, align: 'center', font: R, size: 8, color: INK })

  const { cx, cy, r } = FACE_GEOMETRY.seal
  oneLine(doc, '发证机关 Issuing authority', { x: cx - 110, mid: cy - 72, width: 220, align: 'center', font: R, size: 8, color: MUTED })
  oneLine(doc, clean(input.issuerName), { x: cx - 120, mid: cy - 2, width: 240, align: 'center', font: R, size: 13, color: INK })
  oneLine(doc, issuedOn, { x: cx - 110, mid: cy + 24, width: 220, align: 'center', font: R, size: 12, color: INK })
  drawSeal(doc, cx, cy, r, { organisation: clean(input.seal.organisation), code: input.seal.code ? clean(input.seal.code) : undefined }, f)

  // Footer: identifier and version; the 加注件 line; the status line (the band above is artwork, this is text).
  const idLine = `电子证照标识 Licence identifier：${clean(input.identifier)}    第${input.version}版 Version ${input.version}`
  let y = footerTop + 10
  oneLine(doc, idLine, { x: 50, mid: y, width: A4.w - 100, align: 'center', font: R, size: 7.5, color: MUTED })
  if (annotation) {
    y += 13
    oneLine(doc, `加注件 Annotated copy：${annotation}`, { x: 50, mid: y, width: A4.w - 100, align: 'center', font: R, size: 8.5, color: WATERMARK })
  }
  const status = input.status ?? 'valid'
  if (status !== 'valid') {
    const band = STATUS_BANDS[status]
    y += 13
    oneLine(doc, `证照状态 Status：${band.zh} ${band.en} · ${band.note}`, { x: 50, mid: y, width: A4.w - 100, align: 'center', font: R, size: 8.5, color: SEAL_RED })
    drawStatusBand(doc, band, f)
  }
  return doc
}

function drawBorder(doc: Doc): void {
  doc.save().strokeColor(BRONZE)
  doc.lineWidth(2.6).rect(20, 20, A4.w - 40, A4.h - 40).stroke()
  doc.lineWidth(0.8).rect(27, 27, A4.w - 54, A4.h - 54).stroke()
  // Corner brackets inside the inner frame.
  const c = 18
  const i = 33
  for (const [x, y, dx, dy] of [
    [i, i, 1, 1],
    [A4.w - i, i, -1, 1],
    [i, A4.h - i, 1, -1],
    [A4.w - i, A4.h - i, -1, -1],
  ] as const) {
    doc.moveTo(x + dx * c, y).lineTo(x, y).lineTo(x, y + dy * c).lineWidth(1.4).stroke()
  }
  doc.restore()
}

/** Title centred on `mid`, shrunk to fit; returns the y below the title block. */
function drawTitle(doc: Doc, title: string, en: string | null, mid: number, maxSize: number): number {
  const width = A4.w - 150
  const spacing = Array.from(title).length <= 10 ? maxSize * 0.22 : 0
  const size = oneLine(doc, title, { x: 75, mid, width, align: 'center', font: B, size: maxSize, min: 14, color: INK, spacing })
  let end = mid + size * 0.6
  if (en) {
    const s = oneLine(doc, en, { x: 75, mid: end + 12, width, align: 'center', font: R, size: 11, min: 6, color: MUTED, spacing: 0.6 })
    end += 12 + s * 0.8
  }
  return end
}
