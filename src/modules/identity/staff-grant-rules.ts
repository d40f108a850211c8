import type { FieldError } from '../../platform/errors'
import { DEPARTMENT_ROLES, REGION_ROLES, type StaffGrant } from './staff-roles'

/**
 * Which scope each role takes (CONTEXT.md "Staff"): department roles name a department, a supervisor names a
 * region, admin names neither; a catalogue editor may name a department or none (the whole catalogue).
 */
export function grantScopeErrors(g: StaffGrant, field: string): FieldError[] {
  if (DEPARTMENT_ROLES.includes(g.role)) {
    if (!g.departmentId || g.regionCode) return [{ field, message: '窗口人员、审批人员和部门负责人须选择所属部门。 Choose the department for this role.' }]
  } else if (REGION_ROLES.includes(g.role)) {
    if (!g.regionCode || !/^\d{6}$/.test(g.regionCode) || g.departmentId) return [{ field, message: '电子监察人员须选择监察的行政区划。 Choose the region this supervisor covers.' }]
  } else if (g.role === 'admin') {
    if (g.departmentId || g.regionCode) return [{ field, message: '系统管理员不分部门和区划，请不要选择范围。 The administrator role takes no scope.' }]
  } else if (g.regionCode) {
    return [{ field, message: '事项编辑员只能按部门授权（不选部门表示全部事项）。 A catalogue editor is scoped by department (none = all).' }]
  }
  return []
}
