import type { Context } from 'hono'
import type { AppEnv } from '../http/context'
import { t } from './i18n'
import { Layout, siteTitle } from './layout'

/** Plain-language error pages (HTML paths) that say what to do next. */
export function renderErrorPage(c: Context<AppEnv>, status: number, message?: string) {
  const lang = c.get('lang') ?? 'zh'
  const title =
    status === 404 ? t(lang, '页面不存在', 'Page not found') : status === 403 ? t(lang, '没有访问权限', 'Access denied') : status === 401 ? t(lang, '请先登录', 'Please sign in') : status >= 500 ? t(lang, '系统繁忙', 'Something went wrong') : t(lang, '请求有误', 'Request problem')
  const hint =
    status === 404
      ? t(lang, '您要找的页面不存在或已下线。可以返回首页，或用搜索查找办事服务。', 'The page does not exist or was removed. Go to the home page or search for a service.')
      : status >= 500
        ? t(lang, '请稍后再试。如果问题持续，请拨打 12345 并提供请求编号：', 'Please try again later. If it persists, call 12345 with request id: ') + (c.get('requestId') ?? '')
        : (message ?? t(lang, '请检查链接或填写的内容后再试。', 'Check the link or what you entered and try again.'))
  const path = c.req.path
  return (
    '<!doctype html>' +
    (
      <Layout lang={lang} title={siteTitle(lang, title)} description={title} canonical={new URL(path, c.req.url).toString()} path={path} nonce={c.get('nonce') ?? ''} viewer={c.get('viewer')} noindex headerSearch={!path.startsWith('/admin')} area={path.startsWith('/admin') ? 'backoffice' : 'portal'}>
        <h1>{title}</h1>
        <p>{hint}</p>
        <ul>
          <li><a href="/">{t(lang, '返回首页', 'Go to the home page')}</a></li>
          <li><a href="/search">{t(lang, '搜索办事服务', 'Search for a service')}</a></li>
          <li>{t(lang, '需要帮助请拨打 12345 政务服务便民热线', 'For help, call the 12345 hotline')}</li>
        </ul>
      </Layout>
    ).toString()
  )
}
