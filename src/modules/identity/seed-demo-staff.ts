import { randomBytes } from 'node:crypto'
import type { DB } from '../../platform/database'
import { createStaffUser } from './create-staff-user'
import type { DepartmentDirectory } from './ports'
import type { StaffGrant } from './staff-roles'

/** The demo city's service hall host and the department whose officers the demo cases use (catalog seed names). */
const HALL = '苏州市政务服务管理办公室'
const MARKET = '苏州市市场监督管理局'
/** The district bureau that does the 现场核查 step of 食品经营许可 in parallel with the city's 材料审查. */
const GUSU_MARKET = '苏州市姑苏区市场监督管理局'

type DemoAccount = { username: string; displayName: string; department?: string; grant: (deptId: string | null) => StaffGrant }
const ACCOUNTS: DemoAccount[] = [
  { username: 'editor', displayName: '事项编辑员', grant: () => ({ role: 'catalog_editor', departmentId: null, regionCode: null }) },
  { username: 'admin', displayName: '系统管理员', grant: () => ({ role: 'admin', departmentId: null, regionCode: null }) },
  { username: 'window1', displayName: '窗口人员（演示）', department: HALL, grant: (d) => ({ role: 'window_officer', departmentId: d, regionCode: null }) },
  { username: 'officer1', displayName: '审批人员（演示）', department: MARKET, grant: (d) => ({ role: 'department_officer', departmentId: d, regionCode: null }) },
  { username: 'head1', displayName: '部门负责人（演示）', department: MARKET, grant: (d) => ({ role: 'department_head', departmentId: d, regionCode: null }) },
  { username: 'window2', displayName: '市场监管窗口（演示）', department: MARKET, grant: (d) => ({ role: 'window_officer', departmentId: d, regionCode: null }) },
  { username: 'district1', displayName: '姑苏区审批人员（演示）', department: GUSU_MARKET, grant: (d) => ({ role: 'department_officer', departmentId: d, regionCode: null }) },
  { username: 'supervisor1', displayName: '电子监察人员（演示）', grant: () => ({ role: 'supervisor', departmentId: null, regionCode: '320500' }) },
]

/**
 * Demo back-office accounts (dev/demo only): editor (catalogue editor, whole catalogue), admin, window1
 * (窗口人员 of the service hall), window2, officer1 and head1 (市市场监督管理局), district1 (姑苏区市场监督管理局),
 * supervisor1 (电子监察, 苏州市 320500).
 * All share the configured password, or one random password returned as `editorPassword` so the CLI prints it
 * once. Each authenticator is enrolled at first sign-in (TOTP is mandatory for staff). Accounts that exist are
 * left alone; department accounts are skipped when their department is not in the directory.
 */
export async function seedDemoStaff(db: DB, opts: { adminPassword?: string | undefined; directory?: Pick<DepartmentDirectory, 'listDepartments'> | undefined }): Promise<Record<string, string>> {
  const existing = new Set((await db.selectFrom('staff_users').select('username').where('username', 'in', ACCOUNTS.map((a) => a.username)).execute()).map((r) => r.username))
  const missing = ACCOUNTS.filter((a) => !existing.has(a.username))
  if (!missing.length) return {}
  const departments = new Map(((await opts.directory?.listDepartments()) ?? []).map((d) => [d.name, d.id]))
  const password = opts.adminPassword ?? randomBytes(12).toString('base64url')
  let created = 0
  for (const a of missing) {
    const deptId = a.department ? departments.get(a.department) : null
    if (deptId === undefined) continue
    await createStaffUser(db, { username: a.username, displayName: a.displayName, password, roles: [], grants: [a.grant(deptId)], departmentId: deptId, actor: { type: 'system', name: 'seed' } })
    created++
  }
  return created && !opts.adminPassword ? { editorPassword: password } : {}
}
