import { recordAudit, type Actor } from '../../platform/audit'
import { canonicalJson } from '../../platform/canonical-json'
import type { DB, Executor } from '../../platform/database'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../../platform/errors'
import { UUID_RE } from '../../platform/ids'
import type { LicenceFaceField } from '../../platform/schema-licences'
import { hasRoleIn, type StaffUser } from '../identity'
import { itemsNamingLicenceTypes, lastTypeSequence, licenceTypeCode, MAX_TYPES_PER_DEFINER } from './licence-type-code'

/**
 * 证照类型 defined and edited in the back office (/admin/licences/types), beside the seeded ones
 * (seed-licence-types.ts). Two operations, each one transaction with its audit record:
 *  - defineLicenceType: a new type; its code = the defining department's USCC + its next 3-digit sequence
 *    (licence-type-code.ts, GB/T 36904). The code and the definer never change afterwards: issued identifiers
 *    contain the code.
 *  - updateLicenceType: everything else (name, English name, holder kind, validity, layout, 证照编号 prefix, face
 *    fields), guarded by `version` (migration 0023; a stale form → 409). Issued licences are signed documents and
 *    are never touched: the next issuance, renewal or change uses the new definition.
 * Who: system administrators and catalogue editors (a department-scoped editor only for types its department
 * defines). Bad input → ValidationError naming each field (`name`, `fields.2.key`, …), nothing written.
 */

export type HolderKind = 'person' | 'enterprise' | 'either'
export type LicenceTemplate = 'certificate' | 'permit'
export const HOLDER_KINDS: readonly HolderKind[] = ['person', 'enterprise', 'either']
export const LICENCE_TEMPLATES: readonly LicenceTemplate[] = ['certificate', 'permit']
/** Sources without an argument (face-values.ts resolves them); `form:<field key>` and `const:<text>` take one. */
export const FACE_SOURCES = ['applicant.name', 'applicant.code', 'issuer.name', 'item.name', 'case.ref_no', 'case.result_description', 'issued.on'] as const
/** What each source is called, [中文, English], for the 证照目录 list and the type form. */
export const FACE_SOURCE_LABELS: Record<(typeof FACE_SOURCES)[number], [string, string]> = {
  'applicant.name': ['申请人（企业）名称', 'Applicant name'],
  'applicant.code': ['申请人证件号码 / 统一社会信用代码', 'Applicant ID / credit code'],
  'issuer.name': ['发证机关', 'Issuing department'],
  'item.name': ['事项名称', 'Service item name'],
  'case.ref_no': ['办件编号', 'Case number'],
  'case.result_description': ['办理结果描述', 'Result description'],
  'issued.on': ['颁发日期', 'Issue date'],
}

export const LICENCE_TYPE_LIMITS = { name: 50, nameEn: 120, numberPrefix: 8, fields: 20, label: 30, labelEn: 60, constText: 200 } as const
export const FACE_KEY_RE = /^[a-zA-Z][a-zA-Z0-9_]{0,31}$/
const FORM_KEY_RE = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/
const PREFIX_RE = /^[A-Z0-9]{0,8}$/
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u001f\u007f]/

export type FaceFieldInput = { key: string; label: string; labelEn?: string | null; from: string; required?: boolean }
export type LicenceTypeInput = {
  name: string
  nameEn?: string | null
  /** The defining department (its USCC becomes the type code's first 18 characters); only on definition. */
  definerDepartmentId: string
  holderKind: string
  /** Whole years 1–99; null, '' or undefined = 长期 (no expiry). */
  validityYears?: number | string | null
  template: string
  /** 0–8 characters A–Z, 0–9 (lower case is upper-cased). */
  numberPrefix?: string | null
  fields: FaceFieldInput[]
}
export type LicenceTypeChanges = Omit<LicenceTypeInput, 'definerDepartmentId'>
type Staff = Pick<StaffUser, 'id' | 'displayName' | 'grants'>

type Clean = { name: string; nameEn: string | null; holderKind: HolderKind; validityYears: number | null; template: LicenceTemplate; numberPrefix: string; fields: LicenceFaceField[] }

/**
 * May this person define or edit licence types? `departmentId` = the definer: undefined asks "any type at all",
 * null = a definer no department record matches (only administrators and whole-catalogue editors).
 */
export function mayEditLicenceTypes(staff: Pick<StaffUser, 'grants'>, departmentId?: string | null): boolean {
  if (departmentId === undefined) return hasRoleIn(staff, 'catalog_editor')
  if (departmentId === null) return staff.grants.some((g) => g.role === 'admin' || (g.role === 'catalog_editor' && !g.departmentId && !g.regionCode))
  return hasRoleIn(staff, 'catalog_editor', { departmentId })
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '')

