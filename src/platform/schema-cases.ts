import type { ColumnType, Generated, JSONColumnType } from 'kysely'

/**
 * Table types of migration 0010 (applications and cases, issue 4), kept beside schema.ts so the Database
 * interface stays readable. Owners: applications module (applications, application_materials,
 * bundle_applications), cases module (cases, case_steps, case_events, case_pauses, case_corrections).
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type DateOnly = ColumnType<string, string, string>
type Json<T extends object> = JSONColumnType<T, string, string>

export type PrefillProvenance = Record<string, { source: string; dataset?: string }>

export interface BundleApplicationsTable {
  id: string
  bundle_code: string
  applicant_citizen_id: string
  subject_enterprise_id: string | null
  status: 'draft' | 'submitted' | 'withdrawn'
  values: Json<Record<string, unknown>>
  prefill: Json<PrefillProvenance>
  idempotency_key: string | null
  ref_no: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
  submitted_at: Timestamp | null
}
export interface ApplicationsTable {
  id: string
  item_id: string
  item_version: number
  item_code: string
  item_name: string
  form_version: Generated<number>
  bundle_application_id: string | null
  applicant_citizen_id: string
  subject_enterprise_id: string | null
  status: 'draft' | 'submitted' | 'withdrawn'
  values: Json<Record<string, unknown>>
  prefill: Json<PrefillProvenance>
  draft_rev: Generated<number>
  channel: Generated<number>
  idempotency_key: string | null
  ref_no: string | null
  query_code_hash: string | null
  created_at: Generated<Date>
  updated_at: Generated<Date>
  submitted_at: Timestamp | null
  withdrawn_at: Timestamp | null
}
export interface ApplicationMaterialsTable {
  application_id: string
  material_index: number
  name: string
  required: Generated<boolean>
  provided_by: 'upload' | 'shared' | 'licence' | null
  upload_id: string | null
  dataset: string | null
  licence_ref: string | null
  trust_level: string | null
  received_at: Timestamp | null
}
export type CaseStatus =
  | 'submitted' | 'correction_requested' | 'accepted' | 'not_accepted' | 'in_progress'
  | 'approved' | 'denied' | 'result_issued' | 'delivered' | 'withdrawn' | 'terminated'
export interface CasesTable {
  id: string
  application_id: string
  ref_no: string
  item_id: string
  item_version: number
  item_code: string
  item_name: string
  department_id: string
  region_code: string | null
  kind: number
  status: CaseStatus
  applicant_citizen_id: string
  subject_enterprise_id: string | null
  applicant_name: string
  correction_round: Generated<number>
  submitted_at: Timestamp
  received_on: DateOnly
  pre_review_due: DateOnly
  accepted_at: Timestamp | null
  accepted_on: DateOnly | null
  accepted_by: string | null
  accept_doc_no: string | null
  statutory_days: number
  promised_days: number
  extension_days: Generated<number>
  paused_days: Generated<number>
  paused_since: DateOnly | null
  statutory_due: DateOnly | null
  promised_due: DateOnly | null
  decision_step_key: string | null
  decided_at: Timestamp | null
  decision: 'approved' | 'denied' | null
  decision_reason: string | null
  not_accepted_reason: string | null
  competent_organ: string | null
  result_issued_at: Timestamp | null
  result_name: string | null
  result_number: string | null
  result_description: string | null
  delivered_at: Timestamp | null
  delivery_method: string | null
  closed_at: Timestamp | null
  version: Generated<number>
  updated_at: Generated<Date>
}
export type StepStatus = 'waiting' | 'active' | 'done' | 'cancelled'
export type StepOutcome = 'pass' | 'return' | 'other' | 'approved' | 'denied'
export interface CaseStepsTable {
  id: string
  case_id: string
  step_key: string
  name: string
  department_id: string
  seq: number
  round: Generated<number>
  predecessors: Json<string[]>
  status: StepStatus
  days: Generated<number>
  assignee_id: string | null
  assignee_name: string | null
  claimed_at: Timestamp | null
  started_at: Timestamp | null
  started_on: DateOnly | null
  due_on: DateOnly | null
  finished_at: Timestamp | null
  outcome: StepOutcome | null
  opinion: string | null
  officer_id: string | null
  officer_name: string | null
  returned_to: string | null
  version: Generated<number>
}
export interface CaseEventsTable {
  id: string
  case_id: string
  occurred_at: Generated<Date>
  actor_kind: string
  actor_id: string | null
  actor_name: string | null
  action: string
  from_status: string | null
  to_status: string | null
  step_id: string | null
  reason: string | null
  details: Json<Record<string, unknown>>
}
export interface CasePausesTable {
  id: string
  case_id: string
  step_id: string | null
  kind: number
  procedure: string
  reason: string
  requested_by: string | null
  started_at: Timestamp
  started_on: DateOnly
  ended_at: Timestamp | null
  ended_on: DateOnly | null
  paused_days: number | null
  extension_days: number | null
  result: string | null
  opinion: string | null
  officer_id: string
  officer_name: string
}
export type CorrectionItem = { target: string; problem: string }
export interface CaseCorrectionsTable {
  id: string
  case_id: string
  round: number
  requested_at: Timestamp
  requested_by: string
  requested_by_name: string
  items: Json<CorrectionItem[]>
  notice: string
  resubmitted_at: Timestamp | null
}

export interface CaseTables {
  bundle_applications: BundleApplicationsTable
  applications: ApplicationsTable
  application_materials: ApplicationMaterialsTable
  cases: CasesTable
  case_steps: CaseStepsTable
  case_events: CaseEventsTable
  case_pauses: CasePausesTable
  case_corrections: CaseCorrectionsTable
}
