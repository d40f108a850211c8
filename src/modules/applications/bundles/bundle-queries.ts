import type { Executor } from '../../../platform/database'
import type { ApplicantActor } from '../applicant'
import { getBundleDefinition } from './bundle-definitions'

export type MyBundleRow = { id: string; code: string; name: string; status: 'draft' | 'submitted' | 'withdrawn'; refNo: string | null; updatedAt: Date; submittedAt: Date | null }

/** 我的一件事: this applicant's bundles (or the enterprise's they act for), newest first. */
export async function listMyBundles(db: Executor, who: ApplicantActor, limit = 50): Promise<MyBundleRow[]> {
  let q = db.selectFrom('bundle_applications').select(['id', 'bundle_code', 'status', 'ref_no', 'updated_at', 'submitted_at'])
  q = who.actingEnterpriseId ? q.where('subject_enterprise_id', '=', who.actingEnterpriseId) : q.where('applicant_citizen_id', '=', who.citizenId).where('subject_enterprise_id', 'is', null)
  const rows = await q.orderBy('updated_at', 'desc').limit(limit).execute()
  return rows.map((r) => ({ id: r.id, code: r.bundle_code, name: getBundleDefinition(r.bundle_code)?.name ?? r.bundle_code, status: r.status, refNo: r.ref_no, updatedAt: r.updated_at, submittedAt: r.submitted_at as Date | null }))
}
