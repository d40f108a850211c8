import { sql } from 'kysely'
import type { Executor } from '../../platform/database'
import { isApplicantOf, type ApplicantActor } from '../applications'
import { currentSteps, type CaseRow, type StepRow } from './case-store'
import type { CaseStatus } from './case'

export type WorklistFilter = {
  departmentIds: string[] | 'all'
  /** Also every case of these regions (GB/T 2260 prefixes, e.g. '3205' = 苏州市 and below): supervisors' read-only view. */
  regionPrefixes?: string[]
  /** 待办 (active steps) or 已办 (steps this officer finished). */
  view: 'todo' | 'done'
  officerId: string
  mine?: boolean
  deadline?: 'due_soon' | 'overdue' | null
  today: string
  /** The next working day after today (due_soon = due on or before it). */
  nextWorkingDay: string
  limit?: number
  after?: { dueOn: string; id: string } | null
  /** 已办 paging: the last row's finish time and step id. */
  afterDone?: { finishedAt: Date; id: string } | null
}
export type WorklistRow = {
  stepId: string; stepName: string; stepStatus: string; dueOn: string | null; assigneeName: string | null; startedAt: Date | null; finishedAt: Date | null
  caseId: string; refNo: string; itemName: string; applicantName: string; caseStatus: CaseStatus; promisedDue: string | null; pausedSince: string | null
}

/**
 * 待办 / 已办 worklists, per department (and optionally only my own), ordered by step deadline, keyset-paged.
 * Answered from the (department_id, status, due_on, id) index on case_steps (migration 0016): p99 ≈ 11 ms at a
 * million cases (bench/worklist.ts).
 */
export async function worklist(db: Executor, f: WorklistFilter): Promise<WorklistRow[]> {
  let q = db.selectFrom('case_steps as s').innerJoin('cases as c', 'c.id', 's.case_id')
    .select(['s.id as stepId', 's.name as stepName', 's.status as stepStatus', 's.due_on as dueOn', 's.assignee_name as assigneeName', 's.started_at as startedAt', 's.finished_at as finishedAt',
      'c.id as caseId', 'c.ref_no as refNo', 'c.item_name as itemName', 'c.applicant_name as applicantName', 'c.status as caseStatus', 'c.promised_due as promisedDue', 'c.paused_since as pausedSince'])
  if (f.departmentIds !== 'all') {
    const depts = f.departmentIds
    const regions = (f.regionPrefixes ?? []).filter((p) => /^\d{2,6}$/.test(p))
    if (depts.length === 0 && regions.length === 0) return []
    q = q.where((eb) => eb.or([
      ...(depts.length ? [eb('s.department_id', 'in', depts)] : []),
      ...regions.map((p) => eb('c.region_code', 'like', `${p}%`)),
    ]))
  }
  if (f.view === 'todo') {
    q = q.where('s.status', '=', 'active')
    if (f.mine) q = q.where('s.assignee_id', '=', f.officerId)
    if (f.deadline === 'overdue') q = q.where('s.due_on', '<', f.today)
    if (f.deadline === 'due_soon') q = q.where('s.due_on', '>=', f.today).where('s.due_on', '<=', f.nextWorkingDay)
    if (f.after) q = q.where((eb) => eb.or([eb('s.due_on', '>', f.after!.dueOn), eb.and([eb('s.due_on', '=', f.after!.dueOn), eb('s.id', '>', f.after!.id)])]))
    q = q.orderBy('s.due_on').orderBy('s.id')
  } else {
    q = q.where('s.status', '=', 'done').where('s.officer_id', '=', f.officerId)
    const a = f.afterDone
    if (a) q = q.where((eb) => eb.or([eb('s.finished_at', '<', a.finishedAt), eb.and([eb('s.finished_at', '=', a.finishedAt), eb('s.id', '<', a.id)])]))
    q = q.orderBy('s.finished_at', 'desc').orderBy('s.id', 'desc')
  }
  return (await q.limit(Math.min(f.limit ?? 50, 200)).execute()) as WorklistRow[]
}

