/**
 * The verification QR code as vector rectangles (sharp at any zoom or print resolution), error correction M, with
 * the 4-module quiet zone the QR standard requires painted white so a border or watermark never touches it.
 */
import QRCode from 'qrcode'
import type PDFDocument from 'pdfkit'

type Doc = InstanceType<typeof PDFDocument>

export const QUIET_ZONE = 4

/** Draws `text` as a QR code filling the square (x, y, size) including its quiet zone. */
export function drawQr(doc: Doc, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' })
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
