import type { DB } from '../../platform/database'
import { getItemFormVersion, validateFormValues } from '../catalog'
import { isApplicantOf, type ApplicantActor } from './applicant'
import { applicationNotFound, bundleItem, draftChanged, FormInvalidError, itemUnavailable, notADraft } from './application-errors'
import { lockedValues } from './draft-values'

export type SaveDraftInput = { applicationId: string; applicant: ApplicantActor; values: unknown; expectedRev?: number; now?: Date }

/**
 * Saves a draft as the person goes (autosave and "保存草稿"). Format errors are reported (nothing saved) but
 * missing required fields are not — a draft may be incomplete. `expectedRev` guards against two tabs
 * overwriting each other. Locked prefilled fields keep their values.
 */
export async function saveDraft(db: DB, input: SaveDraftInput): Promise<{ rev: number }> {
  return db.transaction().execute(async (tx) => {
    const app = await tx.selectFrom('applications').selectAll().where('id', '=', input.applicationId).forUpdate().executeTakeFirst()
    if (!app || !isApplicantOf(input.applicant, app)) throw applicationNotFound()
    if (app.status !== 'draft') throw notADraft()
    if (app.bundle_application_id) throw bundleItem()
    if (input.expectedRev !== undefined && input.expectedRev !== app.draft_rev) throw draftChanged()
    const form = await getItemFormVersion(tx, app.item_id, app.form_version, { itemVersion: app.item_version })
    if (!form) throw itemUnavailable()
    const { values, errors } = validateFormValues(form.definition, lockedValues(input.values, app.values, app.prefill), { partial: true })
    if (errors.length) throw new FormInvalidError(errors.map((e) => ({ field: e.path, message: `${e.message} ${e.messageEn}` })))
    const rev = app.draft_rev + 1
    await tx.updateTable('applications').set({ values: JSON.stringify(values), draft_rev: rev, updated_at: input.now ?? new Date() }).where('id', '=', app.id).execute()
    return { rev }
  })
}
