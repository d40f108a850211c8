import { DomainError, ForbiddenError, NotFoundError } from '../../platform/errors'

/**
 * Errors shared by the enterprise and mandate operations. Anything a person may not see is "not found"
 * (never "forbidden"), so ids of other people's enterprises and mandates reveal nothing.
 */
export const enterpriseNotFound = () =>
  new NotFoundError('没有找到该企业，或您无权查看。请从“我的企业”进入。 Enterprise not found or not yours; open it from My enterprises.', 'enterprise_not_found')
export const mandateNotFound = () =>
  new NotFoundError('没有找到该授权，或您无权查看。请从授权列表进入。 Authorisation not found or not yours; open it from the list.', 'mandate_not_found')
export const actAsSelfFirst = () =>
  new ForbiddenError('您正在代表他人办理，此操作只能以本人身份进行。请先点击“退出代办”切换回本人。 You are acting for someone else; switch back to yourself first.', 'acting_for_other')
export const verifiedOnly = () =>
  new ForbiddenError('此操作需要已实名认证的账号。请先到“账号与安全”完成实名认证。 This needs a real-name verified account; verify first under Account.', 'real_name_required')
export const legalRepOnly = () =>
  new ForbiddenError('只有企业的法定代表人本人可以管理经办人授权。经办人不能新增或撤销授权。 Only the legal representative can manage agents.', 'legal_rep_only')
export const mandateNotLive = () =>
  new DomainError('mandate_not_live', '该授权已过期、已被撤销或尚未生效，不能据此代办。如需继续办理，请联系授权人重新授权。 This authorisation expired, was revoked or has not started; ask the grantor to authorise you again.', 409)
