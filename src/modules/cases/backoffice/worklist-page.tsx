import type { DB } from '../../../platform/database'
import { loadCalendar, shanghaiDate } from '../../../platform/calendar'
import { Tag } from '../../../platform/web/components'
import { t, type Lang } from '../../../platform/web/i18n'
import { formatRefNo } from '../../applications'
import { departmentsWithRole, type StaffUser } from '../../identity'
import { CASE_STATUS_LABELS } from '../case'
import { worklist, type WorklistRow } from '../case-queries'
import { deadlineState } from '../clocks'
import { cst, DeadlineBadge } from './case-page'

export const PAGE_SIZE = 30
export type WorklistTab = 'todo' | 'mine' | 'done'
export type DeadlineFilter = 'all' | 'due_soon' | 'overdue'
export type WorklistQuery = { tab: WorklistTab; deadline: DeadlineFilter; after: string | null }

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const AFTER_TODO = new RegExp(`^(\\d{4}-\\d{2}-\\d{2})_(${UUID})$`, 'i')
const AFTER_DONE = new RegExp(`^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z)_(${UUID})$`, 'i')

/** Query string → filter; anything unknown falls back to the default view (a bad `after` = the first page). */
export function parseWorklistQuery(q: (k: string) => string | undefined): WorklistQuery {
  const tab = (['todo', 'mine', 'done'] as const).find((x) => x === q('tab')) ?? 'todo'
  const deadline = (['all', 'due_soon', 'overdue'] as const).find((x) => x === q('deadline')) ?? 'all'
  const raw = (q('after') ?? '').slice(0, 80)
  const after = (tab === 'done' ? AFTER_DONE : AFTER_TODO).test(raw) ? raw : null
  return { tab, deadline: tab === 'done' ? 'all' : deadline, after }
}

/** GB/T 2260 prefix of a region (320500 → 3205): every region below shares it. */
const regionPrefix = (code: string) => code.replace(/(00)+$/, '') || code

/**
 * Whose steps this person sees: the departments where they hold a department role (window, officer, head), and —
 * read-only — every case of the regions they supervise (电子监察).
 */
export function worklistScope(u: Pick<StaffUser, 'grants'>): { departmentIds: string[] | 'all'; regionPrefixes: string[] } {
  const lists = (['window_officer', 'department_officer', 'department_head'] as const).map((r) => departmentsWithRole(u, r))
  const departmentIds = lists.some((l) => l === 'all') ? 'all' : [...new Set(lists.flatMap((l) => (l === 'all' ? [] : l)))]
  const regionPrefixes = [...new Set(u.grants.filter((g) => g.role === 'supervisor' && g.regionCode && /^\d{6}$/.test(g.regionCode)).map((g) => regionPrefix(g.regionCode!)))]
  return { departmentIds, regionPrefixes }
}

export type WorklistData = { rows: WorklistRow[]; next: string | null; today: string; states: Map<string, ReturnType<typeof deadlineState>>; supervisorOnly: boolean }

export async function loadWorklist(db: DB, u: StaffUser, q: WorklistQuery, now = new Date()): Promise<WorklistData> {
  const cal = await loadCalendar(db)
  const today = shanghaiDate(now)
  const scope = worklistScope(u)
  let after: { dueOn: string; id: string } | null = null
  let afterDone: { finishedAt: Date; id: string } | null = null
  if (q.after) {
    const [k, id] = [q.after.slice(0, q.after.lastIndexOf('_')), q.after.slice(q.after.lastIndexOf('_') + 1)]
    if (q.tab === 'done') afterDone = { finishedAt: new Date(k), id }
    else after = { dueOn: k, id }
  }
  const rows = await worklist(db, {
    departmentIds: scope.departmentIds, regionPrefixes: scope.regionPrefixes,
    view: q.tab === 'done' ? 'done' : 'todo', mine: q.tab === 'mine', officerId: u.id,
    deadline: q.deadline === 'all' ? null : q.deadline, today, nextWorkingDay: cal.addWorkingDays(today, 1),
    limit: PAGE_SIZE + 1, after, afterDone,
  })
  const page = rows.slice(0, PAGE_SIZE)
  const last = page[page.length - 1]
  const next = rows.length > PAGE_SIZE && last
    ? q.tab === 'done' ? `${new Date(last.finishedAt!).toISOString()}_${last.stepId}` : `${last.dueOn}_${last.stepId}`
    : null
  const states = new Map(page.map((r) => [r.stepId, r.stepStatus === 'active' ? deadlineState(cal, r.dueOn, today, false) : 'none' as const]))
  const supervisorOnly = scope.departmentIds !== 'all' && scope.departmentIds.length === 0
  return { rows: page, next, today, states, supervisorOnly }
}

const TABS: { tab: WorklistTab; zh: string; en: string }[] = [
  { tab: 'todo', zh: '待办', en: 'To do' },
  { tab: 'mine', zh: '我的待办', en: 'Assigned to me' },
  { tab: 'done', zh: '已办', en: 'Done by me' },
]
const DEADLINES: { deadline: DeadlineFilter; zh: string; en: string }[] = [
  { deadline: 'all', zh: '全部', en: 'All' },
  { deadline: 'due_soon', zh: '即将到期', en: 'Due soon' },
  { deadline: 'overdue', zh: '已超期', en: 'Overdue' },
]
const href = (q: Partial<WorklistQuery>) => {
  const p = new URLSearchParams()
  if (q.tab && q.tab !== 'todo') p.set('tab', q.tab)
  if (q.deadline && q.deadline !== 'all') p.set('deadline', q.deadline)
  if (q.after) p.set('after', q.after)
  const s = p.toString()
  return `/admin/cases${s ? `?${s}` : ''}`
}

