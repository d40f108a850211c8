import type { DB, Executor } from '../../platform/database'
import { ValidationError } from '../../platform/errors'
import { loadCalendar } from '../../platform/calendar/calendar-store'
import { shanghaiDate } from '../../platform/calendar/working-calendar'
import type { StaffUser } from '../identity'
import type { Calendar } from './clocks'
import type { CaseActor, CaseRow } from './case-store'
import type { CaseNotices } from './case-notices'

/**
 * 办结即制证: a higher module (licences) makes the result of an approved case — inside the result transaction, so
 * the case is never 已出证 without its licence, nor a licence without its case. Null: the item's result is no licence.
 */
export type CaseResultIssuer = (tx: Executor, c: CaseRow, ctx: { staff: StaffUser; now: Date; today: string }) => Promise<{ name: string; number: string; licenceId: string } | null>

/** What case operations need: the database, the notices port (wired to notifications in src/main) and the result issuer (licences). */
export type CaseDeps = { db: DB; notices?: CaseNotices; results?: CaseResultIssuer }

export type Clock = { cal: Calendar; now: Date; today: string }

/** Loaded BEFORE the transaction opens (inside it, only the transaction may touch the database — PGlite has one session). */
export async function clockFor(deps: { db: DB }, now = new Date()): Promise<Clock> {
  return { cal: await loadCalendar(deps.db), now, today: shanghaiDate(now) }
}

export const staffActor = (u: Pick<StaffUser, 'id' | 'displayName'>): CaseActor => ({ kind: 'staff', id: u.id, name: u.displayName })

/** Reasons the law wants written down (不予受理, 补正, 不予许可, 退回, 特别程序, 延长, 终止): 2–1000 characters. */
export function requireReason(reason: string | null | undefined, field = 'reason'): string {
  const r = (reason ?? '').trim()
  if (r.length < 2 || r.length > 1000) {
    throw new ReasonError(field, r.length > 1000 ? '理由最多1000字，请精简后再提交。 At most 1000 characters.' : '请填写理由：法律要求书面说明，申请人会看到这段文字。 A reason is required; the applicant will see it.')
  }
  return r
}
export class ReasonError extends ValidationError {
  constructor(field: string, message: string) {
    super(message, [{ field, message }], 'reason_required')
  }
}
