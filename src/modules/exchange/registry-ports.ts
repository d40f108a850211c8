import type { DB } from '../../platform/database'
import type { Secrets } from '../../platform/secrets'
import type { EntityCheckResult, PersonCheckResult, PortActor, RegistryPorts } from '../identity'
import { ReadRefusedError } from './exchange-errors'
import { readSharedData, type ReadActor } from './read-shared-data'

export const VERIFY_PERSON_PURPOSE = '实名认证 real-name verification'
export const VERIFY_ENTITY_PURPOSE = '法人账号认领 enterprise account claim'

const actorOf = (a: PortActor): ReadActor => ({ type: 'citizen', id: a.citizenId, name: a.displayName })

/**
 * identity's RegistryPorts, implemented as ordinary reads through readSharedData: the citizen is the actor
 * (no consuming department — shown as 统一身份认证平台 in 我的数据使用记录), the purpose is fixed, and every
 * check — match or mismatch — is in the access log of the person (and the enterprise) concerned.
 */
export function createRegistryPorts(db: DB, secrets: Secrets): RegistryPorts {
  return {
    async verifyPerson(input, actor): Promise<PersonCheckResult> {
      try {
        const r = await readSharedData(db, secrets, {
          actor: actorOf(actor),
          dataset: 'population.identity-check',
          subject: { type: 'person', idNumber: input.idNumber },
          fields: ['nameMatch', 'validUntilMatch', 'active', 'genderCode', 'birthDate'],
          purpose: VERIFY_PERSON_PURPOSE,
          requestId: actor.requestId ?? null,
          check: { name: input.name, idCardValidUntil: input.idCardValidUntil },
        })
        const d = r.data
        if (!d['nameMatch'] || !d['validUntilMatch']) return { outcome: 'mismatch' }
        if (!d['active']) return { outcome: 'inactive' }
        return { outcome: 'match', genderCode: String(d['genderCode']), birthDate: String(d['birthDate']) }
      } catch (err) {
        if (err instanceof ReadRefusedError && err.refusal === 'not_found') return { outcome: 'not_found' }
        throw err
      }
    },
    async verifyEntity(input, actor): Promise<EntityCheckResult> {
      try {
        const r = await readSharedData(db, secrets, {
          actor: actorOf(actor),
          dataset: 'entity.legal-rep-check',
          subject: { type: 'entity', uscc: input.uscc },
          fields: ['isRepresentative', 'name', 'entityType', 'status'],
          purpose: VERIFY_ENTITY_PURPOSE,
          requestId: actor.requestId ?? null,
          check: { legalRepName: input.legalRepName, legalRepIdNumber: input.legalRepIdNumber },
        })
        const d = r.data
        if (!d['isRepresentative']) return { outcome: 'not_representative' }
        if (d['status'] !== 'active') return { outcome: 'inactive' }
        return { outcome: 'match', name: String(d['name']), entityType: String(d['entityType']), status: 'active' }
      } catch (err) {
        if (err instanceof ReadRefusedError && err.refusal === 'not_found') return { outcome: 'not_found' }
        throw err
      }
    },
  }
}
