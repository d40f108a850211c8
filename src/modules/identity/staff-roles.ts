/**
 * Staff roles and their scopes (issue 3). A role is always held IN a scope (staff_roles rows):
 *  - department roles (window_officer 窗口人员, department_officer 审批人员, department_head 部门负责人) and
 *    catalog_editor apply to one department (catalog_editor without a department = the whole catalogue, the
 *    foundation's editor);
 *  - supervisor (电子监察) applies to a GB/T 2260 region and every region below it;
 *  - admin has no scope and passes every check.
 * Callers ask hasRoleIn(user, role, { departmentId, regionCode }) with the department AND region of the thing
 * being read or written (a case, a grant request), so both kinds of scope can answer.
 */
export type StaffRole = 'window_officer' | 'department_officer' | 'department_head' | 'catalog_editor' | 'supervisor' | 'admin'

export const STAFF_ROLES: readonly StaffRole[] = ['window_officer', 'department_officer', 'department_head', 'catalog_editor', 'supervisor', 'admin']

/** Roles that must name a department, and the one that must name a region. */
export const DEPARTMENT_ROLES: readonly StaffRole[] = ['window_officer', 'department_officer', 'department_head']
export const REGION_ROLES: readonly StaffRole[] = ['supervisor']

export const ROLE_LABELS: Record<StaffRole, { zh: string; en: string }> = {
  window_officer: { zh: '窗口人员', en: 'Window officer' },
  department_officer: { zh: '审批人员', en: 'Department officer' },
  department_head: { zh: '部门负责人', en: 'Department head' },
  catalog_editor: { zh: '事项编辑员', en: 'Catalogue editor' },
  supervisor: { zh: '电子监察人员', en: 'Supervisor' },
  admin: { zh: '系统管理员', en: 'Administrator' },
}

export function isStaffRole(r: unknown): r is StaffRole {
  return typeof r === 'string' && (STAFF_ROLES as readonly string[]).includes(r)
}

/** One role held in one scope (a staff_roles row). */
export type StaffGrant = { role: StaffRole; departmentId: string | null; regionCode: string | null }

export type RoleScope = { departmentId?: string | null | undefined; regionCode?: string | null | undefined }

/**
 * GB/T 2260 codes are hierarchical by position (2 digits province, 2 city, 2 county): trimming the trailing
 * '00' pairs gives the prefix every region below shares (320000 → 32, 320500 → 3205, 320508 → 320508).
 */
export function regionPrefix(code: string): string {
  let p = code
  while (p.length > 2 && p.endsWith('00')) p = p.slice(0, -2)
  return p
}

/** True when region `outer` is `inner` or contains it (320000 ⊇ 320500 ⊇ 320508). */
export function regionContains(outer: string, inner: string): boolean {
  if (!/^\d{6}$/.test(outer) || !/^\d{6,9}$/.test(inner)) return false
  return inner.startsWith(regionPrefix(outer))
}

/** Does this grant cover the scope? An empty scope asks "holds the role anywhere". */
function grantCovers(g: StaffGrant, scope: RoleScope): boolean {
  const wantDept = scope.departmentId ?? null
  const wantRegion = scope.regionCode ?? null
  if (!wantDept && !wantRegion) return true
  if (g.departmentId) return wantDept !== null && g.departmentId === wantDept
  if (g.regionCode) return wantRegion !== null && regionContains(g.regionCode, wantRegion)
  // No scope on the grant (admin; catalog_editor for the whole catalogue): everywhere.
  return true
}

/**
 * Whether the user holds `role` for the given department / region. admin passes everything. A department
 * grant answers only for that department; a region grant (supervisor) for that region and every one below.
 */
export function hasRoleIn(user: { grants: readonly StaffGrant[] }, role: StaffRole, scope: RoleScope = {}): boolean {
  if (user.grants.some((g) => g.role === 'admin')) return true
  return user.grants.some((g) => g.role === role && grantCovers(g, scope))
}

/** Departments in which the user holds `role` (for filtering lists); 'all' for admin or an unscoped grant. */
export function departmentsWithRole(user: { grants: readonly StaffGrant[] }, role: StaffRole): 'all' | string[] {
  if (user.grants.some((g) => g.role === 'admin')) return 'all'
  const mine = user.grants.filter((g) => g.role === role)
  if (mine.some((g) => !g.departmentId && !g.regionCode)) return 'all'
  return [...new Set(mine.flatMap((g) => (g.departmentId ? [g.departmentId] : [])))]
}
