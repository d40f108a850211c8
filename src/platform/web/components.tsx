import type { Child } from 'hono/jsx'
import type { Lang } from './i18n'
import { t } from './i18n'

/** Shared page components for portal and back office. Plain server-rendered HTML; no inline styles (CSP). */

export type Crumb = { label: string; href?: string }
/** Breadcrumbs; the last crumb is the current page. */
export function Breadcrumbs({ lang, items }: { lang: Lang; items: Crumb[] }) {
  return (
    <nav class="breadcrumbs" aria-label={t(lang, '当前位置', 'Breadcrumb')}>
      <ol>
        <li><a href="/">{t(lang, '首页', 'Home')}</a></li>
        {items.map((c, i) => (
          <li>{c.href && i < items.length - 1 ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
        ))}
      </ol>
    </nav>
  )
}

/** Page numbers around the current one, with first/last and gaps: [1, '…', 4, 5, 6, '…', 20]. */
export function pageWindow(page: number, last: number, radius = 2): (number | '…')[] {
  const out: (number | '…')[] = []
  for (let p = 1; p <= last; p++) {
    if (p === 1 || p === last || Math.abs(p - page) <= radius) out.push(p)
    else if (out[out.length - 1] !== '…') out.push('…')
  }
  return out
}

/** Pagination as links (works without JS); the current page carries aria-current. */
export function Pagination({ lang, page, pageSize, total, hrefFor }: { lang: Lang; page: number; pageSize: number; total: number; hrefFor: (page: number) => string }) {
  const last = Math.max(1, Math.ceil(total / pageSize))
  if (last <= 1) return null
  return (
    <nav class="pagination" aria-label={t(lang, '分页', 'Pagination')}>
      <ul>
        {page > 1 ? <li><a href={hrefFor(page - 1)} rel="prev">{t(lang, '上一页', 'Previous')}</a></li> : null}
        {pageWindow(page, last).map((p) =>
          p === '…' ? (
            <li class="gap" aria-hidden="true">…</li>
          ) : p === page ? (
            <li><a href={hrefFor(p)} aria-current="page" aria-label={t(lang, `第 ${p} 页，当前页`, `Page ${p}, current page`)}>{p}</a></li>
          ) : (
            <li><a href={hrefFor(p)} aria-label={t(lang, `第 ${p} 页`, `Page ${p}`)}>{p}</a></li>
          ),
        )}
        {page < last ? <li><a href={hrefFor(page + 1)} rel="next">{t(lang, '下一页', 'Next')}</a></li> : null}
      </ul>
    </nav>
  )
}

export type SummaryRow = { key: string; value: Child | undefined | null; id?: string }
/** A key/value list (dl) that skips rows without a value. */
export function SummaryList({ rows, class: cls }: { rows: SummaryRow[]; class?: string }) {
  const shown = rows.filter((r) => r.value !== undefined && r.value !== null && r.value !== '')
  return (
    <dl class={`summary${cls ? ` ${cls}` : ''}`}>
      {shown.map((r) => (
        <div class="summary-row" id={r.id}>
          <dt>{r.key}</dt>
          <dd>{r.value}</dd>
        </div>
      ))}
    </dl>
  )
}

export type Tone = 'neutral' | 'info' | 'success' | 'warn' | 'danger'
/** A small label: online depth, audience, status. */
export function Tag({ tone = 'neutral', children }: { tone?: Tone; children: Child }) {
  return <span class={`tag tag-${tone}`}>{children}</span>
}

/** A banner for status and notices. role=alert only for things that went wrong. */
export function Notice({ tone = 'info', title, children, alert }: { tone?: Tone; title: string; children?: Child; alert?: boolean }) {
  return (
    <div class={`notice notice-${tone}`} role={alert ? 'alert' : undefined}>
      <p class="notice-title">{title}</p>
      {children}
    </div>
  )
}

/** Chinese content inside an English page is marked lang="zh-CN" so screen readers pronounce it right. */
export function Zh({ lang, children }: { lang: Lang; children: Child }) {
  return lang === 'en' ? <span lang="zh-CN">{children}</span> : <>{children}</>
}

/** A link card: title, optional count and description. */
export function LinkCard({ href, title, meta, children }: { href: string; title: Child; meta?: Child; children?: Child }) {
  return (
    <li class="link-card">
      <a href={href}>
        <span class="link-card-title">{title}</span>
        {meta !== undefined ? <span class="link-card-meta">{meta}</span> : null}
      </a>
      {children}
    </li>
  )
}
