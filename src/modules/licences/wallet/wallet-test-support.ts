import { sql } from 'kysely'
import type { Deps } from '../../../deps'
import { shanghaiDate } from '../../../platform/calendar'
import { uuidv7 } from '../../../platform/ids'
import { licenceIdentifier } from '../crypto'
import { activeKey } from '../licence-keys'
import { HOLDER_ID_TYPES, signDocument, type LicenceDocument } from '../licence-document'
import { validUntilFor } from '../issue-licence'

/** 食品经营许可证延续 (seeded): material 1 is the 食品经营许可证 itself (licenseType), material 2 an upload. */
export const RENEWAL_ITEM = '11320500MB193972693010027000200'

/**
 * A genuinely signed 食品经营许可证 held by an ENTERPRISE, issued by `departmentId` without a case (the case path for
 * enterprises is covered by the cases tests; the wallet only needs a holder that is an enterprise). Not a test file.
 */
export async function enterpriseFoodLicence(deps: Deps, departmentId: string, ent: { id: string; uscc: string; name: string }) {
  return deps.db.transaction().execute(async (tx) => {
    const now = new Date()
    const today = shanghaiDate(now)
    const type = await tx.selectFrom('licence_types').selectAll().where('name', '=', '食品经营许可证').executeTakeFirstOrThrow()
    const issuer = await tx.selectFrom('departments').select(['name', 'code']).where('id', '=', departmentId).executeTakeFirstOrThrow()
    const serial = (await sql<{ serial: string }>`update licence_types set next_serial = next_serial + 1 where code = ${type.code} returning (next_serial - 1)::text as serial`.execute(tx)).rows[0]!.serial
    const key = await activeKey(tx, deps.secrets, departmentId, now)
    const identifier = licenceIdentifier({ typeCode: type.code, issuerUscc: issuer.code!, serial, version: 1 })
    const number = `${type.number_prefix}${issuer.code!.slice(2, 8)}${serial.padStart(7, '0')}`
    const validUntil = validUntilFor(today, type.validity_years)
    const doc: LicenceDocument = {
      schema: 'yiwang.licence/1', identifier, typeCode: type.code, typeName: type.name, number, serial, version: 1,
      holder: { kind: 'enterprise', name: ent.name, idType: HOLDER_ID_TYPES.enterprise, code: ent.uscc },
      fields: [{ key: 'premises', label: '经营场所', value: '江苏省苏州市姑苏区干将东路128号' }], issuer: { name: issuer.name, uscc: issuer.code! },
      definer: { name: type.definer_name, uscc: type.definer_uscc }, issuedOn: today, validFrom: today, validUntil, trustLevel: 'A', item: null, caseRef: null,
      predecessor: null, kid: key.kid, alg: key.algorithm,
    }
    const signed = signDocument(doc, key)
    const id = uuidv7()
    await tx.insertInto('licences').values({
      id, identifier, type_code: type.code, number, serial, version: 1, predecessor_id: null, holder_kind: 'enterprise', holder_name: ent.name, holder_id_type: HOLDER_ID_TYPES.enterprise,
      holder_code: ent.uscc, holder_citizen_id: null, holder_enterprise_id: ent.id, issuer_department_id: departmentId, issued_on: today, valid_from: today, valid_until: validUntil,
      trust_level: 'A', case_id: null, item_code: null, signed_json: signed.text, signature: signed.signature, compact_payload: signed.compact, kid: key.kid, issued_by: null, created_at: now,
    }).execute()
    await tx.insertInto('licence_events').values({ id: uuidv7(), licence_id: id, action: 'issued', reason: null, actor_type: 'system', actor_id: null, actor_name: 'test', at: now, details: '{}' }).execute()
    return tx.selectFrom('licences').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  })
}
