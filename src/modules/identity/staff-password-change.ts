import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { ValidationError, type FieldError } from '../../platform/errors'
import { hashPassword, MAX_PASSWORD, MIN_PASSWORD, verifyPassword } from './password'
import { staffSignInExpired } from './staff-errors'
import type { StaffSession } from './staff-session'

export type ChangeStaffPasswordInput = { session: StaffSession; password: string; confirm: string }

/**
 * Replaces a staff member's password — forced after an administrator set a one-time one (must_change_password).
 * The new one must differ from the old one and from the username (等保 2.0 三级 8.1.4.1 a: 口令复杂度 and
 * 定期更换); every OTHER session of the account ends, so whoever learnt the one-time password is out.
 */
export async function changeStaffPassword(db: DB, input: ChangeStaffPasswordInput): Promise<void> {
  const { user } = input.session
  const row = await db.selectFrom('staff_users').select(['password_hash', 'disabled']).where('id', '=', user.id).executeTakeFirst()
  if (!row || row.disabled) throw staffSignInExpired()
  const errors: FieldError[] = []
  const p = input.password
  if (p.length < MIN_PASSWORD || p.length > MAX_PASSWORD) {
    errors.push({ field: 'password', message: `新密码长度须为${MIN_PASSWORD}–${MAX_PASSWORD}位，请重新输入。 The new password must be ${MIN_PASSWORD}–${MAX_PASSWORD} characters.` })
  } else if (p.toLowerCase().includes(user.username)) {
    errors.push({ field: 'password', message: '新密码不能包含用户名，请换一个。 The new password must not contain your username.' })
  } else if (await verifyPassword(row.password_hash, p)) {
    errors.push({ field: 'password', message: '新密码不能与原密码相同，请换一个。 Choose a password different from the old one.' })
  }
  if (!errors.length && input.confirm !== p) errors.push({ field: 'confirm', message: '两次输入的新密码不一致，请再输入一遍。 The two passwords differ; type it again.' })
  if (errors.length) throw new ValidationError('新密码不符合要求，请按提示修改。 The new password does not meet the rules.', errors, 'staff_password_invalid')
  const hash = await hashPassword(p)
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('staff_users').set({ password_hash: hash, must_change_password: false }).where('id', '=', user.id).execute()
    await tx.deleteFrom('staff_sessions').where('user_id', '=', user.id).where('id', '!=', input.session.sessionId).execute()
    await recordAudit(tx, { actor: { type: 'staff', id: user.id, name: user.displayName }, action: 'identity.staff.password_changed', subject: { type: 'staff_user', id: user.id } })
  })
}
