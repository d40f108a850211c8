import type { Executor } from '../../platform/database'
import type { Secrets } from '../../platform/secrets'
import { readSharedData } from '../exchange'
import { getEnterpriseUscc } from '../identity'
import type { ApplicantActor } from './applicant'

/**
 * 免提交 (standards.md §B.3 三个"凡是"; 国务院令第716号 Art. 7): a material the government already holds is read
 * through the exchange at submission, with the 办件编号 as the case and the item as the purpose — logged, and
 * visible to the person in 我的数据使用记录. The catalogue names datasets by their 目录 name; this maps them to
 * the exchange's codes. A person's identity material is satisfied by their 实名认证 (already checked against the
 * 人口库 when they verified). Anything else (e.g. 不动产登记信息, not yet in the 共享目录) stays unsatisfied and
 * the window officer asks for it in the one-time 补正 notice.
 */
const ENTITY_DATASETS = new Set(['法人基础信息', '营业执照'])
const PERSON_DATASETS = new Set(['人口基础信息', '居民身份证'])

export type SharedOutcome = { providedBy: 'shared'; dataset: string; trustLevel: string } | null

export async function satisfyFromSharedData(tx: Executor, secrets: Secrets, who: ApplicantActor, m: { name: string; sharedDataset?: string; licenseType?: string }, ctx: { refNo: string; itemName: string; verified: boolean }): Promise<SharedOutcome> {
  const ds = m.sharedDataset ?? ''
  if ((ENTITY_DATASETS.has(ds) || m.name.includes('法定代表人')) && who.actingEnterpriseId) {
    const uscc = await getEnterpriseUscc(tx, who.actingEnterpriseId)
    if (!uscc) return null
    const read = await readSharedData(tx, secrets, {
      actor: { type: 'citizen', id: who.filerId, name: who.name }, dataset: 'entity.basic', subject: { type: 'entity', uscc },
      fields: m.name.includes('法定代表人') ? ['name', 'legalRepName', 'status'] : ['name', 'entityType', 'registeredAddress', 'status'],
      purpose: `办理“${ctx.itemName}”，免提交“${m.name}”`.slice(0, 200), caseRef: ctx.refNo,
    }).catch(() => null)
    return read ? { providedBy: 'shared', dataset: 'entity.basic', trustLevel: 'A' } : null
  }
  if (PERSON_DATASETS.has(ds) && !who.actingEnterpriseId && ctx.verified) return { providedBy: 'shared', dataset: 'population.identity-check', trustLevel: 'A' }
  return null
}
