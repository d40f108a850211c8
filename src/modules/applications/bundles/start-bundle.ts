import { recordAudit } from '../../../platform/audit'
import type { DB } from '../../../platform/database'
import { uuidv7 } from '../../../platform/ids'
import type { Secrets } from '../../../platform/secrets'
import { APPLICANT_KIND_FIELD, allFields } from '../../catalog'
import type { ApplicantActor } from '../applicant'
import { prefillValues } from '../prefill'
import { startInTx } from '../start-application'
import { getBundleDefinition } from './bundle-definitions'
import { bundleAudience, bundleUnknown } from './bundle-errors'
import { loadBundleDraft } from './bundle-load'

export type StartBundleInput = { code: string; applicant: ApplicantActor; now?: Date }

/**
 * Starts a 一件事: one bundle_applications draft and, in the same transaction, one application draft per item
 * (each pinned to its item and form version, prefilled like a single application). The merged form is prefilled
 * once for the bundle; its locked fields keep their source.
 */
export async function startBundle(deps: { db: DB; secrets: Secrets }, input: StartBundleInput): Promise<{ id: string }> {
  const def = getBundleDefinition(input.code)
  if (!def) throw bundleUnknown()
  if (input.applicant.actingEnterpriseId && !def.audience.includes('enterprise')) throw bundleAudience()
  if (!input.applicant.actingEnterpriseId && !def.audience.includes('individual')) throw bundleAudience()
  const now = input.now ?? new Date()
  return deps.db.transaction().execute(async (tx) => {
    const id = uuidv7()
    const who = input.applicant
    await tx.insertInto('bundle_applications').values({
      id, bundle_code: def.code, applicant_citizen_id: who.actingEnterpriseId ? who.filerId : who.citizenId, subject_enterprise_id: who.actingEnterpriseId ?? null,
      status: 'draft', values: '{}', prefill: '{}', created_at: now, updated_at: now,
    }).execute()
    const apps: string[] = []
    for (const item of def.items) apps.push((await startInTx(tx, deps.secrets, { itemCode: item.code, applicant: who, bundleApplicationId: id, now })).id)
    const { merged } = await loadBundleDraft(tx, id, who)
    const { values, provenance } = await prefillValues(tx, deps.secrets, merged.definition, who, def.name)
    if (allFields(merged.definition).some((f) => f.key === APPLICANT_KIND_FIELD)) {
      values[APPLICANT_KIND_FIELD] = who.actingEnterpriseId ? 'enterprise' : 'individual'
      provenance[APPLICANT_KIND_FIELD] = { source: who.actingEnterpriseId ? '当前以企业身份办理' : '当前以个人身份办理' }
    }
    await tx.updateTable('bundle_applications').set({ values: JSON.stringify(values), prefill: JSON.stringify(provenance) }).where('id', '=', id).execute()
    await recordAudit(tx, { actor: { type: 'citizen', id: who.filerId, name: who.name }, action: 'bundle.started', subject: { type: 'bundle_application', id }, details: { bundle: def.code, applications: apps, prefilled: Object.keys(provenance) } })
    return { id }
  })
}
