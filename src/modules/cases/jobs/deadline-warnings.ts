import type { DB } from '../../../platform/database'
import { clockFor, type CaseDeps } from '../case-context'
import { sendNotice } from '../case-notices'
import { listDepartmentStaff } from '../../identity'

/**
 * 监察提示 (standards.md §B.17 T9, §B.7): one working day before a step's deadline, the officer holding it (or,
 * when nobody has claimed it, every officer and head of its department) gets a warning — once per step and due
 * date (dedupe key), however often the scan runs. Run by the job scheduler every 15 minutes.
 */
export async function warnDueSoon(deps: CaseDeps, now = new Date()): Promise<number> {
  const { cal, today } = await clockFor(deps, now)
  const horizon = cal.addWorkingDays(today, 1)
  const steps = await deps.db.selectFrom('case_steps as s').innerJoin('cases as c', 'c.id', 's.case_id')
    .select(['s.id', 's.name', 's.due_on', 's.assignee_id', 's.department_id', 'c.id as case_id', 'c.ref_no', 'c.item_name', 'c.applicant_citizen_id', 'c.application_id'])
    .where('s.status', '=', 'active').where('s.due_on', '>=', today).where('s.due_on', '<=', horizon).where('c.paused_since', 'is', null)
    .limit(5000).execute()
  let sent = 0
  for (const s of steps) {
    const recipients = s.assignee_id ? [s.assignee_id] : await departmentOfficers(deps.db, s.department_id)
    await deps.db.transaction().execute(async (tx) => {
      for (const staffId of recipients) {
        await sendNotice(deps.notices, tx, {
          event: 'step.due_soon', staffId, dedupeKey: `step.due_soon:${s.id}:${s.due_on}:${staffId}`,
          case: { id: s.case_id, ref_no: s.ref_no, item_name: s.item_name, applicant_citizen_id: s.applicant_citizen_id, application_id: s.application_id },
          data: { step: s.name, dueOn: s.due_on ?? '' },
        })
        sent++
      }
    })
  }
  return sent
}

async function departmentOfficers(db: DB, departmentId: string): Promise<string[]> {
  return (await listDepartmentStaff(db, departmentId, ['department_officer', 'department_head'])).map((u) => u.id)
}
