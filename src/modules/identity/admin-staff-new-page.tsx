import type { Context } from 'hono'
import type { AppEnv } from '../../platform/http/context'
import type { FieldError } from '../../platform/errors'
import { Checkboxes, CsrfField, Select, TextInput } from '../../platform/web/form-components'
import { t, type Lang } from '../../platform/web/i18n'
import { renderBackoffice, roleLabel } from './admin-staff-page'
import type { RegionOption } from './admin-staff-queries'
import { getStaff } from './require-staff'
import { inLang } from './staff-step-page'
import type { DepartmentSummary } from './ports'
import { STAFF_ROLES } from './staff-roles'

export type NewStaffValues = { username: string; displayName: string; departmentId: string; roles: string[]; regionCode: string }
const FIELDS = ['username', 'displayName', 'departmentId', 'roles', 'regionCode']

/** Region options indented by level (江苏省 › 苏州市 › 姑苏区) — a plain select works without JavaScript. */
export const regionOptions = (regions: RegionOption[]) => regions.map((r) => ({ value: r.code, label: `${'　'.repeat(Math.max(0, r.level - 1))}${r.name}（${r.code}）` }))

/** Field errors as the summary links and the per-field messages. */
export function fieldMessages(lang: Lang, errors: FieldError[], known: string[]) {
  const byField = new Map<string, string>()
  for (const e of errors) {
    const f = known.includes(e.field) ? e.field : known[0]!
    if (!byField.has(f)) byField.set(f, inLang(lang, e.message))
  }
  return { byField, summary: [...byField].map(([href, message]) => ({ href, message })) }
}

/** 新建员工账号. */
export function renderNewStaff(c: Context<AppEnv>, v: { values: NewStaffValues; errors: FieldError[]; departments: DepartmentSummary[]; regions: RegionOption[] }) {
  const lang = c.get('lang')
  const title = t(lang, '新建员工账号', 'New staff account')
  const { byField, summary } = fieldMessages(lang, v.errors, FIELDS)
  return renderBackoffice(
    c,
    { title, errors: summary },
    <>
      <h1>{title}</h1>
      <p><a href="/admin/staff">{t(lang, '返回员工列表', 'Back to staff accounts')}</a></p>
      <p>{t(lang, '创建后系统生成一次性临时密码，只显示一次。员工首次登录时须绑定验证器并修改密码。', 'A one-time password is generated and shown once. At first sign-in the person sets up an authenticator and changes the password.')}</p>
      <form method="post" action="/admin/staff/new" novalidate>
        <CsrfField token={getStaff(c).csrfToken} />
        <TextInput lang={lang} id="username" label={t(lang, '用户名', 'Username')} hint={t(lang, '3–64位小写字母、数字、点、下划线或连字符，例如 zhang.wei。', '3–64 of a-z 0-9 . _ -, e.g. zhang.wei.')} value={v.values.username} error={byField.get('username')} required width="m" maxlength={64} autocomplete="off" />
        <TextInput lang={lang} id="displayName" label={t(lang, '姓名', 'Name')} value={v.values.displayName} error={byField.get('displayName')} required width="m" maxlength={100} autocomplete="off" />
        <Select lang={lang} id="departmentId" label={t(lang, '所属部门', 'Department')} value={v.values.departmentId} error={byField.get('departmentId')} required empty={t(lang, '请选择', 'Choose')} options={v.departments.map((d) => ({ value: d.id, label: d.name }))} />
        <Checkboxes
          lang={lang}
          id="roles"
          legend={t(lang, '初始角色', 'Initial roles')}
          hint={t(lang, '窗口人员、审批人员、部门负责人和事项编辑员的范围是所属部门；电子监察人员的范围是下面选择的行政区划。其他范围可在账号详情页添加。', 'Department roles and the editor apply to the department above; a supervisor to the region below. Add other scopes on the account page.')}
          error={byField.get('roles')}
          required
          options={STAFF_ROLES.map((r) => ({ value: r, label: roleLabel(lang, r) }))}
          values={v.values.roles}
        />
        <Select lang={lang} id="regionCode" label={t(lang, '监察区划（仅电子监察人员）', 'Region (supervisors only)')} value={v.values.regionCode} error={byField.get('regionCode')} empty={t(lang, '不适用', 'Not applicable')} options={regionOptions(v.regions)} />
        <button type="submit" class="button">{t(lang, '创建账号', 'Create the account')}</button>
      </form>
    </>,
  )
}

/** Shown once after creating an account or resetting its password: the one-time password to hand over. */
export function renderOneTimePassword(c: Context<AppEnv>, v: { staffId: string; username: string; password: string; created: boolean }) {
  const lang = c.get('lang')
  const title = v.created ? t(lang, '员工账号已创建', 'Staff account created') : t(lang, '临时密码已重置', 'Temporary password set')
  return renderBackoffice(
    c,
    { title },
    <>
      <h1>{title}</h1>
      <div class="notice" role="status">
        <p>{t(lang, `用户名：${v.username}`, `Username: ${v.username}`)}</p>
        <p>{t(lang, '一次性临时密码：', 'One-time password: ')}<code id="one-time-password">{v.password}</code></p>
      </div>
      <p>{t(lang, '此密码只显示这一次，请当面或通过安全渠道交给本人。本人首次登录时须绑定验证器并设置新密码。', 'This password is shown only now; hand it over in person or through a secure channel. At sign-in the person sets up an authenticator and a new password.')}</p>
      <p><a href={`/admin/staff/${v.staffId}`}>{t(lang, '查看账号详情', 'Open the account')}</a></p>
    </>,
  )
}
