import { randomBytes } from 'node:crypto'
import type { DB } from '../../platform/database'
import { createStaffUser } from './create-staff-user'

/**
 * Demo back-office account: user "editor" (事项编辑员, role catalog_editor). The password is the configured
 * one, or a random one returned as `editorPassword` so `npm start` can print it once. Does nothing when the
 * account exists.
 */
export async function seedDemoStaff(db: DB, opts: { adminPassword?: string | undefined }): Promise<Record<string, string>> {
  const exists = await db.selectFrom('staff_users').select('id').where('username', '=', 'editor').executeTakeFirst()
  if (exists) return {}
  const password = opts.adminPassword ?? randomBytes(12).toString('base64url')
  await createStaffUser(db, { username: 'editor', displayName: '事项编辑员', password, roles: ['catalog_editor'], actor: { type: 'system', name: 'seed' } })
  return opts.adminPassword ? {} : { editorPassword: password }
}
