import { createHash } from 'node:crypto'
import type { DB } from '../src/platform/database'
import { uuidv7 } from '../src/platform/ids'
import type { ApplicantActor } from '../src/modules/applications'
import { departmentId, staffIn, type TestStaff } from './exchange'

/** 食品经营许可证核发 (seeded): lead 苏州市市场监管局, 现场核查 by 姑苏区市场监管局 in parallel with 材料审查. */
export const FOOD_ITEM = '11320500MB193972693010027000100'
export const AMR_CITY = '11320500MB19397269'
export const AMR_GUSU = '11320508MB1996210M'

/** An upload row for tests that are not about uploads (the bytes themselves are not needed by case logic). */
export async function fakeUpload(db: DB, ownerCitizenId: string, actingEnterpriseId: string | null = null, name = '平面图.pdf'): Promise<string> {
  const id = uuidv7()
  await db.insertInto('uploads').values({
    id, sha256: createHash('sha256').update(id).digest('hex'), size_bytes: 1234, mime: 'application/pdf', original_name: name,
    owner_citizen_id: ownerCitizenId, acting_enterprise_id: actingEnterpriseId,
  }).execute()
  return id
}

export function personApplicant(id: string, name = '申请人'): ApplicantActor {
  return { citizenId: id, filerId: id, name }
}

/** Values that pass the curated 食品经营许可 form for an individual applicant (prefilled fields come from the draft). */
export function foodFormValues(uploads: [string, string]): Record<string, unknown> {
  return {
    address: { regionCode: '320508', detail: '姑苏区人民路100号' },
    premisesAddress: { regionCode: '320508', detail: '姑苏区十全街88号' },
    premisesOwnership: 'owned', businessItems: ['hotFood'], onlineSales: 'no', area: 120, safetyManager: '张三',
    staff: [{ name: '张三', idNumber: '11010519491231002X', healthCertNo: 'JK2026001' }],
    material3: [uploads[0]], material4: [uploads[1]],
  }
}

export type CaseCrew = { window: TestStaff; cityOfficer: TestStaff; cityHead: TestStaff; gusuOfficer: TestStaff; gusuOfficer2: TestStaff; outsider: TestStaff }

/** Staff of the two market-regulation departments plus an officer of an unrelated department. */
export async function caseCrew(db: DB, prefix = 'c'): Promise<CaseCrew> {
  const city = await departmentId(db, AMR_CITY)
  const gusu = await departmentId(db, AMR_GUSU)
  const other = await departmentId(db, '11320500014160118D')
  return {
    window: await staffIn(db, `${prefix}-window`, ['window_officer'], city),
    cityOfficer: await staffIn(db, `${prefix}-city`, ['department_officer'], city),
    cityHead: await staffIn(db, `${prefix}-head`, ['department_head'], city),
    gusuOfficer: await staffIn(db, `${prefix}-gusu`, ['department_officer'], gusu),
    gusuOfficer2: await staffIn(db, `${prefix}-gusu2`, ['department_officer'], gusu),
    outsider: await staffIn(db, `${prefix}-psb`, ['department_officer', 'department_head', 'window_officer'], other),
  }
}

/** The StaffUser shape case operations take. */
export function asStaff(t: TestStaff) {
  return { id: t.id, username: t.name, displayName: t.name, roles: [...new Set(t.grants.map((g) => g.role))], departmentId: t.departmentId, grants: t.grants }
}
