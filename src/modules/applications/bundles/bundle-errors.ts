import { ConflictError, NotFoundError } from '../../../platform/errors'

export const bundleNotFound = () => new NotFoundError('找不到这项“一件事”申请，或它不属于您。请从“我的一件事”进入。 No such bundle application, or it is not yours.', 'bundle_not_found')
export const bundleUnknown = () => new NotFoundError('没有这项“一件事”。请从“一件事”列表中选择。 No such bundle; pick one from the list.', 'bundle_unknown')
export const bundleNotDraft = () => new ConflictError('这项“一件事”已经提交或撤回，不能再修改。请查看办理进度。 Already submitted or withdrawn; see its progress.', 'bundle_not_draft')
export const bundleAudience = () => new ConflictError('这项“一件事”只面向个人办理。请先退出企业代办，再以个人身份申请。 This bundle is for individuals; stop acting for the enterprise first.', 'bundle_audience')
