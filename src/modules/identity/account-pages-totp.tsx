import { raw } from 'hono/html'
import type { FieldError } from '../../platform/errors'
import { CsrfField, ErrorSummary, TextInput } from '../../platform/web/form-components'
import { t, type Lang } from '../../platform/web/i18n'
import { MAX_PASSWORD } from './password'
import type { TotpSetup } from './citizen-totp-setup'

const fieldError = (errors: FieldError[], f: string) => errors.find((e) => e.field === f)?.message
const summary = (errors: FieldError[]) => errors.map((e) => ({ href: e.field, message: e.message }))

/** 开启动态验证码: scan the QR code (or type the key), confirm with a current code. */
export function TotpEnablePage(p: { lang: Lang; csrfToken: string; setup: TotpSetup; errors: FieldError[] }) {
  const { lang } = p
  return (
    <div class="narrow">
      <ErrorSummary lang={lang} errors={summary(p.errors)} />
      <h1>{t(lang, '开启动态验证码登录', 'Turn on two-step sign-in')}</h1>
      <p>{t(lang, '开启后，登录时除密码外还需输入手机身份验证器上的6位动态码；已实名的账号升为 3 级。', 'After this, signing in also needs the 6-digit code from an authenticator app; verified accounts rise to level 3.')}</p>
      <ol>
        <li>{t(lang, '在手机上安装任一身份验证器应用（如 Microsoft Authenticator、Google 身份验证器、FreeOTP）。', 'Install any authenticator app (e.g. Microsoft Authenticator, Google Authenticator, FreeOTP).')}</li>
        <li>
          {t(lang, '用应用扫描下面的二维码；无法扫描时，手动输入密钥：', 'Scan this QR code with the app; or type the key by hand: ')}
          <div class="qr" role="img" aria-label={t(lang, '动态验证码绑定二维码', 'Set-up QR code')}>{raw(p.setup.qrSvg)}</div>
          <p class="secret">{p.setup.secret.replace(/(.{4})/g, '$1 ').trim()}</p>
          <p><a href={p.setup.uri}>{t(lang, '在本机的验证器应用中打开', 'Open in an authenticator app on this device')}</a></p>
        </li>
        <li>{t(lang, '输入应用中显示的6位数字确认。', 'Enter the 6 digits the app shows to confirm.')}</li>
      </ol>
      <form method="post" action="/account/totp/enable" novalidate>
        <CsrfField token={p.csrfToken} />
        <input type="hidden" name="setup" value={p.setup.sealed} />
        <TextInput lang={lang} id="code" label={t(lang, '动态验证码', 'Authenticator code')} inputmode="numeric" autocomplete="one-time-code" width="s" maxlength={6} error={fieldError(p.errors, 'code')} />
        <button type="submit" class="button button-primary">{t(lang, '确认开启', 'Turn on')}</button>
      </form>
      <p><a href="/account">{t(lang, '暂不开启，返回我的账号', 'Not now, back to my account')}</a></p>
    </div>
  )
}

/** 关闭动态验证码: password + a current code. */
export function TotpDisablePage(p: { lang: Lang; csrfToken: string; errors: FieldError[] }) {
  const { lang } = p
  return (
    <div class="narrow">
      <ErrorSummary lang={lang} errors={summary(p.errors)} />
      <h1>{t(lang, '动态验证码登录', 'Two-step sign-in')}</h1>
      <p>{t(lang, '已开启。关闭后登录只需密码；没有通行密钥的已实名账号降为 2 级，要求 3 级的事项将无法办理。', 'It is on. Turning it off means signing in with the password only; verified accounts without a passkey drop to level 2.')}</p>
      <form method="post" action="/account/totp/disable" novalidate>
        <CsrfField token={p.csrfToken} />
        <TextInput lang={lang} id="password" label={t(lang, '登录密码', 'Password')} type="password" autocomplete="current-password" width="m" maxlength={MAX_PASSWORD} error={fieldError(p.errors, 'password')} />
        <TextInput lang={lang} id="code" label={t(lang, '动态验证码', 'Authenticator code')} inputmode="numeric" autocomplete="one-time-code" width="s" maxlength={6} error={fieldError(p.errors, 'code')} />
        <button type="submit" class="button button-secondary">{t(lang, '关闭动态验证码', 'Turn off')}</button>
      </form>
      <p><a href="/account">{t(lang, '返回我的账号', 'Back to my account')}</a></p>
    </div>
  )
}
