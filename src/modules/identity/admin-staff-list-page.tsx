import type { Context } from 'hono'
import type { AppEnv } from '../../platform/http/context'
import { Select } from '../../platform/web/form-components'
import { t } from '../../platform/web/i18n'
import { grantLabel, renderBackoffice, roleLabel } from './admin-staff-page'
import type { StaffListRow } from './admin-staff-queries'
import type { DepartmentSummary } from './ports'
import { STAFF_ROLES } from './staff-roles'

export type Lookups = { departments: DepartmentSummary[]; regions: Map<string, string> }
export const deptNames = (l: Lookups) => new Map(l.departments.map((d) => [d.id, d.name]))

/** 员工账号: every staff account with its roles and scopes, filtered by department and role. */
export function renderStaffList(c: Context<AppEnv>, v: { rows: StaffListRow[]; lookups: Lookups; departmentId: string; role: string; notice?: string | undefined }) {
  const lang = c.get('lang')
  const title = t(lang, '员工账号', 'Staff accounts')
  const names = deptNames(v.lookups)
  return renderBackoffice(
    c,
    { title, notice: v.notice },
    <>
      <div class="title-row">
        <h1>{title}</h1>
        <a class="button" href="/admin/staff/new">{t(lang, '新建员工账号', 'New staff account')}</a>
      </div>
      <p>{t(lang, '员工账号由系统管理员创建；每个角色都限定在一个部门或行政区划内。所有变更记入审计日志。', 'Administrators create staff accounts; each role is scoped to a department or a region. Every change is audited.')}</p>
      <form method="get" action="/admin/staff" class="admin-filters" role="search" aria-label={t(lang, '筛选员工', 'Filter staff')}>
        <Select lang={lang} id="department" label={t(lang, '部门', 'Department')} value={v.departmentId} empty={t(lang, '全部部门', 'All departments')} options={v.lookups.departments.map((d) => ({ value: d.id, label: d.name }))} />
        <Select lang={lang} id="role" label={t(lang, '角色', 'Role')} value={v.role} empty={t(lang, '全部角色', 'All roles')} options={STAFF_ROLES.map((r) => ({ value: r, label: roleLabel(lang, r) }))} />
        <button type="submit" class="button-secondary">{t(lang, '筛选', 'Filter')}</button>
      </form>
      <table class="table">
        <caption>{t(lang, `共 ${v.rows.length} 个账号`, `${v.rows.length} accounts`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, '用户名', 'Username')}</th>
            <th scope="col">{t(lang, '姓名', 'Name')}</th>
            <th scope="col">{t(lang, '所属部门', 'Department')}</th>
            <th scope="col">{t(lang, '角色与范围', 'Roles and scopes')}</th>
            <th scope="col">{t(lang, '状态', 'Status')}</th>
          </tr>
        </thead>
        <tbody>
          {v.rows.map((u) => (
            <tr>
              <td><a href={`/admin/staff/${u.id}`}>{u.username}</a></td>
              <td>{u.displayName}</td>
              <td>{u.departmentId ? (names.get(u.departmentId) ?? '') : ''}</td>
              <td>{u.grants.map((g) => grantLabel(lang, g, names, v.lookups.regions)).join('；')}</td>
              <td>{statusText(lang, u)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>,
  )
}

export function statusText(lang: 'zh' | 'en', u: Pick<StaffListRow, 'disabled' | 'totpEnrolled' | 'mustChangePassword'>): string {
  if (u.disabled) return t(lang, '已停用', 'Disabled')
  const parts = [u.totpEnrolled ? t(lang, '已绑定验证器', 'Authenticator set up') : t(lang, '待绑定验证器', 'Authenticator not set up')]
  if (u.mustChangePassword) parts.push(t(lang, '待修改临时密码', 'Temporary password'))
  return parts.join('，')
}
