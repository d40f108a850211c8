import type { Context } from 'hono'
import type { AppEnv } from '../http/context'
import { t } from './i18n'
import { Layout } from './layout'

/** Plain-language error pages that say what to do next. */
export function renderErrorPage(c: Context<AppEnv>, status: number, message?: string) {
  const lang = c.get('lang') ?? 'zh'
  const title =
    status === 404 ? t(lang, '页面不存在', 'Page not found') : status === 403 ? t(lang, '没有访问权限', 'Access denied') : status >= 500 ? t(lang, '系统繁忙', 'Something went wrong') : t(lang, '请求有误', 'Request problem')
  const hint =
    status === 404
      ? t(lang, '您要找的页面不存在或已下线。可以返回首页，或用搜索查找办事服务。', 'The page does not exist or was removed. Go to the home page or search for a service.')
      : status >= 500
        ? t(lang, '请稍后再试。如果问题持续，请拨打 12345 并提供请求编号：', 'Please try again later. If it persists, call 12345 with request id: ') + (c.get('requestId') ?? '')
        : (message ?? '')
  return (
    '<!doctype html>' +
    (
      <Layout lang={lang} title={`${title} - ${t(lang, '一网通办', 'Yiwang')}`} description={title} canonical={c.req.url} path={c.req.path} nonce={c.get('nonce') ?? ''} noindex>
        <h1>{title}</h1>
        <p>{hint}</p>
        <p>
          <a href="/">{t(lang, '返回首页', 'Home')}</a> · <a href="/search">{t(lang, '搜索办事服务', 'Search services')}</a>
        </p>
      </Layout>
    ).toString()
  )
}
