import { recordAudit } from '../../platform/audit'
import type { DB, Executor } from '../../platform/database'
import { uuidv7 } from '../../platform/ids'
import type { Secrets } from '../../platform/secrets'
import { APPLICANT_KIND_FIELD, allFields, getItemByCode, getItemForm } from '../catalog'
import type { ApplicantActor } from './applicant'
import { applicationNotFound, itemUnavailable } from './application-errors'
import { prefillValues } from './prefill'

export type StartApplicationInput = { itemCode: string; applicant: ApplicantActor; bundleApplicationId?: string | null; now?: Date }

/**
 * Starts a draft (申请草稿) for a published item: pins the item version and the form version it is filled
 * against (a later catalogue change does not move it — ARCHITECTURE.md: cases pin (item id, version)), and
 * prefills what the government already holds, each locked field with its source.
 */
export async function startApplication(deps: { db: DB; secrets: Secrets }, input: StartApplicationInput): Promise<{ id: string }> {
  return deps.db.transaction().execute((tx) => startInTx(tx, deps.secrets, input))
}

/** startApplication inside the caller's transaction (a bundle starts one draft per item in one transaction). */
export async function startInTx(tx: Executor, secrets: Secrets, input: StartApplicationInput): Promise<{ id: string }> {
  const item = await getItemByCode(tx, input.itemCode)
  if (!item) throw applicationNotFound()
  if (item.status !== 'published') throw itemUnavailable()
  const form = await getItemForm(tx, item.id)
  if (!form) throw itemUnavailable()
  const now = input.now ?? new Date()
  const { values, provenance } = await prefillValues(tx, secrets, form.definition, input.applicant, item.name)
  if (allFields(form.definition).some((f) => f.key === APPLICANT_KIND_FIELD)) {
    values[APPLICANT_KIND_FIELD] = input.applicant.actingEnterpriseId ? 'enterprise' : 'individual'
    provenance[APPLICANT_KIND_FIELD] = { source: input.applicant.actingEnterpriseId ? '当前以企业身份办理' : '当前以个人身份办理' }
  }
  const id = uuidv7()
  await tx.insertInto('applications').values({
    id, item_id: item.id, item_version: item.version, item_code: item.code, item_name: item.name, form_version: form.version,
    bundle_application_id: input.bundleApplicationId ?? null, applicant_citizen_id: input.applicant.actingEnterpriseId ? input.applicant.filerId : input.applicant.citizenId,
    subject_enterprise_id: input.applicant.actingEnterpriseId ?? null, status: 'draft', values: JSON.stringify(values), prefill: JSON.stringify(provenance),
    created_at: now, updated_at: now,
  }).execute()
  await recordAudit(tx, { actor: { type: 'citizen', id: input.applicant.filerId, name: input.applicant.name }, action: 'application.started', subject: { type: 'application', id }, details: { item: item.code, itemVersion: item.version, formVersion: form.version, prefilled: Object.keys(provenance) } })
  return { id }
}
