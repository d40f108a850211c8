import type { DB } from '../src/platform/database'
import { uuidv7 } from '../src/platform/ids'
import { idCheckChar, usccCheckChar } from '../src/platform/identifiers'
import { createStaffUser, type StaffGrant } from '../src/modules/identity'
import { createStaffSession } from '../src/modules/identity/staff-session'
import { sessionCookieName } from '../src/modules/identity/staff-cookies'

/**
 * Test support for the exchange: registry rows straight in the simulated registries (valid GB 11643 / GB 32100
 * numbers), staff with scoped roles, and real signed-in staff sessions (second factor passed) for page tests.
 */
let seq = 0
const next = () => (seq = (seq + 1) % 1000)

/** A valid 18-digit 公民身份号码 born on `birth` (YYYYMMDD) in 姑苏区; the default 1913 birth keeps clear of the seeded 人口库. */
export function makeIdNumber(birth = '19130412', female = false): string {
  const n = next()
  const order = String((n * 2 + (female ? 0 : 1)) % 1000).padStart(3, '0')
  const first17 = `320508${birth}${order}`
  return first17 + idCheckChar(first17)
}
/** A valid 统一社会信用代码 (企业, 苏州市姑苏区). */
export function makeUscc(): string {
  const body = `91320508MA${String(Date.now() % 1e5).padStart(5, '0')}${String(next()).padStart(2, '0').slice(-2)}`.slice(0, 17)
  return body + usccCheckChar(body)
}

export async function insertPerson(db: DB, p: { name?: string; idNumber?: string; idCardValidUntil?: string | null; status?: 'normal' | 'deceased' | 'cancelled'; phone?: string } = {}) {
  const idNumber = p.idNumber ?? makeIdNumber()
  await db
    .insertInto('registry_people')
    .values({
      id: uuidv7(), id_number: idNumber, name: p.name ?? '张三', gender_code: Number(idNumber[16]) % 2 ? '1' : '2', birth_date: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
      ethnicity_code: '01', household_address: '江苏省苏州市姑苏区人民路100号', region_code: '320508', id_card_valid_until: p.idCardValidUntil === undefined ? '2035-01-01' : p.idCardValidUntil,
      phone: p.phone ?? '13912345678', status: p.status ?? 'normal',
    })
    .execute()
  return idNumber
}

export async function insertEntity(db: DB, e: { name?: string; uscc?: string; legalRepName?: string; legalRepIdNumber: string; status?: 'active' | 'revoked' | 'cancelled' }) {
  const uscc = e.uscc ?? makeUscc()
  await db
    .insertInto('registry_entities')
    .values({
      id: uuidv7(), uscc, name: e.name ?? '苏州测试餐饮有限公司', entity_type: '有限责任公司', legal_rep_name: e.legalRepName ?? '张三', legal_rep_id_number: e.legalRepIdNumber,
      registered_address: '苏州市姑苏区干将路1号', region_code: '320508', established_on: '2020-05-06', registered_capital: 100, business_scope: '餐饮服务', status: e.status ?? 'active',
    })
    .execute()
  return uscc
}

export async function insertAddress(db: DB) {
  const id = uuidv7()
  await db.insertInto('registry_addresses').values({ id, region_code: '320508', street: '平江街道', road: '平江路', house_number: `${next()}号`, full_address: `江苏省苏州市姑苏区平江街道平江路${id.slice(-6)}号`, postcode: '215000' }).execute()
  return id
}

/** Department id by 统一社会信用代码 (seeded departments). */
export async function departmentId(db: DB, code: string): Promise<string> {
  return (await db.selectFrom('departments').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
}
export const PSB = '11320500014160118D'
export const AMR = '11320500MB19397269'
export const HRSS = '113205000141602978'
export const HOUSING = '113205000141601822'

export type TestStaff = { id: string; name: string; departmentId: string | null; grants: StaffGrant[] }

/** A staff member holding `roles` in `departmentId` (supervisor in `region`, default 苏州市 320500; admin unscoped). */
export async function staffIn(db: DB, username: string, roles: StaffGrant['role'][], departmentId: string | null, region = '320500'): Promise<TestStaff> {
  const grants: StaffGrant[] = roles.map((role) => ({ role, departmentId: role === 'admin' || role === 'supervisor' ? null : departmentId, regionCode: role === 'supervisor' ? region : null }))
  const u = await createStaffUser(db, { username, displayName: `测试${username}`, password: 'correct horse battery', roles, grants, departmentId, actor: { type: 'system', name: 'test' } })
  return { id: u.id, name: u.displayName, departmentId, grants }
}

/** A fully signed-in session (second factor passed) for page tests: Cookie header value and CSRF token. */
export async function staffCookie(db: DB, userId: string): Promise<{ cookie: string; csrf: string }> {
  const s = await db.transaction().execute((tx) => createStaffSession(tx, { userId, mfa: true, now: new Date() }))
  return { cookie: `${sessionCookieName({ secureCookies: false })}=${s.token}`, csrf: s.csrfToken }
}
