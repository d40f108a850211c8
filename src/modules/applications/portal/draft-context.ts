import type { Executor } from '../../../platform/database'
import { shanghaiDate } from '../../../platform/calendar'
import { getItemFormVersion, getItemsByIds, getItemVersion, listRegionOptions, materialPlan, type FormDefinition, type RegionOption } from '../../catalog'
import type { ApplicationView } from '../application-queries'
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
export async function draftContext(db: Executor, app: Pick<ApplicationView, 'itemId' | 'itemVersion' | 'formVersion'>): Promise<DraftContext> {
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
  return { def: form.definition, plan: materialPlan(version.record), regions, pinnedOn: shanghaiDate(new Date(version.createdAt)), newerOn }
}
