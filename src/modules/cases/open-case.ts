import { sql } from 'kysely'
import type { Executor } from '../../platform/database'
import { uuidv7 } from '../../platform/ids'
import { caseKindCode } from './case'
import { preReviewDue, type Calendar } from './clocks'
import { auditActor } from './case-store'
import type { OpenCaseRequest } from '../applications'
import type { AuditInput } from '../../platform/audit'

export const INTAKE_STEP = '受理'

/** The applications module's request (its CaseOpener port) plus the clock of the submission. */
export type OpenCaseInput = OpenCaseRequest & { now: Date; today: string }

/**
 * Opens the case of a submitted application (the applications module calls this through its CaseOpener port,
 * inside the submission transaction): status `submitted`, and the first step — 预审/受理 at the receiving
 * department's window — active with its 5-working-day deadline (行政许可法 Art. 32). Returns its `case.opened`
 * audit entry instead of writing it: the submission appends it together with its own, last, so the audit chain's
 * lock is held only from there to commit (platform/audit.ts recordAuditBatch).
 */
export async function openCase(tx: Executor, cal: Calendar, input: OpenCaseInput): Promise<{ caseId: string; preReviewDue: string; audit: AuditInput[] }> {
  const caseId = uuidv7()
  const due = preReviewDue(cal, input.today)
  const insertCase = tx.insertInto('cases').values({
    id: caseId, application_id: input.applicationId, ref_no: input.refNo, item_id: input.item.id, item_version: input.item.version,
    item_code: input.item.code, item_name: input.item.name, department_id: input.departmentId, region_code: input.regionCode,
    kind: caseKindCode(input.item.caseKind), status: 'submitted', applicant_citizen_id: input.applicantCitizenId,
    subject_enterprise_id: input.subjectEnterpriseId, applicant_name: input.applicantName, submitted_at: input.now, received_on: input.today,
    pre_review_due: due, statutory_days: Math.max(0, input.item.statutoryDays ?? 0), promised_days: Math.max(0, input.item.promisedDays ?? input.item.statutoryDays ?? 0),
  })
  const insertStep = tx.insertInto('case_steps').values({
    id: uuidv7(), case_id: caseId, step_key: INTAKE_STEP, name: '预审受理', department_id: input.departmentId, seq: 0, round: 1,
    predecessors: '[]', status: 'active', days: 5, started_at: input.now, started_on: input.today, due_on: due,
  })
  const insertEvent = tx.insertInto('case_events').values({
    id: uuidv7(), case_id: caseId, occurred_at: input.now, actor_kind: input.actor.kind, actor_id: input.actor.id, actor_name: input.actor.name,
    action: 'submitted', from_status: null, to_status: 'submitted', step_id: null, reason: null, details: JSON.stringify({ preReviewDue: due }),
  })
  // One round trip for the three rows (data-modifying CTEs; the foreign keys are checked at the statement's end).
  await sql`with c as (${insertCase}), s as (${insertStep}) ${insertEvent}`.execute(tx)
  return { caseId, preReviewDue: due, audit: [{ actor: auditActor(input.actor), action: 'case.opened', subject: { type: 'case', id: caseId }, details: { refNo: input.refNo, item: input.item.code } }] }
}
