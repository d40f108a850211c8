/** The label/value rows of a face, fitted into a box: shrink, then cap lines, then summarise what does not fit. */
import { B, LABEL, INK, MUTED, oneLine, R, type Doc } from './layout'

const FIELD_MAX = 12
const FIELD_FLOOR = 7.5

export type Row = { label: string; value: string; pinned?: boolean }
type Box = { x: number; y: number; w: number; h: number }

/**
 * Label/value rows in the box, never overflowing it: font size from FIELD_MAX down to FIELD_FLOOR, then each
 * row capped to k lines (the largest k that fits, long text ending in "…"), then trailing rows summarised.
 */
export function drawRows(doc: Doc, rows: Row[], box: Box): void {
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
