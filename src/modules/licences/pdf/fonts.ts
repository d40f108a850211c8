/**
 * The CJK fonts of the licence face: Noto Sans SC Regular and Bold TTF from @expo-google-fonts/noto-sans-sc
 * (OFL-1.1), read and parsed ONCE per process. pdfkit subsets what each page uses and writes a ToUnicode map, so
 * pdftotext and screen readers get the text back.
 *
 * The parsed fonts come from fontkit — pdfkit's own font engine, resolved from pdfkit's location so it is exactly
 * the copy pdfkit uses — and are handed to pdfkit as font objects (pdfkit accepts any object with `layout`), which
 * saves re-parsing 10 MB per render. The watermark uses the glyph outlines directly (see index.ts).
 *
 * Coverage: ~30,000 glyphs (GB 18030 level 1–2 plus many rarer ideographs such as 喆 堃 燊 昇), but not CJK
 * Extension B and beyond (𠮷 U+20BB7): `covers()` tells, so the renderer prints 〓 (GETA MARK, the printers'
 * "missing character" sign) instead of an empty box and callers can learn which characters those are.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** The part of a fontkit font this module uses. */
export type OutlineFont = {
  unitsPerEm: number
  ascent: number
  hasGlyphForCodePoint(codePoint: number): boolean
  layout(text: string): {
    glyphs: { path: { commands: { command: string; args: number[] }[] } }[]
    positions: { xAdvance: number; xOffset: number; yOffset: number }[]
  }
}

export type FontSet = { regular: OutlineFont; bold: OutlineFont; covers: (codePoint: number) => boolean }

let cached: FontSet | null = null

export function fonts(): FontSet {
  if (cached) return cached
  const require = createRequire(import.meta.url)
  const dir = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'))
  const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Uint8Array): OutlineFont }
  const regular = fontkit.create(readFileSync(join(dir, '400Regular/NotoSansSC_400Regular.ttf')))
  const bold = fontkit.create(readFileSync(join(dir, '700Bold/NotoSansSC_700Bold.ttf')))
  cached = { regular, bold, covers: (cp) => regular.hasGlyphForCodePoint(cp) }
  return cached
}
