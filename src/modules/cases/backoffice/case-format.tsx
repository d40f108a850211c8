/** Labels and small formatting shared by the case page and the worklist: deadline badge, step status, outcome, Asia/Shanghai time. */
import { Tag, type Tone } from '../../../platform/web/components'
import { t, type Lang } from '../../../platform/web/i18n'
import { DEADLINE_LABELS, type DeadlineState } from '../clocks'

export const DEADLINE_TONE: Record<DeadlineState, Tone> = { ok: 'success', due_soon: 'warn', overdue: 'danger', paused: 'info', none: 'neutral' }
export function DeadlineBadge({ lang, state }: { lang: Lang; state: DeadlineState }) {
  if (state === 'none') return null
  return <Tag tone={DEADLINE_TONE[state]}>{t(lang, DEADLINE_LABELS[state].zh, DEADLINE_LABELS[state].en)}</Tag>
}

export const STEP_STATUS: Record<string, { zh: string; en: string }> = {
  waiting: { zh: '未开始', en: 'Waiting' }, active: { zh: '办理中', en: 'In progress' }, done: { zh: '已完成', en: 'Done' }, cancelled: { zh: '已取消', en: 'Cancelled' },
}
export const OUTCOME: Record<string, { zh: string; en: string }> = {
  pass: { zh: '通过', en: 'Passed' }, return: { zh: '退回', en: 'Sent back' }, other: { zh: '其他', en: 'Other' }, approved: { zh: '准予许可', en: 'Approved' }, denied: { zh: '不予许可', en: 'Denied' },
}
export const label = (lang: Lang, m: Record<string, { zh: string; en: string }>, k: string | null) => (k && m[k] ? t(lang, m[k].zh, m[k].en) : '—')

/** Asia/Shanghai "YYYY-MM-DD HH:mm". */
export function cst(d: Date | string | null | undefined): string {
  if (!d) return '—'
  const ms = new Date(d).getTime()
  return Number.isFinite(ms) ? new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '—'
}
