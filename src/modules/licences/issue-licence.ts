import { sql } from 'kysely'
import type { Executor } from '../../platform/database'
import type { Secrets } from '../../platform/secrets'
import { recordAudit, type Actor } from '../../platform/audit'
import { ValidationError } from '../../platform/errors'
import { uuidv7 } from '../../platform/ids'
import type { LicenceFaceField } from '../../platform/schema-licences'
import { getItemFormVersion } from '../catalog'
import { getCitizenIdNumber, getEnterprise } from '../identity'
import { licenceIdentifier } from './crypto'
import { activeKey } from './licence-keys'
import { HOLDER_ID_TYPES, signDocument, type LicenceDocument } from './licence-document'
import { regionCodesIn, resolveFace } from './face-values'

/** The case fields issuance reads (cases' CaseRow has them all). */
export type CaseForLicence = {
  id: string; ref_no: string; item_id: string; item_version: number; item_code: string; item_name: string; department_id: string
  application_id: string; applicant_citizen_id: string; subject_enterprise_id: string | null; applicant_name: string; result_description: string | null
}
export type IssuedLicence = { id: string; identifier: string; number: string; typeName: string; validUntil: string | null }

/** YYYY-MM-DD + n years − 1 day (a 5-year licence from 2026-11-21 runs to 2031-11-20). */
export function validUntilFor(from: string, years: number | null): string | null {
  if (!years) return null
  const [y, m, d] = from.split('-').map(Number) as [number, number, number]
  const end = new Date(Date.UTC(y + years, m - 1, d))
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0) // 29 Feb → 28 Feb
  end.setUTCDate(end.getUTCDate() - 1)
  return end.toISOString().slice(0, 10)
}

async function regionNames(tx: Executor, codes: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  if (!codes.length) return names
  const wanted = new Set(codes.flatMap((c) => [`${c.slice(0, 2)}0000`, `${c.slice(0, 4)}00`, c.slice(0, 6)]))
  const rows = await tx.selectFrom('regions').select(['code', 'name']).where('code', 'in', [...wanted]).execute()
  const byCode = new Map(rows.map((r) => [r.code, r.name]))
  for (const c of codes) {
    const parts = [`${c.slice(0, 2)}0000`, `${c.slice(0, 4)}00`, c.slice(0, 6)].filter((p, i, a) => a.indexOf(p) === i).map((p) => byCode.get(p) ?? '')
    names.set(c, parts.join(''))
  }
  return names
}

/** The licence type an item version produces, or null when its result is not a licence. */
export async function licenceTypeForItemVersion(tx: Executor, itemId: string, itemVersion: number) {
  const v = await tx.selectFrom('service_item_versions').select('data').where('item_id', '=', itemId).where('version', '=', itemVersion).executeTakeFirst()
  const result = (v?.data as { result?: { kind?: string; licenseType?: string } } | undefined)?.result
  if (result?.kind !== 'license' || !result.licenseType) return null
  const type = await tx.selectFrom('licence_types').selectAll().where('name', '=', result.licenseType).executeTakeFirst()
  if (!type) throw new ValidationError(`该事项的证照类型“${result.licenseType}”尚未在证照目录中定义，无法制证。请系统管理员或事项编辑员在后台“证照目录”（/admin/licences/types）的“事项使用但尚未定义的证照类型”中新增它，然后再出具结果。 The licence type “${result.licenseType}” is not defined yet: an administrator or catalogue editor adds it in the licence catalogue at /admin/licences/types (under “Licence types used by items but not defined”); then issue the result again.`, [], 'licence_type_missing')
  return type
}

/**
 * 办结即制证 (standards.md §B.5; issue 5 Deliver 2): inside the case's result transaction, make the licence an
 * approved case produces — holder from the case, face from the application's values, 证照编号 and 流水号 from the
 * type's counter (row-locked: numbers never repeat), the GB/T 36904 identifier, validity from the type, trust level
 * A (produced by the implementing body itself) — and sign it with the department's active key. Returns null when
 * the item's result is not a licence. A required face field with no value refuses the whole result, naming it.
 */
