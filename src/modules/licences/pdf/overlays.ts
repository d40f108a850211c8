/** What is drawn over or under the face as outlines: the 加注件 watermark and the status band. */
import type { FontSet, OutlineFont } from './fonts'
import { drawOutlinedCentred, glyphOps, outlinedWidth } from './outline'
import { SEAL_RED } from './seal'
import { A4, WATERMARK, type Doc } from './layout'

const WATERMARK_XOBJECT = 'YwWatermark'

/**
 * 加注件 watermark: the text repeated diagonally across the page in light translucent blue, drawn as glyph
 * OUTLINES rather than text — visible on screen and paper, but not part of the text layer, so copying or
 * extracting the face (pdftotext, screen readers) is not interleaved with rotated fragments. The same words are
 * in the footer as real text.
 */
export function drawWatermark(doc: Doc, text: string, font: OutlineFont): void {
  const size = 15
  const { ops, advance } = glyphOps(font, text)
  // The outlines are written ONCE, as a form XObject, and placed many times (`Do`); fill colour and opacity come
  // from the graphics state where it is placed.
  const form = doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [-100, -400, advance + 100, 1300], Resources: {} })
  form.end(`${ops}\nf`)
  doc.page.xobjects[WATERMARK_XOBJECT] = form
  const k = size / font.unitsPerEm
  const stepX = advance * k + 70
  doc.save()
  doc.rotate(-30, { origin: [A4.w / 2, A4.h / 2] })
  doc.fillColor(WATERMARK).fillOpacity(0.17)
  let row = 0
  for (let y = -A4.h * 0.35; y < A4.h * 1.35; y += 105, row++) {
    const offset = (row % 2) * (stepX / 2)
    for (let x = -A4.w * 0.6 - offset; x < A4.w * 1.6; x += stepX) {
      doc.save()
      doc.transform(k, 0, 0, -k, x, y + size) // font units, y up, baseline at y + size
      doc.addContent(`/${WATERMARK_XOBJECT} Do`)
      doc.restore()
    }
  }
  doc.restore()
}

/** A large red stamp-like band across the face, as outlines (the same words are in the footer as text). */
export function drawStatusBand(doc: Doc, band: { zh: string; en: string; note: string }, f: FontSet): void {
  const cx = A4.w / 2
  const cy = A4.h * 0.42
  const w = 380
  const h = 150
  const inner = w - 40
  const fit = (font: OutlineFont, text: string, size: number, spacing: number) => {
    const width = outlinedWidth(font, text, { size, spacing })
    return width <= inner ? size : (size * inner) / width
  }
  doc.save()
  doc.rotate(-14, { origin: [cx, cy] })
  doc.fillColor('#ffffff').fillOpacity(0.5).rect(cx - w / 2, cy - h / 2, w, h).fill()
  doc.strokeColor(SEAL_RED).strokeOpacity(0.85).fillColor(SEAL_RED).fillOpacity(0.85)
  doc.lineWidth(4).rect(cx - w / 2, cy - h / 2, w, h).stroke()
  doc.lineWidth(1.2).rect(cx - w / 2 + 7, cy - h / 2 + 7, w - 14, h - 14).stroke()
  drawOutlinedCentred(doc, f.bold, band.zh, cx, cy - 28, { size: fit(f.bold, band.zh, 50, 12), spacing: 12 })
  drawOutlinedCentred(doc, f.bold, band.en, cx, cy + 22, { size: fit(f.bold, band.en, 26, 4), spacing: 4 })
  drawOutlinedCentred(doc, f.regular, band.note, cx, cy + 54, { size: fit(f.regular, band.note, 8, 0) })
  doc.restore()
}
