import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { AppEnv } from '../../../platform/http/context'
import { CsrfField, ErrorSummary, type SummaryError } from '../../../platform/web/form-components'
import { t } from '../../../platform/web/i18n'
import { Layout } from '../../../platform/web/layout'
import { getStaff, hasAnyRole } from '../../identity'

/**
 * The back-office page: layout with area="backoffice", a section nav, who is signed in with a sign-out
 * button (a POST form carrying the CSRF token), then the page body. Error pages prefix the title with
 * "错误：" so screen-reader users hear it first (GOV.UK pattern).
 */
export function renderAdmin(
  c: Context<AppEnv>,
  page: { title: string; errors?: SummaryError[]; errorTitle?: string; notice?: string | undefined },
  body: Child,
): string {
  const lang = c.get('lang')
  const staff = getStaff(c)
  const url = new URL(c.req.url)
  const errors = page.errors ?? []
  const current = (href: string) => (url.pathname === href ? 'page' : undefined)
  return (
    '<!doctype html>' +
    (
      <Layout
        lang={lang}
        title={`${errors.length ? t(lang, '错误：', 'Error: ') : ''}${page.title} - ${t(lang, '事项管理后台', 'Back office')}`}
        description={page.title}
        canonical={`${url.origin}${url.pathname}`}
        path={url.pathname + url.search.replace(/([?&])lang=\w+&?/, '$1').replace(/[?&]$/, '')}
        nonce={c.get('nonce')}
        noindex
        area="backoffice"
        staffName={staff.user.displayName}
        csrfToken={staff.csrfToken}
      >
        <div class="admin-bar">
          <nav aria-label={t(lang, '后台导航', 'Back-office navigation')}>
            <ul>
              <li><a href="/admin" aria-current={current('/admin')}>{t(lang, '事项列表', 'Service items')}</a></li>
              <li><a href="/admin/items/new" aria-current={current('/admin/items/new')}>{t(lang, '新建事项', 'New item')}</a></li>
              <li><a href="/admin/synonyms" aria-current={current('/admin/synonyms')}>{t(lang, '搜索同义词', 'Search synonyms')}</a></li>
              {hasAnyRole(staff.user, ['admin']) ? (
                <>
                  <li><a href="/admin/departments" aria-current={current('/admin/departments')}>{t(lang, '部门管理', 'Departments')}</a></li>
                  <li><a href="/admin/staff" aria-current={current('/admin/staff')}>{t(lang, '员工账号', 'Staff accounts')}</a></li>
                </>
              ) : null}
            </ul>
          </nav>
          <form method="post" action="/admin/logout" class="signout">
            <span>{t(lang, '当前用户：', 'Signed in as ')}{staff.user.displayName}</span>
            <CsrfField token={staff.csrfToken} />
            <button type="submit" class="button-link">{t(lang, '退出登录', 'Sign out')}</button>
          </form>
        </div>
        <ErrorSummary lang={lang} errors={errors} {...(page.errorTitle ? { title: page.errorTitle } : {})} />
        {page.notice ? (
          <div class="notice" role="status">
            {page.notice}
          </div>
        ) : null}
        {body}
      </Layout>
    ).toString()
  )
}

/** Whole-number query/form parameter in [min, max], or the fallback. */
export function intParam(v: unknown, fallback: number, min = 1, max = 100_000): number {
  const n = typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : NaN
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback
}

export function formatTime(d: Date | string): string {
  const x = new Date(d)
  const p = (n: number) => String(n).padStart(2, '0')
  // Shown in China Standard Time (UTC+8) whatever the server's zone.
  const z = new Date(x.getTime() + 8 * 3600 * 1000)
  return `${z.getUTCFullYear()}-${p(z.getUTCMonth() + 1)}-${p(z.getUTCDate())} ${p(z.getUTCHours())}:${p(z.getUTCMinutes())}`
}
