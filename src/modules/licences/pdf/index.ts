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
 */
import PDFDocument from 'pdfkit'
import { ValidationError } from '../../../platform/errors'
import { fonts, type FontSet, type OutlineFont } from './fonts'
import { drawOutlinedCentred, glyphOps, outlinedWidth } from './outline'
import { drawQr } from './qr'
import { drawSeal, SEAL_RED } from './seal'

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
  const doc = render(input)
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  doc.end()
  return done
}

// ---------------------------------------------------------------------------------------------------------------

const A4 = { w: 595.28, h: 841.89 }
const FOOTER_TOP = A4.h - 80
const BLOCK_TOP = FOOTER_TOP - 150

/** Where things are on the page, in PDF points from the top-left (for tests that look at rendered pixels). */
export const FACE_GEOMETRY = {
  page: A4,
  seal: { cx: A4.w - 170, cy: BLOCK_TOP + 70, r: 60 },
  qr: { x: 66, y: BLOCK_TOP, size: 124 },
} as const
const INK = '#1a1a1a'
const MUTED = '#5b5b5b'
const LABEL = '#333333'
const BRONZE = '#8b6a2e'
const WATERMARK = '#2f5fc4'
const R = 'yw-regular'
const B = 'yw-bold'
const FIELD_MAX = 12
const FIELD_FLOOR = 7.5
const GETA = '〓'
const WATERMARK_XOBJECT = 'YwWatermark'

type Doc = InstanceType<typeof PDFDocument>
type Row = { label: string; value: string; pinned?: boolean }

