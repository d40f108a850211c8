import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context, MiddlewareHandler } from 'hono'
import type { Deps } from '../../deps'
import { DomainError, type FieldError } from '../../platform/errors'
import type { AppEnv } from '../../platform/http/context'
import { t } from '../../platform/web/i18n'
import { renderStaffDetail, type GrantValues } from './admin-staff-detail-page'
import { grantStaffRole } from './admin-staff-grant'
import { renderOneTimePassword } from './admin-staff-new-page'
import { getStaffDetail, listScopeRegions } from './admin-staff-queries'
import { resetStaffPassword } from './admin-staff-reset-password'
import { resetStaffTotp } from './admin-staff-reset-totp'
import { revokeStaffRole } from './admin-staff-revoke'
import { setStaffDisabled } from './admin-staff-status'
import { staffLookups } from './admin-staff-lookups'
import { getStaff } from './require-staff'

const str = (v: unknown, max = 40) => (typeof v === 'string' ? v.trim().slice(0, max) : '')

const NOTICES: Record<string, [string, string]> = {
  granted: ['已添加角色，下次请求即生效。', 'Role added; it applies from the next request.'],
  revoked: ['已取消角色。', 'Role removed.'],
  disabled: ['账号已停用，其所有会话已结束。', 'Account disabled; its sessions have ended.'],
  enabled: ['账号已启用。', 'Account enabled.'],
  totp: ['验证器已重置，本人下次登录时须重新绑定。', 'Authenticator reset; the person sets it up again at next sign-in.'],
}

/** One staff account: roles and scopes (add / remove), disable / enable, reset authenticator, reset password. */
export function registerAdminStaffDetailRoutes(app: OpenAPIHono<AppEnv>, deps: Deps, admin: MiddlewareHandler<AppEnv>): void {
  async function detailPage(c: Context<AppEnv>, id: string, form?: { values: GrantValues; errors: FieldError[] }) {
    const user = await getStaffDetail(deps.db, id)
    if (!user) return c.notFound()
    const lang = c.get('lang')
    const done = NOTICES[c.req.query('done') ?? '']
    const [lookups, regionList] = await Promise.all([staffLookups(deps, user.grants.map((g) => g.regionCode)), listScopeRegions(deps.db)])
    const html = renderStaffDetail(c, { user, lookups, regionList, ...(form ?? {}), notice: done ? t(lang, done[0], done[1]) : undefined })
    return c.html(html, form?.errors.length ? 400 : 200)
  }

  /** Runs an operation; its validation and conflict messages come back on the account page, next to the field. */
  async function act(c: Context<AppEnv>, id: string, run: () => Promise<void>, done: string, values: GrantValues = { role: '', departmentId: '', regionCode: '' }, field = 'account') {
    try {
      await run()
      return c.redirect(`/admin/staff/${id}?done=${done}`, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || (err.status !== 400 && err.status !== 409)) throw err
      return detailPage(c, id, { values, errors: err.fields.length ? err.fields : [{ field, message: err.message }] })
    }
  }

  app.get('/admin/staff/:id', admin, (c) => detailPage(c, c.req.param('id')))

  app.post('/admin/staff/:id/grants', admin, async (c) => {
    const id = c.req.param('id')
    const f = await c.req.parseBody()
    const values = { role: str(f['role']), departmentId: str(f['departmentId']), regionCode: str(f['regionCode'], 9) }
    return act(c, id, () => grantStaffRole(deps, getStaff(c).user, id, values), 'granted', values, 'role')
  })

  app.post('/admin/staff/:id/grants/:grantId/delete', admin, (c) => {
    const id = c.req.param('id')
    return act(c, id, () => revokeStaffRole(deps, getStaff(c).user, id, c.req.param('grantId')), 'revoked')
  })

  app.post('/admin/staff/:id/status', admin, async (c) => {
    const id = c.req.param('id')
    const disabled = (await c.req.parseBody())['disabled'] === 'true'
    return act(c, id, () => setStaffDisabled(deps, getStaff(c).user, id, disabled), disabled ? 'disabled' : 'enabled')
  })

  app.post('/admin/staff/:id/totp-reset', admin, (c) => {
    const id = c.req.param('id')
    return act(c, id, () => resetStaffTotp(deps, getStaff(c).user, id), 'totp')
  })

  app.post('/admin/staff/:id/password-reset', admin, async (c) => {
    const id = c.req.param('id')
    const password = await resetStaffPassword(deps, getStaff(c).user, id)
    const user = await getStaffDetail(deps.db, id)
    return c.html(renderOneTimePassword(c, { staffId: id, username: user!.username, password, created: false }))
  })
}
