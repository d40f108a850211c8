import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { AppEnv } from '../../platform/http/context'
import { CsrfField, ErrorSummary, type SummaryError } from '../../platform/web/form-components'
import { t, type Lang } from '../../platform/web/i18n'
import { Layout } from '../../platform/web/layout'

/** Messages are written "中文 English"; show the half for the page language. */
export function inLang(lang: Lang, message: string): string {
  const m = /^(.*[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef”）])\s+([A-Za-z(][^\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*)$/s.exec(message)
  if (!m) return message
  return lang === 'en' ? m[2]! : m[1]!
}

/**
 * The shell of the sign-in steps (password, code, enrolment, new password): back-office layout without the
 * admin bar — the person is not signed in yet. Error titles start with "错误：" (GOV.UK pattern).
 */
export function renderStepPage(c: Context<AppEnv>, page: { title: string; path: string; errors?: SummaryError[]; cancelCsrf?: string }, body: Child): string {
  const lang = c.get('lang')
  const errors = page.errors ?? []
  return (
    '<!doctype html>' +
    (
      <Layout
        lang={lang}
        title={`${errors.length ? t(lang, '错误：', 'Error: ') : ''}${page.title} - ${t(lang, '一网通办事项管理后台', 'Yiwang back office')}`}
        description={page.title}
        canonical={new URL(page.path, c.req.url).toString()}
        path={page.path}
        nonce={c.get('nonce')}
        noindex
        area="backoffice"
      >
        <div class="narrow">
          <ErrorSummary lang={lang} errors={errors} />
          {body}
          {page.cancelCsrf ? (
            <form method="post" action="/admin/logout" class="signout">
              <CsrfField token={page.cancelCsrf} />
              <button type="submit" class="button-link">{t(lang, '取消登录', 'Cancel sign-in')}</button>
            </form>
          ) : null}
        </div>
      </Layout>
    ).toString()
  )
}
