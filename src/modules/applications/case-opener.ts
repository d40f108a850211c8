import type { AuditInput } from '../../platform/audit'
import type { Executor } from '../../platform/database'

/**
 * Port: the cases module (above us) opens the case of a submitted application inside the submission
 * transaction; src/main/compose.ts wires it (ARCHITECTURE.md §2, call down / ports up). `prepare` runs before
 * the transaction (it may read the working-day calendar), `open` inside it. `open` returns the audit entries of
 * what it did; the caller MUST append them (recordAuditBatch, with its own, as the transaction's last statement).
 */
export type OpenCaseRequest = {
  applicationId: string
  refNo: string
  item: { id: string; version: number; code: string; name: string; caseKind?: string; statutoryDays?: number; promisedDays?: number }
  departmentId: string
  regionCode: string | null
  applicantCitizenId: string
  subjectEnterpriseId: string | null
  applicantName: string
  actor: { kind: 'citizen'; id: string; name: string }
  /** The applicant's phone and e-mail when the caller read them in this transaction (saves the notice a read). */
  applicantContact?: { phone: string; email: string | null }
}
export type CaseOpener = {
  prepare(now: Date): Promise<{ today: string; open(tx: Executor, req: OpenCaseRequest): Promise<{ caseId: string; preReviewDue: string; audit: AuditInput[] }> }>
}
