import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { isApplicantOf, type ApplicantActor } from './applicant'
import { applicationNotFound, notADraft } from './application-errors'

/**
 * 删除草稿: the applicant throws away a draft they no longer want. Only drafts (a submitted application is a case
 * and is withdrawn instead); someone else's draft answers "not found". The row goes (nothing was ever filed);
 * the files it named stay in `uploads` (rows are never deleted — other drafts may name them) and the audit
 * record keeps who discarded which draft of which item.
 */
export async function discardDraft(db: DB, input: { applicationId: string; applicant: ApplicantActor }): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const app = await tx.selectFrom('applications').select(['id', 'status', 'item_code', 'applicant_citizen_id', 'subject_enterprise_id']).where('id', '=', input.applicationId).forUpdate().executeTakeFirst()
    if (!app || !isApplicantOf(input.applicant, app)) throw applicationNotFound()
    if (app.status !== 'draft') throw notADraft()
    await tx.deleteFrom('applications').where('id', '=', app.id).where('status', '=', 'draft').execute()
    await recordAudit(tx, { actor: { type: 'citizen', id: input.applicant.filerId, name: input.applicant.name }, action: 'application.discarded', subject: { type: 'application', id: app.id }, details: { item: app.item_code } })
  })
}