function emptyText(lang: Lang, q: WorklistQuery, supervisorOnly: boolean): string {
  if (q.tab === 'done') return t(lang, '您还没有办理完成的环节。在“待办”中认领并办理后，会出现在这里。', 'You have not finished any step yet. Steps you complete from “To do” appear here.')
  if (q.deadline === 'overdue') return t(lang, '没有已超期的环节。', 'No overdue steps.')
  if (q.deadline === 'due_soon') return t(lang, '没有即将到期的环节。', 'No steps due soon.')
  if (q.tab === 'mine') return t(lang, '没有分派给您或由您认领的环节。请到“待办”中认领，或请部门负责人分派。', 'Nothing is assigned to you. Claim a step under “To do”, or ask your head to assign one.')
  if (supervisorOnly) return t(lang, '您监察的区域内目前没有正在办理的环节。', 'No steps are in progress in the regions you supervise.')
  return t(lang, '本部门目前没有待办的环节。新的申请提交后会出现在这里；已完成的请看“已办”。', 'Your department has nothing to do now. New applications appear here; finished steps are under “Done by me”.')
}

export function WorklistPage({ lang, q, data }: { lang: Lang; q: WorklistQuery; data: WorklistData }) {
  const title = t(lang, '办件', 'Cases')
  return (
    <>
      <h1>{title}</h1>
      <p>{data.supervisorOnly
        ? t(lang, '电子监察：您所监察区域内正在办理的环节（只读）。', 'Supervision: steps in progress in the regions you supervise (read only).')
        : t(lang, '本部门正在办理的环节，按到期日排列。点击办件编号办理。', 'Steps in progress in your departments, by due date. Open a case number to work on it.')}</p>
      <nav aria-label={t(lang, '列表', 'Lists')}>
        <ul class="action-links">
          {TABS.map((x) => <li><a href={href({ tab: x.tab, deadline: q.deadline })} aria-current={q.tab === x.tab ? 'page' : undefined}>{t(lang, x.zh, x.en)}</a></li>)}
        </ul>
      </nav>
      {q.tab === 'done' ? null : (
        <nav aria-label={t(lang, '按期限筛选', 'Filter by deadline')}>
          <ul class="action-links">
            {DEADLINES.map((x) => <li><a href={href({ tab: q.tab, deadline: x.deadline })} aria-current={q.deadline === x.deadline ? 'page' : undefined}>{t(lang, x.zh, x.en)}</a></li>)}
          </ul>
        </nav>
      )}
      {data.rows.length ? (
        <table class="table">
          <caption>{t(lang, `${TABS.find((x) => x.tab === q.tab)!.zh}（今天 ${data.today}）`, `${TABS.find((x) => x.tab === q.tab)!.en} (today ${data.today})`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(lang, '办件编号', 'Case number')}</th>
              <th scope="col">{t(lang, '事项', 'Item')}</th>
              <th scope="col">{t(lang, '申请人', 'Applicant')}</th>
              <th scope="col">{t(lang, '环节', 'Step')}</th>
              <th scope="col">{q.tab === 'done' ? t(lang, '完成时间', 'Finished') : t(lang, '环节到期', 'Step due')}</th>
              <th scope="col">{t(lang, '办件状态', 'Case status')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => {
              const st = CASE_STATUS_LABELS[r.caseStatus]
              return (
                <tr>
                  <td><a href={`/admin/cases/${r.caseId}`}>{formatRefNo(r.refNo)}</a></td>
                  <td>{r.itemName}</td>
                  <td>{r.applicantName}</td>
                  <td>{r.stepName}{r.assigneeName ? <><br /><span class="meta">{t(lang, `承办人：${r.assigneeName}`, `Handler: ${r.assigneeName}`)}</span></> : null}</td>
                  <td>{q.tab === 'done' ? cst(r.finishedAt) : <>{r.dueOn ?? '—'} <DeadlineBadge lang={lang} state={data.states.get(r.stepId) ?? 'none'} /></>}</td>
                  <td>{t(lang, st.zh, st.en)}{r.pausedSince ? <> <Tag tone="info">{t(lang, '暂停计时', 'Clock stopped')}</Tag></> : null}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      ) : (
        <p class="empty">{emptyText(lang, q, data.supervisorOnly)}</p>
      )}
      {data.next || q.after ? (
        <nav class="pagination" aria-label={t(lang, '分页', 'Pagination')}>
          <ul>
            {q.after ? <li><a href={href({ tab: q.tab, deadline: q.deadline })}>{t(lang, '回到第一页', 'First page')}</a></li> : null}
            {data.next ? <li><a href={href({ tab: q.tab, deadline: q.deadline, after: data.next })} rel="next">{t(lang, '下一页', 'Next page')}</a></li> : null}
          </ul>
        </nav>
      ) : null}
    </>
  )
}
