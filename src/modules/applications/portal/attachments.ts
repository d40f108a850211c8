import type { Executor } from '../../../platform/database'
import { allFields, type FormDefinition } from '../../catalog'
import { mayOpenUpload, type UploadOwner } from '../uploads/upload-policy'

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The files named by the file fields of `values`, with their names, for FormFields' `attachments` — only those
 * the viewer may open (mayOpenUpload): an id someone typed into a draft never shows another person's file name.
 */
export async function attachmentsFor(db: Executor, def: FormDefinition, values: Record<string, unknown>, viewer: UploadOwner): Promise<Record<string, { id: string; name: string }[]>> {
  const byField = new Map<string, string[]>()
  for (const f of allFields(def)) {
    if (f.type !== 'file') continue
    const v = values[f.key]
    const ids = (Array.isArray(v) ? v : []).filter((x): x is string => typeof x === 'string' && UUID_RE.test(x))
    if (ids.length) byField.set(f.key, [...new Set(ids)])
  }
  const all = [...new Set([...byField.values()].flat())]
  if (!all.length) return {}
  const rows = await db.selectFrom('uploads').select(['id', 'original_name', 'owner_citizen_id', 'acting_enterprise_id']).where('id', 'in', all).execute()
  const visible = new Map(rows.filter((r) => mayOpenUpload(r, viewer)).map((r) => [r.id, r.original_name]))
  const out: Record<string, { id: string; name: string }[]> = {}
  for (const [key, ids] of byField) {
    const files = ids.flatMap((id) => (visible.has(id) ? [{ id, name: visible.get(id)! }] : []))
    if (files.length) out[key] = files
  }
  return out
}

/** Posted raw values plus the files stored from the same post (kept ticked ids first, then the new ones). */
export function withUploads(raw: Record<string, unknown>, uploaded: Record<string, string[]>): Record<string, unknown> {
  const out = { ...raw }
  for (const [key, ids] of Object.entries(uploaded)) {
    const kept = Array.isArray(out[key]) ? (out[key] as unknown[]).filter((x): x is string => typeof x === 'string') : []
    out[key] = [...new Set([...kept, ...ids])]
  }
  return out
}
