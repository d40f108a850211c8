import type { LoadReport } from './load-registry'
import { LOAD_KINDS, type LoadKind } from './registry-loader-fields'
import type { LoadFormat } from './registry-loader-input'

/** Helpers of the `yiwang registry load` command (src/main/cli.ts) and the admin upload. */
export const isLoadKind = (k: unknown): k is LoadKind => typeof k === 'string' && (LOAD_KINDS as string[]).includes(k)
export const isLoadFormat = (f: unknown): f is LoadFormat => f === 'csv' || f === 'jsonl'

/** Format from a file name: .csv → csv; .jsonl / .ndjson / .json → jsonl; anything else undefined. */
export function formatOfFile(name: string | undefined): LoadFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(name ?? '')?.[1]?.toLowerCase()
  return ext === 'csv' ? 'csv' : ext === 'jsonl' || ext === 'ndjson' || ext === 'json' ? 'jsonl' : undefined
}

/** The report as printed lines: one per problem (line, masked key, field, reason), then the summary. */
export function loadReportLines(r: LoadReport): string[] {
  const lines = r.errors.map((e) => `line ${e.line}${e.key ? ` [${e.key}]` : ''} ${e.field}: ${e.message}`)
  lines.push(
    `${r.rolledBack ? 'STRICT: nothing written because some lines failed. ' : ''}` +
      `${r.kind} records ${r.lines}: created ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, failed ${r.failed} (${(r.durationMs / 1000).toFixed(1)} s)`,
  )
  return lines
}
