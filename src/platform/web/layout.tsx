import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'
import type { Lang } from './i18n'
import { t } from './i18n'

/** The demo city this deployment serves; one place so a real deployment changes one line. */
export const SITE = { zh: '一网通办 苏州市政务服务', en: 'Yiwang · Suzhou Government Services', cityZh: '苏州市', cityEn: 'Suzhou' }

/** "X - 一网通办 苏州市政务服务": every page's own <title>. */
export function siteTitle(lang: Lang, page?: string): string {
  const site = t(lang, SITE.zh, SITE.en)
  return page ? `${page} - ${site}` : site
}

export type PageMeta = {
  lang: Lang
  title: string
  description: string
  /** Absolute canonical URL of the page. */
  canonical: string
  /** Path of this page without ?lang, used by the language switch. */
  path: string
  nonce: string
  jsonLd?: unknown
  noindex?: boolean
  /** hreflang alternates (absolute URLs) of the same page in each language. */
  alternates?: { zh: string; en: string }
  /** Show the compact search box in the header (portal pages other than home and search). */
  headerSearch?: boolean
  /** Back-office pages get the staff header. */
  area?: 'portal' | 'backoffice'
  staffName?: string
  csrfToken?: string
  /**
   * The signed-in citizen, as plain data (platform knows no modules): portal headers show their name with a
   * link to /account, or 登录 / 注册 when absent. Pages get it from c.get('viewer') (set by identity).
   */
  viewer?: Viewer | null | undefined
  /** Portal pages with forms load forms.css (error summary, fields) on top of site.css. */
  forms?: boolean
}

/** Who is looking at a portal page — only what the header shows. */
export type Viewer = { displayName: string }

function AccountLinks({ lang, viewer }: { lang: Lang; viewer: Viewer | null | undefined }) {
  return (
    <nav class="account-links no-print" aria-label={t(lang, '账号', 'Account')}>
      {viewer ? (
        <>
          <a href="/account">{viewer.displayName}</a>
          <a href="/me/cases">{t(lang, '我的办件', 'My applications')}</a>
          <a href="/me/licences">{t(lang, '我的证照', 'My licences')}</a>
          <a href="/me/messages">{t(lang, '消息', 'Messages')}</a>
          <a href="/me/data-access">{t(lang, '我的数据使用记录', 'Who used my data')}</a>
        </>
      ) : (
        <>
          <a href="/login">{t(lang, '登录', 'Sign in')}</a>
          <a href="/register">{t(lang, '注册', 'Register')}</a>
        </>
      )}
    </nav>
  )
}

function PortalNav({ lang }: { lang: Lang }) {
  return (
    <nav class="main-nav" aria-label={t(lang, '主导航', 'Main')}>
      <div class="container">
        <ul>
          <li><a href="/">{t(lang, '首页', 'Home')}</a></li>
          <li><a href="/search?audience=individual">{t(lang, '个人办事', 'For individuals')}</a></li>
          <li><a href="/search?audience=enterprise">{t(lang, '法人办事', 'For businesses')}</a></li>
          <li><a href="/departments">{t(lang, '部门服务', 'Departments')}</a></li>
          <li><a href="/bundles">{t(lang, '一件事', 'Life events')}</a></li>
          <li><a href="/progress">{t(lang, '办件查询', 'Track an application')}</a></li>
          <li><a href="/search">{t(lang, '搜索服务', 'Search')}</a></li>
        </ul>
      </div>
    </nav>
  )
}

function HeaderSearch({ lang }: { lang: Lang }) {
  return (
    <form class="header-search" action="/search" method="get" role="search">
      <label for="hq" class="visually-hidden">{t(lang, '搜索办事服务', 'Search services')}</label>
      <input id="hq" name="q" type="search" maxlength={100} placeholder={t(lang, '搜索办事服务', 'Search services')} />
      <button type="submit">{t(lang, '搜索', 'Search')}</button>
    </form>
  )
}

/** The page shell: skip link, header with navigation and language switch, main, footer. Works without JS. */
export function Layout(props: PageMeta & { children: Child }) {
  const { lang } = props
  const sep = props.path.includes('?') ? '&' : '?'
  const other: Lang = lang === 'zh' ? 'en' : 'zh'
  const backoffice = props.area === 'backoffice'
  return (
    <html lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <meta name="description" content={props.description} />
        <link rel="canonical" href={props.canonical} />
        {props.alternates ? (
          <>
            <link rel="alternate" hreflang="zh-CN" href={props.alternates.zh} />
            <link rel="alternate" hreflang="en" href={props.alternates.en} />
            <link rel="alternate" hreflang="x-default" href={props.alternates.zh} />
          </>
        ) : null}
        {props.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/assets/site.css" />
        {!backoffice && props.forms ? <link rel="stylesheet" href="/assets/forms.css" /> : null}
        {backoffice ? <link rel="stylesheet" href="/assets/admin.css" /> : <script src="/assets/site.js" defer></script>}
        {props.jsonLd ? (
          <script type="application/ld+json" nonce={props.nonce}>
            {raw(JSON.stringify(props.jsonLd).replace(/</g, '\\u003c'))}
          </script>
        ) : null}
      </head>
      <body>
        <a class="skip-link" href="#main">{t(lang, '跳到主要内容', 'Skip to main content')}</a>
        <header class="site-header">
          <div class="container header-row">
            <a class="brand" href={backoffice ? '/admin' : '/'}>
              {t(lang, '一网通办', 'Yiwang')}
              <span class="brand-sub">{backoffice ? t(lang, '事项管理后台', 'Catalogue back office') : t(lang, `${SITE.cityZh}政务服务`, `${SITE.cityEn} government services`)}</span>
            </a>
            {!backoffice && props.headerSearch ? <HeaderSearch lang={lang} /> : null}
            {backoffice ? null : <AccountLinks lang={lang} viewer={props.viewer} />}
            <a class="lang-switch" href={`${props.path}${sep}lang=${other}`} lang={other === 'zh' ? 'zh-CN' : 'en'} hreflang={other === 'zh' ? 'zh-CN' : 'en'}>
              {other === 'zh' ? '中文' : 'English'}
            </a>
          </div>
        </header>
        {backoffice ? null : <PortalNav lang={lang} />}
        <main id="main" class="container" tabindex={-1}>{props.children}</main>
        <footer class="site-footer">
          <div class="container">
            <p>{t(lang, '咨询投诉请拨打 12345 政务服务便民热线（24小时）', 'Questions or complaints: call the 12345 government service hotline (24 hours)')}</p>
            {backoffice ? null : (
              <p class="footer-links">
                <a href="/departments">{t(lang, '部门服务', 'Departments')}</a>
                <a href="/search">{t(lang, '全部服务', 'All services')}</a>
                <a href="/sitemap.xml">{t(lang, '网站地图', 'Site map')}</a>
              </p>
            )}
            <p class="footer-note">{t(lang, `${SITE.cityZh}人民政府 主办 · 演示系统，数据为示例`, `${SITE.cityEn} Municipal People's Government · demo system with sample data`)}</p>
          </div>
        </footer>
      </body>
    </html>
  )
}
