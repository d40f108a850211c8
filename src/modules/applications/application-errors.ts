import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../platform/errors'

export const applicationNotFound = () => new NotFoundError('找不到这份申请，或它不属于您。请从“我的办件”进入。 No such application, or it is not yours.', 'application_not_found')
export const notADraft = () => new ConflictError('这份申请已经提交或撤回，不能再修改。请在“我的办件”查看进度。 Already submitted or withdrawn; it can no longer be changed.', 'application_not_draft')
export const draftChanged = () => new ConflictError('这份草稿已在另一个窗口或设备上保存过，您刚才的修改没有保存。请刷新页面，核对后再保存。 The draft was saved elsewhere; reload and try again.', 'draft_changed')
export const itemUnavailable = () => new ConflictError('该事项目前暂停网上办理。请查看办事指南中的窗口地址，或稍后再试。 This service cannot be applied for online now.', 'item_unavailable')
export class FormInvalidError extends ValidationError {
  constructor(fields: FieldError[]) {
    super(`申请表有${fields.length}处需要修改，请按提示修改后再提交。 ${fields.length} field(s) need attention.`, fields, 'form_invalid')
  }
}
export const bundleItem = () => new ConflictError('这份申请属于一个“一件事”套餐，请在套餐页面统一填写和提交。 This application belongs to a bundle; fill in and submit it on the bundle page.', 'bundle_item')
