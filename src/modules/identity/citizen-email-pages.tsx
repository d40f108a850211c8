import type { FieldError } from '../../platform/errors'
import { Notice, SummaryList } from '../../platform/web/components'
import { CsrfField, ErrorSummary, TextInput } from '../../platform/web/form-components'
import { t, type Lang } from '../../platform/web/i18n'
import { EMAIL_MAILS_PER_DAY, MAX_EMAIL, type CitizenEmailState } from './citizen-email'

export type EmailFlash = 'sent' | 'verified' | 'removed' | 'nothing' | undefined

/** Asia/Shanghai wall-clock time of an instant, e.g. 2026-11-21 14:05. */
function shanghai(d: Date): string {
  return new Date(d.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ')
}

const Flash = ({ lang, flash }: { lang: Lang; flash: EmailFlash }) => {
  if (flash === 'sent')
    return <Notice tone="success" title={t(lang, '验证邮件已发送', 'Verification email sent')}><p>{t(lang, '请在24小时内打开邮件中的链接（打开时需要登录本账号）。没收到的话，请看看垃圾邮件箱。', 'Open the link in the email within 24 hours, signed in to this account. Not there? Check your spam folder.')}</p></Notice>
  if (flash === 'verified') return <Notice tone="success" title={t(lang, '邮箱已验证，今后的办件通知会同时发到这个邮箱', 'Email verified: notices will also be sent to it')} />
  if (flash === 'removed') return <Notice tone="warn" title={t(lang, '邮箱已删除，今后只通过短信和“我的消息”通知您', 'Email removed: notices now come by SMS and in My messages only')} />
  if (flash === 'nothing') return <Notice tone="info" title={t(lang, '您没有设置邮箱，无需删除', 'You have no email address to remove')} />
  return null
}

/**
 * 通知邮箱 (/account/email): the verified address (masked), an address waiting for its link, the form to set or
 * change it, resend and remove. Only masked addresses are shown; the typed address is re-filled after an error.
 */
export function EmailPage(p: { lang: Lang; csrfToken: string; state: CitizenEmailState; flash?: EmailFlash; errors?: FieldError[]; message?: string | undefined; value?: string | undefined }) {
  const { lang, state } = p
  const errors = p.errors ?? []
  const fieldError = errors.find((e) => e.field === 'email')?.message
  const summary = [...(p.message && p.message !== fieldError ? [{ href: state.pending ? 'resend' : 'email', message: p.message }] : []), ...errors.map((e) => ({ href: e.field, message: e.message }))]
  const left = Math.max(0, EMAIL_MAILS_PER_DAY - state.sentToday)
  return (
    <div class="narrow">
      <ErrorSummary lang={lang} errors={summary} />
      <Flash lang={lang} flash={p.flash} />
      <h1>{t(lang, '通知邮箱', 'Notice email')}</h1>
      <p>{t(lang, '办件受理、补正、办结等通知会发到“我的消息”并发送短信；设置并验证邮箱后，也会发邮件给您。只有验证过的邮箱才会收到通知。', 'Notices about your applications go to My messages and by SMS; once you set and verify an email address, they are emailed too. Only a verified address ever gets notices.')}</p>
      <SummaryList
        rows={[
          { key: t(lang, '当前通知邮箱', 'Current notice email'), value: state.emailMasked ? `${state.emailMasked}${t(lang, '（已验证）', ' (verified)')}` : t(lang, '未设置', 'None') },
          ...(state.pending
            ? [{
                key: t(lang, '待验证邮箱', 'Waiting for verification'),
                value: state.pending.expired
                  ? t(lang, `${state.pending.emailMasked}（验证链接已过期，请重新发送）`, `${state.pending.emailMasked} (the link expired; send it again)`)
                  : t(lang, `${state.pending.emailMasked}（链接有效至 ${shanghai(state.pending.expiresAt)}）`, `${state.pending.emailMasked} (link valid until ${shanghai(state.pending.expiresAt)} Beijing time)`),
              }]
            : []),
        ]}
      />
      {state.pending ? (
        <form method="post" action="/account/email/resend">
          <CsrfField token={p.csrfToken} />
          <p class="hint">{t(lang, '没收到验证邮件？先看看垃圾邮件箱；仍没有的话可以重新发送（之前的链接随即失效）。', 'No email? Check your spam folder first; sending again makes the earlier link stop working.')}</p>
          <button type="submit" id="resend" class="button button-secondary">{t(lang, '重新发送验证邮件', 'Send the email again')}</button>
        </form>
      ) : null}
      <h2>{state.emailMasked || state.pending ? t(lang, '更换邮箱', 'Change the address') : t(lang, '设置邮箱', 'Set an address')}</h2>
      <form method="post" action="/account/email" novalidate>
        <CsrfField token={p.csrfToken} />
        <TextInput
          lang={lang}
          id="email"
          label={t(lang, '邮箱地址', 'Email address')}
          hint={t(lang, '例如 name@example.com。我们会发一封验证邮件，打开其中的链接后才生效。', 'For example name@example.com. We send a verification email; the address takes effect once you open its link.')}
          autocomplete="email"
          width="l"
          maxlength={MAX_EMAIL}
          value={p.value}
          error={fieldError}
        />
        <button type="submit" class="button button-primary">{t(lang, '发送验证邮件', 'Send verification email')}</button>
      </form>
      <p class="hint">{t(lang, `为防止打扰他人，每个账号24小时内最多发送${EMAIL_MAILS_PER_DAY}封验证邮件（今天还可发送${left}封）。`, `To protect others from unwanted mail, at most ${EMAIL_MAILS_PER_DAY} verification emails a day per account (${left} left today).`)}</p>
      {state.emailMasked || state.pending ? (
        <form method="post" action="/account/email/remove">
          <CsrfField token={p.csrfToken} />
          <p class="hint">{t(lang, '删除后不再发邮件通知；短信和“我的消息”照常。', 'After removing it no notices are emailed; SMS and My messages continue.')}</p>
          <button type="submit" class="button button-secondary">{t(lang, '删除邮箱', 'Remove email')}</button>
        </form>
      ) : null}
      <p><a href="/account">{t(lang, '返回我的账号', 'Back to my account')}</a></p>
    </div>
  )
}

/** A verification link that did not work: why, and what to do (the message says it). */
export function EmailLinkRefusedPage({ lang, message }: { lang: Lang; message: string }) {
  return (
    <div class="narrow">
      <h1>{t(lang, '邮箱未能验证', 'The email address was not verified')}</h1>
      <Notice tone="warn" title={message} alert />
      <p><a class="button button-primary" href="/account/email">{t(lang, '前往通知邮箱', 'Go to notice email')}</a></p>
    </div>
  )
}
