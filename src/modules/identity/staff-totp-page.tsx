import type { Context } from 'hono'
import { raw } from 'hono/html'
import type { AppEnv } from '../../platform/http/context'
import { CsrfField, TextInput } from '../../platform/web/form-components'
import { t } from '../../platform/web/i18n'
import { inLang, renderStepPage } from './staff-step-page'

type CodeForm = { csrf: string; next: string; error?: string | undefined }

function CodeFields({ c, v, action, submit }: { c: Context<AppEnv>; v: CodeForm; action: string; submit: string }) {
  const lang = c.get('lang')
  return (
    <form method="post" action={action} novalidate>
      <CsrfField token={v.csrf} />
      <input type="hidden" name="next" value={v.next} />
      <TextInput
        lang={lang}
        id="code"
        label={t(lang, '动态验证码', 'Authenticator code')}
        hint={t(lang, '打开手机上的验证器应用，输入“一网通办”当前显示的6位数字。', 'Open the authenticator app on your phone and enter the 6 digits shown for Yiwang.')}
        error={v.error ? inLang(lang, v.error) : undefined}
        autocomplete="one-time-code"
        inputmode="numeric"
        width="s"
        maxlength={8}
      />
      <button type="submit" class="button">{submit}</button>
    </form>
  )
}

/** 输入动态验证码: the second step of every staff sign-in. */
export function renderTotpPage(c: Context<AppEnv>, v: CodeForm) {
  const lang = c.get('lang')
  const title = t(lang, '输入动态验证码', 'Enter your authenticator code')
  return renderStepPage(
    c,
    { title, path: '/admin/login/totp', cancelCsrf: v.csrf, errors: v.error ? [{ href: 'code', message: inLang(lang, v.error) }] : [] },
    <>
      <h1>{title}</h1>
      <p>{t(lang, '工作人员登录须使用密码和动态验证码两种方式。连续输错 5 次，账号将被锁定 15 分钟。', 'Staff sign in with a password and an authenticator code. Five wrong attempts lock the account for 15 minutes.')}</p>
      <CodeFields c={c} v={v} action="/admin/login/totp" submit={t(lang, '验证并登录', 'Verify and sign in')} />
      <p>{t(lang, '手机丢失或更换、无法获取验证码时，请联系系统管理员重置验证器。', 'Lost or replaced your phone? Ask an administrator to reset your authenticator.')}</p>
    </>,
  )
}

/** 绑定验证器: shown once per account, before anything else, when no authenticator is set up yet. */
export function renderTotpSetupPage(c: Context<AppEnv>, v: CodeForm & { secret: string; uri: string; qrSvg: string }) {
  const lang = c.get('lang')
  const title = t(lang, '绑定验证器', 'Set up your authenticator')
  const grouped = v.secret.replace(/(.{4})/g, '$1 ').trim()
  // The QR code is generated here (qrcode package), never from user input; sized and labelled for screen readers.
  const svg = v.qrSvg.replace('<svg ', `<svg width="200" height="200" role="img" aria-label="${t(lang, '验证器二维码', 'Authenticator QR code')}" `)
  return renderStepPage(
    c,
    { title, path: '/admin/login/totp/setup', cancelCsrf: v.csrf, errors: v.error ? [{ href: 'code', message: inLang(lang, v.error) }] : [] },
    <>
      <h1>{title}</h1>
      <p>{t(lang, '工作人员账号必须使用动态验证码登录。请在手机上安装验证器应用（如 Microsoft Authenticator、Google 身份验证器、FreeOTP），然后：', 'Staff accounts must sign in with an authenticator code. Install an authenticator app (e.g. Microsoft Authenticator, Google Authenticator, FreeOTP) on your phone, then:')}</p>
      <ol>
        <li>{t(lang, '用应用扫描下面的二维码；', 'scan the QR code below with the app;')}</li>
        <li>{t(lang, '无法扫码时，在应用中选择“手动输入”，填写下面的密钥；', 'or choose “enter a setup key” and type the key below;')}</li>
        <li>{t(lang, '输入应用显示的6位数字完成绑定。', 'enter the 6 digits the app shows to finish.')}</li>
      </ol>
      <div class="qr">{raw(svg)}</div>
      <dl class="summary">
        <div class="summary-row">
          <dt>{t(lang, '密钥', 'Setup key')}</dt>
          <dd><code id="totp-secret" data-secret={v.secret}>{grouped}</code></dd>
        </div>
        <div class="summary-row">
          <dt>{t(lang, '链接', 'Link')}</dt>
          <dd><a href={v.uri}>{t(lang, '在本机的验证器应用中打开', 'Open in an authenticator app on this device')}</a></dd>
        </div>
      </dl>
      <p>{t(lang, '请妥善保管密钥，不要截图发给他人。', 'Keep the key private; do not share screenshots of it.')}</p>
      <CodeFields c={c} v={v} action="/admin/login/totp/setup" submit={t(lang, '完成绑定并登录', 'Finish and sign in')} />
    </>,
  )
}
