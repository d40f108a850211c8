import { recordAudit, type Actor } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { ConflictError, ValidationError, type FieldError } from '../../platform/errors'
import { uuidv7 } from '../../platform/ids'
import { hashPassword, MAX_PASSWORD, MIN_PASSWORD } from './password'
import { normalizeUsername, type StaffUser } from './staff'
import { distinctRoles } from './staff-grants'
import { grantScopeErrors } from './staff-grant-rules'
import { isStaffRole, type StaffGrant } from './staff-roles'

export type CreateStaffUserInput = {
  username: string
  displayName: string
  password: string
  /** Roles held in the primary department (admin unscoped). Ignored when `grants` is given. */
  roles: string[]
  /** Roles with explicit scopes (supervisor needs a region). */
  grants?: StaffGrant[]
  departmentId?: string | null
  /** Accounts made by an administrator start with a one-time password that must be changed. */
  mustChangePassword?: boolean
  /** An already sealed TOTP secret (tests and fixtures); otherwise the person enrols at first sign-in. */
  totpSecretSealed?: string | null
  actor: Actor
}

/** Username and display name rules (shared with the admin form, so every problem is listed at once). */
export function accountFieldErrors(input: { username: string; displayName: string }): FieldError[] {
  const errors: FieldError[] = []
  if (!/^[a-z0-9._-]{3,64}$/.test(normalizeUsername(input.username))) errors.push({ field: 'username', message: '用户名须为3–64位小写字母、数字、点、下划线或连字符，请修改。 Username: 3–64 of a-z 0-9 . _ -' })
  if (!input.displayName.trim() || input.displayName.length > 100) errors.push({ field: 'displayName', message: '请填写姓名（100字以内）。 Enter a display name (≤ 100 characters).' })
  return errors
}

/** Roles given as plain names become grants in the primary department (as migration 0002 did for old rows). */
function grantsOf(input: CreateStaffUserInput): StaffGrant[] {
  if (input.grants) return input.grants
  return [...new Set(input.roles)].map((r) => ({
    role: r as StaffGrant['role'],
    departmentId: r === 'admin' || r === 'supervisor' ? null : (input.departmentId ?? null),
    regionCode: null,
  }))
}

/**
 * Creates a staff account with its scoped roles (seed, tests, and the admin pages). Audited; the password is
 * stored only as an argon2id hash. Department existence is checked by the caller (catalog owns departments,
 * see ports.ts); the foreign keys are the backstop.
 */
export async function createStaffUser(db: DB, input: CreateStaffUserInput): Promise<StaffUser> {
  const username = normalizeUsername(input.username)
  const grants = grantsOf(input)
  const errors = accountFieldErrors(input)
  if (input.password.length < MIN_PASSWORD || input.password.length > MAX_PASSWORD) errors.push({ field: 'password', message: `密码长度须为${MIN_PASSWORD}–${MAX_PASSWORD}位。 Password length ${MIN_PASSWORD}–${MAX_PASSWORD}.` })
  if (grants.some((g) => !isStaffRole(g.role))) errors.push({ field: 'roles', message: '角色名称无效，请从列表中选择。 Invalid role; choose one from the list.' })
  else for (const g of grants) errors.push(...grantScopeErrors(g, 'roles'))
  if (errors.length) throw new ValidationError('员工账号信息有误，请按提示修改。 The staff account has errors; correct them.', errors, 'staff_user_invalid')
  const passwordHash = await hashPassword(input.password)
  return db.transaction().execute(async (tx) => {
    const taken = await tx.selectFrom('staff_users').select('id').where('username', '=', username).executeTakeFirst()
    if (taken) throw new ConflictError(`用户名“${username}”已被使用，请换一个。 This username is taken; choose another.`, 'staff_username_taken')
    const id = uuidv7()
    const roles = distinctRoles(grants)
    const displayName = input.displayName.trim()
    await tx
      .insertInto('staff_users')
      .values({
        id,
        username,
        display_name: displayName,
        password_hash: passwordHash,
        roles,
        department_id: input.departmentId ?? null,
        must_change_password: input.mustChangePassword ?? false,
        totp_secret: input.totpSecretSealed ?? null,
        totp_enabled_at: input.totpSecretSealed ? new Date() : null,
      })
      .execute()
    const unique = uniqueGrants(grants)
    if (unique.length) {
      await tx
        .insertInto('staff_roles')
        .values(unique.map((g) => ({ id: uuidv7(), staff_id: id, role: g.role, department_id: g.departmentId, region_code: g.regionCode, granted_by: input.actor.name ?? input.actor.type })))
        .execute()
    }
    await recordAudit(tx, { actor: input.actor, action: 'identity.staff.created', subject: { type: 'staff_user', id }, details: { username, grants: unique, departmentId: input.departmentId ?? null } })
    return { id, username, displayName, roles, departmentId: input.departmentId ?? null, grants: unique }
  })
}

function uniqueGrants(grants: StaffGrant[]): StaffGrant[] {
  const seen = new Map<string, StaffGrant>()
  for (const g of grants) seen.set(`${g.role}|${g.departmentId ?? ''}|${g.regionCode ?? ''}`, g)
  return [...seen.values()]
}
