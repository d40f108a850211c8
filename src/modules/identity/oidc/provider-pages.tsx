import type { Child } from 'hono/jsx'
import { raw } from 'hono/html'
import type { KoaContextWithOIDC } from 'oidc-provider'
import { parseLang, t, type Lang } from '../../../platform/web/i18n'
import { Layout, siteTitle } from '../../../platform/web/layout'

/**
 * The few pages oidc-provider renders itself (it writes to the raw Node response, outside Hono): errors that
 * cannot go back to the client (RFC 6749 §4.1.2.1 — an unknown client or redirect_uri must NOT be redirected
 * to) and RP-initiated logout. Same look as the rest of the site; no inline script or style (the CSP set in
 * provider-security.ts allows none).
 */
const langOf = (ctx: KoaContextWithOIDC): Lang => parseLang(ctx.query['lang'] as string | undefined) ?? parseLang(ctx.cookies.get('lang', { signed: false })) ?? 'zh'

function page(ctx: KoaContextWithOIDC, title: string, body: Child): string {
  const lang = langOf(ctx)
  const path = ctx.originalUrl.split('?')[0] ?? '/'
  return (
    '<!doctype html>' +
    (
      <Layout lang={lang} title={siteTitle(lang, title)} description={title} canonical={new URL(path, ctx.oidc.issuer).href} path={path} nonce="" noindex>
        {body}
      </Layout>
    ).toString()
  )
}

/** What went wrong, in words a citizen can act on; the technical code stays visible for the helpdesk. */
function explain(lang: Lang, error: string): string {
  switch (error) {
    case 'invalid_client':
      return t(lang, '发起登录的业务系统未在一网通办登记，或已被停用。', 'The system that sent you here is not registered with Yiwang or was disabled.')
    case 'invalid_redirect_uri':
      return t(lang, '发起登录的业务系统提供的返回地址未经登记，为保护您的账号，登录已停止。', 'The system asked to return you to an address it has not registered; to protect your account, sign-in stopped.')
    case 'invalid_request':
      return t(lang, '发起登录的业务系统发来的请求不完整或有误。', 'The sign-in request from that system was incomplete or wrong.')
    default:
      return t(lang, '单点登录未能完成。', 'Single sign-on could not be completed.')
  }
}

export async function renderProviderError(ctx: KoaContextWithOIDC, out: { error?: string; error_description?: string }, _error: Error): Promise<void> {
  const lang = langOf(ctx)
  const title = t(lang, '无法完成登录', 'Sign-in could not be completed')
  ctx.type = 'html'
  ctx.body = page(
    ctx,
    title,
    <>
      <h1>{title}</h1>
      <p>{explain(lang, out.error ?? '')}</p>
      <p>{t(lang, '请返回原业务系统重新发起登录；如果问题持续，请联系该系统的管理员，并告知下面的错误代码。', 'Go back to that system and start sign-in again; if it keeps happening, contact its administrator with the code below.')}</p>
      <p class="hint">
        {t(lang, '错误代码：', 'Error code: ')}
        <code>{out.error ?? 'server_error'}</code>
        {out.error_description ? ` — ${out.error_description}` : ''}
      </p>
      <p><a href="/">{t(lang, '返回一网通办首页', 'Go to the Yiwang home page')}</a></p>
    </>,
  )
}

/** RP-initiated logout 1.0 §2: confirm before ending the session (the form carries the provider's xsrf token). */
export async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  const lang = langOf(ctx)
  const title = t(lang, '退出单点登录', 'Sign out of single sign-on')
  ctx.type = 'html'
  ctx.body = page(
    ctx,
    title,
    <>
      <h1>{title}</h1>
      <p>{t(lang, '业务系统请求您退出一网通办账号的单点登录。退出后，再次进入任何接入的业务系统都需要重新登录。', 'A connected system asks you to sign out of Yiwang single sign-on. You will need to sign in again to use any connected system.')}</p>
      {raw(form)}
      <div class="actions">
        <button type="submit" class="button" form="op.logoutForm" name="logout" value="yes">{t(lang, '退出登录', 'Sign out')}</button>
        <button type="submit" class="button-secondary" form="op.logoutForm">{t(lang, '保持登录', 'Stay signed in')}</button>
      </div>
    </>,
  )
}

export async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  const lang = langOf(ctx)
  const title = t(lang, '已退出单点登录', 'Signed out of single sign-on')
  ctx.type = 'html'
  ctx.body = page(
    ctx,
    title,
    <>
      <h1>{title}</h1>
      <p>{t(lang, '您已退出单点登录。在公用电脑上，请关闭浏览器窗口。', 'You are signed out of single sign-on. On a shared computer, close the browser window.')}</p>
      <p><a href="/">{t(lang, '返回一网通办首页', 'Go to the Yiwang home page')}</a></p>
    </>,
  )
}
