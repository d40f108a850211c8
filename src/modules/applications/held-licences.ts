import type { Executor } from '../../platform/database'
import type { FormDefinition, FormField, Material, MaterialDisposition } from '../catalog'
import type { ApplicantActor } from './applicant'

/**
 * 免提交 with an e-licence (issue 5 Deliver 8; issue 4's seam): a material whose catalogue entry names a
 * `licenseType` is satisfied without upload when the applicant — the person, or the enterprise an 经办人 acts
 * for — holds a VALID licence of that type today. The licences module sits above applications, so it answers
 * through this port (implemented in licences/wallet, wired in src/main/compose.ts), inside our transaction.
 */
export type HeldLicence = { licenceId: string; identifier: string; number: string; typeName: string; trustLevel: string; validUntil: string | null }
export type LicenceHolder = { citizenId: string | null; enterpriseId: string | null }
export type HeldLicences = {
  /** The holder's valid licence of this type (name = the material's licenseType) as of `today`, or null. Not logged: the holder looking at their own. */
  find(db: Executor, holder: LicenceHolder, licenceType: string, today: string): Promise<HeldLicence | null>
  /** The same, used as a material of the case `refNo`: the read is recorded in the holder's 我的数据使用记录. */
  use(tx: Executor, holder: LicenceHolder, licenceType: string, ctx: { today: string; refNo: string; itemName: string; materialName: string; actor: { id: string; name: string } }): Promise<HeldLicence | null>
}

/** Whose licences count for this application: the acting enterprise's, else the applicant person's. */
export function licenceHolderOf(who: ApplicantActor): LicenceHolder {
  return who.actingEnterpriseId ? { citizenId: null, enterpriseId: who.actingEnterpriseId } : { citizenId: who.citizenId, enterpriseId: null }
}

type Plan = { index: number; material: Material; disposition: MaterialDisposition }[]

/** Which upload materials of the plan a held licence satisfies, by material index (no port → none). */
export async function materialsByLicence(db: Executor, port: HeldLicences | undefined, who: ApplicantActor, plan: Plan, today: string): Promise<Map<number, HeldLicence>> {
  const out = new Map<number, HeldLicence>()
  if (!port) return out
  for (const p of plan) {
    if (p.disposition !== 'upload' || !p.material.licenseType) continue
    const l = await port.find(db, licenceHolderOf(who), p.material.licenseType, today)
    if (l) out.set(p.index, l)
  }
  return out
}

/** The form without the upload fields of materials a licence satisfies (nothing to upload, nothing required). */
export function withoutLicenceMaterials(def: FormDefinition, held: Map<number, unknown>): FormDefinition {
  if (!held.size) return def
  return withoutFields(def, (f) => isLicenceMaterialField(f, held))
}

/** Whether a form field is the upload field of a material a licence satisfies (`held`: by material index). */
export function isLicenceMaterialField(f: FormField, held: Map<number, unknown>): boolean {
  return f.type === 'file' && f.materialIndex !== undefined && held.has(f.materialIndex)
}

/** The form without the fields `drop` names (a section left empty goes too). */
export function withoutFields(def: FormDefinition, drop: (f: FormField) => boolean): FormDefinition {
  return { ...def, sections: def.sections.map((s) => ({ ...s, fields: s.fields.filter((f) => !drop(f)) })).filter((s) => s.fields.length > 0) }
}

/** At submission: the material row of a licence-satisfied material (the use is logged with the 办件编号), or null. */
export async function licenceMaterialRow(tx: Executor, port: HeldLicences | undefined, who: ApplicantActor, material: Material, ctx: { today: string; refNo: string; itemName: string }) {
  if (!port || !material.licenseType) return null
  const l = await port.use(tx, licenceHolderOf(who), material.licenseType, { ...ctx, materialName: material.name, actor: { id: who.filerId, name: who.name } })
  return l ? { provided_by: 'licence' as const, upload_id: null, dataset: 'licence.e-licence', trust_level: l.trustLevel, licence_ref: l.identifier } : null
}
