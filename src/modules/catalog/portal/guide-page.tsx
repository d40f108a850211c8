import type { Lang } from '../../../platform/web/i18n'
import { t } from '../../../platform/web/i18n'
import { Breadcrumbs, Notice, SummaryList, Tag, Zh } from '../../../platform/web/components'
import { CsrfField } from '../../../platform/web/form-components'
import { TRUST_LEVEL_LABELS, type TrustLevel } from '../../identity'
import { appliesOnline } from './apply-rule'
import type { DepartmentRow, ItemRow, ThemeRow } from '../catalog-queries'
import { audienceLabel, caseKindLabel, channelLabel, crossLabel, days, levelLabel, onlineBadge, onlineLabel, resultKindLabel, typeLabel, yesNo } from './labels'
import { Faqs, MaterialsTable, ProcessSteps, TextList } from './guide-sections'

/** `applyCsrf`: the signed-in citizen's CSRF token — 在线申请 then starts the draft at once (POST /me/applications). */
type Props = { lang: Lang; item: ItemRow; department: DepartmentRow | undefined; themes: ThemeRow[]; applyCsrf?: string | undefined }

function Section({ id, title, children }: { id: string; title: string; children: unknown }) {
  return (
    <section class="guide-section" id={id} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {children as never}
    </section>
  )
}

