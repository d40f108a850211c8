import type { Lang } from '../../../platform/web/i18n'
import { t } from '../../../platform/web/i18n'

/** 404 for an unknown service code, department or theme — says what to do next. */
export function NotFoundPage({ lang, what, keyText }: { lang: Lang; what: 'item' | 'department' | 'theme'; keyText: string }) {
  const thing = what === 'item' ? t(lang, `编码为“${keyText}”的办事服务`, `a service with code "${keyText}"`) : what === 'department' ? t(lang, `部门“${keyText}”`, `department "${keyText}"`) : t(lang, `主题“${keyText}”`, `theme "${keyText}"`)
  return (
    <>
      <h1>{t(lang, '页面不存在', 'Page not found')}</h1>
      <p>{t(lang, `没有找到${thing}。它可能尚未发布、已经下线，或者链接有误。`, `We could not find ${thing}. It may not be published yet, may have been removed, or the link is wrong.`)}</p>
      <ul>
        <li><a href="/search">{t(lang, '搜索办事服务', 'Search for the service')}</a>{t(lang, '，用日常用语描述您要办的事；', ' in your own words;')}</li>
        <li><a href="/departments">{t(lang, '按部门查找', 'browse by department')}</a>{t(lang, '；', ';')}</li>
        <li>{t(lang, '或拨打 12345 政务服务便民热线咨询。', 'or call the 12345 hotline.')}</li>
      </ul>
    </>
  )
}
