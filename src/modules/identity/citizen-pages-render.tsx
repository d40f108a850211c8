import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { Config } from '../../platform/config'
import type { AppEnv } from '../../platform/http/context'
import { Layout, siteTitle } from '../../platform/web/layout'
import { t, type Lang } from '../../platform/web/i18n'

/**
 * Renders a citizen account page (sign-in, registration, 我的账号) in the portal layout: never indexed, never
 * cached (personal and CSRF-bearing), forms.css loaded. `path` is the page's own GET path, for the canonical
 * link and the language switch.
 */
export function renderCitizenPage(
  c: Context<AppEnv>,
  config: Pick<Config, 'publicUrl'>,
  opts: { title: string; path: string; hasErrors?: boolean },
  body: Child,
  status: 200 | 400 | 401 | 403 | 409 | 413 | 429 | 503 = 200,
) {
  const lang: Lang = c.get('lang') ?? 'zh'
  const html = (
    <Layout
      lang={lang}
      nonce={c.get('nonce') ?? ''}
      title={siteTitle(lang, `${opts.hasErrors ? t(lang, '错误：', 'Error: ') : ''}${opts.title}`)}
      description={t(lang, `${opts.title}：一网通办个人账号（注册、登录、实名认证、账号安全）`, `${opts.title}: your Yiwang account (register, sign in, verify, security)`)}
      canonical={`${config.publicUrl}${opts.path.split('?')[0]}`}
      path={opts.path}
      noindex
      headerSearch
      forms
      viewer={c.get('viewer')}
    >
      {body}
    </Layout>
  )
  c.header('Cache-Control', 'no-store')
  return c.html(`<!doctype html>${html.toString()}`, status)
}
