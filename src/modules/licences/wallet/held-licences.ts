import type { Executor } from '../../../platform/database'
import type { Secrets } from '../../../platform/secrets'
import type { HeldLicence, HeldLicences, LicenceHolder } from '../../applications'
import { recordDataUse } from '../../exchange'
import { verifyLicenceById } from '../verify-licence'
import { LICENCE_DATASET } from './share-codes'

/**
 * applications' HeldLicences port (免提交 with an e-licence; wired in src/main/compose.ts): the holder's newest
 * VALID licence of the type the material names (licence_types.name = the material's licenseType) whose validity
 * covers today. Suspended, revoked, expired and superseded licences never count, nor anyone else's. `use` records
 * the read in the holder's 我的数据使用记录 (dataset licence.e-licence, with the 办件编号), in the submission's
 * transaction.
 */
async function findHeld(db: Executor, holder: LicenceHolder, licenceType: string, today: string) {
  if (!holder.citizenId && !holder.enterpriseId) return undefined
  let q = db.selectFrom('licences as l').innerJoin('licence_types as t', 't.code', 'l.type_code')
    .select(['l.id', 'l.identifier', 'l.number', 'l.trust_level', 'l.valid_until', 'l.holder_kind', 'l.holder_code', 't.name'])
    .where('t.name', '=', licenceType).where('l.status', '=', 'valid').where('l.valid_from', '<=', today)
    .where((eb) => eb.or([eb('l.valid_until', 'is', null), eb('l.valid_until', '>=', today)]))
  q = holder.enterpriseId ? q.where('l.holder_enterprise_id', '=', holder.enterpriseId) : q.where('l.holder_citizen_id', '=', holder.citizenId!).where('l.holder_enterprise_id', 'is', null)
  return q.orderBy('l.created_at', 'desc').limit(1).executeTakeFirst()
}

const toHeld = (r: NonNullable<Awaited<ReturnType<typeof findHeld>>>): HeldLicence => ({ licenceId: r.id, identifier: r.identifier, number: r.number, typeName: r.name, trustLevel: r.trust_level, validUntil: r.valid_until })

export function createHeldLicences(deps: { secrets: Secrets }): HeldLicences {
  return {
    async find(db, holder, licenceType, today) {
      const r = await findHeld(db, holder, licenceType, today)
      return r ? toHeld(r) : null
    },
    async use(tx, holder, licenceType, ctx) {
      const r = await findHeld(tx, holder, licenceType, ctx.today)
      // Only a genuine record counts: the stored signature must check (a tampered row is never trust level A).
      if (!r || (await verifyLicenceById(tx, r.id, ctx.today)).status !== 'valid') return null
      await recordDataUse(tx, deps.secrets, {
        actor: { type: 'citizen', id: ctx.actor.id, name: ctx.actor.name }, dataset: LICENCE_DATASET,
        holder: r.holder_kind === 'person' ? { type: 'person', idNumber: r.holder_code } : { type: 'entity', uscc: r.holder_code },
        fields: ['identifier', 'typeName', 'number', 'validity', 'status', 'trustLevel'], purpose: `办理“${ctx.itemName}”，以电子证照免提交“${ctx.materialName}”`.slice(0, 200), caseRef: ctx.refNo, departmentId: null,
      })
      return toHeld(r)
    },
  }
}