/** A face field's source checked: what face-values.ts can resolve, nothing else. Returns the message or null. */
export function checkFaceSource(from: string): string | null {
  if (from.startsWith('form:')) {
    return FORM_KEY_RE.test(from.slice(5)) ? null : '申请表栏目代码须以英文字母开头，只含字母、数字和下划线（最多64位），例如 businessItems。 Give the form field key, e.g. businessItems.'
  }
  if (from.startsWith('const:')) {
    const text = from.slice(6).trim()
    if (!text) return '选择“固定内容”时请填写要印在证照上的文字。 Give the fixed text.'
    if (text.length > LICENCE_TYPE_LIMITS.constText || CONTROL_RE.test(text)) return `固定内容最多${LICENCE_TYPE_LIMITS.constText}字，不能含换行等控制字符。 At most ${LICENCE_TYPE_LIMITS.constText} characters on one line.`
    return null
  }
  if ((FACE_SOURCES as readonly string[]).includes(from)) return null
  return '请选择内容来源：申请表栏目、申请人姓名、申请人证件号、发证机关、事项名称、办件编号、办理结果描述、颁发日期或固定内容。 Choose where the value comes from.'
}

/** Pure checks of everything but the definer and name uniqueness; errors name each field. */
export function checkLicenceType(input: LicenceTypeChanges): { clean: Clean; errors: FieldError[] } {
  const errors: FieldError[] = []
  const L = LICENCE_TYPE_LIMITS
  const name = str(input.name)
  if (!name) errors.push({ field: 'name', message: '请填写证照类型名称，应与事项“办理结果”中的证照名称一致，例如 食品经营许可证。 Give the licence type name.' })
  else if (name.length < 2 || name.length > L.name || CONTROL_RE.test(name)) errors.push({ field: 'name', message: `证照类型名称应为2–${L.name}个字，不能含换行等控制字符。 2–${L.name} characters on one line.` })
  const nameEn = str(input.nameEn)
  if (nameEn.length > L.nameEn || CONTROL_RE.test(nameEn)) errors.push({ field: 'nameEn', message: `英文名称最多${L.nameEn}个字符，不能含换行。 At most ${L.nameEn} characters on one line.` })
  const holderKind = str(input.holderKind) as HolderKind
  if (!HOLDER_KINDS.includes(holderKind)) errors.push({ field: 'holderKind', message: '请选择持证主体：自然人、法人，或两者均可。 Choose who holds this licence.' })
  const template = str(input.template) as LicenceTemplate
  if (!LICENCE_TEMPLATES.includes(template)) errors.push({ field: 'template', message: '请选择版式：证书或批准文书。 Choose the layout: certificate or approval document.' })
  let validityYears: number | null = null
  const rawYears = typeof input.validityYears === 'number' ? String(input.validityYears) : str(input.validityYears)
  if (rawYears) {
    const n = /^\d{1,2}$/.test(rawYears) ? Number(rawYears) : NaN
    if (!Number.isInteger(n) || n < 1 || n > 99) errors.push({ field: 'validityYears', message: '有效期请填写1–99之间的整数年；长期有效请留空。 Whole years from 1 to 99; leave empty for no expiry.' })
    else validityYears = n
  }
  const numberPrefix = str(input.numberPrefix).toUpperCase()
  if (!PREFIX_RE.test(numberPrefix)) errors.push({ field: 'numberPrefix', message: '证照编号前缀最多8位，只能用大写英文字母和数字（例如 JY），也可以不填。 Up to 8 letters A–Z or digits 0–9, or nothing.' })

  const rows = Array.isArray(input.fields) ? input.fields : []
  if (rows.length < 1) errors.push({ field: 'fields', message: '请至少填写一个证照栏目（栏目代码、名称和内容来源）。 Give at least one face field.' })
  if (rows.length > L.fields) errors.push({ field: 'fields', message: `证照栏目最多${L.fields}个，请删去多余的栏目。 At most ${L.fields} face fields.` })
  const fields: LicenceFaceField[] = []
  const seen = new Set<string>()
  rows.slice(0, L.fields).forEach((r, i) => {
    const n = i + 1
    const key = str(r?.key)
    const label = str(r?.label)
    const labelEn = str(r?.labelEn)
    const from = typeof r?.from === 'string' ? r.from.trim() : ''
    if (!FACE_KEY_RE.test(key)) errors.push({ field: `fields.${i}.key`, message: `第${n}个栏目：栏目代码须以英文字母开头，只含字母、数字和下划线（最多32位），例如 holderName。 Field ${n}: key like holderName.` })
    else if (seen.has(key.toLowerCase())) errors.push({ field: `fields.${i}.key`, message: `第${n}个栏目：栏目代码“${key}”重复了，每个栏目代码只能用一次。 Field ${n}: key “${key}” is used twice.` })
    seen.add(key.toLowerCase())
    if (!label || label.length > L.label || CONTROL_RE.test(label)) errors.push({ field: `fields.${i}.label`, message: `第${n}个栏目：请填写印在证照上的栏目名称（1–${L.label}个字），例如 经营者名称。 Field ${n}: give its label (1–${L.label} characters).` })
    if (labelEn.length > L.labelEn || CONTROL_RE.test(labelEn)) errors.push({ field: `fields.${i}.labelEn`, message: `第${n}个栏目：英文名称最多${L.labelEn}个字符。 Field ${n}: English label at most ${L.labelEn} characters.` })
    const sourceProblem = checkFaceSource(from)
    if (sourceProblem) errors.push({ field: `fields.${i}.from`, message: `第${n}个栏目：${sourceProblem}` })
    const cleanFrom = from.startsWith('const:') ? `const:${from.slice(6).trim()}` : from
    fields.push({ key, label, ...(labelEn ? { labelEn } : {}), from: cleanFrom, ...(r?.required ? { required: true } : {}) })
  })
  return { clean: { name, nameEn: nameEn || null, holderKind, validityYears, template, numberPrefix, fields }, errors }
}

