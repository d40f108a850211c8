import type { Executor } from '../../platform/database'
import type { FieldError } from '../../platform/errors'
import { checkUscc } from '../../platform/identifiers'

/** A department as typed in the admin form (all strings; empty = not given). */
export type DepartmentInput = { name: string; nameEn: string; code: string; regionCode: string; parentId: string; address: string; phone: string; description: string }
export type CleanDepartment = { name: string; nameEn: string | null; code: string; regionCode: string; parentId: string | null; address: string | null; phone: string | null; description: string | null }

const UUID = /^[0-9a-f-]{36}$/i
const opt = (s: string) => (s.trim() ? s.trim() : null)

/**
 * Field rules for a department (实施主体): name, 统一社会信用代码 (GB 32100 check character; unique), a GB/T 2260
 * region that exists, a parent department that exists and does not make a cycle, a plausible phone number.
 */
export async function checkDepartment(tx: Executor, id: string | null, input: DepartmentInput): Promise<{ clean: CleanDepartment; errors: FieldError[] }> {
  const errors: FieldError[] = []
  const clean: CleanDepartment = {
    name: input.name.trim(),
    nameEn: opt(input.nameEn),
    code: input.code.trim().toUpperCase(),
    regionCode: input.regionCode.trim(),
    parentId: opt(input.parentId),
    address: opt(input.address),
    phone: opt(input.phone),
    description: opt(input.description),
  }
  if (!clean.name || clean.name.length > 100) errors.push({ field: 'name', message: '请填写部门名称（100字以内）。 Enter the department name (≤ 100 characters).' })
  else if (await tx.selectFrom('departments').select('id').where('name', '=', clean.name).$if(!!id, (q) => q.where('id', '!=', id!)).executeTakeFirst()) {
    errors.push({ field: 'name', message: '已有同名部门，请核对名称。 Another department has this name.' })
  }
  if (clean.nameEn && clean.nameEn.length > 200) errors.push({ field: 'nameEn', message: '英文名称请控制在200字符以内。 English name: at most 200 characters.' })
  const usccError = clean.code ? checkUscc(clean.code) : '请填写统一社会信用代码（18位）。 Enter the unified social credit code (18 characters).'
  if (usccError) errors.push({ field: 'code', message: usccError })
  else if (await tx.selectFrom('departments').select('id').where('code', '=', clean.code).$if(!!id, (q) => q.where('id', '!=', id!)).executeTakeFirst()) {
    errors.push({ field: 'code', message: '该统一社会信用代码已被其他部门使用，请核对。 Another department has this code.' })
  }
  if (!/^\d{6}$/.test(clean.regionCode) || !(await tx.selectFrom('regions').select('code').where('code', '=', clean.regionCode).executeTakeFirst())) {
    errors.push({ field: 'regionCode', message: '请选择部门所在的行政区划（GB/T 2260 代码）。 Choose the region (GB/T 2260 code) of the department.' })
  }
  if (clean.parentId) {
    const cycle = id !== null && (await ancestorsOf(tx, clean.parentId)).includes(id)
    if (!UUID.test(clean.parentId) || !(await tx.selectFrom('departments').select('id').where('id', '=', clean.parentId).executeTakeFirst())) {
      errors.push({ field: 'parentId', message: '所选上级部门不存在，请从列表中选择。 Unknown parent department; choose one from the list.' })
    } else if (clean.parentId === id || cycle) {
      errors.push({ field: 'parentId', message: '上级部门不能是本部门或其下级部门，请重新选择。 A department cannot sit under itself or one of its own sub-departments.' })
    }
  }
  if (clean.phone && !/^[0-9+()\- ]{5,30}$/.test(clean.phone)) errors.push({ field: 'phone', message: '联系电话只能包含数字、空格、括号、加号和连字符，例如 0512-65225661。 Phone: digits, spaces, ( ) + - only.' })
  if (clean.address && clean.address.length > 200) errors.push({ field: 'address', message: '地址请控制在200字以内。 Address: at most 200 characters.' })
  if (clean.description && clean.description.length > 2000) errors.push({ field: 'description', message: '部门职责请控制在2000字以内。 Description: at most 2,000 characters.' })
  return { clean, errors }
}

/** The chain of parents above `id` (itself first), stopping at a repeat so bad data cannot loop forever. */
export async function ancestorsOf(tx: Executor, id: string): Promise<string[]> {
  const seen: string[] = []
  let cur: string | null = id
  while (cur && !seen.includes(cur) && seen.length < 50) {
    seen.push(cur)
    const row: { parent_id: string | null } | undefined = await tx.selectFrom('departments').select('parent_id').where('id', '=', cur).executeTakeFirst()
    cur = row?.parent_id ?? null
  }
  return seen
}
