import type { Context } from 'hono'
import type { Config } from '../../../platform/config'
import type { AppEnv } from '../../../platform/http/context'
import type { Lang } from '../../../platform/web/i18n'
import type { PageMeta } from '../../../platform/web/layout'

/** Builds a query string from the params that are set, in the given order (stable canonical URLs). */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v))
  const s = u.toString()
  return s ? `?${s}` : ''
}

/**
 * URL facts for a page: canonical (absolute; Chinese without ?lang, English with ?lang=en), hreflang
 * alternates, and the path the language switch appends ?lang= to.
 * `pathAndQuery` is the page's own path plus its meaningful parameters, never lang.
 */
export function pageUrls(config: Config, lang: Lang, pathAndQuery: string): Pick<PageMeta, 'canonical' | 'alternates' | 'path'> {
  const sep = pathAndQuery.includes('?') ? '&' : '?'
  const zh = `${config.publicUrl}${pathAndQuery}`
  const en = `${zh}${sep}lang=en`
  return { canonical: lang === 'en' ? en : zh, alternates: { zh, en }, path: pathAndQuery }
}

/** The common per-request part of PageMeta. */
export function requestMeta(c: Context<AppEnv>): { lang: Lang; nonce: string } {
  return { lang: c.get('lang') ?? 'zh', nonce: c.get('nonce') ?? '' }
}

/** Trim text for meta descriptions (search snippets show ~80 Chinese characters). */
export function clip(text: string | undefined | null, max = 110): string {
  const s = (text ?? '').replace(/\s+/g, ' ').trim()
  return s.length > max ? `${s.slice(0, max - 1)}…` : s
}