const invalid = (errors: FieldError[]) => new ValidationError('证照类型填写有误，请按提示修改后再保存。 The licence type has errors; correct them and save again.', errors, 'licence_type_invalid')
const nameTaken = (name: string): FieldError => ({ field: 'name', message: `证照目录中已有名为“${name}”的证照类型，请换一个名称，或去编辑已有的类型。 A licence type with this name exists; choose another name or edit that type.` })
const actorOf = (s: Staff): Actor => ({ type: 'staff', id: s.id, name: s.displayName })
const isUniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === '23505'

async function nameInUse(tx: Executor, name: string, exceptCode: string | null): Promise<boolean> {
  let q = tx.selectFrom('licence_types').select('code').where('name', '=', name)
  if (exceptCode) q = q.where('code', '<>', exceptCode)
  return !!(await q.executeTakeFirst())
}

/** Define a new licence type (新增证照类型). Returns its code. */
export async function defineLicenceType(db: DB, args: { staff: Staff; input: LicenceTypeInput }): Promise<{ code: string; version: number }> {
  const { staff, input } = args
  if (!mayEditLicenceTypes(staff)) throw new ForbiddenError('只有系统管理员和事项编辑员可以新增证照类型。 Only administrators and catalogue editors define licence types.')
  const { clean, errors } = checkLicenceType(input)
  const deptId = str(input.definerDepartmentId)
  try {
    return await db.transaction().execute(async (tx) => {
      // Locks the definer's row: two definitions for one department never take the same sequence.
      const dept = UUID_RE.test(deptId) ? await tx.selectFrom('departments').select(['id', 'name', 'code']).where('id', '=', deptId).forUpdate().executeTakeFirst() : undefined
      if (!dept) errors.unshift({ field: 'definerDepartmentId', message: '请选择定义该证照类型的部门（证照类型代码以它的统一社会信用代码开头）。 Choose the defining department.' })
      else if (!dept.code || !/^[0-9A-Z]{18}$/.test(dept.code)) errors.unshift({ field: 'definerDepartmentId', message: `“${dept.name}”还没有登记统一社会信用代码，不能定义证照类型。请先在“部门管理”中补充，或选择其他部门。 The department has no credit code yet.` })
      else if (!mayEditLicenceTypes(staff, dept.id)) throw new ForbiddenError('您只能为本部门定义证照类型。如需为其他部门定义，请联系系统管理员。 You may define types for your own department only.')
      if (clean.name && !errors.some((e) => e.field === 'name') && (await nameInUse(tx, clean.name, null))) errors.push(nameTaken(clean.name))
      let seq = 0
      if (dept?.code && !errors.some((e) => e.field === 'definerDepartmentId')) {
        seq = (await lastTypeSequence(tx, dept.code)) + 1
        if (seq > MAX_TYPES_PER_DEFINER) errors.unshift({ field: 'definerDepartmentId', message: `该部门已定义${MAX_TYPES_PER_DEFINER}种证照类型，已达 GB/T 36904 的上限，请联系平台运维。 This department has used every type code.` })
      }
      if (errors.length || !dept?.code) throw invalid(errors)
      const code = licenceTypeCode(dept.code, seq)
      const row = { name: clean.name, name_en: clean.nameEn, holder_kind: clean.holderKind, validity_years: clean.validityYears, template: clean.template, number_prefix: clean.numberPrefix }
      await tx.insertInto('licence_types').values({ code, ...row, definer_name: dept.name, definer_uscc: dept.code, fields: JSON.stringify(clean.fields) }).execute()
      await recordAudit(tx, { actor: actorOf(staff), action: 'licence_type.defined', subject: { type: 'licence_type', id: code }, details: { ...row, definer: dept.code, fields: clean.fields } })
      return { code, version: 1 }
    })
  } catch (err) {
    if (isUniqueViolation(err)) throw invalid([nameTaken(clean.name)])
    throw err
  }
}

