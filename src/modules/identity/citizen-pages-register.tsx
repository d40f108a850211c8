import { Notice } from '../../platform/web/components'
import type { FieldError } from '../../platform/errors'
import { ErrorSummary, TextInput } from '../../platform/web/form-components'
import { t, type Lang } from '../../platform/web/i18n'
import { MAX_PASSWORD } from './password'
import { MAX_DISPLAY_NAME } from './register-fields'

const fieldError = (errors: FieldError[], f: string) => errors.find((e) => e.field === f)?.message
const summary = (errors: FieldError[]) => errors.map((e) => ({ href: e.field, message: e.message }))

/** 注册 step 1: the mobile number that receives the code. */
export function RegisterPhoneStep(p: { lang: Lang; formToken: string; next: string; phone?: string; errors: FieldError[] }) {
  const { lang } = p
  return (
    <div class="narrow">
      <ErrorSummary lang={lang} errors={summary(p.errors)} />
      <h1>{t(lang, '注册一网通办账号', 'Create a Yiwang account')}</h1>
      <p>{t(lang, '一个账号办理所有在线政务服务。注册分两步：先验证手机号，再设置密码；登录后完成实名认证即可在线申请。', 'One account for every online service. Two steps: prove your phone, then choose a password; verify your real name after signing in to apply online.')}</p>
      <form method="post" action="/register/code" novalidate>
        <input type="hidden" name="_csrf" value={p.formToken} />
        <input type="hidden" name="next" value={p.next} />
        <TextInput lang={lang} id="phone" label={t(lang, '手机号码', 'Mobile number')} hint={t(lang, '中国大陆11位手机号，我们会发送6位验证码。', 'An 11-digit mainland mobile number; we send a 6-digit code.')} type="tel" inputmode="numeric" autocomplete="tel-national" width="m" maxlength={20} value={p.phone} error={fieldError(p.errors, 'phone')} />
        <button type="submit" class="button button-primary">{t(lang, '获取验证码', 'Send code')}</button>
      </form>
      <p>{t(lang, '已有账号？', 'Already registered? ')}<a href={`/login?next=${encodeURIComponent(p.next)}`}>{t(lang, '直接登录', 'Sign in')}</a></p>
    </div>
  )
}