export type CaseDetail = {
  case: CaseRow
  steps: StepRow[]
  current: StepRow[]
  events: { id: string; occurredAt: Date; actorKind: string; actorName: string | null; action: string; fromStatus: string | null; toStatus: string | null; reason: string | null; details: Record<string, unknown>; stepId: string | null }[]
  pauses: { id: string; stepId: string | null; kind: number; procedure: string; reason: string; startedOn: string; endedOn: string | null; pausedDays: number | null; extensionDays: number | null; result: string | null; officerName: string }[]
  corrections: { round: number; requestedAt: Date; requestedByName: string; items: { target: string; problem: string }[]; notice: string; resubmittedAt: Date | null }[]
  departments: Map<string, string>
}

export async function getCaseDetail(db: Executor, caseId: string): Promise<CaseDetail | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) return undefined
  const c = await db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirst()
  if (!c) return undefined
  const [steps, events, pauses, corrections] = await Promise.all([
    db.selectFrom('case_steps').selectAll().where('case_id', '=', caseId).orderBy('seq').orderBy('round').execute(),
    db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('occurred_at').orderBy('id').execute(),
    db.selectFrom('case_pauses').selectAll().where('case_id', '=', caseId).orderBy('started_at').execute(),
    db.selectFrom('case_corrections').selectAll().where('case_id', '=', caseId).orderBy('round').execute(),
  ])
  const deptIds = [...new Set([c.department_id, ...steps.map((s) => s.department_id)])]
  const depts = await db.selectFrom('departments').select(['id', 'name']).where('id', 'in', deptIds).execute()
  return {
    case: c, steps, current: currentSteps(steps),
    events: events.map((e) => ({ id: e.id, occurredAt: e.occurred_at, actorKind: e.actor_kind, actorName: e.actor_name, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, reason: e.reason, details: e.details, stepId: e.step_id })),
    pauses: pauses.map((p) => ({ id: p.id, stepId: p.step_id, kind: p.kind, procedure: p.procedure, reason: p.reason, startedOn: p.started_on, endedOn: p.ended_on, pausedDays: p.paused_days, extensionDays: p.extension_days, result: p.result, officerName: p.officer_name })),
    corrections: corrections.map((r) => ({ round: r.round, requestedAt: r.requested_at as Date, requestedByName: r.requested_by_name, items: r.items, notice: r.notice, resubmittedAt: r.resubmitted_at as Date | null })),
    departments: new Map(depts.map((d) => [d.id, d.name])),
  }
}

/** The case for its applicant (else undefined → 404). */
export async function getCaseForApplicant(db: Executor, caseId: string, who: ApplicantActor): Promise<CaseDetail | undefined> {
  const d = await getCaseDetail(db, caseId)
  return d && isApplicantOf(who, d.case) ? d : undefined
}

export type MyCaseRow = { id: string; applicationId: string; refNo: string; itemName: string; status: CaseStatus; submittedAt: Date; promisedDue: string | null; preReviewDue: string; currentSteps: string | null }

/** 我的办件: every case of this applicant (or of the enterprise they act for), newest first. */
export async function listMyCases(db: Executor, who: ApplicantActor, limit = 50): Promise<MyCaseRow[]> {
  let q = db.selectFrom('cases as c').select(['c.id', 'c.application_id as applicationId', 'c.ref_no as refNo', 'c.item_name as itemName', 'c.status', 'c.submitted_at as submittedAt', 'c.promised_due as promisedDue', 'c.pre_review_due as preReviewDue',
    sql<string | null>`(select string_agg(s.name, '、' order by s.seq) from case_steps s where s.case_id = c.id and s.status = 'active')`.as('currentSteps')])
  q = who.actingEnterpriseId ? q.where('c.subject_enterprise_id', '=', who.actingEnterpriseId) : q.where('c.applicant_citizen_id', '=', who.citizenId).where('c.subject_enterprise_id', 'is', null)
  return (await q.orderBy('c.submitted_at', 'desc').limit(limit).execute()) as MyCaseRow[]
}

export async function findCaseByRef(db: Executor, refNo: string): Promise<Pick<CaseRow, 'id' | 'ref_no' | 'item_name' | 'status' | 'submitted_at' | 'promised_due' | 'pre_review_due' | 'paused_since' | 'decided_at' | 'closed_at'> | undefined> {
  return db.selectFrom('cases').select(['id', 'ref_no', 'item_name', 'status', 'submitted_at', 'promised_due', 'pre_review_due', 'paused_since', 'decided_at', 'closed_at']).where('ref_no', '=', refNo).executeTakeFirst()
}
