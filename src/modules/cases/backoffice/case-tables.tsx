/** The read-only tables of the case page: materials and steps. */
import type { Child } from 'hono/jsx'
import { Tag } from '../../../platform/web/components'
import { t, type Lang } from '../../../platform/web/i18n'
import { deadlineState } from '../clocks'
import type { CaseView } from './case-view'
import { cst, DeadlineBadge, label, OUTCOME, STEP_STATUS } from './case-format'

const PROVIDED: Record<string, { zh: string; en: string }> = {
  upload: { zh: '上传', en: 'Uploaded' }, shared: { zh: '共享获取', en: 'From shared data' }, licence: { zh: '电子证照', en: 'E-licence' }, form: { zh: '表单填写', en: 'Filled in the form' }, none: { zh: '未提供', en: 'Not provided' },
}

export function MaterialsTable({ lang, v }: { lang: Lang; v: CaseView }) {
  if (!v.materials.length) return <p>{t(lang, '该事项没有登记申请材料。', 'This item lists no materials.')}</p>
  const link = (id: string, name: string) => <a href={`/admin/cases/${v.case.id}/uploads/${id}`}>{name}</a>
  return (
    <table class="table">
      <thead><tr>
        <th scope="col">{t(lang, '材料', 'Material')}</th><th scope="col">{t(lang, '必需', 'Required')}</th><th scope="col">{t(lang, '提供方式', 'How provided')}</th>
        <th scope="col">{t(lang, '文件或来源', 'File or source')}</th><th scope="col">{t(lang, '收到时间', 'Received')}</th>
      </tr></thead>
      <tbody>{v.materials.map((m) => {
        const how = m.provided_by ?? (m.dataset === 'form' ? 'form' : 'none')
        const files = v.files[`material${m.material_index}`] ?? []
        let source: Child = '—'
        if (how === 'upload') {
          const shown = files.length ? files : m.upload_id ? [{ id: m.upload_id, name: t(lang, '查看文件', 'Open the file') }] : []
          source = <ul class="file-list">{shown.map((f) => <li>{link(f.id, f.name)}</li>)}</ul>
        } else if (how === 'shared') source = t(lang, `数据集 ${m.dataset ?? ''}${m.trust_level ? `（可信级别 ${m.trust_level}）` : ''}`, `Dataset ${m.dataset ?? ''}${m.trust_level ? ` (trust ${m.trust_level})` : ''}`)
        else if (how === 'licence') source = m.licence_ref ? <>{t(lang, `电子证照（可信级别 ${m.trust_level ?? '—'}）：`, `E-licence (trust ${m.trust_level ?? '—'}): `)}<a href={`/licences/${encodeURIComponent(m.licence_ref)}`}>{t(lang, '核验', 'verify')} {m.licence_ref}</a></> : '—'
        else if (how === 'form') source = t(lang, '见申请表', 'See the form')
        return (
          <tr>
            <td>{m.name}</td>
            <td>{m.required ? t(lang, '是', 'Yes') : t(lang, '否', 'No')}</td>
            <td>{how === 'none' && m.required ? <Tag tone="warn">{label(lang, PROVIDED, how)}</Tag> : label(lang, PROVIDED, how)}</td>
            <td>{source}</td>
            <td>{m.received_at ? cst(m.received_at) : '—'}</td>
          </tr>
        )
      })}</tbody>
    </table>
  )
}

export function StepsTable({ lang, v }: { lang: Lang; v: CaseView }) {
  return (
    <table class="table">
      <thead><tr>
        <th scope="col">{t(lang, '环节', 'Step')}</th><th scope="col">{t(lang, '部门', 'Department')}</th><th scope="col">{t(lang, '轮次', 'Round')}</th>
        <th scope="col">{t(lang, '状态', 'Status')}</th><th scope="col">{t(lang, '承办人', 'Handler')}</th><th scope="col">{t(lang, '开始', 'Started')}</th>
        <th scope="col">{t(lang, '到期', 'Due')}</th><th scope="col">{t(lang, '完成', 'Finished')}</th><th scope="col">{t(lang, '结果', 'Outcome')}</th><th scope="col">{t(lang, '意见', 'Opinion')}</th>
      </tr></thead>
      <tbody>{v.steps.map((s) => (
        <tr>
          <td>{s.name}</td>
          <td>{v.departments.get(s.department_id) ?? '—'}</td>
          <td>{s.round}</td>
          <td>{label(lang, STEP_STATUS, s.status)}</td>
          <td>{s.officer_name ?? s.assignee_name ?? '—'}</td>
          <td>{cst(s.started_at)}</td>
          <td>{s.due_on ?? '—'}{s.status === 'active' ? <> <DeadlineBadge lang={lang} state={deadlineState(v.cal, s.due_on, v.today, v.pauses.some((p) => p.stepId === s.id && !p.endedOn))} /></> : null}</td>
          <td>{cst(s.finished_at)}</td>
          <td>{label(lang, OUTCOME, s.outcome)}{s.returned_to ? t(lang, `（退回到${s.returned_to}）`, ` (to ${s.returned_to})`) : ''}</td>
          <td>{s.opinion ?? '—'}</td>
        </tr>
      ))}</tbody>
    </table>
  )
}
