import type { Context } from 'hono'
import type { AppEnv } from '../../platform/http/context'
import type { FieldError } from '../../platform/errors'
import { CsrfField, TextInput } from '../../platform/web/form-components'
import { t } from '../../platform/web/i18n'
import { MIN_PASSWORD } from './password'
import { inLang, renderStepPage } from './staff-step-page'

/** 设置新密码: forced after an administrator created the account or reset its password. */
export function renderPasswordChangePage(c: Context<AppEnv>, v: { csrf: string; next: string; errors?: FieldError[] }) {
  const lang = c.get('lang')
  const title = t(lang, '设置新密码', 'Choose a new password')
  const errors = (v.errors ?? []).map((e) => ({ href: e.field === 'confirm' ? 'confirm' : 'password', message: inLang(lang, e.message) }))
  const err = (f: string) => errors.find((e) => e.href === f)?.message
  return renderStepPage(
    c,
    { title, path: '/admin/login/password', cancelCsrf: v.csrf, errors },
    <>
      <h1>{title}</h1>
      <p>{t(lang, '您正在使用管理员设置的临时密码。继续使用前，请设置只有您自己知道的新密码。', 'You signed in with a temporary password set by an administrator. Choose a new one only you know before continuing.')}</p>
      <form method="post" action="/admin/login/password" novalidate>
        <CsrfField token={v.csrf} />
        <input type="hidden" name="next" value={v.next} />
        <TextInput lang={lang} id="password" type="password" label={t(lang, '新密码', 'New password')} hint={t(lang, `至少 ${MIN_PASSWORD} 位，不能包含用户名，不能与临时密码相同。`, `At least ${MIN_PASSWORD} characters, not containing your username, not the temporary one.`)} error={err('password')} autocomplete="new-password" width="m" maxlength={256} />
        <TextInput lang={lang} id="confirm" type="password" label={t(lang, '再次输入新密码', 'New password again')} error={err('confirm')} autocomplete="new-password" width="m" maxlength={256} />
        <button type="submit" class="button">{t(lang, '保存新密码', 'Save the new password')}</button>
      </form>
    </>,
  )
}
