import type { Context } from 'hono'
import type { AppEnv } from '../../platform/http/context'
import type { FieldError } from '../../platform/errors'
import { SummaryList } from '../../platform/web/components'
import { CsrfField, Fieldset, Select } from '../../platform/web/form-components'
import { t } from '../../platform/web/i18n'
import { deptNames, statusText, type Lookups } from './admin-staff-list-page'
import { fieldMessages, regionOptions } from './admin-staff-new-page'
import { grantLabel, renderBackoffice, roleLabel } from './admin-staff-page'
import type { RegionOption, StaffListRow } from './admin-staff-queries'
import { getStaff } from './require-staff'
import { STAFF_ROLES } from './staff-roles'

export type GrantValues = { role: string; departmentId: string; regionCode: string }

/** 员工账号详情: roles with scopes (add / remove), disable or enable, reset authenticator, reset password. */
export function renderStaffDetail(
  c: Context<AppEnv>,
  v: { user: StaffListRow; lookups: Lookups; regionList: RegionOption[]; values?: GrantValues; errors?: FieldError[]; notice?: string | undefined },
) {
  const lang = c.get('lang')
  const me = getStaff(c)
  const csrf = me.csrfToken
  const u = v.user
  const names = deptNames(v.lookups)
  const title = t(lang, `员工账号：${u.displayName}（${u.username}）`, `Staff account: ${u.displayName} (${u.username})`)
  const { byField, summary } = fieldMessages(lang, v.errors ?? [], ['role', 'departmentId', 'regionCode', 'account'])
  const values = v.values ?? { role: '', departmentId: '', regionCode: '' }
  const base = `/admin/staff/${u.id}`
  return renderBackoffice(
    c,
    { title, errors: summary, notice: v.notice },
    <>
      <h1>{title}</h1>
      <p><a href="/admin/staff">{t(lang, '返回员工列表', 'Back to staff accounts')}</a></p>
      <SummaryList
        rows={[
          { key: t(lang, '用户名', 'Username'), value: u.username },
          { key: t(lang, '姓名', 'Name'), value: u.displayName },
          { key: t(lang, '所属部门', 'Department'), value: u.departmentId ? (names.get(u.departmentId) ?? u.departmentId) : t(lang, '未指定', 'None') },
          { key: t(lang, '状态', 'Status'), value: statusText(lang, u) },
        ]}
      />
      <h2 id="account">{t(lang, '角色与范围', 'Roles and scopes')}</h2>
      <table class="table">
        <caption class="visually-hidden">{t(lang, '已授予的角色', 'Roles held')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, '角色与范围', 'Role and scope')}</th>
            <th scope="col">{t(lang, '授权人', 'Granted by')}</th>
            <th scope="col"><span class="visually-hidden">{t(lang, '操作', 'Actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {u.grants.map((g) => (
            <tr>
              <td>{grantLabel(lang, g, names, v.lookups.regions)}</td>
              <td>{g.grantedBy ?? ''}</td>
              <td>
                {g.role === 'admin' && u.id === me.user.id ? (
                  <span class="hint">{t(lang, '不能取消自己的管理员角色', 'You cannot remove your own admin role')}</span>
                ) : (
                  <form method="post" action={`${base}/grants/${g.id}/delete`}>
                    <CsrfField token={csrf} />
                    <button type="submit" class="button-link">{t(lang, '取消', 'Remove')}<span class="visually-hidden">{grantLabel(lang, g, names, v.lookups.regions)}</span></button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Fieldset legend={t(lang, '添加角色', 'Add a role')} hint={t(lang, '窗口人员、审批人员、部门负责人须选部门；事项编辑员可选部门（不选为全部事项）；电子监察人员须选行政区划；系统管理员不选范围。', 'Department roles need a department; an editor may have one (none = all items); a supervisor needs a region; admin takes no scope.')}>
        <form method="post" action={`${base}/grants`} novalidate>
          <CsrfField token={csrf} />
          <Select lang={lang} id="role" label={t(lang, '角色', 'Role')} value={values.role} error={byField.get('role')} required empty={t(lang, '请选择', 'Choose')} options={STAFF_ROLES.map((r) => ({ value: r, label: roleLabel(lang, r) }))} />
          <Select lang={lang} id="departmentId" label={t(lang, '部门', 'Department')} value={values.departmentId} error={byField.get('departmentId')} empty={t(lang, '不适用', 'Not applicable')} options={v.lookups.departments.map((d) => ({ value: d.id, label: d.name }))} />
          <Select lang={lang} id="regionCode" label={t(lang, '行政区划', 'Region')} value={values.regionCode} error={byField.get('regionCode')} empty={t(lang, '不适用', 'Not applicable')} options={regionOptions(v.regionList)} />
          <button type="submit" class="button">{t(lang, '添加角色', 'Add the role')}</button>
        </form>
      </Fieldset>
      <h2>{t(lang, '账号操作', 'Account actions')}</h2>
      <div class="button-row">
        <form method="post" action={`${base}/status`}>
          <CsrfField token={csrf} />
          <input type="hidden" name="disabled" value={u.disabled ? 'false' : 'true'} />
          <button type="submit" class={u.disabled ? 'button-secondary' : 'button-warning'}>{u.disabled ? t(lang, '启用账号', 'Enable the account') : t(lang, '停用账号', 'Disable the account')}</button>
        </form>
        <form method="post" action={`${base}/totp-reset`}>
          <CsrfField token={csrf} />
          <button type="submit" class="button-secondary">{t(lang, '重置验证器', 'Reset the authenticator')}</button>
        </form>
        <form method="post" action={`${base}/password-reset`}>
          <CsrfField token={csrf} />
          <button type="submit" class="button-secondary">{t(lang, '重置临时密码', 'Set a temporary password')}</button>
        </form>
      </div>
      <p class="hint">{t(lang, '停用、重置验证器或重置密码会立即结束该员工的所有登录会话。', 'Disabling or resetting ends all of the person’s sessions at once.')}</p>
    </>,
  )
}
