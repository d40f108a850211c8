import type { Context } from 'hono'
import type { AppEnv } from '../../platform/http/context'
import { ErrorSummary, TextInput } from '../../platform/web/form-components'
import { t } from '../../platform/web/i18n'
import { Layout } from '../../platform/web/layout'

/** 工作人员登录 page. The password field is never re-filled; the username is. */
export function renderLoginPage(c: Context<AppEnv>, v: { next: string; loginToken: string; username?: string; error?: string; signedOut?: boolean }) {
  const lang = c.get('lang')
  const title = t(lang, '工作人员登录', 'Staff sign-in')
  const errors = v.error ? [{ href: 'username', message: v.error }] : []
  return (
    '<!doctype html>' +
    (
      <Layout
        lang={lang}
        title={`${errors.length ? t(lang, '错误：', 'Error: ') : ''}${title} - ${t(lang, '一网通办事项管理后台', 'Yiwang back office')}`}
        description={title}
        canonical={new URL('/admin/login', c.req.url).toString()}
        path="/admin/login"
        nonce={c.get('nonce')}
        noindex
        area="backoffice"
      >
        <div class="narrow">
          <ErrorSummary lang={lang} errors={errors} />
          {v.signedOut ? (
            <div class="notice" role="status">
              {t(lang, '您已安全退出。', 'You have signed out.')}
            </div>
          ) : null}
          <h1>{title}</h1>
          <p>{t(lang, '本页面仅供政务服务工作人员使用。登录需要密码和手机验证器中的动态验证码；连续输错 5 次，账号将被锁定 15 分钟。', 'For government service staff only. Signing in takes your password and a code from your authenticator app; five wrong attempts lock the account for 15 minutes.')}</p>
          <form method="post" action="/admin/login" novalidate>
            <input type="hidden" name="_csrf" value={v.loginToken} />
            <input type="hidden" name="next" value={v.next} />
            <TextInput lang={lang} id="username" label={t(lang, '用户名', 'Username')} value={v.username} autocomplete="username" width="m" maxlength={64} error={v.error} />
            <TextInput lang={lang} id="password" label={t(lang, '密码', 'Password')} type="password" autocomplete="current-password" width="m" maxlength={256} />
            <button type="submit" class="button">
              {t(lang, '登录', 'Sign in')}
            </button>
          </form>
        </div>
      </Layout>
    ).toString()
  )
}
