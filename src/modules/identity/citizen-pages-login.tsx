import { Notice } from '../../platform/web/components'
import { ErrorSummary, TextInput } from '../../platform/web/form-components'
import { t, type Lang } from '../../platform/web/i18n'
import { MAX_PASSWORD } from './password'
import { PasskeySignInBox } from './passkey-login-box'

/** 个人登录: phone + password. The password is never re-filled; the phone is (as typed). */
export function LoginStep(p: { lang: Lang; formToken: string; next: string; phone?: string; error?: string; field?: 'phone' | 'password'; signedOut?: 'one' | 'all' }) {
  const { lang } = p
  const errors = p.error ? [{ href: p.field ?? 'phone', message: p.error }] : []
  return (
    <div class="narrow">
      <ErrorSummary lang={lang} errors={errors} />
      {p.signedOut ? (
        <Notice tone="success" title={p.signedOut === 'all' ? t(lang, '已退出所有设备', 'Signed out everywhere') : t(lang, '您已安全退出', 'You have signed out')}>
          <p>{p.signedOut === 'all' ? t(lang, '您的账号在所有电脑和手机上的登录都已结束。', 'Every sign-in of your account on any device has ended.') : t(lang, '在公共电脑上使用后，请关闭浏览器。', 'On a shared computer, close the browser too.')}</p>
        </Notice>
      ) : null}
      <h1>{t(lang, '个人登录', 'Sign in')}</h1>
      <form method="post" action="/login" novalidate>
        <input type="hidden" name="_csrf" value={p.formToken} />
        <input type="hidden" name="next" value={p.next} />
        <TextInput lang={lang} id="phone" label={t(lang, '手机号码', 'Mobile number')} type="tel" inputmode="numeric" autocomplete="username" width="m" maxlength={20} value={p.phone} error={p.field !== 'password' ? p.error : undefined} />
        <TextInput lang={lang} id="password" label={t(lang, '密码', 'Password')} type="password" autocomplete="current-password" width="m" maxlength={MAX_PASSWORD} error={p.field === 'password' ? p.error : undefined} />
        <button type="submit" class="button button-primary">{t(lang, '登录', 'Sign in')}</button>
      </form>
      <PasskeySignInBox lang={lang} formToken={p.formToken} next={p.next} />
      <p>{t(lang, '连续输错5次密码，账号将暂时锁定15分钟。忘记密码请拨打 12345 或到政务服务窗口办理。', 'Five wrong passwords lock the account for 15 minutes. Forgot your password? Call 12345 or visit a service counter.')}</p>
      <p>{t(lang, '还没有账号？', 'No account yet? ')}<a href={`/register?next=${encodeURIComponent(p.next)}`}>{t(lang, '用手机号注册', 'Register with your phone')}</a></p>
    </div>
  )
}

/** Second step for accounts with TOTP on: the current code from the authenticator app. */
export function TotpStep(p: { lang: Lang; formToken: string; next: string; error?: string }) {
  const { lang } = p
  return (
    <div class="narrow">
      <ErrorSummary lang={lang} errors={p.error ? [{ href: 'code', message: p.error }] : []} />
      <h1>{t(lang, '输入动态验证码', 'Enter your authenticator code')}</h1>
      <p>{t(lang, '您的账号开启了两步验证。请打开手机上的身份验证器应用，输入“一网通办”当前显示的6位数字。', 'Your account uses two-step sign-in. Open the authenticator app on your phone and enter the 6 digits it shows for Yiwang.')}</p>
      <form method="post" action="/login/totp" novalidate>
        <input type="hidden" name="_csrf" value={p.formToken} />
        <input type="hidden" name="next" value={p.next} />
        <TextInput lang={lang} id="code" label={t(lang, '动态验证码', 'Authenticator code')} inputmode="numeric" autocomplete="one-time-code" width="s" maxlength={6} error={p.error} />
        <button type="submit" class="button button-primary">{t(lang, '验证并登录', 'Verify and sign in')}</button>
      </form>
      <p>{t(lang, '手机丢失或无法使用身份验证器？请携带身份证到政务服务窗口办理，或拨打 12345。', 'Lost your phone? Visit a service counter with your ID card, or call 12345.')} <a href="/login">{t(lang, '重新登录', 'Start again')}</a></p>
    </div>
  )
}
