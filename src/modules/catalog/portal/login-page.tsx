import type { Lang } from '../../../platform/web/i18n'
import { t } from '../../../platform/web/i18n'
import { Breadcrumbs, Notice, SummaryList, Zh } from '../../../platform/web/components'
import type { DepartmentRow, ItemRow } from '../catalog-queries'

/**
 * /login for citizens. Honest about the state of things: citizen sign-in and online application open with
 * the unified identity service (统一身份认证) in the next release. Until then it tells the person how to
 * apply in person for the service they came for — it never shows a form that pretends to sign them in.
 */
export function LoginPage({ lang, item, department }: { lang: Lang; item?: ItemRow; department?: DepartmentRow }) {
  const r = item?.record
  const address = r?.location ?? department?.address ?? undefined
  const phone = r?.consultPhone ?? department?.phone ?? undefined
  return (
    <>
      <Breadcrumbs lang={lang} items={[{ label: t(lang, '登录', 'Sign in') }]} />
      <h1>{t(lang, '个人和法人登录', 'Sign in for individuals and businesses')}</h1>
      <Notice tone="info" title={t(lang, '网上申请即将开通', 'Online applications are coming soon')}>
        <p>
          {t(
            lang,
            '个人和企业登录、在线申请将随“统一身份认证”服务在下一个版本开通，届时可用身份证号、手机号或电子营业执照实名登录。目前本网站还不能登录，也不会收集您的任何信息。',
            'Sign-in and online applications open with the unified identity service (统一身份认证) in the next release, using your ID card, phone or electronic business licence. For now this site cannot sign you in and collects nothing from you.',
          )}
        </p>
      </Notice>
      {item && r ? (
        <section aria-labelledby="inperson-h">
          <h2 id="inperson-h">{t(lang, '现在可以到窗口办理', 'You can apply in person now')}</h2>
          <p>
            {t(lang, '您要办理的是：', 'You wanted to apply for: ')}
            <a href={`/services/${encodeURIComponent(item.code)}`}><Zh lang={lang}>{r.name}</Zh></a>
            {t(lang, '。请按办事指南准备材料，到以下地点办理：', '. Prepare the documents listed in the guide and go to:')}
          </p>
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
      ) : (
        <p>{t(lang, '您可以先', 'Meanwhile you can ')}<a href="/search">{t(lang, '查找办事服务', 'find a service')}</a>{t(lang, '，阅读办事指南并到窗口办理，或拨打 12345 咨询。', ', read its guide and apply at a service window, or call 12345.')}</p>
      )}
    </>
  )
}