/**
 * Edit a licence type (everything but its code and definer). `expectedVersion` = the version the form showed; a
 * newer one → ConflictError (409, nothing written). Renaming a type that items still name in their result would
 * cut them off from it, so it is refused until the items use the new name. Unchanged input writes nothing.
 */
export async function updateLicenceType(db: DB, args: { staff: Staff; code: string; expectedVersion: number; input: LicenceTypeChanges }): Promise<{ code: string; version: number; changed: boolean }> {
  const { staff, code, expectedVersion, input } = args
  if (!mayEditLicenceTypes(staff)) throw new ForbiddenError('只有系统管理员和事项编辑员可以修改证照类型。 Only administrators and catalogue editors edit licence types.')
  const { clean, errors } = checkLicenceType(input)
  try {
    return await db.transaction().execute(async (tx) => {
      const before = /^[0-9A-Z]{18}[0-9]{3}$/.test(code) ? await tx.selectFrom('licence_types').selectAll().where('code', '=', code).forUpdate().executeTakeFirst() : undefined
      if (!before) throw new NotFoundError('证照目录中没有这个证照类型，请回到证照目录重新选择。 No such licence type; go back to the list.', 'licence_type_not_found')
      const dept = await tx.selectFrom('departments').select('id').where('code', '=', before.definer_uscc).executeTakeFirst()
      if (!mayEditLicenceTypes(staff, dept?.id ?? null)) throw new ForbiddenError('您只能修改本部门定义的证照类型。如需修改，请联系系统管理员。 You may edit your own department’s types only.')
      if (!Number.isInteger(expectedVersion) || before.version !== expectedVersion) {
        throw new ConflictError('该证照类型已被他人修改。请重新打开编辑页面，查看最新内容后再修改。 Someone changed this licence type; reopen the edit page and make your change again.', 'licence_type_changed')
      }
      if (clean.name && clean.name !== before.name && !errors.some((e) => e.field === 'name')) {
        if (await nameInUse(tx, clean.name, code)) errors.push(nameTaken(clean.name))
        const naming = (await itemsNamingLicenceTypes(tx)).filter((i) => i.typeName === before.name)
        if (naming.length) {
          const names = naming.slice(0, 3).map((i) => `“${i.itemName}”`).join('、') + (naming.length > 3 ? `等${naming.length}个事项` : '')
          errors.push({ field: 'name', message: `事项${names}的办理结果仍使用名称“${before.name}”，改名后它们将无法制证。请先在事项中把证照名称改为新名称，再修改这里。 Items still name this type; rename it in the items first.` })
        }
      }
      if (errors.length) throw invalid(errors)
      const now = { name: clean.name, name_en: clean.nameEn, holder_kind: clean.holderKind, validity_years: clean.validityYears, template: clean.template, number_prefix: clean.numberPrefix, fields: clean.fields }
      const was = { name: before.name, name_en: before.name_en, holder_kind: before.holder_kind, validity_years: before.validity_years, template: before.template, number_prefix: before.number_prefix, fields: before.fields as unknown as LicenceFaceField[] }
      // Canonical JSON: jsonb does not keep the key order the fields were written in.
      const changed = (Object.keys(now) as (keyof typeof now)[]).filter((k) => canonicalJson(now[k]) !== canonicalJson(was[k]))
      if (!changed.length) return { code, version: before.version, changed: false }
      const version = before.version + 1
      await tx.updateTable('licence_types').set({ ...now, fields: JSON.stringify(clean.fields), version, updated_at: new Date() }).where('code', '=', code).execute()
      await recordAudit(tx, {
        actor: actorOf(staff), action: 'licence_type.updated', subject: { type: 'licence_type', id: code },
        details: { version, before: Object.fromEntries(changed.map((k) => [k, was[k]])), after: Object.fromEntries(changed.map((k) => [k, now[k]])) },
      })
      return { code, version, changed: true }
    })
  } catch (err) {
    if (isUniqueViolation(err)) throw invalid([nameTaken(clean.name)])
    throw err
  }
}