function render(input: LicencePdfInput): Doc {
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

type LineOptions = { x: number; mid: number; width: number; align: 'left' | 'center' | 'right'; font: string; size: number; min?: number; color: string; spacing?: number }

/**
 * One line of text whose CJK glyphs are vertically centred on `mid`: the largest size ≤ `size` (≥ `min`, default
 * 60 %) at which it fits `width`, truncated with "…" if it still does not. Returns the size used.
 */
function oneLine(doc: Doc, text: string, o: LineOptions): number {
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

type Box = { x: number; y: number; w: number; h: number }

/**
 * Label/value rows in the box, never overflowing it: font size from FIELD_MAX down to FIELD_FLOOR, then each
 * row capped to k lines (the largest k that fits, long text ending in "…"), then trailing rows summarised.
 */
function drawRows(doc: Doc, rows: Row[], box: Box): void {
  const plan = planRows(doc, rows, box)
  let y = box.y
  for (const row of plan.rows) {
    if (row.omitted) {
      const note = `……另有 ${row.omitted} 项未能在版面上显示，请以电子证照数据为准 (${row.omitted} more fields: see the licence data)`
      oneLine(doc, note, { x: box.x, mid: y + (plan.lineH - plan.lineGap) / 2, width: box.w, align: 'left', font: R, size: plan.size, color: MUTED })
    } else {
      // `height` bounds the wrapper: text never flows onto a second page, whatever the measurements said.
      const height = row.lines * plan.lineH + plan.lineGap
      doc.font(B).fontSize(plan.size).fillColor(LABEL)
      doc.text(row.label, box.x, y, { width: plan.labelW - plan.gap, lineGap: plan.lineGap, height })
      doc.font(R).fontSize(plan.size).fillColor(INK)
      doc.text(row.value, box.x + plan.labelW, y, { width: box.w - plan.labelW, lineGap: plan.lineGap, height })
    }
    y += row.lines * plan.lineH + plan.rowGap
  }
}

type PlannedRow = Row & { lines: number; omitted?: number }
type Plan = { size: number; lineGap: number; lineH: number; rowGap: number; labelW: number; gap: number; rows: PlannedRow[] }

function planRows(doc: Doc, rows: Row[], box: Box): Plan {
  let plan: Plan | null = null
  for (let size = FIELD_MAX; size >= FIELD_FLOOR; size -= 0.5) {
    plan = measure(doc, rows, box, size)
    const total = plan.rows.reduce((s, r) => s + r.lines * plan!.lineH + plan!.rowGap, 0)
    if (total <= box.h) return plan
  }
  // At the floor size: cap every row to the same k lines, the largest k that fits.
  const p = { ...plan!, rowGap: plan!.size * 0.25 }
  const need = (k: number, list: PlannedRow[]) => list.reduce((s, r) => s + Math.min(r.lines, k) * p.lineH + p.rowGap, 0)
  let k = Math.max(...p.rows.map((r) => r.lines))
  while (k > 1 && need(k, p.rows) > box.h) k--
  let shown = p.rows
  let omitted = 0
  if (need(1, shown) > box.h) {
    // Even one line each does not fit: drop the last unpinned rows (the validity row stays) for one summary line.
    shown = [...p.rows]
    while (need(1, shown) + p.lineH + p.rowGap > box.h) {
      let i = shown.length - 1
      while (i >= 0 && shown[i]!.pinned) i--
      if (i < 0) break
      shown.splice(i, 1)
      omitted++
    }
  }
  const valueW = box.w - p.labelW
  const labelW = p.labelW - p.gap
  const capped: PlannedRow[] = shown.map((r) =>
    r.lines <= k ? r : { ...r, label: truncate(doc, r.label, labelW, k, p, B), value: truncate(doc, r.value, valueW, k, p, R), lines: k },
  )
  if (omitted > 0) {
    let at = capped.length
    while (at > 0 && capped[at - 1]!.pinned) at--
    capped.splice(at, 0, { label: '', value: '', lines: 1, omitted })
  }
  return { ...p, rows: capped }
}

function measure(doc: Doc, rows: Row[], box: Box, size: number): Plan {
  const lineGap = size * 0.35
  doc.font(B).fontSize(size)
  const lineH = doc.currentLineHeight(true) + lineGap
  const gap = size * 1.2
  const widest = Math.max(...rows.map((r) => doc.widthOfString(r.label)))
  const labelW = Math.min(widest, box.w * 0.3) + gap
  const out = rows.map((r) => {
    doc.font(B).fontSize(size)
    const l = linesOf(doc, r.label, labelW - gap, lineGap, lineH)
    doc.font(R).fontSize(size)
    const v = linesOf(doc, r.value, box.w - labelW, lineGap, lineH)
    return { ...r, lines: Math.max(l, v, 1) }
  })
  return { size, lineGap, lineH, rowGap: size * 0.55, labelW, gap, rows: out }
}

function linesOf(doc: Doc, text: string, width: number, lineGap: number, lineH: number): number {
  if (!text) return 1
  return Math.max(1, Math.round(doc.heightOfString(text, { width, lineGap }) / lineH))
}

/** The longest prefix of `text` + "…" that fits in k lines of `width`. */
function truncate(doc: Doc, text: string, width: number, k: number, p: Plan, font: string): string {
  doc.font(font).fontSize(p.size)
  const cps = Array.from(text)
  if (linesOf(doc, text, width, p.lineGap, p.lineH) <= k) return text
  let lo = 0
  let hi = cps.length
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (linesOf(doc, cps.slice(0, mid).join('').trimEnd() + '…', width, p.lineGap, p.lineH) <= k) lo = mid
    else hi = mid - 1
  }
  return cps.slice(0, lo).join('').trimEnd() + '…'
}

/**
 * 加注件 watermark: the text repeated diagonally across the page in light translucent blue, drawn as glyph
 * OUTLINES rather than text — visible on screen and paper, but not part of the text layer, so copying or
 * extracting the face (pdftotext, screen readers) is not interleaved with rotated fragments. The same words are
 * in the footer as real text.
 */
function drawWatermark(doc: Doc, text: string, font: OutlineFont): void {
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
function drawStatusBand(doc: Doc, band: { zh: string; en: string; note: string }, f: FontSet): void {
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

function chineseDate(iso: string, field: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '')
  const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null
  if (!m || !d || d.getUTCMonth() !== +m[2]! - 1 || d.getUTCDate() !== +m[3]!) {
    throw new ValidationError(`日期格式应为 YYYY-MM-DD（${field}），请检查证照数据。 ${field} must be a date YYYY-MM-DD; check the licence data.`, [{ field, message: 'YYYY-MM-DD' }])
  }
  return `${+m[1]!}年${+m[2]!}月${+m[3]!}日`
}

/** 18 digits with a plausible birth date, 15 digits, or a masked number → 公民身份号码; otherwise a USCC. */
function codeLabel(code: string): string {
  const c = code.trim()
  if (/[*＊]/.test(c) || /^\d{15}$/.test(c) || /^\d{6}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx]$/.test(c)) return '公民身份号码'
  return '统一社会信用代码'
}

function printable(ch: string, covers: (cp: number) => boolean): boolean {
  const cp = ch.codePointAt(0)!
  return cp === 0x0a || cp === 0x20 || covers(cp)
}

/** Control characters go; characters the font cannot draw become 〓; CR LF → LF. */
function sanitize(s: string, covers: (cp: number) => boolean): string {
  let out = ''
  for (const ch of String(s ?? '').replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    const cp = ch.codePointAt(0)!
    if (cp < 0x20 && cp !== 0x0a) continue
    if ((cp >= 0x7f && cp < 0xa0) || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef) || cp === 0x200b || cp === 0xfeff) continue
    out += printable(ch, covers) ? ch : GETA
  }
  return out
}

function* textsOf(input: LicencePdfInput): Iterable<string> {
  yield input.typeName
  if (input.typeNameEn) yield input.typeNameEn
  yield input.number
  yield input.identifier
  yield input.holderName
  yield input.holderCode
  if (input.holderCodeLabel) yield input.holderCodeLabel
  for (const f of input.fields) {
    yield f.label
    yield f.value
  }
  yield input.issuerName
  yield input.seal.organisation
  if (input.seal.code) yield input.seal.code
  if (input.annotation?.text) yield input.annotation.text
}
