import type { Executor } from '../../platform/database'
import type { Secrets } from '../../platform/secrets'
import type { PrefillProvenance } from '../../platform/schema-cases'
import type { FormDefinition, FormValues, PrefillKey } from '../catalog'
import { allFields, PREFILL_SOURCES } from '../catalog'
import { readSharedData } from '../exchange'
import { getCitizenIdNumber, getCitizenProfile, getEnterpriseUscc } from '../identity'
import type { ApplicantActor } from './applicant'

/**
 * 自动填充 (standards.md §B.3: forms filled from 公民身份号码 / 统一社会信用代码). A person's fields come from their
 * verified profile (实名认证 already checked them against the 人口库); an enterprise's from the 法人库 through
 * the exchange, with the application as the purpose — so the read appears in 我的数据使用记录 (国务院令第716号
 * Art. 7: used for this purpose only). Prefilled fields are locked; their source is kept per field.
 */
export async function prefillValues(tx: Executor, secrets: Secrets, def: FormDefinition, who: ApplicantActor, itemName: string): Promise<{ values: FormValues; provenance: PrefillProvenance }> {
  const fields = allFields(def).filter((f) => f.prefill)
  if (fields.length === 0) return { values: {}, provenance: {} }
  const known: Partial<Record<PrefillKey, unknown>> = {}
  const person = await getCitizenProfile(tx, who.actingEnterpriseId ? who.filerId : who.citizenId)
  if (person?.name) known['applicant.name'] = person.name
  if (person?.phone) known['applicant.phone'] = person.phone
  if (person?.email) known['applicant.email'] = person.email
  if (!who.actingEnterpriseId) {
    const id = await getCitizenIdNumber(tx, who.citizenId)
    if (id) known['applicant.idNumber'] = id
  }
  let dataset: string | undefined
  if (who.actingEnterpriseId && fields.some((f) => f.prefill!.startsWith('enterprise.'))) {
    const uscc = await getEnterpriseUscc(tx, who.actingEnterpriseId)
    if (uscc) {
      dataset = 'entity.basic'
      const read = await readSharedData(tx, secrets, {
        actor: { type: 'citizen', id: who.filerId, name: who.name }, dataset, subject: { type: 'entity', uscc },
        fields: ['name', 'legalRepName', 'registeredAddress', 'regionCode'], purpose: `申请办理“${itemName}”，预填申请表`.slice(0, 200),
      }).catch(() => null)
      known['enterprise.uscc'] = uscc
      if (read) {
        known['enterprise.name'] = read.data.name
        known['enterprise.legalRepName'] = read.data.legalRepName
        known['enterprise.regionCode'] = read.data.regionCode
        if (read.data.registeredAddress) known['enterprise.address'] = { regionCode: String(read.data.regionCode ?? ''), detail: String(read.data.registeredAddress) }
      }
    }
  }
  const values: FormValues = {}
  const provenance: PrefillProvenance = {}
  for (const f of fields) {
    const v = known[f.prefill!]
    if (v === undefined || v === null || v === '') continue
    values[f.key] = v
    provenance[f.key] = { source: PREFILL_SOURCES[f.prefill!].zh, ...(f.prefill!.startsWith('enterprise.') && dataset ? { dataset } : {}) }
  }
  return { values, provenance }
}
