import { sql } from 'kysely'
import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors'
import { uuidv7 } from '../../platform/ids'
import { hasRoleIn, type StaffUser } from '../identity'
import { checkDepartment, type DepartmentInput } from './save-department-rules'

/**
 * Creates (no `id`) or updates a department (实施主体) — admins only. One transaction: rules
 * (save-department-rules.ts), the row, and the audit entry with what changed. A department's USCC is how
 * imported items find it (item-references.ts), so it cannot change once items are filed under it. A rename
 * bumps the department's items in the search index, which shows the department name.
 */
export async function saveDepartment(db: DB, actor: StaffUser, input: DepartmentInput & { id?: string }): Promise<{ id: string; created: boolean }> {
  if (!hasRoleIn(actor, 'admin')) throw new ForbiddenError('只有系统管理员可以维护部门信息。 Only administrators maintain departments.')
  const who = { type: 'staff' as const, id: actor.id, name: actor.displayName }
  return db.transaction().execute(async (tx) => {
    const before = input.id && /^[0-9a-f-]{36}$/i.test(input.id) ? await tx.selectFrom('departments').selectAll().where('id', '=', input.id).forUpdate().executeTakeFirst() : undefined
    if (input.id && !before) throw new NotFoundError('找不到该部门，请返回部门列表重新选择。 No such department; go back to the list.', 'department_not_found')
    const { clean, errors } = await checkDepartment(tx, before?.id ?? null, input)
    if (before && before.code && clean.code !== before.code) {
      const items = await tx.selectFrom('service_items').select(sql<number>`count(*)::int`.as('n')).where('department_id', '=', before.id).executeTakeFirst()
      if (Number(items?.n ?? 0) > 0) errors.push({ field: 'code', message: '已有事项登记在该统一社会信用代码下，不能修改；如代码确有变更，请联系平台运维处理。 Items are filed under this code; it cannot change here.' })
    }
    if (errors.length) throw new ValidationError('部门信息有误，请按提示修改。 The department has errors; correct them.', errors, 'department_invalid')
    const row = { name: clean.name, name_en: clean.nameEn, code: clean.code, region_code: clean.regionCode, parent_id: clean.parentId, address: clean.address, phone: clean.phone, description: clean.description }
    if (!before) {
      const id = uuidv7()
      await tx.insertInto('departments').values({ id, slug: clean.code.toLowerCase(), ...row }).execute()
      await recordAudit(tx, { actor: who, action: 'catalog.department_created', subject: { type: 'department', id }, details: { ...row } })
      return { id, created: true }
    }
    const changed = Object.fromEntries(Object.entries(row).filter(([k, v]) => (before as Record<string, unknown>)[k] !== v))
    if (!Object.keys(changed).length) return { id: before.id, created: false }
    await tx.updateTable('departments').set({ ...row, updated_at: new Date() }).where('id', '=', before.id).execute()
    if (changed['name'] !== undefined) {
      await tx.updateTable('service_items').set({ search_rev: sql`nextval('catalog_search_rev')` }).where('department_id', '=', before.id).execute()
    }
    const was = Object.fromEntries(Object.keys(changed).map((k) => [k, (before as Record<string, unknown>)[k]]))
    await recordAudit(tx, { actor: who, action: 'catalog.department_updated', subject: { type: 'department', id: before.id }, details: { before: was, after: changed } })
    return { id: before.id, created: false }
  })
}
