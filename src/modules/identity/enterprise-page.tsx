import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { Deps } from '../../deps'
import type { FieldError } from '../../platform/errors'
import type { AppEnv } from '../../platform/http/context'
import { Notice } from '../../platform/web/components'
import { ErrorSummary, type SummaryError } from '../../platform/web/form-components'
import { t, type Lang } from '../../platform/web/i18n'
import { Layout, siteTitle } from '../../platform/web/layout'
import { actingBannerFor } from './acting-banner'
import type { CitizenSession } from './citizen-session'

/**
 * The page shell of the enterprise and mandate pages: portal layout (noindex: personal pages), the acting
 * banner while acting for someone, the error summary, a notice after a successful post (PRG ?done=…).
 */
export async function renderMyPage(
  c: Context<AppEnv>,
  deps: Pick<Deps, 'db'>,
  session: CitizenSession,
  page: { title: string; errors?: SummaryError[]; notice?: string | undefined; status?: 200 | 400 | 403 | 404 | 409 },
  body: Child,
) {
  const lang = c.get('lang')
  const url = new URL(c.req.url)
  const errors = page.errors ?? []
  const path = url.pathname + url.search.replace(/([?&])lang=\w+&?/, '$1').replace(/[?&]$/, '')
  const banner = await actingBannerFor(deps.db, lang, session)
  const html = (
    <Layout lang={lang} title={`${errors.length ? t(lang, '错误：', 'Error: ') : ''}${siteTitle(lang, page.title)}`} description={page.title} canonical={`${url.origin}${url.pathname}`} path={path} nonce={c.get('nonce')} noindex headerSearch forms viewer={{ displayName: session.user.displayName }}>
      {banner}
      <ErrorSummary lang={lang} errors={errors} />
      {page.notice ? (
        <div role="status">
          <Notice tone="success" title={page.notice} />
        </div>
      ) : null}
      {body}
    </Layout>
  )
  return c.html(`<!doctype html>${html.toString()}`, page.status ?? 200)
}

/** Our messages are "中文。 English." pairs (platform/errors.ts); show the half in the page's language. */
export function inLang(lang: Lang, message: string): string {
  const m = /^(.*[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef”）])\s+([A-Za-z(][^\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*)$/s.exec(message)
  if (!m) return message
  return lang === 'en' ? m[2]! : m[1]!
}

/** Field errors as the summary (links to fields, prefixed with the field's label) and a per-field map. */
export function formErrors(lang: Lang, fields: FieldError[], labels: Record<string, string>) {
  const byField = new Map<string, string>()
  for (const f of fields) if (!byField.has(f.field)) byField.set(f.field, inLang(lang, f.message))
  const summary: SummaryError[] = [...byField].map(([field, message]) => ({ href: field, message: labels[field] ? `${labels[field]}：${message}` : message }))
  return { summary, byField }
}

/** A text field of a parsed form ('' when absent or a file). */
export function field(form: Record<string, unknown>, key: string): string {
  const v = form[key]
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : ''
}

/** Success notices after post/redirect/get, keyed by ?done=. */
export function doneNotice(lang: Lang, done: string | undefined): string | undefined {
  const m: Record<string, [string, string]> = {
    claimed: ['认领成功。您现在可以为企业授权经办人。', 'Claimed. You can now authorise agents for the enterprise.'],
    agent_added: ['已授权。经办人登录后可在“我的代办”中切换为代表企业办理。', 'Authorised. The agent can now switch to acting for the enterprise.'],
    mandate_added: ['已委托。受托人登录后可在“我的代办”中切换为代表您办理。', 'Authorised. Your proxy can now act for you for the named services.'],
    revoked: ['已撤销授权，对方下一次操作时即失去代办权限。', 'Revoked. The agent loses access with their next request.'],
    contact: ['联系方式已保存。', 'Contact details saved.'],
    acting: ['已切换为代办身份。页面顶部会一直提示您正在代表谁办理。', 'You are now acting for them; the banner at the top says for whom.'],
    stopped: ['已切换回本人身份。', 'You are acting for yourself again.'],
  }
  const v = done ? m[done] : undefined
  return v ? t(lang, v[0], v[1]) : undefined
}
