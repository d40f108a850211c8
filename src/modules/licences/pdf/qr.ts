/**
 * The verification QR code as vector rectangles (sharp at any zoom or print resolution), error correction M, with
 * the 4-module quiet zone the QR standard requires painted white so a border or watermark never touches it.
 */
import QRCode from 'qrcode'
import { ValidationError } from '../../../platform/errors'
import type PDFDocument from 'pdfkit'

type Doc = InstanceType<typeof PDFDocument>

export const QUIET_ZONE = 4

/** The QR matrix for `text`; empty or too long (over version 40-M's 2,331 bytes) → ValidationError. */
export function qrFor(text: string): QRCode.QRCode {
  try {
    if (!text) throw new Error('empty')
    return QRCode.create(text, { errorCorrectionLevel: 'M' })
  } catch {
    throw new ValidationError(
      '二维码内容为空或过长（最多约 2,300 字节），请缩短核验链接或载荷。 The QR text is empty or too long (at most about 2,300 bytes); shorten the verification URL or payload.',
      [{ field: 'qr', message: 'non-empty, at most ~2,300 bytes' }],
    )
  }
}

/** Draws `text` as a QR code filling the square (x, y, size) including its quiet zone. */
export function drawQr(doc: Doc, text: string, x: number, y: number, size: number): void {
  const qr = qrFor(text)
  const n = qr.modules.size
  const m = size / (n + 2 * QUIET_ZONE)
  const ox = x + QUIET_ZONE * m
  const oy = y + QUIET_ZONE * m
  doc.save()
  doc.fillOpacity(1).fillColor('#ffffff').rect(x, y, size, size).fill()
  // One path: each run of dark modules in a row becomes one rectangle (fewer operators, no hairline seams).
  for (let row = 0; row < n; row++) {
    let col = 0
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++
        continue
      }
      const start = col
      while (col < n && qr.modules.get(row, col)) col++
      doc.rect(ox + start * m, oy + row * m, (col - start) * m, m)
    }
  }
  doc.fillColor('#000000').fill()
  doc.restore()
}
