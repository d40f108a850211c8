import type { Lang } from '../../../platform/web/i18n'
import { t } from '../../../platform/web/i18n'
import { Tag, Zh } from '../../../platform/web/components'
import type { Material, ServiceItemRecord } from '../service-item'
import { days, formLabel, sourceLabel } from './labels'
import { stagesOf, totalDays } from './step-stages'

/** Sections of the 办事指南 below 基本信息: materials, process, special procedures, basis, result, FAQ. */

/** A material the applicant need not bring: an e-licence (电子证照) or shared data (数据共享) satisfies it. */
export function exemptionOf(lang: Lang, m: Material): string | undefined {
  if (m.licenseType) return t(lang, `可用电子证照免提交（${m.licenseType}）`, `Not needed if you hold the e-licence (${m.licenseType})`)
  if (m.sharedDataset) return t(lang, `数据共享免提交（${m.sharedDataset}）`, `Not needed: obtained from shared data (${m.sharedDataset})`)
  return undefined
}

function copiesText(lang: Lang, m: Material): string {
  const parts: string[] = []
  if (m.originals) parts.push(t(lang, `原件 ${m.originals} 份`, `${m.originals} original${m.originals === 1 ? '' : 's'}`))
  if (m.copies) parts.push(t(lang, `复印件 ${m.copies} 份`, `${m.copies} cop${m.copies === 1 ? 'y' : 'ies'}`))
  return parts.join(t(lang, '，', ', ')) || '—'
}

export function MaterialsTable({ lang, materials }: { lang: Lang; materials: Material[] }) {
  const exempt = materials.filter((m) => exemptionOf(lang, m)).length
  return (
    <>
      {exempt ? (
        <p class="hint">
          {t(lang, `其中 ${exempt} 项材料可通过电子证照或数据共享获取，在线申请时无需再提交。`, `${exempt} of these can be obtained from e-licences or shared government data; you will not need to provide them when applying online.`)}
        </p>
      ) : null}
      <table class="materials">
        <caption class="visually-hidden">{t(lang, '申请材料清单', 'List of required documents')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, '序号', 'No.')}</th>
            <th scope="col">{t(lang, '材料名称', 'Document')}</th>
            <th scope="col">{t(lang, '是否必要', 'Required')}</th>
            <th scope="col">{t(lang, '材料形式', 'Form')}</th>
            <th scope="col">{t(lang, '份数', 'Copies')}</th>
            <th scope="col">{t(lang, '来源渠道', 'Source')}</th>
            <th scope="col">{t(lang, '出具机构', 'Issued by')}</th>
          </tr>
        </thead>
        <tbody>
          {materials.map((m, i) => {
            const ex = exemptionOf(lang, m)
            return (
              <tr>
                <td data-label={t(lang, '序号', 'No.')}>{i + 1}</td>
                <td data-label={t(lang, '材料名称', 'Document')}>
                  <div>
                  <strong><Zh lang={lang}>{m.name}</Zh></strong>
                  {ex ? <> <Tag tone="success">{ex}</Tag></> : null}
                  {m.notes ? <p class="material-notes"><span class="label">{t(lang, '填报须知：', 'Notes: ')}</span><Zh lang={lang}>{m.notes}</Zh></p> : null}
                  {m.templateUrl ? <p class="material-notes"><a href={m.templateUrl}>{t(lang, '空白表格或样表', 'Blank form or sample')}</a></p> : null}
                  </div>
                </td>
                <td data-label={t(lang, '是否必要', 'Required')}>{m.required === false ? t(lang, '非必要', 'Optional') : t(lang, '必要', 'Required')}</td>
                <td data-label={t(lang, '材料形式', 'Form')}>{formLabel(lang, m.form) ?? '—'}</td>
                <td data-label={t(lang, '份数', 'Copies')}>{copiesText(lang, m)}</td>
                <td data-label={t(lang, '来源渠道', 'Source')}>{sourceLabel(lang, m.source) ?? '—'}</td>
                <td data-label={t(lang, '出具机构', 'Issued by')}>{m.issuer ? <Zh lang={lang}>{m.issuer}</Zh> : '—'}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </>
  )
}

export function ProcessSteps({ lang, record }: { lang: Lang; record: ServiceItemRecord }) {
  const stages = stagesOf(record.steps)
  const hasParallel = stages.some((s) => s.parallel)
  return (
    <>
      {hasParallel ? (
        <p class="hint">{t(lang, '标有“并联办理”的环节由多个部门同时办理，不必依次等待。', 'Steps marked "in parallel" are handled by several departments at the same time.')}</p>
      ) : null}
      <ol class="stages">
        {stages.map((s, i) => (
          <li class={s.parallel ? 'stage stage-parallel' : 'stage'}>
            <p class="stage-head">
              <span class="stage-no">{t(lang, `第 ${i + 1} 步`, `Stage ${i + 1}`)}</span>
              {s.parallel ? <Tag tone="info">{t(lang, `并联办理（${s.steps.length} 个环节同时进行）`, `In parallel (${s.steps.length} steps at once)`)}</Tag> : null}
            </p>
            <ul class="stage-steps">
              {s.steps.map((st) => (
                <li>
                  <strong><Zh lang={lang}>{st.name}</Zh></strong>
                  {st.department ? <span class="step-meta"><Zh lang={lang}>{st.department}</Zh></span> : null}
                  {st.days ? <span class="step-meta">{days(lang, st.days)}</span> : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {stages.some((s) => s.days > 0) ? (
        <p class="hint">{t(lang, `按上述环节合计约 ${totalDays(stages)} 个工作日（并联环节按最长者计）。`, `About ${totalDays(stages)} working days along these steps (parallel steps count once).`)}</p>
      ) : null}
    </>
  )
}

export function TextList({ lang, items, class: cls }: { lang: Lang; items: string[]; class?: string }) {
  return (
    <ul class={cls}>
      {items.map((x) => <li><Zh lang={lang}>{x}</Zh></li>)}
    </ul>
  )
}

export function Faqs({ lang, faqs }: { lang: Lang; faqs: { q: string; a: string }[] }) {
  return (
    <dl class="faqs">
      {faqs.map((f) => (
        <div class="faq">
          <dt><Zh lang={lang}>{f.q}</Zh></dt>
          <dd><Zh lang={lang}>{f.a}</Zh></dd>
        </div>
      ))}
    </dl>
  )
}
