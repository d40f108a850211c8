import type { DB, Executor } from '../../platform/database'
import type { CaseOpener, OpenCaseRequest } from '../applications'
import { clockFor } from './case-context'
import { sendNotice, type CaseNotices } from './case-notices'
import { openCase } from './open-case'

/** The cases module's side of the applications' CaseOpener port (wired in src/main/compose.ts). */
export function createCaseOpener(deps: { db: DB; notices?: CaseNotices }): CaseOpener {
  return {
    async prepare(now: Date) {
      const { cal, today } = await clockFor(deps, now)
      return {
        today,
        async open(tx: Executor, req: OpenCaseRequest) {
          const opened = await openCase(tx, cal, { ...req, now, today })
          await sendNotice(deps.notices, tx, {
            event: 'application.submitted', case: { id: opened.caseId, ref_no: req.refNo, item_name: req.item.name, applicant_citizen_id: req.applicantCitizenId, application_id: req.applicationId },
            dedupeKey: `application.submitted:${req.applicationId}`, data: { preReviewDue: opened.preReviewDue }, contact: req.applicantContact,
          })
          return opened
        },
      }
    },
  }
}
