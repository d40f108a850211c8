import type { DB } from '../../../platform/database'
import { validateFormValues } from '../../catalog'
import type { ApplicantActor } from '../applicant'
import { FormInvalidError } from '../application-errors'
import { lockedValues } from '../draft-values'
import { bundleNotDraft } from './bundle-errors'
import { loadBundleDraft } from './bundle-load'

export type SaveBundleDraftInput = { bundleId: string; applicant: ApplicantActor; values: unknown; now?: Date }

/**
 * Saves the merged form as the person goes. Like saveDraft: format errors refuse the save (nothing written),
 * missing required answers do not; locked (prefilled) fields keep their values whatever is posted. The item
 * drafts are filled from these values at submission.
 */
export async function saveBundleDraft(db: DB, input: SaveBundleDraftInput): Promise<{ savedAt: Date }> {
  return db.transaction().execute(async (tx) => {
    const draft = await loadBundleDraft(tx, input.bundleId, input.applicant, { lock: true })
    if (draft.row.status !== 'draft') throw bundleNotDraft()
    const { values, errors } = validateFormValues(draft.merged.definition, lockedValues(input.values, draft.row.values, draft.row.prefill), { partial: true })
    if (errors.length) throw new FormInvalidError(errors.map((e) => ({ field: e.path, message: `${e.message} ${e.messageEn}` })))
    const now = input.now ?? new Date()
    await tx.updateTable('bundle_applications').set({ values: JSON.stringify(values), updated_at: now }).where('id', '=', draft.row.id).execute()
    return { savedAt: now }
  })
}
