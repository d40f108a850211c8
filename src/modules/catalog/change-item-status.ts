import { recordAudit, type Actor } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { ConflictError, ValidationError } from '../../platform/errors'
import { itemInvalid, itemNotFound, staleVersion } from './catalog-errors'
import { regionCodes } from './catalog-queries'
import { validateItem } from './item-validation'
import { saveValidItem } from './save-item'
import { effectiveStatus, type ItemStatus, type ServiceItemRecord } from './service-item'

/**
 * Which status changes the editor may make. Publishing also re-publishes a suspended or cancelled item;
 * suspending applies to published items only; anything not yet cancelled can be cancelled.
 */
export const STATUS_TRANSITIONS: Record<'publish' | 'suspend' | 'cancel', { to: ItemStatus; from: ItemStatus[]; reasonRequired: boolean }> = {
  publish: { to: 'published', from: ['draft', 'suspended', 'cancelled'], reasonRequired: false },
  suspend: { to: 'suspended', from: ['published'], reasonRequired: true },
  cancel: { to: 'cancelled', from: ['draft', 'published', 'suspended'], reasonRequired: true },
}
export type StatusAction = keyof typeof STATUS_TRANSITIONS

export type ChangeItemStatusInput = { code: string; action: StatusAction; reason?: string; expectedVersion: number; actor: Actor }

/**
 * Publishes, suspends or cancels a service item. The change is a new version (cases pin versions), written
 * through saveValidItem, plus an audit entry `catalog.item.<published|suspended|cancelled>` carrying the
 * reason — all in one transaction. Publishing re-validates the record so nothing invalid goes public.
 */
export async function changeItemStatus(db: DB, input: ChangeItemStatusInput): Promise<{ version: number; status: ItemStatus }> {
  const rule = STATUS_TRANSITIONS[input.action]
  if (!rule) throw new ValidationError('未知的操作。 Unknown action.', [{ field: 'action', message: '未知的操作。 Unknown action.' }])
  const reason = (input.reason ?? '').trim()
  if (rule.reasonRequired && !reason) {
    throw new ValidationError('请填写原因。 Give a reason.', [{ field: 'reason', message: '请填写原因，原因会记入版本历史和审计日志。 Give a reason; it is kept in the history and audit log.' }], 'reason_required')
  }
  if (reason.length > 500) throw new ValidationError('原因过长。 Reason too long.', [{ field: 'reason', message: '原因最多500字。 At most 500 characters.' }], 'reason_too_long')
  const regions = await regionCodes(db)
  return db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('service_items').select(['data', 'current_version', 'status']).where('code', '=', input.code).forUpdate().executeTakeFirst()
    if (!row) throw itemNotFound(input.code)
    if (row.current_version !== input.expectedVersion) throw staleVersion(input.code, row.current_version, input.expectedVersion)
    const current = row.data as unknown as ServiceItemRecord
    const from = effectiveStatus(current)
    if (!rule.from.includes(from)) {
      throw new ConflictError(`事项当前状态不允许此操作（当前：${from}）。请刷新页面。 This action is not possible in the item's current status.`, 'item_status_transition')
    }
    const next: ServiceItemRecord = { ...current, status: rule.to }
    if (rule.to === 'published') {
      const errors = validateItem(next, { regionExists: (c) => regions.has(c) })
      if (errors.length) throw itemInvalid(errors)
    }
    const actionZh = { publish: from === 'draft' ? '发布' : '重新发布', suspend: '暂停', cancel: '取消' }[input.action]
    const saved = await saveValidItem(tx, next, { actor: input.actor, note: reason ? `${actionZh}：${reason}` : actionZh, expectedVersion: input.expectedVersion })
    await recordAudit(tx, {
      actor: input.actor,
      action: `catalog.item.${rule.to}`,
      subject: { type: 'service_item', id: input.code },
      reason: reason || null,
      details: { from, to: rule.to, version: saved.version },
    })
    return { version: saved.version, status: rule.to }
  })
}
