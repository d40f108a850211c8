import type { Lang } from '../../../platform/web/i18n'
import { t } from '../../../platform/web/i18n'
import { Breadcrumbs, Notice, SummaryList, Zh } from '../../../platform/web/components'
import { CsrfField } from '../../../platform/web/form-components'
import { TRUST_LEVEL_LABELS, type TrustLevel } from '../../identity'
import type { DepartmentRow, ItemRow } from '../catalog-queries'
import { appliesOnline } from './apply-rule'

/**
 * /apply/:code for a SIGNED-IN citizen (anonymous visitors are sent to /login first): the 在线申请 button that
 * starts the draft (POST /me/applications — the applications module checks the level and any mandate again), the
 * account level the item needs and how to raise it, and how to apply in person instead.
 */
export function ApplyPage({ lang, item, department, trustLevel, csrf }: { lang: Lang; item: ItemRow; department?: DepartmentRow | undefined; trustLevel: TrustLevel; csrf: string }) {
  const r = item.record
  const address = r.location ?? department?.address ?? undefined
  const phone = r.consultPhone ?? department?.phone ?? undefined
  const need = item.minTrustLevel as TrustLevel
  const enough = trustLevel >= need
  const online = appliesOnline(item)
  return (
    <>
      <Breadcrumbs lang={lang} items={[{ label: r.name, href: `/services/${encodeURIComponent(item.code)}` }, { label: t(lang, '在线申请', 'Apply online') }]} />
      <h1><Zh lang={lang}>{r.name}</Zh></h1>
      {online ? (
        <form method="post" action="/me/applications">
          <CsrfField token={csrf} />
          <input type="hidden" name="item" value={item.code} />
          <button type="submit" class="button button-primary">{t(lang, '在线申请', 'Apply online')}</button>
        </form>
      ) : (
        <Notice tone="info" title={t(lang, '本事项暂不能在线申请', 'This service cannot be applied for online')}>
          <p>{t(lang, '请按办事指南准备材料到窗口办理。', 'Prepare the documents in the guide and apply in person.')}</p>
        </Notice>
      )}
      <p>
        {t(lang, `办理所需账号等级：${need} 级（${TRUST_LEVEL_LABELS[need].zh}）。`, `Account level needed: ${need} (${TRUST_LEVEL_LABELS[need].en}). `)}
        {enough ? t(lang, '您的账号已满足。', 'Your account meets it.') : <>{t(lang, '您的账号目前为 ', 'Your account is at level ')}{trustLevel}{t(lang, ' 级，', '; ')}<a href="/account">{t(lang, '去提升账号等级', 'raise your level')}</a>{t(lang, '。', '.')}</>}
      </p>
      <section aria-labelledby="inperson-h">
        <h2 id="inperson-h">{t(lang, '也可以到窗口办理', 'Or apply in person')}</h2>
        <SummaryList
          rows={[
            { key: t(lang, '办理部门', 'Department'), value: <a href={`/departments/${item.department.slug}`}><Zh lang={lang}>{item.department.name}</Zh></a> },
            { key: t(lang, '办理地点', 'Address'), value: address ? <Zh lang={lang}>{address}</Zh> : undefined },
            { key: t(lang, '办理时间', 'Opening hours'), value: r.hours ? <Zh lang={lang}>{r.hours}</Zh> : undefined },
            { key: t(lang, '咨询电话', 'Enquiries'), value: phone ? <a href={`tel:${phone.replace(/[^\d+-]/g, '')}`}>{phone}</a> : '12345' },
          ]}
        />
        <p>
          <a class="button button-secondary" href={`/services/${encodeURIComponent(item.code)}#materials`}>{t(lang, '查看需要带的材料', 'See the documents to bring')}</a>
        </p>
      </section>
    </>
  )
}