export async function issueLicenceForCase(tx: Executor, secrets: Secrets, c: CaseForLicence, ctx: { actor: Actor; now: Date; today: string }): Promise<IssuedLicence | null> {
  const type = await licenceTypeForItemVersion(tx, c.item_id, c.item_version)
  if (!type) return null
  const done = await tx.selectFrom('licences').select(['id', 'identifier', 'number', 'valid_until']).where('case_id', '=', c.id).where('version', '=', 1).executeTakeFirst()
  if (done) return { id: done.id, identifier: done.identifier, number: done.number, typeName: type.name, validUntil: done.valid_until }

  const app = await tx.selectFrom('applications').select(['values', 'form_version', 'item_version']).where('id', '=', c.application_id).executeTakeFirstOrThrow()
  const values = (typeof app.values === 'string' ? JSON.parse(app.values) : app.values) as Record<string, unknown>
  const form = await getItemFormVersion(tx, c.item_id, app.form_version, { itemVersion: app.item_version })
  const issuer = await tx.selectFrom('departments').select(['name', 'code']).where('id', '=', c.department_id).executeTakeFirstOrThrow()

  let holder: LicenceDocument['holder']
  let holderRefs: { holder_citizen_id: string | null; holder_enterprise_id: string | null }
  if (c.subject_enterprise_id) {
    const e = await getEnterprise(tx, c.subject_enterprise_id)
    if (!e) throw new ValidationError('找不到申请企业，无法制证。 The applicant enterprise was not found.', [], 'holder_missing')
    holder = { kind: 'enterprise', name: e.name, idType: HOLDER_ID_TYPES.enterprise, code: e.uscc }
    holderRefs = { holder_citizen_id: null, holder_enterprise_id: e.id }
  } else {
    const idNumber = await getCitizenIdNumber(tx, c.applicant_citizen_id)
    if (!idNumber) throw new ValidationError('申请人尚未完成实名认证，没有身份证号，无法制证。请联系申请人完成实名认证。 The applicant has no verified ID number.', [], 'holder_unverified')
    holder = { kind: 'person', name: c.applicant_name, idType: HOLDER_ID_TYPES.person, code: idNumber }
    holderRefs = { holder_citizen_id: c.applicant_citizen_id, holder_enterprise_id: null }
  }

  const { face, problems } = resolveFace(type.fields as unknown as LicenceFaceField[], {
    values, form: form?.definition, regionNames: await regionNames(tx, regionCodesIn(values)),
    applicant: { name: holder.name, code: holder.code }, issuer: { name: issuer.name }, item: { name: c.item_name },
    case: { ref_no: c.ref_no, result_description: c.result_description }, issuedOn: ctx.today,
  })
  if (problems.length) {
    throw new ValidationError(`制证缺少证照内容：${problems.map((p) => p.label).join('、')}。请在“办理结果描述”中补充或退回申请人补正后再出具结果。 Licence fields are missing.`, problems.map((p) => ({ field: `licence.${p.key}`, message: `证照“${p.label}”没有内容。` })), 'licence_fields_missing')
  }

  const counter = await sql<{ serial: string }>`update licence_types set next_serial = next_serial + 1, updated_at = now() where code = ${type.code} returning (next_serial - 1)::text as serial`.execute(tx)
  const serial = counter.rows[0]!.serial
  const region = (issuer.code ?? '').slice(2, 8)
  const number = `${type.number_prefix}${region}${serial.padStart(7, '0')}`
  const key = await activeKey(tx, secrets, c.department_id, ctx.now)
  const identifier = licenceIdentifier({ typeCode: type.code, issuerUscc: issuer.code!, serial, version: 1 })
  const validUntil = validUntilFor(ctx.today, type.validity_years)
  const doc: LicenceDocument = {
    schema: 'yiwang.licence/1', identifier, typeCode: type.code, typeName: type.name, number, serial, version: 1, holder, fields: face,
    issuer: { name: issuer.name, uscc: issuer.code! }, definer: { name: type.definer_name, uscc: type.definer_uscc },
    issuedOn: ctx.today, validFrom: ctx.today, validUntil, trustLevel: 'A', item: { code: c.item_code, name: c.item_name }, caseRef: c.ref_no,
    predecessor: null, kid: key.kid, alg: key.algorithm,
  }
  const signed = signDocument(doc, key)
  const id = uuidv7(ctx.now.getTime())
  await tx.insertInto('licences').values({
    id, identifier, type_code: type.code, number, serial, version: 1, predecessor_id: null, holder_kind: holder.kind, holder_name: holder.name,
    holder_id_type: holder.idType, holder_code: holder.code, ...holderRefs, issuer_department_id: c.department_id, issued_on: ctx.today,
    valid_from: ctx.today, valid_until: validUntil, trust_level: 'A', case_id: c.id, item_code: c.item_code, signed_json: signed.text,
    signature: signed.signature, compact_payload: signed.compact, kid: key.kid, issued_by: ctx.actor.id ?? null, created_at: ctx.now,
  }).execute()
  await tx.insertInto('licence_events').values({ id: uuidv7(ctx.now.getTime()), licence_id: id, action: 'issued', reason: null, actor_type: ctx.actor.type, actor_id: ctx.actor.id ?? null, actor_name: ctx.actor.name ?? null, at: ctx.now, details: JSON.stringify({ caseRef: c.ref_no, kid: key.kid }) }).execute()
  await recordAudit(tx, { actor: ctx.actor, action: 'licence.issued', subject: { type: 'licence', id }, details: { identifier, type: type.code, caseId: c.id, kid: key.kid } })
  return { id, identifier, number, typeName: type.name, validUntil }
}
