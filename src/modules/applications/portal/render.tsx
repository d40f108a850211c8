import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { Config } from '../../../platform/config'
import type { AppEnv } from '../../../platform/http/context'
import { Layout, siteTitle } from '../../../platform/web/layout'
import { t, type Lang } from '../../../platform/web/i18n'
import { shanghaiDate } from '../../../platform/calendar'

export type ApplicantPageStatus = 200 | 400 | 403 | 404 | 409 | 413 | 429

/**
 * Renders an applicant page (drafts, receipts, 我的办件, case pages, the progress lookup) in the portal layout:
 * never indexed, never cached (personal and CSRF-bearing), forms.css loaded. `path` is the page's own GET path,
 * for the canonical link and the language switch.
 */
export function renderApplicantPage(
  c: Context<AppEnv>,
  config: Pick<Config, 'publicUrl'>,
  opts: { title: string; path: string; hasErrors?: boolean; viewerName?: string | undefined },
  body: Child,
  status: ApplicantPageStatus = 200,
) {
  const lang: Lang = c.get('lang') ?? 'zh'
  const viewer = c.get('viewer') ?? (opts.viewerName ? { displayName: opts.viewerName } : undefined)
  const html = (
    <Layout
      lang={lang}
      nonce={c.get('nonce') ?? ''}
      title={siteTitle(lang, `${opts.hasErrors ? t(lang, '错误：', 'Error: ') : ''}${opts.title}`)}
      description={t(lang, `${opts.title}：一网通办在线申请与办件进度`, `${opts.title}: online applications and case progress`)}
      canonical={`${config.publicUrl}${opts.path.split('?')[0]}`}
      path={opts.path}
      noindex
      headerSearch
      forms
      viewer={viewer}
    >
      {body}
    </Layout>
  )
  c.header('Cache-Control', 'no-store')
  return c.html(`<!doctype html>${html.toString()}`, status)
}

/** A date as the person reads it: 2025-11-03 → 2025年11月3日 / 3 Nov 2025. An instant is dated in Asia/Shanghai. */
export function readableDate(lang: Lang, date: string | Date | null | undefined): string {
  if (!date) return '—'
  const iso = date instanceof Date ? shanghaiDate(date) : date
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  if (!m) return iso
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  return lang === 'en' ? `${d} ${months[mo - 1]} ${y}` : `${y}年${mo}月${d}日`
}
