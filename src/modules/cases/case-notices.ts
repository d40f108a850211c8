import type { Executor } from '../../platform/database'
import type { CaseRow } from './case-store'

/**
 * The notices port: case operations say WHAT happened, inside their transaction; the notifications module
 * (wired in src/main/compose.ts) writes the inbox message and enqueues email/SMS jobs in the same transaction,
 * so a notice exists iff the transition committed, and is sent after commit (outbox).
 */
export type CaseNoticeEvent =
  | 'application.submitted' | 'case.accepted' | 'case.not_accepted' | 'case.correction_requested'
  | 'case.decided' | 'case.result_issued' | 'case.withdrawn' | 'case.terminated' | 'step.assigned' | 'step.due_soon'

export type CaseNotice = {
  event: CaseNoticeEvent
  case: Pick<CaseRow, 'id' | 'ref_no' | 'item_name' | 'applicant_citizen_id' | 'application_id'>
  /** Staff recipient (step.assigned / step.due_soon); otherwise the applicant. */
  staffId?: string
  data?: Record<string, string>
  /** Unique per notice: the same key twice never sends twice. */
  dedupeKey: string
  /** The recipient's phone and e-mail when the operation already read them in this transaction. */
  contact?: { phone: string | null; email: string | null }
}
export type CaseNotices = (tx: Executor, notice: CaseNotice) => Promise<void>

export async function sendNotice(notices: CaseNotices | undefined, tx: Executor, n: CaseNotice): Promise<void> {
  if (notices) await notices(tx, n)
}
