import type { Executor } from '../../platform/database'
import { getItemFormVersion, materialPlan, getItemVersion, validateFormValues } from '../catalog'
import { FormInvalidError, itemUnavailable } from './application-errors'
import { lockedValues } from './draft-values'
import { checkUploadsOwned } from './submit-application'
import type { ApplicantActor } from './applicant'
import { withoutLicenceMaterials } from './held-licences'

/**
 * 补正: the applicant's corrected values and files for a submitted application, validated in full against the
 * pinned form. Called by the cases module inside its resubmission transaction (the case is locked there).
 * Material rows for uploads are refreshed; the earlier round's values stay in the audit trail and timeline.
 */
export async function reviseApplication(tx: Executor, input: { applicationId: string; applicant: ApplicantActor; values: unknown; now: Date }): Promise<{ changed: string[] }> {
  const app = await tx.selectFrom('applications').selectAll().where('id', '=', input.applicationId).forUpdate().executeTakeFirstOrThrow()
  const form = await getItemFormVersion(tx, app.item_id, app.form_version, { itemVersion: app.item_version })
  const version = await getItemVersion(tx, app.item_id, app.item_version)
  if (!form || !version) throw itemUnavailable()
  // A material satisfied by an e-licence at submission stays satisfied (no upload asked for it in the 补正 round).
  const byLicence = new Map((await tx.selectFrom('application_materials').select('material_index').where('application_id', '=', app.id).where('provided_by', '=', 'licence').execute()).map((r) => [r.material_index, true]))
  const { values, errors } = validateFormValues(withoutLicenceMaterials(form.definition, byLicence), lockedValues(input.values, app.values, app.prefill))
  if (errors.length) throw new FormInvalidError(errors.map((e) => ({ field: e.path, message: `${e.message} ${e.messageEn}` })))
  await checkUploadsOwned(tx, input.applicant, values, form.definition)
  const changed = Object.keys({ ...app.values, ...values }).filter((k) => JSON.stringify(app.values[k]) !== JSON.stringify(values[k]))
  await tx.updateTable('applications').set({ values: JSON.stringify(values), updated_at: input.now }).where('id', '=', app.id).execute()
  for (const { index, disposition } of materialPlan(version.record)) {
    if (disposition !== 'upload') continue
    const ids = values[`material${index}`]
    const first = Array.isArray(ids) && typeof ids[0] === 'string' ? ids[0] : null
    if (!first && byLicence.has(index)) continue
    await tx.updateTable('application_materials').set({ provided_by: first ? 'upload' : null, upload_id: first, received_at: first ? input.now : null })
      .where('application_id', '=', app.id).where('material_index', '=', index).execute()
  }
  return { changed }
}
