import type { Selectable } from 'kysely'
import { recordAudit, type Actor } from '../../platform/audit'
import type { Executor } from '../../platform/database'
import { uuidv7 } from '../../platform/ids'
import type { CasesTable, CaseStatus, CaseStepsTable } from '../../platform/schema-cases'
import type { CaseAction } from './case'
import { caseNotFound, notAllowedNow, staleVersion } from './case-errors'
import { isAllowed } from './case'
import { stepDue, type Calendar } from './clocks'
import { readyToStart } from './step-plan'

export type CaseRow = Selectable<CasesTable>
export type StepRow = Selectable<CaseStepsTable>
export type CaseActor = { kind: 'staff' | 'citizen' | 'system'; id: string | null; name: string }

export const auditActor = (a: CaseActor): Actor => ({ type: a.kind, id: a.id, name: a.name })

/** Locks the case row for this transaction (every transition does this first, so transitions serialise). */
export async function lockCase(tx: Executor, caseId: string): Promise<CaseRow> {
  const c = await tx.selectFrom('cases').selectAll().where('id', '=', caseId).forUpdate().executeTakeFirst()
  if (!c) throw caseNotFound()
  return c
}

export function ensureAllowed(c: CaseRow, action: CaseAction, what: string): void {
  if (!isAllowed(c.status, action)) throw notAllowedNow(c.status, what)
}

/** The officer saw version N when they opened the page: anything newer means someone else acted first. */
export function ensureVersion(c: CaseRow, expected: number | undefined): void {
  if (expected !== undefined && expected !== c.version) throw staleVersion()
}

export type TransitionInput = {
  action: string
  actor: CaseActor
  to?: CaseStatus
  set?: Partial<Record<keyof CasesTable, unknown>>
  stepId?: string | null
  reason?: string | null
  details?: Record<string, unknown>
  now: Date
}

/**
 * THE way a case changes: version-guarded update, one timeline event, one audit record — in the caller's
 * transaction (the case row is already locked by lockCase).
 */
export async function transition(tx: Executor, c: CaseRow, t: TransitionInput): Promise<CaseRow> {
  const to = t.to ?? c.status
  const updated = await tx.updateTable('cases')
    .set({ ...(t.set as object), status: to, version: c.version + 1, updated_at: t.now })
    .where('id', '=', c.id).where('version', '=', c.version)
    .returningAll().executeTakeFirst()
  if (!updated) throw staleVersion()
  await tx.insertInto('case_events').values({
    id: uuidv7(), case_id: c.id, occurred_at: t.now, actor_kind: t.actor.kind, actor_id: t.actor.id, actor_name: t.actor.name,
    action: t.action, from_status: c.status, to_status: to, step_id: t.stepId ?? null, reason: t.reason ?? null,
    details: JSON.stringify(t.details ?? {}),
  }).execute()
  await recordAudit(tx, {
    actor: auditActor(t.actor), action: `case.${t.action}`, subject: { type: 'case', id: c.id }, reason: t.reason ?? null,
    details: { refNo: c.ref_no, from: c.status, to, ...(t.stepId ? { stepId: t.stepId } : {}), ...(t.details ?? {}) },
  })
  return updated
}

export async function stepsOf(tx: Executor, caseId: string): Promise<StepRow[]> {
  return tx.selectFrom('case_steps').selectAll().where('case_id', '=', caseId).orderBy('seq').orderBy('round').execute()
}

/** The current instance of each step (highest round). */
export function currentSteps(steps: StepRow[]): StepRow[] {
  const byKey = new Map<string, StepRow>()
  for (const s of steps) {
    const prev = byKey.get(s.step_key)
    if (!prev || s.round > prev.round) byKey.set(s.step_key, s)
  }
  return [...byKey.values()].sort((a, b) => a.seq - b.seq)
}

/** Starts every waiting step whose predecessors are all done (parallel steps start together). Returns them. */
export async function startReadySteps(tx: Executor, cal: Calendar, caseId: string, today: string, now: Date, exclude: string[] = []): Promise<StepRow[]> {
  const current = currentSteps(await stepsOf(tx, caseId)).filter((s) => !exclude.includes(s.step_key))
  const ready = readyToStart(current.map((s) => ({ key: s.step_key, status: s.status, predecessors: s.predecessors })))
  const started: StepRow[] = []
  for (const key of ready) {
    const s = current.find((x) => x.step_key === key)!
    const row = await tx.updateTable('case_steps')
      .set({ status: 'active', started_at: now, started_on: today, due_on: stepDue(cal, today, s.days), version: s.version + 1 })
      .where('id', '=', s.id).where('status', '=', 'waiting').returningAll().executeTakeFirst()
    if (row) started.push(row)
  }
  return started
}

/** Cancels every open step and ends open pauses (withdrawal, termination). */
export async function closeOpenSteps(tx: Executor, caseId: string, now: Date): Promise<void> {
  await tx.updateTable('case_steps').set({ status: 'cancelled', finished_at: now }).where('case_id', '=', caseId).where('status', 'in', ['active', 'waiting']).execute()
  await tx.updateTable('case_pauses').set({ ended_at: now, result: '办件已结束' }).where('case_id', '=', caseId).where('ended_at', 'is', null).execute()
}
