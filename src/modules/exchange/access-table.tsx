import { Tag } from '../../platform/web/components'
import { t, type Lang } from '../../platform/web/i18n'
import type { AccessRow } from './access-log-queries'
import { REFUSAL_LABELS } from './exchange-errors'

/** China Standard Time whatever the server's zone: 2026-11-21 14:05. */
export function cst(d: Date): string {
  const z = new Date(d.getTime() + 8 * 3600 * 1000)
  return z.toISOString().slice(0, 16).replace('T', ' ')
}

/** Who used the data: the consuming department, or the unified identity platform for a citizen's own check. */
export function consumerLabel(lang: Lang, r: Pick<AccessRow, 'actorType' | 'consumerDepartmentId' | 'departmentName'>): string {
  if (r.actorType === 'citizen' && !r.consumerDepartmentId) return t(lang, '统一身份认证平台（注册核验）', 'Unified identity platform (registration check)')
  if (r.departmentName) return r.departmentName + (r.actorType === 'client' ? t(lang, '（部门业务系统）', ' (department system)') : '')
  return t(lang, '政务服务平台（系统自动）', 'The platform (automatic)')
}

export function OutcomeTag({ lang, r }: { lang: Lang; r: Pick<AccessRow, 'outcome' | 'refusalCode'> }) {
  if (r.outcome === 'granted') return <Tag tone="success">{t(lang, '已提供', 'Provided')}</Tag>
  const why = r.refusalCode ? REFUSAL_LABELS[r.refusalCode] : undefined
  return <Tag tone="warn">{t(lang, `已拒绝：${why?.zh ?? r.refusalCode ?? ''}`, `Refused: ${why?.en ?? r.refusalCode ?? ''}`)}</Tag>
}

/**
 * The access-log table. `staff` adds the subject (masked) and the person or system that read; citizens see
 * which department, which data, why, for which case and when — never another person's identifier.
 */
export function AccessTable({ lang, rows, caption, staff }: { lang: Lang; rows: AccessRow[]; caption: string; staff?: boolean }) {
  return (
    <table class="table access-log">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t(lang, '时间', 'Time')}</th>
          <th scope="col">{t(lang, '使用单位', 'Used by')}</th>
          {staff ? <th scope="col">{t(lang, '查询对象', 'Subject')}</th> : null}
          <th scope="col">{t(lang, '数据', 'Data')}</th>
          <th scope="col">{t(lang, '用途', 'Purpose')}</th>
          <th scope="col">{t(lang, '关联办件', 'Case')}</th>
          <th scope="col">{t(lang, '结果', 'Outcome')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr>
            <td><time datetime={r.occurredAt.toISOString()}>{cst(r.occurredAt)}</time></td>
            <td>
              {consumerLabel(lang, r)}
              {staff && r.actorName ? <div class="meta">{r.actorType === 'client' ? `${t(lang, '接口客户端', 'Client')} ${r.clientId ?? ''}` : r.actorName}</div> : null}
            </td>
            {staff ? <td class="code">{r.subjectMasked}</td> : null}
            <td>
              {r.datasetName ? t(lang, r.datasetName, r.datasetNameEn ?? r.datasetName) : <span class="code">{r.datasetCode}</span>}
              <div class="meta">{r.fields.map((f) => t(lang, f.label, f.labelEn)).join(t(lang, '、', ', '))}</div>
            </td>
            <td>{r.purpose ?? t(lang, '（未说明）', '(none given)')}</td>
            <td>{r.caseRef ?? '—'}</td>
            <td><OutcomeTag lang={lang} r={r} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
