import type { Executor } from '../../../platform/database'
import { allFields, materialPlan } from '../../catalog'
import type { ApplicantActor } from '../applicant'
import { isLicenceMaterialField, materialsByLicence, withoutFields, withoutLicenceMaterials, type HeldLicence, type HeldLicences } from '../held-licences'
import type { BundleDraft } from './bundle-load'
import type { BundleMaterial } from './merge-forms'

/**
 * 免提交 with an e-licence in a 一件事 (issue 5 Deliver 8): the single application's rule (held-licences.ts) applied
 * to each item of the bundle, and carried onto the merged form. An item material whose licenseType the applicant
 * (or the enterprise they act for) holds a VALID licence of needs no upload in that item's form; a merged upload
 * field goes when EVERY item field it stands for is so satisfied (an alias joining a licence material with another
 * document keeps the upload for the other). The merged keys do not move: the merged form is filtered, never merged
 * again, so saved answers keep their fields whether a licence is held or not.
 */
export type BundleLicences = {
  /** Per item (bundle order): material index → the licence that satisfies it. */
  items: Map<number, HeldLicence>[]
  /** Merged upload field key → the licence that replaces it. */
  fields: Map<string, HeldLicence>
  /** Licence type (the material's licenseType) → the licence held. */
  byType: Map<string, HeldLicence>
}
export type LicensedBundleDraft = BundleDraft & { licences: BundleLicences }

/**
 * The draft as the applicant fills it in today: each item's pinned form and the merged form without the upload
 * fields a held licence satisfies (no port, or nothing held → the draft unchanged, with empty maps).
 */
export async function withBundleLicences(db: Executor, port: HeldLicences | undefined, who: ApplicantActor, draft: BundleDraft, today: string): Promise<LicensedBundleDraft> {
  const items: Map<number, HeldLicence>[] = []
  const byType = new Map<string, HeldLicence>()
  for (const form of draft.forms) {
    const plan = materialPlan({ materials: form.materials })
    const held = await materialsByLicence(db, port, who, plan, today)
    for (const [index, l] of held) byType.set(plan[index]!.material.licenseType!, l)
    items.push(held)
  }
  const fields = new Map<string, HeldLicence>()
  if (byType.size) {
    for (const f of allFields(draft.merged.definition)) {
      if (f.type !== 'file') continue
      const sources = draft.merged.sources[f.key] ?? []
      const satisfied = sources.map((s) => {
        const field = allFields(draft.forms[s.item]!.definition).find((x) => x.key === s.key)
        return field && isLicenceMaterialField(field, items[s.item]!) ? items[s.item]!.get(field.materialIndex!)! : null
      })
      if (satisfied.length && satisfied.every((l) => l)) fields.set(f.key, satisfied[0]!)
    }
  }
  const licences = { items, fields, byType }
  if (!byType.size) return { ...draft, licences }
  return {
    ...draft,
    forms: draft.forms.map((form, i) => ({ ...form, definition: withoutLicenceMaterials(form.definition, items[i]!) })),
    merged: { ...draft.merged, definition: withoutFields(draft.merged.definition, (f) => fields.has(f.key)) },
    licences,
  }
}

/** The bundle's materials list with the held licence named on each upload material it satisfies. */
export function materialsWithLicences(materials: BundleMaterial[], licences: BundleLicences): BundleMaterial[] {
  return materials.map((m) => {
    const l = m.disposition === 'upload' && m.licenseType ? licences.byType.get(m.licenseType) : undefined
    return l ? { ...m, licence: { typeName: l.typeName, number: l.number } } : m
  })
}
