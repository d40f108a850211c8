import { randomBytes } from 'node:crypto'
import { ValidationError, type FieldError } from '../../platform/errors'
import { actorOf, assertAdmin, checkGrant, type AdminStaffDeps } from './admin-staff-policy'
import { accountFieldErrors, createStaffUser } from './create-staff-user'
import type { StaffUser } from './staff'
import type { StaffGrant } from './staff-roles'

export type CreateStaffByAdminInput = { username: string; displayName: string; departmentId: string; roles: string[]; regionCode: string }

/** A one-time password: 16 characters from an alphabet without look-alikes (0/O, 1/l/I), ~93 bits. */
export function oneTimePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  return [...randomBytes(16)].map((b) => alphabet[b % alphabet.length]).join('')
}

/**
 * An administrator creates a staff account: primary department, initial roles (department roles and the
 * editor in the primary department, a supervisor in the chosen region, admin unscoped) and a random one-time
 * password that is returned ONCE for the administrator to hand over and must be changed at first sign-in;
 * the authenticator is enrolled then too. Audited by createStaffUser.
 */
export async function createStaffByAdmin(deps: AdminStaffDeps, actor: StaffUser, input: CreateStaffByAdminInput): Promise<{ user: StaffUser; password: string }> {
  assertAdmin(actor)
  const errors: FieldError[] = accountFieldErrors(input)
  const departmentId = input.departmentId || null
  if (!departmentId) errors.push({ field: 'departmentId', message: '请选择所属部门。 Choose the department.' })
  else if (!(await deps.directory.getDepartment(departmentId))) errors.push({ field: 'departmentId', message: '所选部门不存在，请从列表中选择。 Unknown department; choose one from the list.' })
  if (!input.roles.length) errors.push({ field: 'roles', message: '请至少选择一个角色。 Choose at least one role.' })
  const grants: StaffGrant[] = []
  if (!errors.length) {
    for (const role of [...new Set(input.roles)]) {
      const scope = role === 'admin' ? {} : role === 'supervisor' ? { regionCode: input.regionCode } : { departmentId: departmentId! }
      try {
        grants.push(await checkGrant(deps, { role, departmentId: '', regionCode: '', ...scope }, { role: 'roles', department: 'departmentId', region: 'regionCode' }))
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err
        errors.push(...err.fields)
      }
    }
  }
  if (errors.length) throw new ValidationError('员工账号信息有误，请按提示修改。 The staff account has errors; correct them.', errors, 'staff_user_invalid')
  const password = oneTimePassword()
  const user = await createStaffUser(deps.db, { ...input, password, grants, departmentId, mustChangePassword: true, actor: actorOf(actor) })
  return { user, password }
}
