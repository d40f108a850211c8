import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { AppEnv } from '../../platform/http/context'
import { CsrfField, ErrorSummary, type SummaryError } from '../../platform/web/form-components'
import { t, type Lang } from '../../platform/web/i18n'
import { Layout } from '../../platform/web/layout'
import { getStaff } from './require-staff'
import { hasAnyRole } from './staff'
import { ROLE_LABELS, type StaffGrant, type StaffRole } from './staff-roles'

/**
 * THE back-office navigation, for every module's pages (catalogue, exchange, identity): one list, shown by role
 * (empty roles = every staff member). Modules add their areas here.
 */
export const BACKOFFICE_NAV: { href: string; zh: string; en: string; roles: StaffRole[]; descZh: string; descEn: string }[] = [
  { href: '/admin/messages', zh: '消息', en: 'Messages', roles: [], descZh: '新的待办、即将到期的办件等提醒。', descEn: 'New tasks, deadlines coming up and other notices.' },
  { href: '/admin', zh: '事项列表', en: 'Service items', roles: ['catalog_editor'], descZh: '维护事项办事指南、材料、时限与版本。', descEn: 'Maintain service guides, materials, time limits and versions.' },
  { href: '/admin/synonyms', zh: '搜索同义词', en: 'Search synonyms', roles: ['catalog_editor'], descZh: '把群众的说法对应到事项名称。', descEn: 'Map everyday words to official item names.' },
  { href: '/admin/cases', zh: '办件', en: 'Cases', roles: ['window_officer', 'department_officer', 'department_head', 'supervisor'], descZh: '本部门的待办、已办办件：受理、审查、决定与送达。', descEn: 'Your department’s cases: accept, review, decide, deliver.' },
  { href: '/admin/licences', zh: '电子证照', en: 'Licences', roles: ['window_officer', 'department_officer', 'department_head'], descZh: '本部门签发的电子证照：查询、暂扣、发还、撤销、延续、变更，签名密钥轮换。', descEn: 'Licences your department issued: find, suspend, reinstate, revoke, renew, change; key rotation.' },
  { href: '/admin/licences/types', zh: '证照目录', en: 'Licence types', roles: ['catalog_editor'], descZh: '证照类型、证照内容及其来源；新增和修改证照类型，查看事项使用但尚未定义的证照。', descEn: 'Licence types, their face fields and sources; add and edit types, see the ones items use but nobody defined.' },
  { href: '/admin/licences/redeem', zh: '用证码核验', en: 'Check a share code', roles: ['window_officer', 'department_officer', 'department_head'], descZh: '输入持证人提供的用证码，查看其授权本部门使用的电子证照（一次有效，记入持证人的数据使用记录）。', descEn: 'Enter a holder’s one-time share code to see the licence they authorised your department to check.' },
  { href: '/admin/exchange/datasets', zh: '数据共享目录', en: 'Shared datasets', roles: [], descZh: '各部门共享的数据集、共享类型与更新周期。', descEn: 'Datasets departments share, their share type and update cycle.' },
  { href: '/admin/exchange/grants', zh: '共享授权', en: 'Access grants', roles: [], descZh: '申请、审批、撤销有条件共享数据的使用授权。', descEn: 'Request, approve or revoke access to conditional datasets.' },
  { href: '/admin/exchange/access-log', zh: '数据访问日志', en: 'Access log', roles: ['supervisor'], descZh: '谁、因何事、查询了哪些数据。', descEn: 'Who read which data, and why.' },
  { href: '/admin/registries', zh: '基础库', en: 'Base registries', roles: ['admin'], descZh: '人口库、法人库、地址库的数据装载。', descEn: 'Load the population, legal-entity and address registries.' },
  { href: '/admin/calendar', zh: '工作日历', en: 'Working-day calendar', roles: ['admin'], descZh: '法定节假日与调休上班日，时限按工作日计算。', descEn: 'Statutory holidays and make-up working days for deadlines.' },
  { href: '/admin/departments', zh: '部门管理', en: 'Departments', roles: ['admin'], descZh: '部门、统一社会信用代码与区划层级。', descEn: 'Departments, their credit codes and region hierarchy.' },
  { href: '/admin/staff', zh: '员工账号', en: 'Staff accounts', roles: ['admin'], descZh: '创建账号、授予岗位角色与范围。', descEn: 'Create accounts and grant scoped roles.' },
  { href: '/admin/clients', zh: '接入系统', en: 'Connected systems', roles: ['admin'], descZh: '登记使用统一身份认证与数据共享接口的部门系统。', descEn: 'Register department systems using single sign-on and the exchange API.' },
]

/** The navigation entries this staff member may use. */
export function backofficeNavFor(user: Parameters<typeof hasAnyRole>[0]) {
  return BACKOFFICE_NAV.filter((n) => hasAnyRole(user, n.roles))
}

/**
 * The back-office page shell for identity's pages and any module that wants the full navigation (links shown
 * by role): layout with area="backoffice", who is signed in, sign-out (POST with the CSRF token), error
 * summary ("错误：" title prefix, GOV.UK pattern), a status notice, then the body.
 */
export function renderBackoffice(c: Context<AppEnv>, page: { title: string; errors?: SummaryError[]; errorTitle?: string; notice?: string | undefined }, body: Child): string {
  const lang = c.get('lang')
  const staff = getStaff(c)
  const url = new URL(c.req.url)
  const errors = page.errors ?? []
  const nav = backofficeNavFor(staff.user)
  // The one entry the page is under: the longest matching href (/admin/licences/types is 证照目录, not 电子证照).
  const matches = (href: string) => url.pathname === href || (href !== '/admin' && url.pathname.startsWith(`${href}/`))
  const here = nav.filter((n) => matches(n.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href
  const current = (href: string) => (href === here ? 'page' : undefined)
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
              {nav.map((n) => (
                <li><a href={n.href} aria-current={current(n.href)}>{t(lang, n.zh, n.en)}</a></li>
              ))}
            </ul>
          </nav>
          <form method="post" action="/admin/logout" class="signout">
            <span>{t(lang, '当前用户：', 'Signed in as ')}{staff.user.displayName}</span>
            <CsrfField token={staff.csrfToken} />
            <button type="submit" class="button-link">{t(lang, '退出登录', 'Sign out')}</button>
          </form>
        </div>
        <ErrorSummary lang={lang} errors={errors} {...(page.errorTitle ? { title: page.errorTitle } : {})} />
        {page.notice ? <div class="notice" role="status">{page.notice}</div> : null}
        {body}
      </Layout>
    ).toString()
  )
}

export const roleLabel = (lang: Lang, r: StaffRole) => t(lang, ROLE_LABELS[r].zh, ROLE_LABELS[r].en)

/** "审批人员 · 市市场监督管理局", "电子监察人员 · 苏州市 (320500)", "系统管理员". */
export function grantLabel(lang: Lang, g: StaffGrant, departments: Map<string, string>, regions: Map<string, string>): string {
  const scope = g.departmentId
    ? (departments.get(g.departmentId) ?? g.departmentId)
    : g.regionCode
      ? `${regions.get(g.regionCode) ?? ''} (${g.regionCode})`
      : g.role === 'catalog_editor'
        ? t(lang, '全部事项', 'all items')
        : ''
  return scope ? `${roleLabel(lang, g.role)} · ${scope}` : roleLabel(lang, g.role)
}
