import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../platform/errors'

export function itemInvalid(fields: FieldError[]): ValidationError {
  return new ValidationError('事项信息有误，请按提示修改后再提交。 The service item has errors; fix the fields listed.', fields, 'item_invalid')
}
export function itemNotFound(code: string): NotFoundError {
  return new NotFoundError(`未找到实施编码为“${code}”的事项，请核对编码或通过搜索查找。 No service item with this code.`, 'item_not_found')
}
export function staleVersion(code: string, current: number, expected: number): ConflictError {
  return new ConflictError(
    `事项 ${code} 已被他人修改（当前为第${current}版，您编辑的是第${expected}版）。请刷新页面查看最新内容后再修改。 Someone else changed this item; reload and edit again.`,
    'item_version_conflict',
  )
}
export function codeTaken(code: string): ConflictError {
  return new ConflictError(`实施编码“${code}”已被其他事项使用，请换一个编码。 This code is already used.`, 'item_code_taken')
}
