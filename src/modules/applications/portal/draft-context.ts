import type { Executor } from '../../../platform/database'
import { shanghaiDate } from '../../../platform/calendar'
import { getItemFormVersion, getItemsByIds, getItemVersion, listRegionOptions, materialPlan, type FormDefinition, type RegionOption } from '../../catalog'
import type { ApplicationView } from '../application-queries'
import type { ApplicantActor } from '../applicant'
import { materialsByLicence, withoutLicenceMaterials, type HeldLicences } from '../held-licences'
import { itemUnavailable } from '../application-errors'
import type { PlanRow } from './draft-page'

export type DraftContext = {
  def: FormDefinition
  plan: PlanRow[]
  regions: RegionOption[]
  /** Shanghai date of the pinned guide version; and of the current one when the guide changed since. */
  pinnedOn: string | null
  newerOn: string | null
}

/**
 * What an application's pages need besides its values: the form and the item version it is PINNED to (a later
 * catalogue change does not move it), the materials plan of that version, the region picker, and whether the guide
 * has a newer version than the one the draft follows.
 */
export async function draftContext(db: Executor, app: Pick<ApplicationView, 'itemId' | 'itemVersion' | 'formVersion'>, licences?: { port: HeldLicences | undefined; who: ApplicantActor }): Promise<DraftContext> {
  const [form, version, current, regions] = await Promise.all([
    getItemFormVersion(db, app.itemId, app.formVersion, { itemVersion: app.itemVersion }),
    getItemVersion(db, app.itemId, app.itemVersion),
    getItemsByIds(db, [app.itemId]).then((r) => r[0]),
    listRegionOptions(db),
  ])
  if (!form || !version) throw itemUnavailable()
  let newerOn: string | null = null
  if (current && current.version > app.itemVersion) {
    const latest = await getItemVersion(db, app.itemId, current.version)
    newerOn = latest ? shanghaiDate(new Date(latest.createdAt)) : null
  }
  const plan = materialPlan(version.record)
  // 免提交 with an e-licence: the applicant's valid licence replaces the upload field (held-licences.ts).
  const held = licences ? await materialsByLicence(db, licences.port, licences.who, plan, shanghaiDate(new Date())) : new Map()
  return { def: withoutLicenceMaterials(form.definition, held), plan: plan.map((p) => (held.has(p.index) ? { ...p, licence: held.get(p.index) } : p)), regions, pinnedOn: shanghaiDate(new Date(version.createdAt)), newerOn }
}
