import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../deps'
import { DomainError } from '../../platform/errors'
import type { AppEnv } from '../../platform/http/context'
import { createStaffByAdmin } from './admin-staff-create'
import { registerAdminStaffDetailRoutes } from './admin-staff-detail-routes'
import { renderStaffList } from './admin-staff-list-page'
import { staffLookups } from './admin-staff-lookups'
import { renderNewStaff, renderOneTimePassword, type NewStaffValues } from './admin-staff-new-page'
import { listScopeRegions, listStaff } from './admin-staff-queries'
import { getStaff, requireStaff } from './require-staff'
import { isStaffRole } from './staff-roles'

const str = (v: unknown, max = 200) => (typeof v === 'string' ? v.trim().slice(0, max) : '')
const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string').slice(0, 10)

/**
 * Staff administration (admins only): /admin/staff (list, filter by department and role), /admin/staff/new
 * (create; the one-time password is shown once in the POST response, which is no-store — it must never sit in
 * a URL or a log), and the account pages (admin-staff-detail-routes.tsx).
 */
export function registerAdminStaffRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const admin = requireStaff(deps, 'admin')

  app.get('/admin/staff', admin, async (c) => {
    const lookups = await staffLookups(deps)
    const departmentId = lookups.departments.some((d) => d.id === c.req.query('department')) ? c.req.query('department')! : ''
    const role = isStaffRole(c.req.query('role')) ? c.req.query('role')! : ''
    const rows = await listStaff(deps.db, { departmentId: departmentId || undefined, role: isStaffRole(role) ? role : undefined })
    return c.html(renderStaffList(c, { rows, lookups, departmentId, role }))
  })

  async function newPage(c: Context<AppEnv>, values: NewStaffValues, errors: { field: string; message: string }[] = []) {
    const [departments, regions] = await Promise.all([deps.directory.listDepartments(), listScopeRegions(deps.db)])
    return c.html(renderNewStaff(c, { values, errors, departments, regions }), errors.length ? 400 : 200)
  }

  app.get('/admin/staff/new', admin, (c) => newPage(c, { username: '', displayName: '', departmentId: '', roles: [], regionCode: '' }))

  app.post('/admin/staff/new', admin, async (c) => {
    const f = await c.req.parseBody({ all: true })
    const values: NewStaffValues = { username: str(f['username'], 64), displayName: str(f['displayName'], 100), departmentId: str(f['departmentId'], 40), roles: list(f['roles']), regionCode: str(f['regionCode'], 9) }
    try {
      const { user, password } = await createStaffByAdmin(deps, getStaff(c).user, values)
      return c.html(renderOneTimePassword(c, { staffId: user.id, username: user.username, password, created: true }), 201)
    } catch (err) {
      if (!(err instanceof DomainError) || (err.status !== 400 && err.code !== 'staff_username_taken')) throw err
      return newPage(c, values, err.fields.length ? err.fields : [{ field: 'username', message: err.message }])
    }
  })

  registerAdminStaffDetailRoutes(app, deps, admin)
}
