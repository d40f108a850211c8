import { actingSubject, canActOnItem, type CitizenSession } from '../../identity'
import type { ApplicantActor } from '../applicant'
import type { UploadOwner } from '../uploads/upload-policy'

type Acting = Pick<CitizenSession, 'user' | 'actingFor'>

/**
 * The ApplicantActor of a citizen session (wave2: built from the session, the mandate re-checked by identity on
 * every request): acting for oneself → oneself; 委托代办 → the principal's application, filed by the agent;
 * 经办人 → the enterprise's application, filed by the agent.
 */
export function applicantOf(session: Acting): ApplicantActor {
  const subject = actingSubject(session)
  return {
    citizenId: subject.type === 'citizen' ? subject.id : session.user.id,
    filerId: session.user.id,
    name: session.user.name ?? session.user.displayName,
    actingEnterpriseId: subject.type === 'enterprise' ? subject.id : null,
  }
}

/** Who owns the files uploaded in this session (the uploads module's rule: the uploader, or the enterprise acted for). */
export function uploadOwnerOf(session: Acting): UploadOwner {
  const subject = actingSubject(session)
  return { citizenId: session.user.id, enterpriseId: subject.type === 'enterprise' ? subject.id : null }
}

/**
 * An application or case of `itemCode` is reachable in this session: its applicant (isApplicantOf, checked by the
 * queries) AND, under a mandate limited to named items, only those items — an agent for one item does not see the
 * enterprise's other applications.
 */
export function mayHandleItem(session: Acting, itemCode: string): boolean {
  return canActOnItem(session, itemCode)
}
