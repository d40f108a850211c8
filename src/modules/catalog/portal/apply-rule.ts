import type { ServiceItemRecord } from '../service-item'

/**
 * Whether an item can be applied for online (issue 4): published, and 网上办理深度 ≥ 3 (全程网办 or more) or the
 * web among its channels. The guide shows 在线申请 on this rule and the applications module refuses to start a
 * draft otherwise.
 */
export function appliesOnline(item: { status: string; record: Pick<ServiceItemRecord, 'onlineLevel' | 'channels'> }): boolean {
  return item.status === 'published' && ((item.record.onlineLevel ?? 0) >= 3 || (item.record.channels ?? []).includes('web'))
}
