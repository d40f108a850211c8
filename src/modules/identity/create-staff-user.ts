import { recordAudit, type Actor } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { ConflictError, ValidationError, type FieldError } from '../../platform/errors'
import { uuidv7 } from '../../platform/ids'
import { hashPassword, MAX_PASSWORD, MIN_PASSWORD } from './password'
import { normalizeUsername, type StaffUser } from './staff'

export type CreateStaffUserInput = {
  username: string
  displayName: string
  password: string
  roles: string[]
  departmentId?: string | null
  actor: Actor
}

/** Creates a staff account (seed, tests, and later the admin pages of the identity issue). Audited; the password is stored only as an argon2id hash. */
export async function createStaffUser(db: DB, input: CreateStaffUserInput): Promise<StaffUser> {
  const username = normalizeUsername(input.username)
  const errors: FieldError[] = []
  if (!/^[a-z0-9._-]{3,64}$/.test(username)) errors.push({ field: 'username', message: '用户名须为3–64位小写字母、数字、点、下划线或连字符。 Username: 3–64 of a-z 0-9 . _ -' })
  if (!input.displayName.trim() || input.displayName.length > 100) errors.push({ field: 'displayName', message: '请填写姓名（100字以内）。 Enter a display name (≤ 100 characters).' })
  if (input.password.length < MIN_PASSWORD || input.password.length > MAX_PASSWORD) errors.push({ field: 'password', message: `密码长度须为${MIN_PASSWORD}–${MAX_PASSWORD}位。 Password length ${MIN_PASSWORD}–${MAX_PASSWORD}.` })
  if (input.roles.some((r) => !/^[a-z_]{2,40}$/.test(r))) errors.push({ field: 'roles', message: '角色名称无效。 Invalid role name.' })
  if (errors.length) throw new ValidationError('员工账号信息有误。 The staff account has errors.', errors, 'staff_user_invalid')
  const passwordHash = await hashPassword(input.password)
  return db.transaction().execute(async (tx) => {
    const taken = await tx.selectFrom('staff_users').select('id').where('username', '=', username).executeTakeFirst()
    if (taken) throw new ConflictError(`用户名“${username}”已被使用。 This username is taken.`, 'staff_username_taken')
    const id = uuidv7()
    const roles = [...new Set(input.roles)]
    await tx
      .insertInto('staff_users')
      .values({ id, username, display_name: input.displayName.trim(), password_hash: passwordHash, roles, department_id: input.departmentId ?? null })
      .execute()
    await recordAudit(tx, { actor: input.actor, action: 'identity.staff.created', subject: { type: 'staff_user', id }, details: { username, roles } })
    return { id, username, displayName: input.displayName.trim(), roles, departmentId: input.departmentId ?? null }
  })
}
