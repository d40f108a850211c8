import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../../deps'
import { DomainError } from '../../../platform/errors'
import type { AppEnv } from '../../../platform/http/context'
import { t } from '../../../platform/web/i18n'
import { getStaff, requireStaff } from '../../identity'
import { saveDepartment } from '../save-department'
import type { DepartmentInput } from '../save-department-rules'
import { renderDepartmentForm } from './departments-form'
import { renderDepartmentList, type DepartmentNode } from './departments-page'

const EMPTY: DepartmentInput = { name: '', nameEn: '', code: '', regionCode: '', parentId: '', address: '', phone: '', description: '' }
const LIMITS: Record<keyof DepartmentInput, number> = { name: 200, nameEn: 300, code: 40, regionCode: 9, parentId: 40, address: 300, phone: 40, description: 4000 }

/** Regions departments may sit in: the demo province (GB/T 2260 320000) and below; a real deployment changes it. */
const REGION_PREFIX = '32'

async function loadAll(deps: Deps) {
  const rows = await deps.db.selectFrom('departments').select(['id', 'name', 'code', 'region_code', 'parent_id', 'address', 'phone']).orderBy('name').execute()
  const departments: DepartmentNode[] = rows.map((r) => ({ id: r.id, name: r.name, code: r.code, regionCode: r.region_code, parentId: r.parent_id, address: r.address, phone: r.phone }))
  const regions = await deps.db.selectFrom('regions').select(['code', 'name', 'level']).where('code', 'like', `${REGION_PREFIX}%`).orderBy('code').execute()
  return { departments, regions }
}

/** /admin/departments — departments (with USCC) in the region hierarchy; admins only; saved by saveDepartment. */
export function registerDepartmentRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const admin = requireStaff(deps, 'admin')

  app.get('/admin/departments', admin, async (c) => {
    const lang = c.get('lang')
    const { departments } = await loadAll(deps)
    const codes = [...new Set(departments.map((d) => d.regionCode).filter((x): x is string => !!x))]
    const regionRows = codes.length ? await deps.db.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes).execute() : []
    const done = c.req.query('done')
    const notice = done === 'created' ? t(lang, '部门已创建。', 'Department created.') : done === 'saved' ? t(lang, '部门信息已保存。', 'Department saved.') : undefined
    return c.html(renderDepartmentList(c, { departments, regionNames: new Map(regionRows.map((r) => [r.code, r.name])), notice }))
  })

  async function form(c: Context<AppEnv>, id: string | undefined, values: DepartmentInput, errors: { field: string; message: string }[] = []) {
    const { departments, regions } = await loadAll(deps)
    return c.html(renderDepartmentForm(c, { ...(id ? { id } : {}), values, errors, departments, regions }), errors.length ? 400 : 200)
  }

  async function save(c: Context<AppEnv>, id: string | undefined) {
    const f = await c.req.parseBody()
    const values = Object.fromEntries(Object.keys(EMPTY).map((k) => [k, typeof f[k] === 'string' ? (f[k] as string).slice(0, LIMITS[k as keyof DepartmentInput]) : ''])) as DepartmentInput
    try {
      const r = await saveDepartment(deps.db, getStaff(c).user, { ...values, ...(id ? { id } : {}) })
      return c.redirect(`/admin/departments?done=${r.created ? 'created' : 'saved'}`, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || err.status !== 400) throw err
      return form(c, id, values, err.fields)
    }
  }

  app.get('/admin/departments/new', admin, (c) => form(c, undefined, EMPTY))
  app.post('/admin/departments/new', admin, (c) => save(c, undefined))

  app.get('/admin/departments/:id/edit', admin, async (c) => {
    const id = c.req.param('id')
    const d = /^[0-9a-f-]{36}$/i.test(id) ? await deps.db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst() : undefined
    if (!d) return c.notFound()
    const s = (x: string | null) => x ?? ''
    return form(c, id, { name: d.name, nameEn: s(d.name_en), code: s(d.code), regionCode: s(d.region_code), parentId: s(d.parent_id), address: s(d.address), phone: s(d.phone), description: s(d.description) })
  })
  app.post('/admin/departments/:id/edit', admin, (c) => save(c, c.req.param('id')))
}
