import type { Executor } from '../../../platform/database'
import { getItemByCode, getItemForm, getItemFormVersion, getItemVersion, type ItemRow } from '../../catalog'
import { isApplicantOf, type ApplicantActor } from '../applicant'
import { getBundleDefinition, type BundleDefinition } from './bundle-definitions'
import { bundleNotFound, bundleUnknown } from './bundle-errors'
import { mergeForms, type BundleItemForm, type MergedForm } from './merge-forms'

export type BundleGuideItem = BundleItemForm & { note?: string; noteEn?: string; item: ItemRow | undefined; available: boolean }
export type BundleGuide = { def: BundleDefinition; items: BundleGuideItem[]; merged: MergedForm; available: boolean }

/**
 * The bundle as it would be applied for now: each item's current published version and current form, merged.
 * An item that is not published (suspended, withdrawn from the catalogue) makes the bundle unavailable online.
 */
export async function loadBundleGuide(db: Executor, code: string): Promise<BundleGuide | undefined> {
  const def = getBundleDefinition(code)
  if (!def) return undefined
  const items: BundleGuideItem[] = []
  for (const bi of def.items) {
    const item = await getItemByCode(db, bi.code)
    const form = item ? await getItemForm(db, item.id) : undefined
    items.push({
      code: bi.code, name: item?.name ?? bi.code, definition: form?.definition ?? { schemaVersion: 1, sections: [] }, materials: item?.record.materials ?? [],
      ...(bi.note ? { note: bi.note } : {}), ...(bi.noteEn ? { noteEn: bi.noteEn } : {}), item, available: !!item && item.status === 'published' && !!form,
    })
  }
  return { def, items, merged: mergeForms(def, items), available: items.every((i) => i.available) }
}

export type BundleRow = { id: string; bundle_code: string; applicant_citizen_id: string; subject_enterprise_id: string | null; status: 'draft' | 'submitted' | 'withdrawn'; values: Record<string, unknown>; prefill: Record<string, { source: string; dataset?: string }>; ref_no: string | null; idempotency_key: string | null; created_at: Date; updated_at: Date; submitted_at: Date | string | null }
export type BundleAppRow = { id: string; item_id: string; item_version: number; item_code: string; item_name: string; form_version: number; status: 'draft' | 'submitted' | 'withdrawn'; values: Record<string, unknown>; prefill: Record<string, { source: string; dataset?: string }>; ref_no: string | null }
export type BundleDraft = { row: BundleRow; def: BundleDefinition; apps: BundleAppRow[]; forms: BundleItemForm[]; merged: MergedForm }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * A started bundle for its applicant (else bundle_not_found — the same for someone else's and an unknown id), with
 * the merged form rebuilt from the item and form versions each of its applications pinned. `lock` takes the
 * bundle row FOR UPDATE (inside a transaction).
 */
export async function loadBundleDraft(db: Executor, id: string, who: ApplicantActor, opts: { lock?: boolean } = {}): Promise<BundleDraft> {
  if (!UUID.test(id)) throw bundleNotFound()
  let q = db.selectFrom('bundle_applications').selectAll().where('id', '=', id)
  if (opts.lock) q = q.forUpdate()
  const row = (await q.executeTakeFirst()) as BundleRow | undefined
  if (!row || !isApplicantOf(who, row)) throw bundleNotFound()
  const def = getBundleDefinition(row.bundle_code)
  if (!def) throw bundleUnknown()
  const order = (code: string) => def.items.findIndex((i) => i.code === code)
  const apps = ((await db.selectFrom('applications').select(['id', 'item_id', 'item_version', 'item_code', 'item_name', 'form_version', 'status', 'values', 'prefill', 'ref_no'])
    .where('bundle_application_id', '=', id).execute()) as BundleAppRow[]).sort((a, b) => order(a.item_code) - order(b.item_code))
  const forms: BundleItemForm[] = []
  for (const a of apps) {
    const version = await getItemVersion(db, a.item_id, a.item_version)
    const form = await getItemFormVersion(db, a.item_id, a.form_version, { itemVersion: a.item_version })
    forms.push({ code: a.item_code, name: a.item_name, definition: form?.definition ?? { schemaVersion: 1, sections: [] }, materials: version?.record.materials ?? [] })
  }
  return { row, def, apps, forms, merged: mergeForms(def, forms) }
}
