import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { AppEnv } from '../../../platform/http/context'
import { CsrfField } from '../../../platform/web/form-components'
import { t, type Lang } from '../../../platform/web/i18n'
import { Layout, siteTitle } from '../../../platform/web/layout'

/** What each scope releases, in plain words (see account.ts for the claims). */
const SCOPE_TEXT: Record<string, [string, string]> = {
  openid: ['您在一网通办的账号标识和实名可信等级', 'Your Yiwang account identifier and its trust level'],
  profile: ['您的昵称；已实名认证的，还有您的真实姓名', 'Your display name and, once verified, your real name'],
  phone: ['您的手机号（只提供部分隐藏的号码，如 139****1234）', 'Your mobile number, partly hidden (e.g. 139****1234)'],
}
export const scopeText = (lang: Lang, scope: string) => {
  const s = SCOPE_TEXT[scope]
  return s ? t(lang, s[0], s[1]) : scope
}

export function oidcPage(c: Context<AppEnv>, title: string, body: Child): string {
  const lang = c.get('lang')
  const path = c.req.path
  return (
    '<!doctype html>' +
    (
      <Layout lang={lang} title={siteTitle(lang, title)} description={title} canonical={new URL(path, c.req.url).href} path={path} nonce={c.get('nonce')} noindex viewer={c.get('viewer')} forms>
        {body}
      </Layout>
    ).toString()
  )
}

export type ConsentView = { clientName: string; departmentName: string | null; scopes: string[]; citizenName: string; csrf: string; action: string }

export function renderConsent(c: Context<AppEnv>, v: ConsentView): string {
  const lang = c.get('lang')
  const title = t(lang, `授权“${v.clientName}”使用您的一网通办账号登录`, `Let “${v.clientName}” sign you in with your Yiwang account`)
  return oidcPage(
    c,
    title,
    <>
      <h1>{title}</h1>
      <dl class="summary">
        <div class="summary-row">
          <dt>{t(lang, '业务系统', 'System')}</dt>
          <dd>{v.clientName}</dd>
        </div>
        <div class="summary-row">
          <dt>{t(lang, '所属部门', 'Department')}</dt>
          <dd>{v.departmentName ?? t(lang, '未登记部门', 'No department registered')}</dd>
        </div>
        <div class="summary-row">
          <dt>{t(lang, '当前登录账号', 'Signed in as')}</dt>
          <dd>{v.citizenName}</dd>
        </div>
      </dl>
      <h2>{t(lang, '该系统将获得以下信息', 'The system will receive')}</h2>
      <ul>
        {v.scopes.map((s) => (
          <li>{scopeText(lang, s)}</li>
        ))}
      </ul>
      <p>{t(lang, '一网通办不会向业务系统提供您的身份证号码和完整手机号。您可以拒绝，拒绝后将返回该系统，不会登录。', 'Yiwang never gives systems your ID-card number or your full mobile number. You can refuse; you will be sent back to the system without being signed in.')}</p>
      <form method="post" action={v.action}>
        <CsrfField token={v.csrf} />
        <div class="actions">
          <button type="submit" class="button" name="decision" value="allow">{t(lang, '同意并登录', 'Allow and sign in')}</button>
          <button type="submit" class="button-secondary" name="decision" value="deny">{t(lang, '拒绝', 'Refuse')}</button>
        </div>
      </form>
    </>,
  )
}

/** The sign-in request is gone (expired, finished, or opened in another browser): start again at the system. */
export function renderInteractionGone(c: Context<AppEnv>): string {
  const lang = c.get('lang')
  const title = t(lang, '登录请求已失效', 'This sign-in request has expired')
  return oidcPage(
    c,
    title,
    <>
      <h1>{title}</h1>
      <p>{t(lang, '这次单点登录请求已过期、已完成，或是在另一个浏览器中发起的。请返回原业务系统，重新点击“使用一网通办登录”。', 'The single sign-on request expired, was already completed, or was started in another browser. Go back to the system and choose “sign in with Yiwang” again.')}</p>
      <p><a href="/account">{t(lang, '前往我的账号', 'Go to my account')}</a></p>
    </>,
  )
}
