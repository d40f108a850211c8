import { Notice } from '../../platform/web/components'
import type { FieldError } from '../../platform/errors'
import { CsrfField, ErrorSummary, TextInput } from '../../platform/web/form-components'
import { t, type Lang } from '../../platform/web/i18n'
import type { CitizenUser } from './citizen'
import { MAX_REAL_NAME } from './verify-real-name-fields'

const fieldError = (errors: FieldError[], f: string) => errors.find((e) => e.field === f)?.message

/**
 * 实名认证 form: 姓名 + 身份证号 + 证件有效期截止 (or 长期). The ID number is never re-filled after a failed
 * attempt (pages never hold a full 身份证号); the name and date are.
 */
export function VerifyPage(p: { lang: Lang; user: CitizenUser; csrfToken: string; errors: FieldError[]; message?: string; name?: string; validUntil?: string; longTerm?: boolean }) {
  const { lang, user } = p
  if (user.idNumberMasked) {
    return (
      <>
        <h1>{t(lang, '实名认证', 'Real-name verification')}</h1>
        <Notice tone="success" title={t(lang, '您已完成实名认证', 'You are verified')}>
          <p>{t(lang, `姓名：${user.name ?? ''}；身份证号：${user.idNumberMasked}`, `Name: ${user.name ?? ''}; ID: ${user.idNumberMasked}`)}</p>
        </Notice>
        <p><a href="/account">{t(lang, '返回我的账号', 'Back to my account')}</a></p>
      </>
    )
  }
  const summary = [...(p.message ? [{ href: p.errors[0]?.field ?? 'name', message: p.message }] : []), ...p.errors.filter((e) => e.message !== p.message).map((e) => ({ href: e.field, message: e.message }))]
  return (
    <div class="narrow">
      <ErrorSummary lang={lang} errors={summary} />
      <h1>{t(lang, '实名认证', 'Real-name verification')}</h1>
      <p>{t(lang, '请按身份证填写。我们通过数据共享交换平台向人口库核验，核验记录可在“我的数据使用记录”中查看。认证通过后账号升为 2 级。', 'Fill in as on your ID card. We check it against the population registry through the data exchange; the check appears in “Who used my data”. Passing raises your account to level 2.')}</p>
      <form method="post" action="/account/verify" novalidate>
        <CsrfField token={p.csrfToken} />
        <TextInput lang={lang} id="name" label={t(lang, '姓名', 'Full name')} hint={t(lang, '与身份证上的姓名一致', 'Exactly as on the card')} autocomplete="name" width="m" maxlength={MAX_REAL_NAME} value={p.name} error={fieldError(p.errors, 'name')} />
        <TextInput lang={lang} id="idNumber" label={t(lang, '身份证号', 'Resident ID number')} hint={t(lang, '18位，最后一位可能是 X', '18 characters; the last may be X')} autocomplete="off" width="m" maxlength={18} error={fieldError(p.errors, 'idNumber')} />
        <TextInput lang={lang} id="validUntil" label={t(lang, '证件有效期截止日期', 'Card valid until')} hint={t(lang, '身份证背面“有效期限”的后一个日期，如 2035-06-30', 'The second date of the validity period on the back, e.g. 2035-06-30')} inputmode="numeric" width="s" maxlength={10} value={p.validUntil} error={fieldError(p.errors, 'validUntil')} />
        <div class="checkbox">
          <input type="checkbox" id="longTerm" name="longTerm" value="yes" checked={!!p.longTerm} />
          <label for="longTerm">{t(lang, '我的身份证有效期为“长期”', 'My card is valid long-term (长期)')}</label>
        </div>
        <button type="submit" class="button button-primary">{t(lang, '提交核验', 'Verify')}</button>
      </form>
      <p class="hint">{t(lang, '每天最多可尝试5次。无法在线认证的，请携带身份证到任一政务服务窗口办理。', 'Up to 5 attempts a day. If online verification does not work, visit any service counter with your ID card.')}</p>
    </div>
  )
}
