import type { Selectable } from 'kysely'
import type { ApplicationsTable } from '../../platform/schema-cases'
import type { Executor } from '../../platform/database'
import { isApplicantOf, type ApplicantActor } from './applicant'

export type ApplicationView = {
  id: string; itemId: string; itemCode: string; itemName: string; itemVersion: number; formVersion: number; status: 'draft' | 'submitted' | 'withdrawn'
  values: Record<string, unknown>; prefill: Record<string, { source: string; dataset?: string }>; rev: number; refNo: string | null
  subjectEnterpriseId: string | null; applicantCitizenId: string; bundleApplicationId: string | null; createdAt: Date; updatedAt: Date; submittedAt: Date | null
}

/** One application, only for its applicant (else undefined — callers answer 404). */
export async function getApplicationFor(db: Executor, id: string, who: ApplicantActor): Promise<ApplicationView | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined
  const r = await db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst()
  return r && isApplicantOf(who, r) ? toView(r) : undefined
}

/** Drafts (not yet submitted) of this applicant, newest first — "我的办件 › 草稿". A 一件事's item drafts are not listed: they are filled in through the bundle's merged form (我的一件事). */
export async function listDrafts(db: Executor, who: ApplicantActor, limit = 50): Promise<ApplicationView[]> {
  let q = db.selectFrom('applications').selectAll().where('status', '=', 'draft').where('bundle_application_id', 'is', null)
  q = who.actingEnterpriseId ? q.where('subject_enterprise_id', '=', who.actingEnterpriseId) : q.where('applicant_citizen_id', '=', who.citizenId).where('subject_enterprise_id', 'is', null)
  return (await q.orderBy('updated_at', 'desc').limit(limit).execute()).map(toView)
}

export async function applicationMaterials(db: Executor, applicationId: string) {
  return db.selectFrom('application_materials').selectAll().where('application_id', '=', applicationId).orderBy('material_index').execute()
}

type Row = Selectable<ApplicationsTable>
function toView(r: Row): ApplicationView {
  return {
    id: r.id, itemId: r.item_id, itemCode: r.item_code, itemName: r.item_name, itemVersion: r.item_version, formVersion: r.form_version, status: r.status,
    values: r.values, prefill: r.prefill, rev: r.draft_rev, refNo: r.ref_no, subjectEnterpriseId: r.subject_enterprise_id, applicantCitizenId: r.applicant_citizen_id,
    bundleApplicationId: r.bundle_application_id, createdAt: r.created_at, updatedAt: r.updated_at, submittedAt: r.submitted_at as Date | null,
  }
}
