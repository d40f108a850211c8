/** The page of a licence face: A4 geometry, colours, font names, and one line of text fitted to a width. */
import type PDFDocument from 'pdfkit'

export const A4 = { w: 595.28, h: 841.89 }
export const FOOTER_TOP = A4.h - 80
export const BLOCK_TOP = FOOTER_TOP - 150

/** Where things are on the page, in PDF points from the top-left (for tests that look at rendered pixels). */
export const FACE_GEOMETRY = {
  page: A4,
  seal: { cx: A4.w - 170, cy: BLOCK_TOP + 70, r: 60 },
  qr: { x: 66, y: BLOCK_TOP, size: 124 },
} as const
export const INK = '#1a1a1a'
export const MUTED = '#5b5b5b'
export const LABEL = '#333333'
export const BRONZE = '#8b6a2e'
export const WATERMARK = '#2f5fc4'
export const R = 'yw-regular'
export const B = 'yw-bold'

export type Doc = InstanceType<typeof PDFDocument>

export type LineOptions = { x: number; mid: number; width: number; align: 'left' | 'center' | 'right'; font: string; size: number; min?: number; color: string; spacing?: number }

/**
 * One line of text whose CJK glyphs are vertically centred on `mid`: the largest size ≤ `size` (≥ `min`, default
 * 60 %) at which it fits `width`, truncated with "…" if it still does not. Returns the size used.
 */
export function oneLine(doc: Doc, text: string, o: LineOptions): number {
  const spacing = o.spacing ?? 0
  doc.font(o.font).fillColor(o.color)
  const size = fitSize(doc, text, o.width - 1, o.size, o.min ?? o.size * 0.6, spacing)
  let t = text
  if (doc.widthOfString(t, { characterSpacing: spacing }) > o.width - 1) {
    const cps = Array.from(text)
    let n = cps.length
    while (n > 0 && doc.widthOfString(cps.slice(0, n).join('') + '…', { characterSpacing: spacing }) > o.width - 1) n--
    t = cps.slice(0, n).join('') + '…'
  }
  // pdfkit counts the spacing after the last character too; shift by half of it so centred text is centred.
  const x = o.align === 'center' ? o.x + spacing / 2 : o.x
  doc.text(t, x, o.mid + size * 0.38, { width: o.width, align: o.align, lineBreak: false, characterSpacing: spacing, baseline: 'alphabetic', height: size * 3 })
  return size
}

/** Sets the largest font size ≤ max (≥ min) at which `text` fits in `width` on one line; returns it. */
function fitSize(doc: Doc, text: string, width: number, max: number, min: number, spacing = 0): number {
  let size = max
  for (; size > min; size -= 0.5) {
    doc.fontSize(size)
    if (doc.widthOfString(text, { characterSpacing: spacing }) <= width) return size
  }
  doc.fontSize(min)
  return min
}