/** 办事指南: every element of the record in the official order; printable. */
export function GuidePage({ lang, item, department, themes, applyCsrf }: Props) {
  const r = item.record
  const none = t(lang, '无', 'None')
  const themeSlug = new Map(themes.map((th) => [th.name, th]))
  const canApply = item.status === 'published'
  const online = appliesOnline(item)
  const phone = r.consultPhone ?? department?.phone ?? undefined
  const trust = TRUST_LEVEL_LABELS[item.minTrustLevel as TrustLevel]
  const trustText = trust ? t(lang, `${item.minTrustLevel} 级 · ${trust.zh}`, `level ${item.minTrustLevel} · ${trust.en}`) : undefined
  const sections: [string, string, boolean][] = [
    ['basic', t(lang, '基本信息', 'Basic information'), true],
    ['conditions', t(lang, '受理条件', 'Who can apply'), !!r.conditions],
    ['materials', t(lang, '申请材料', 'Documents needed'), !!r.materials?.length],
    ['process', t(lang, '办理流程', 'Process'), !!r.steps?.length],
    ['special', t(lang, '特别程序', 'Special procedures'), true],
    ['intermediary', t(lang, '中介服务', 'Intermediary services'), true],
    ['basis', t(lang, '设定依据', 'Legal basis'), !!r.legalBasis?.length],
    ['result', t(lang, '办理结果', 'Result'), !!r.result],
    ['where', t(lang, '办理地点和时间', 'Where and when'), !!(r.location || r.hours || department?.address)],
    ['contact', t(lang, '咨询与投诉', 'Questions and complaints'), true],
    ['faq', t(lang, '常见问题', 'Frequently asked questions'), !!r.faqs?.length],
  ]
  return (
    <article class="guide">
      <Breadcrumbs lang={lang} items={[{ label: department ? (lang === 'en' && department.nameEn ? department.nameEn : department.name) : item.department.name, href: `/departments/${item.department.slug}` }, { label: r.name }]} />
      <h1><Zh lang={lang}>{r.name}</Zh></h1>
      <p class="tags">
        <Tag>{typeLabel(lang, r.type)}</Tag>
        {r.visitsRequired === 0 && (r.onlineLevel ?? 4) < 4 ? (
          <Tag tone="success">{t(lang, '零跑动', 'No visit needed')}</Tag>
        ) : onlineBadge(lang, r.onlineLevel) ? (
          <Tag tone={(r.onlineLevel ?? 0) >= 3 ? 'success' : 'neutral'}>{onlineBadge(lang, r.onlineLevel)}</Tag>
        ) : null}
        {r.audience.map((a) => <Tag tone="info">{audienceLabel(lang, a)}</Tag>)}
      </p>
      {item.status === 'suspended' ? (
        <Notice tone="warn" title={t(lang, '该事项暂停办理', 'This service is temporarily suspended')}>
          <p>{t(lang, `暂不受理新的申请。恢复时间请咨询 ${phone ?? '12345'}。已提交的申请继续办理。`, `New applications are not accepted for now. Call ${phone ?? '12345'} to ask when it reopens. Applications already made continue.`)}</p>
        </Notice>
      ) : item.status === 'cancelled' ? (
        <Notice tone="danger" title={t(lang, '该事项已取消', 'This service has been discontinued')}>
          <p>{t(lang, '该事项已依法取消，不再受理申请。本页仅供查阅；请用搜索查找现行服务，或拨打 12345 咨询。', 'It no longer accepts applications. This page is kept for reference; search for current services or call 12345.')}</p>
        </Notice>
      ) : null}
      {r.description ? <p class="lead"><Zh lang={lang}>{r.description}</Zh></p> : null}

      <dl class="facts">
        <div><dt>{t(lang, '承诺办结时限', 'Promised time')}</dt><dd>{days(lang, r.promisedDays) ?? '—'}</dd></div>
        <div><dt>{t(lang, '到现场次数', 'Visits in person')}</dt><dd>{r.visitsRequired === undefined ? '—' : t(lang, `${r.visitsRequired} 次`, String(r.visitsRequired))}</dd></div>
        <div><dt>{t(lang, '是否收费', 'Fee')}</dt><dd>{r.fee ? (r.fee.charged ? t(lang, '收费', 'Charged') : t(lang, '不收费', 'Free')) : '—'}</dd></div>
        <div><dt>{t(lang, '申请材料', 'Documents')}</dt><dd>{t(lang, `${r.materials?.length ?? 0} 项`, String(r.materials?.length ?? 0))}</dd></div>
      </dl>

      <div class="actions no-print">
        {canApply && online ? (
          <>
            {applyCsrf ? (
              <form method="post" action="/me/applications">
                <CsrfField token={applyCsrf} />
                <input type="hidden" name="item" value={item.code} />
                <button type="submit" class="button button-primary">{t(lang, '在线申请', 'Apply online')}</button>
              </form>
            ) : (
              <a class="button button-primary" href={`/apply/${encodeURIComponent(item.code)}`}>{t(lang, '在线申请', 'Apply online')}</a>
            )}
            <p class="hint">{t(lang, `需登录，账号等级：${trustText}`, `Sign-in needed; account ${trustText}`)}</p>
          </>
        ) : canApply ? (
          <p class="hint">{t(lang, '本事项需到现场办理，请按下方“办理地点”前往。', 'Apply in person at the address under "Where and when".')}</p>
        ) : null}
        <button type="button" class="button button-secondary" data-print hidden>{t(lang, '打印本指南', 'Print this guide')}</button>
      </div>

      <nav class="toc no-print" aria-label={t(lang, '本页目录', 'On this page')}>
        <ul>{sections.filter((s) => s[2]).map(([id, title]) => <li><a href={`#${id}`}>{title}</a></li>)}</ul>
      </nav>

      <Section id="basic" title={t(lang, '基本信息', 'Basic information')}>
        <SummaryList
          rows={[
            { key: t(lang, '事项名称', 'Name'), value: <Zh lang={lang}>{r.name}</Zh> },
            { key: t(lang, '实施编码', 'Implementation code'), value: <code>{r.code}</code> },
            { key: t(lang, '基本编码', 'Basic code'), value: r.baseCode ? <code>{r.baseCode}</code> : undefined },
            { key: t(lang, '事项类型', 'Type'), value: typeLabel(lang, r.type) },
            { key: t(lang, '实施主体', 'Responsible department'), value: <a href={`/departments/${item.department.slug}`}><Zh lang={lang}>{item.department.name}</Zh></a> },
            { key: t(lang, '实施主体编码', 'Department credit code'), value: item.department.code ?? r.department.code },
            { key: t(lang, '共同实施部门', 'Also handled by'), value: r.coDepartments?.length ? <Zh lang={lang}>{r.coDepartments.map((d) => d.name).join('、')}</Zh> : undefined },
            { key: t(lang, '行使层级', 'Level'), value: levelLabel(lang, r.level) },
            { key: t(lang, '所属区划', 'Region'), value: r.region ? <Zh lang={lang}>{r.region.name ?? r.region.code}</Zh> : undefined },
            { key: t(lang, '服务对象', 'For'), value: r.audience.map((a) => audienceLabel(lang, a)).join(t(lang, '、', ', ')) },
            { key: t(lang, '服务主题', 'Themes'), value: r.themes?.length ? <>{r.themes.map((n, i) => <>{i ? t(lang, '、', ', ') : ''}{themeSlug.has(n) ? <a href={`/themes/${themeSlug.get(n)!.slug}`}>{lang === 'en' && themeSlug.get(n)!.nameEn ? themeSlug.get(n)!.nameEn : n}</a> : <Zh lang={lang}>{n}</Zh>}</>)}</> : undefined },
            { key: t(lang, '办件类型', 'Case kind'), value: caseKindLabel(lang, r.caseKind) },
            { key: t(lang, '法定办结时限', 'Statutory time limit'), value: days(lang, r.statutoryDays) },
            { key: t(lang, '承诺办结时限', 'Promised time limit'), value: days(lang, r.promisedDays) },
            { key: t(lang, '办理形式', 'How to apply'), value: r.channels?.length ? r.channels.map((c) => channelLabel(lang, c)).join(t(lang, '、', ', ')) : undefined },
            { key: t(lang, '网上办理深度', 'Online depth'), value: onlineLabel(lang, r.onlineLevel) },
            { key: t(lang, '办理所需账号等级', 'Account level needed'), value: trustText, id: 'min-trust' },
            { key: t(lang, '到办事现场次数', 'Visits in person'), value: r.visitsRequired === undefined ? undefined : t(lang, `${r.visitsRequired} 次`, String(r.visitsRequired)) },
            { key: t(lang, '通办范围', 'Where it can be handled'), value: crossLabel(lang, r.crossRegionScope) },
            { key: t(lang, '是否收费', 'Fee charged'), value: r.fee ? yesNo(lang, !!r.fee.charged) : undefined },
            { key: t(lang, '收费标准', 'Fee'), value: r.fee?.charged ? <Zh lang={lang}>{r.fee.standard ?? (r.fee.amountYuan !== undefined ? `${r.fee.amountYuan} 元` : '')}</Zh> : undefined },
            { key: t(lang, '收费依据', 'Fee basis'), value: r.fee?.charged && r.fee.basis ? <Zh lang={lang}>{r.fee.basis}</Zh> : undefined },
            { key: t(lang, '是否支持预约办理', 'Appointments'), value: yesNo(lang, r.supportsAppointment) },
            { key: t(lang, '是否支持网上支付', 'Pay online'), value: yesNo(lang, r.supportsOnlinePayment) },
            { key: t(lang, '是否支持物流快递', 'Result by courier'), value: yesNo(lang, r.supportsDelivery) },
            { key: t(lang, '版本', 'Version'), value: t(lang, `第 ${item.version} 版，更新于 ${item.updatedAt.toISOString().slice(0, 10)}`, `Version ${item.version}, updated ${item.updatedAt.toISOString().slice(0, 10)}`) },
          ]}
        />
      </Section>
      {r.conditions ? <Section id="conditions" title={t(lang, '受理条件', 'Who can apply')}><p class="prose"><Zh lang={lang}>{r.conditions}</Zh></p></Section> : null}
      {r.materials?.length ? <Section id="materials" title={t(lang, '申请材料', 'Documents needed')}><MaterialsTable lang={lang} materials={r.materials} /></Section> : null}
      {r.steps?.length ? <Section id="process" title={t(lang, '办理流程', 'Process')}><ProcessSteps lang={lang} record={r} /></Section> : null}
      <Section id="special" title={t(lang, '特别程序', 'Special procedures')}>
        {r.specialProcedures?.length ? (
          <>
            <TextList lang={lang} items={r.specialProcedures} />
            <p class="hint">{t(lang, '特别程序所需时间不计入办结时限。', 'Time spent in special procedures is not counted in the time limit.')}</p>
          </>
        ) : <p>{none}</p>}
      </Section>
      <Section id="intermediary" title={t(lang, '中介服务', 'Intermediary services')}>
        {r.intermediaryServices?.length ? <TextList lang={lang} items={r.intermediaryServices} /> : <p>{none}</p>}
      </Section>
      {r.legalBasis?.length ? <Section id="basis" title={t(lang, '设定依据', 'Legal basis')}><TextList lang={lang} items={r.legalBasis} class="basis" /></Section> : null}
      {r.result ? (
        <Section id="result" title={t(lang, '办理结果', 'Result')}>
          <SummaryList
            rows={[
              { key: t(lang, '结果名称', 'Name'), value: r.result.name ? <Zh lang={lang}>{r.result.name}</Zh> : undefined },
              { key: t(lang, '结果类型', 'Kind'), value: resultKindLabel(lang, r.result.kind) },
              { key: t(lang, '电子证照', 'E-licence'), value: r.result.licenseType ? t(lang, `发放电子证照（${r.result.licenseType}）`, `Issued as an e-licence (${r.result.licenseType})`) : undefined },
              { key: t(lang, '有效期', 'Valid for'), value: r.result.validityYears ? t(lang, `${r.result.validityYears} 年`, `${r.result.validityYears} years`) : undefined },
            ]}
          />
        </Section>
      ) : null}
      {r.location || r.hours || department?.address ? (
        <Section id="where" title={t(lang, '办理地点和时间', 'Where and when')}>
          <SummaryList
            rows={[
              { key: t(lang, '办理地点', 'Address'), value: <Zh lang={lang}>{r.location ?? department?.address}</Zh> },
              { key: t(lang, '办理时间', 'Opening hours'), value: r.hours ? <Zh lang={lang}>{r.hours}</Zh> : undefined },
            ]}
          />
        </Section>
      ) : null}
      <Section id="contact" title={t(lang, '咨询与投诉', 'Questions and complaints')}>
        <SummaryList
          rows={[
            { key: t(lang, '咨询电话', 'Enquiries'), value: phone ? <a href={`tel:${phone.replace(/[^\d+-]/g, '')}`}>{phone}</a> : undefined },
            { key: t(lang, '监督投诉电话', 'Complaints'), value: r.complaintPhone ?? '12345' },
          ]}
        />
      </Section>
      {r.faqs?.length ? <Section id="faq" title={t(lang, '常见问题', 'Frequently asked questions')}><Faqs lang={lang} faqs={r.faqs} /></Section> : null}
    </article>
  )
}
