/**
 * Text drawn as glyph OUTLINES (filled vector paths) instead of PDF text: used for everything that is rotated —
 * the seal's arc lettering, the 加注件 watermark, the status band. Rotated text in the text layer comes out of
 * pdftotext, copy-paste and screen readers as fragments interleaved with the face's real text; as outlines it
 * looks the same on screen and paper but leaves the text layer clean. Every word drawn this way is also printed
 * somewhere on the face as real text (issuer name, footer lines).
 */
import type PDFDocument from 'pdfkit'
import type { OutlineFont } from './fonts'

type Doc = InstanceType<typeof PDFDocument>

/**
 * The outlines of `text` as PDF path operators in font units (y up, baseline 0, starting at x 0), quadratic
 * curves raised to cubic; `spacing` (font units) is added after every character but the last.
 */
export function glyphOps(font: OutlineFont, text: string, spacing = 0): { ops: string; advance: number } {
  const run = font.layout(text)
  const out: string[] = []
  const n = (v: number) => Math.round(v * 10) / 10
  let pen = 0
  run.glyphs.forEach((g, i) => {
    const p = run.positions[i]!
    const dx = pen + p.xOffset
    const dy = p.yOffset
    let x0 = 0
    let y0 = 0
    for (const { command, args: a } of g.path.commands) {
      if (command === 'moveTo' || command === 'lineTo') {
        x0 = a[0]! + dx
        y0 = a[1]! + dy
        out.push(`${n(x0)} ${n(y0)} ${command === 'moveTo' ? 'm' : 'l'}`)
      } else if (command === 'quadraticCurveTo') {
        const [qx, qy, x, y] = [a[0]! + dx, a[1]! + dy, a[2]! + dx, a[3]! + dy]
        out.push(`${n(x0 + (2 / 3) * (qx - x0))} ${n(y0 + (2 / 3) * (qy - y0))} ${n(x + (2 / 3) * (qx - x))} ${n(y + (2 / 3) * (qy - y))} ${n(x)} ${n(y)} c`)
        x0 = x
        y0 = y
      } else if (command === 'bezierCurveTo') {
        out.push(`${n(a[0]! + dx)} ${n(a[1]! + dy)} ${n(a[2]! + dx)} ${n(a[3]! + dy)} ${n(a[4]! + dx)} ${n(a[5]! + dy)} c`)
        x0 = a[4]! + dx
        y0 = a[5]! + dy
      } else if (command === 'closePath') out.push('h')
    }
    pen += p.xAdvance + (i < run.glyphs.length - 1 ? spacing : 0)
  })
  return { ops: out.join('\n'), advance: pen }
}

export type OutlinedText = {
  size: number
  /** Horizontal scale (1 = normal, 0.8 = condensed). */
  scale?: number
  /** Extra space between characters, in points. */
  spacing?: number
}

/** Width in points of `text` drawn with these options. */
export function outlinedWidth(font: OutlineFont, text: string, o: OutlinedText): number {
  const k = o.size / font.unitsPerEm
  return glyphOps(font, text, (o.spacing ?? 0) / k).advance * k * (o.scale ?? 1)
}

/**
 * Fills `text` as outlines in the current fill colour/opacity, horizontally centred on `cx`, with the middle of
 * the ideographic em box (0.38 em above the baseline) on `cy` — so a single character is centred on (cx, cy).
 */
export function drawOutlinedCentred(doc: Doc, font: OutlineFont, text: string, cx: number, cy: number, o: OutlinedText): void {
  const k = o.size / font.unitsPerEm
  const sx = k * (o.scale ?? 1)
  const { ops, advance } = glyphOps(font, text, (o.spacing ?? 0) / k)
  doc.save()
  doc.transform(sx, 0, 0, -k, cx - (advance * sx) / 2, cy + o.size * 0.38)
  doc.addContent(ops)
  doc.fill()
  doc.restore()
}
