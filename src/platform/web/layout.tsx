import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'
import type { Lang } from './i18n'
import { t } from './i18n'

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
  /** Back-office pages get the staff header. */
  area?: 'portal' | 'backoffice'
  staffName?: string
  csrfToken?: string
}

/** The page shell: skip link, header with search and language switch, main, footer. Works without JS. */
export function Layout(props: PageMeta & { children: Child }) {
  const { lang } = props
  const sep = props.path.includes('?') ? '&' : '?'
  const other: Lang = lang === 'zh' ? 'en' : 'zh'
  return (
    <html lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <meta name="description" content={props.description} />
        <link rel="canonical" href={props.canonical} />
        {props.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="stylesheet" href="/assets/site.css" />
        {props.area === 'backoffice' ? <link rel="stylesheet" href="/assets/admin.css" /> : null}
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
            <a class="brand" href={props.area === 'backoffice' ? '/admin' : '/'}>
              {t(lang, '一网通办', 'Yiwang')}
              <span class="brand-sub">{props.area === 'backoffice' ? t(lang, '事项管理后台', 'Catalogue back office') : t(lang, '政务服务平台', 'Government services')}</span>
            </a>
            <nav aria-label={t(lang, '语言', 'Language')}>
              <a href={`${props.path}${sep}lang=${other}`} lang={other === 'zh' ? 'zh-CN' : 'en'} hreflang={other === 'zh' ? 'zh-CN' : 'en'}>
                {other === 'zh' ? '中文' : 'English'}
              </a>
            </nav>
          </div>
        </header>
        <main id="main" class="container">{props.children}</main>
        <footer class="site-footer">
          <div class="container">
            <p>{t(lang, '咨询投诉请拨打 12345 政务服务便民热线', 'Questions or complaints: call the 12345 hotline')}</p>
          </div>
        </footer>
      </body>
    </html>
  )
}
