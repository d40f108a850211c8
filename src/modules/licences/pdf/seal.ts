/**
 * The e-seal (电子印章) drawn as vectors, the way a Chinese official seal looks: a red ring, the organisation's
 * name set clockwise along the upper arc with each character's top toward the rim, a five-pointed star in the
 * centre, and an optional code (印章编码) along the lower arc, read left to right with tops toward the centre.
 * It is generated from the name every time — there is no image file to swap. The lettering is drawn as glyph
 * outlines (outline.ts), so the seal is pure vector artwork and its rotated characters stay out of the text layer.
 */
import type PDFDocument from 'pdfkit'
import type { OutlineFont } from './fonts'
import { drawOutlinedCentred } from './outline'

type Doc = InstanceType<typeof PDFDocument>

export const SEAL_RED = '#d7261e'

const DEG = 180 / Math.PI

export function drawSeal(
  doc: Doc,
  cx: number,
  cy: number,
  r: number,
  seal: { organisation: string; code?: string | undefined },
  fonts: { bold: OutlineFont; regular: OutlineFont },
): void {
  doc.save()
  doc.fillColor(SEAL_RED).strokeColor(SEAL_RED).fillOpacity(0.86).strokeOpacity(0.86)

  const ring = r * 0.06
  doc.lineWidth(ring).circle(cx, cy, r - ring / 2).stroke()

  // Five-pointed star, one point straight up.
  const outer = r * 0.3
  const inner = outer * 0.382
  const pts: [number, number][] = []
  for (let i = 0; i < 10; i++) {
    const a = (i * Math.PI) / 5
    const rr = i % 2 === 0 ? outer : inner
    pts.push([cx + rr * Math.sin(a), cy - rr * Math.cos(a)])
  }
  doc.polygon(...pts).fill()

  // Organisation name along the upper arc.
  const chars = Array.from(seal.organisation.trim())
  const n = chars.length
  if (n > 0) {
    const maxSpan = 250 / DEG
    let fs = r * 0.24
    const minFs = r * 0.12
    const scale = 0.82 // seal characters are condensed
    const radiusFor = (size: number) => r - ring - size * 0.62
    const naturalStep = (size: number) => (size * scale * 1.12) / radiusFor(size)
    while (n > 1 && fs > minFs && naturalStep(fs) * (n - 1) > maxSpan) fs -= 0.25
    const textR = radiusFor(fs)
    let step = n > 1 ? naturalStep(fs) : 0
    // Short names are spread out to a pleasant arc, as on real seals; very long ones are squeezed.
    const minSpan = n >= 4 ? Math.min(maxSpan, (n * 30) / DEG) : 0
    if (n > 1) step = Math.min(maxSpan / (n - 1), Math.max(step, minSpan / (n - 1)))
    const start = -(step * (n - 1)) / 2
    chars.forEach((ch, i) => {
      const a = start + i * step
      doc.save()
      doc.translate(cx + textR * Math.sin(a), cy - textR * Math.cos(a))
      doc.rotate(a * DEG)
      drawOutlinedCentred(doc, fonts.bold, ch, 0, 0, { size: fs, scale })
      doc.restore()
    })
  }

  // Code along the lower arc (digits), upright toward the centre.
  const code = Array.from((seal.code ?? '').trim())
  if (code.length > 0) {
    const fs = r * 0.12
    const textR = r - ring - fs * 0.75
    const step = Math.min((fs * 0.62) / textR, 120 / DEG / Math.max(1, code.length - 1))
    const start = (step * (code.length - 1)) / 2
    code.forEach((ch, i) => {
      const a = start - i * step // from the lower left (positive) to the lower right (negative)
      doc.save()
      doc.translate(cx - textR * Math.sin(a), cy + textR * Math.cos(a))
      doc.rotate(a * DEG)
      drawOutlinedCentred(doc, fonts.regular, ch, 0, 0, { size: fs })
      doc.restore()
    })
  }
  doc.restore()
}
