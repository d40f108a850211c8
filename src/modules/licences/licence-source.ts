import type { Executor } from '../../platform/database'
import { shanghaiDate } from '../../platform/calendar'
import type { LicenceRecord, LicenceRef, LicenceSource } from '../exchange'
import { parseSignedText } from './licence-document'
import { verifyLicenceById } from './verify-licence'

/**
 * The licences module's implementation of the exchange's LicenceSource port (dataset licence.e-licence): what a
 * department system gets when it reads a licence through POST /api/v1/exchange/reads (with an approved grant and a
 * purpose; the exchange decides and logs). The status comes from verifyLicenceById, so it is the status TODAY
 * (a lapsed date is `expired` before the nightly job runs) and `tampered` when the stored record no longer
 * matches its signature — then nothing else is released. By holder code + type name: the holder's current
 * licence of that type (valid first, else the newest version).
 */
export function createLicenceSource(): LicenceSource {
  return {
    async licence(db: Executor, ref: LicenceRef, now: Date): Promise<LicenceRecord | undefined> {
      const row = await findRow(db, ref)
      if (!row) return undefined
      const holder = row.holder_kind === 'person' ? { type: 'person' as const, idNumber: row.holder_code } : { type: 'entity' as const, uscc: row.holder_code }
      const v = await verifyLicenceById(db, row.id, shanghaiDate(now))
      const l = v.licence
      if (!l) return { holder, fields: { identifier: row.identifier, status: v.status } }
      const doc = parseSignedText(row.signed_json)
      return {
        holder,
        fields: {
          identifier: l.identifier, typeName: l.typeName, number: l.number,
          holder: `${l.holderName}（${l.holderCode}）`, holderName: l.holderName, holderCode: l.holderCode,
          issuer: l.issuer.name, face: doc ? doc.fields.map((f) => `${f.label}：${f.value}`).join('；') : null,
          validity: `${l.validFrom} 至 ${l.validUntil ?? '长期'}`, validFrom: l.validFrom, validUntil: l.validUntil,
          status: v.status, trustLevel: l.trustLevel,
        },
      }
    },
  }
}

type Row = { id: string; identifier: string; holder_kind: 'person' | 'enterprise'; holder_code: string; signed_json: string }

async function findRow(db: Executor, ref: LicenceRef): Promise<Row | undefined> {
  const q = db.selectFrom('licences').select(['licences.id', 'licences.identifier', 'licences.holder_kind', 'licences.holder_code', 'licences.signed_json'])
  if ('identifier' in ref) return q.where('licences.identifier', '=', ref.identifier).executeTakeFirst()
  return q
    .innerJoin('licence_types', 'licence_types.code', 'licences.type_code')
    .where('licences.holder_code', '=', ref.holderCode)
    .where('licence_types.name', '=', ref.typeName)
    .orderBy((eb) => eb.case().when('licences.status', '=', 'valid').then(0).else(1).end())
    .orderBy('licences.version', 'desc')
    .orderBy('licences.issued_on', 'desc')
    .limit(1)
    .executeTakeFirst()
}
