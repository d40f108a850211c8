import { ConflictError, ForbiddenError, NotFoundError } from '../../platform/errors'
import { CASE_STATUS_LABELS, type CaseStatus } from './case'

export const caseNotFound = () => new NotFoundError('找不到这个办件，或您无权查看。请从“待办/已办”列表进入。 No such case, or you may not see it.', 'case_not_found')
export const stepNotFound = () => new NotFoundError('找不到这个环节，请刷新办件页面后重试。 No such step; reload the case page.', 'step_not_found')
export const notAllowedNow = (status: CaseStatus, what: string) =>
  new ConflictError(`办件当前状态为“${CASE_STATUS_LABELS[status].zh}”，不能${what}。请刷新页面查看最新状态。 Not allowed in the current state (${CASE_STATUS_LABELS[status].en}).`, 'case_state_conflict')
export const staleVersion = () =>
  new ConflictError('该办件刚刚已被其他人处理，您的操作没有生效。请刷新页面，查看最新进度后再操作。 Someone else acted on this case just now; nothing was changed. Reload and try again.', 'case_changed')
export const stepTaken = (by: string | null) =>
  new ConflictError(`该环节已由${by ?? '其他人员'}处理，您的操作没有生效。请刷新页面查看结果。 This step was already handled by someone else; nothing was changed.`, 'step_changed')
export const notPermitted = (what: string) =>
  new ForbiddenError(`您没有${what}的权限。如需办理，请联系本部门负责人分配。 You are not allowed to do this; ask your department head.`, 'case_forbidden')
