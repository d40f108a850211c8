import { recordAudit } from '../../../platform/audit'
import type { DB } from '../../../platform/database'
import type { StaffUser } from '../../identity'
import { caseNotFound, notPermitted } from '../case-errors'
import { mayUnmask, mayView } from '../case-policy'
import { applicantIds, caseDepartments, type ApplicantIds, type CaseView } from './case-view'

/**
 * 显示完整信息: an officer or head of a department handling the case sees the applicant's full 身份证号 and phone
 * ONCE, on the response page. Unmasking is a permission (casePolicy.mayUnmask — not the window, not supervisors)
 * and every reveal is an audit record `case.applicant_unmasked` (who, which case, which fields — never the values).
 * Nothing is logged or stored; the next page view is masked again.
 */
export async function revealApplicant(db: DB, input: { view: CaseView; staff: StaffUser }): Promise<ApplicantIds> {
  const { view, staff } = input
  const departments = caseDepartments(view)
  if (!mayView(staff, departments, view.case.region_code)) throw caseNotFound()
  if (!mayUnmask(staff, departments)) throw notPermitted('查看申请人完整身份信息')
  return db.transaction().execute(async (tx) => {
    const ids = await applicantIds(tx, view)
    await recordAudit(tx, {
      actor: { type: 'staff', id: staff.id, name: staff.displayName },
      action: 'case.applicant_unmasked',
      subject: { type: 'case', id: view.case.id },
      reason: '办理需要核对申请人身份',
      details: { refNo: view.case.ref_no, fields: [ids.idNumber ? 'idNumber' : null, ids.phone ? 'phone' : null, 'formValues'].filter(Boolean) },
    })
    return ids
  })
}
