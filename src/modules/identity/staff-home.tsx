import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Deps } from '../../deps'
import type { AppEnv } from '../../platform/http/context'
import { t } from '../../platform/web/i18n'
import { backofficeNavFor, renderBackoffice, roleLabel } from './admin-staff-page'
import { getStaff, requireStaff } from './require-staff'

/**
 * /admin/home — the back-office landing page for every staff member (工作台): what they may open, by role, and
 * the roles they hold. Staff without the catalogue role land here instead of the item list.
 */
export function registerStaffHome(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  app.get('/admin/home', requireStaff(deps), (c) => {
    const lang = c.get('lang')
    const staff = getStaff(c)
    const entries = backofficeNavFor(staff.user)
    return c.html(
      renderBackoffice(
        c,
        { title: t(lang, '工作台', 'Home') },
        <>
          <h1>{t(lang, '工作台', 'Home')}</h1>
          <p>
            {t(lang, '您的岗位角色：', 'Your roles: ')}
            {staff.user.roles.length ? staff.user.roles.map((r) => roleLabel(lang, r as never)).join('、') : t(lang, '暂无（请联系系统管理员授予）', 'none yet (ask an administrator)')}
          </p>
          <ul class="results-list">
            {entries.map((n) => (
              <li>
                <a href={n.href}>{t(lang, n.zh, n.en)}</a>
                <p class="hint">{t(lang, n.descZh, n.descEn)}</p>
              </li>
            ))}
          </ul>
        </>,
      ),
    )
  })
}
