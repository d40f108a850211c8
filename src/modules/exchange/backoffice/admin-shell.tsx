import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { AppEnv } from '../../../platform/http/context'
import { CsrfField, ErrorSummary, type SummaryError } from '../../../platform/web/form-components'
import { t } from '../../../platform/web/i18n'
import { Layout } from '../../../platform/web/layout'
import { getStaff, hasRoleIn } from '../../identity'
import { mayViewAccessLog } from '../exchange-policy'

/**
 * The exchange's back-office page shell (same look as the catalogue editor): section navigation, who is signed
 * in with the sign-out form, error summary and notice, then the body. Error pages prefix the title with 错误：.
 */
export function renderExchangeAdmin(c: Context<AppEnv>, page: { title: string; errors?: SummaryError[]; notice?: string | undefined }, body: Child): string {
  const lang = c.get('lang')
  const staff = getStaff(c)
  const url = new URL(c.req.url)
  const errors = page.errors ?? []
  const current = (href: string) => (url.pathname === href || url.pathname.startsWith(`${href}/`) ? 'page' : undefined)
  return (
    '<!doctype html>' +
    (
      <Layout
        lang={lang}
        title={`${errors.length ? t(lang, '错误：', 'Error: ') : ''}${page.title} - ${t(lang, '数据共享交换', 'Data exchange')}`}
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
          <nav aria-label={t(lang, '数据共享交换导航', 'Data exchange navigation')}>
            <ul>
              <li><a href="/admin">{t(lang, '后台首页', 'Back office')}</a></li>
              <li><a href="/admin/exchange/datasets" aria-current={current('/admin/exchange/datasets')}>{t(lang, '数据共享目录', 'Shared datasets')}</a></li>
              <li><a href="/admin/exchange/grants" aria-current={current('/admin/exchange/grants')}>{t(lang, '共享授权', 'Access grants')}</a></li>
              {mayViewAccessLog(staff.user) ? <li><a href="/admin/exchange/access-log" aria-current={current('/admin/exchange/access-log')}>{t(lang, '数据访问日志', 'Access log')}</a></li> : null}
              {hasRoleIn(staff.user, 'admin') ? <li><a href="/admin/registries" aria-current={current('/admin/registries')}>{t(lang, '基础库', 'Base registries')}</a></li> : null}
            </ul>
          </nav>
          <form method="post" action="/admin/logout" class="signout">
            <span>{t(lang, '当前用户：', 'Signed in as ')}{staff.user.displayName}</span>
            <CsrfField token={staff.csrfToken} />
            <button type="submit" class="button-link">{t(lang, '退出登录', 'Sign out')}</button>
          </form>
        </div>
        <ErrorSummary lang={lang} errors={errors} />
        {page.notice ? <div class="notice" role="status">{page.notice}</div> : null}
        {body}
      </Layout>
    ).toString()
  )
}

/** The signed-in staff member as the exchange's operations take them. */
export function grantActorOf(c: Context<AppEnv>) {
  const u = getStaff(c).user
  return { id: u.id, name: u.displayName, departmentId: u.departmentId, grants: u.grants }
}