/** 注册 step 2: code + password + how to call you + the service agreement. The phone is carried sealed. */
export function RegisterDetailsStep(p: { lang: Lang; formToken: string; next: string; phoneToken: string; phoneMasked: string; displayName?: string; agreed?: boolean; errors: FieldError[]; sent?: boolean }) {
  const { lang } = p
  const agreedError = fieldError(p.errors, 'agreed')
  return (
    <div class="narrow">
      <ErrorSummary lang={lang} errors={summary(p.errors)} />
      <h1>{t(lang, '设置登录密码', 'Choose your password')}</h1>
      {p.sent ? (
        <Notice tone="info" title={t(lang, `验证码已发送至 ${p.phoneMasked}`, `Code sent to ${p.phoneMasked}`)}>
          <p>
            {t(lang, '验证码5分钟内有效。如果该号码已经注册过，短信会提示您', 'The code is valid for 5 minutes. If this number is already registered, the SMS tells you to ')}
            <a href={`/login?next=${encodeURIComponent(p.next)}`}>{t(lang, '直接登录', 'sign in')}</a>{t(lang, '。', ' instead.')}
          </p>
        </Notice>
      ) : (
        <p>{t(lang, `手机号码：${p.phoneMasked}`, `Mobile number: ${p.phoneMasked}`)}</p>
      )}
      <form method="post" action="/register" novalidate>
        <input type="hidden" name="_csrf" value={p.formToken} />
        <input type="hidden" name="t" value={p.phoneToken} />
        <input type="hidden" name="next" value={p.next} />
        <TextInput lang={lang} id="code" label={t(lang, '短信验证码', 'SMS code')} hint={t(lang, '短信中的6位数字', 'The 6 digits in the SMS')} inputmode="numeric" autocomplete="one-time-code" width="s" maxlength={6} error={fieldError(p.errors, 'code')} />
        <TextInput lang={lang} id="password" label={t(lang, '登录密码', 'Password')} hint={t(lang, `8至${MAX_PASSWORD}位，不能全是数字，不要包含手机号。`, `8 to ${MAX_PASSWORD} characters, not digits only, without your phone number.`)} type="password" autocomplete="new-password" width="m" maxlength={MAX_PASSWORD} error={fieldError(p.errors, 'password')} />
        <TextInput lang={lang} id="displayName" label={t(lang, '昵称', 'What should we call you?')} hint={t(lang, `最多${MAX_DISPLAY_NAME}个字，实名认证后以身份证姓名为准。`, `Up to ${MAX_DISPLAY_NAME} characters; your legal name comes from real-name verification.`)} autocomplete="nickname" width="m" maxlength={MAX_DISPLAY_NAME} value={p.displayName} error={fieldError(p.errors, 'displayName')} />
        <div class={`form-group${agreedError ? ' form-group-error' : ''}`}>
          {agreedError ? <p class="error-message" id="agreed-error"><span class="visually-hidden">{t(lang, '错误：', 'Error: ')}</span>{agreedError}</p> : null}
          <div class="checkbox">
            <input type="checkbox" id="agreed" name="agreed" value="yes" checked={!!p.agreed} aria-describedby={agreedError ? 'agreed-error' : undefined} />
            <label for="agreed">{t(lang, '我已阅读并同意', 'I have read and accept the ')}<a href="/register/agreement" target="_blank" rel="noopener">{t(lang, '《网上服务协议》（在新窗口打开）', 'online service agreement (opens in a new window)')}</a></label>
          </div>
        </div>
        <button type="submit" class="button button-primary">{t(lang, '注册并登录', 'Register and sign in')}</button>
      </form>
      <form method="post" action="/register/code" class="inline-form">
        <input type="hidden" name="_csrf" value={p.formToken} />
        <input type="hidden" name="t" value={p.phoneToken} />
        <input type="hidden" name="next" value={p.next} />
        {t(lang, '没有收到？', 'No SMS? ')}<button type="submit" class="button-link">{t(lang, '重新发送验证码', 'Send the code again')}</button>
        {t(lang, '（60秒后可重发）或 ', ' (after 60 s) or ')}<a href="/register">{t(lang, '换一个手机号', 'use another number')}</a>
      </form>
    </div>
  )
}

/** 网上服务协议 (108号 §5: the user signs the agreement online). Short, plain, versioned. */
export function AgreementPage({ lang, version }: { lang: Lang; version: string }) {
  return (
    <div class="prose">
      <h1>{t(lang, '网上服务协议', 'Online service agreement')}</h1>
      <p class="hint">{t(lang, `版本 ${version}`, `Version ${version}`)}</p>
      <ol>
        <li>{t(lang, '本账号用于办理苏州市政务服务事项，由您本人注册和使用，请勿转借他人。', 'This account is for government services; register and use it yourself and do not lend it.')}</li>
        <li>{t(lang, '您提交的信息应真实、准确；实名认证通过人口库核验，每次核验都会记录在“我的数据使用记录”中。', 'Information you give must be true; real-name checks against the population registry appear in “Who used my data”.')}</li>
        <li>{t(lang, '我们只为办理您申请的事项使用您的个人信息，依照《个人信息保护法》保护，不会出售或用于其他目的。', 'We use your personal data only for the services you apply for, protect it under the Personal Information Protection Law, and never sell it.')}</li>
        <li>{t(lang, '请妥善保管密码和验证码；发现账号异常请立即在“我的账号”中退出所有设备并拨打 12345。', 'Keep your password and codes safe; if something looks wrong, sign out everywhere under My account and call 12345.')}</li>
      </ol>
    </div>
  )
}
