import { sql } from 'kysely'
import { recordAuditBatch } from '../../platform/audit'
import type { DB, Executor } from '../../platform/database'
import { ValidationError } from '../../platform/errors'
import type { Secrets } from '../../platform/secrets'
import { getItemFormVersion, getItemVersion, materialPlan, validateFormValues, allFields, type FormDefinition, type FormValues } from '../catalog'
import { getCitizenProfile } from '../identity'
import { isApplicantOf, type ApplicantActor } from './applicant'
import { applicationNotFound, bundleItem, FormInvalidError, itemUnavailable, notADraft } from './application-errors'
import type { CaseOpener } from './case-opener'
import { lockedValues } from './draft-values'
import { makeRefNo } from './ref-no'
import { queryCodeFor } from './query-code'
import { satisfyFromSharedData } from './shared-materials'
import { licenceMaterialRow, materialsByLicence, withoutLicenceMaterials, type HeldLicences } from './held-licences'
import { mayOpenUpload } from './uploads/upload-policy'

export type SubmitApplicationDeps = { db: DB; secrets: Secrets; caseOpener: CaseOpener; heldLicences?: HeldLicences }
export type SubmitApplicationInput = {
  applicationId: string
  applicant: ApplicantActor
  /** The last values on the page (optional: the saved draft is used otherwise). */
  values?: unknown
  /** Idempotency-Key: a retry or replay with the same key returns the first receipt. */
  idempotencyKey?: string | null
  channel?: 1 | 2 | 3
  now?: Date
  /** The licences port (免提交 with an e-licence); submitApplication passes deps.heldLicences. */
  heldLicences?: HeldLicences | undefined
}
export type Receipt = { applicationId: string; caseId: string; refNo: string; queryCode: string; preReviewDue: string | null; replayed: boolean }

const KEY_RE = /^[A-Za-z0-9._:-]{8,100}$/

/**
 * Submission (申请): validates the whole form against the version the draft pinned, re-applies the locked
 * prefilled values, checks every upload belongs to the applicant, reads the 免提交 materials through the
 * exchange, assigns the 办件编号 and query code, and opens the case — one transaction. The application row is
 * locked first, so a double-click, a retry or a replay (same application, or same Idempotency-Key) returns the
 * first receipt and never creates a second case.
 */
export async function submitApplication(deps: SubmitApplicationDeps, input: SubmitApplicationInput): Promise<Receipt> {
  const key = input.idempotencyKey?.trim() || null
  if (key && !KEY_RE.test(key)) throw new ValidationError('Idempotency-Key 须为8到100位字母、数字或 ._:- 。 Invalid Idempotency-Key.', [{ field: 'idempotencyKey', message: '格式不正确。 Invalid.' }], 'idempotency_key_invalid')
  const now = input.now ?? new Date()
  const opener = await deps.caseOpener.prepare(now)
  return deps.db.transaction().execute((tx) => submitInTx(tx, deps.secrets, opener, { ...input, idempotencyKey: key, now, heldLicences: input.heldLicences ?? deps.heldLicences }))
}

export type PreparedOpener = Awaited<ReturnType<CaseOpener['prepare']>>

/**
 * The body of submitApplication inside the caller's transaction (bundles submit several applications in ONE
 * transaction: all cases or none). `opener` comes from `caseOpener.prepare(now)` before the transaction; the key
 * is already checked.
 */
export async function submitInTx(tx: Executor, secrets: Secrets, opener: PreparedOpener, input: SubmitApplicationInput & { now: Date; asBundleItem?: boolean }): Promise<Receipt> {
  const key = input.idempotencyKey ?? null
  const now = input.now
  const deps = { secrets }
  const app = await tx.selectFrom('applications').selectAll().where('id', '=', input.applicationId).forUpdate().executeTakeFirst()
  if (!app || !isApplicantOf(input.applicant, app)) throw applicationNotFound()
  if (key) {
    const earlier = await tx.selectFrom('applications').select('id').where('applicant_citizen_id', '=', app.applicant_citizen_id).where('idempotency_key', '=', key).executeTakeFirst()
    if (earlier && earlier.id !== app.id) return receiptOf(tx, deps.secrets, earlier.id, true)
  }
  if (app.status === 'submitted') return receiptOf(tx, deps.secrets, app.id, true)
  if (app.status !== 'draft') throw notADraft()
  // A 一件事 item is filled and submitted through its bundle (one merged form, all cases or none).
  if (app.bundle_application_id && !input.asBundleItem) throw bundleItem()

  const version = await getItemVersion(tx, app.item_id, app.item_version)
  const form = await getItemFormVersion(tx, app.item_id, app.form_version, { itemVersion: app.item_version })
  const item = await tx.selectFrom('service_items').select(['status', 'department_id', 'region_code']).where('id', '=', app.item_id).executeTakeFirst()
  if (!version || !form || !item || item.status !== 'published') throw itemUnavailable()
  const raw = input.values === undefined ? app.values : input.values
  // 免提交 with an e-licence: a material the applicant's valid licence satisfies needs no upload (held-licences.ts).
  const byLicence = await materialsByLicence(tx, input.heldLicences, input.applicant, materialPlan(version.record), opener.today)
  const { values, errors } = validateFormValues(withoutLicenceMaterials(form.definition, byLicence), lockedValues(raw, app.values, app.prefill))
  if (errors.length) throw new FormInvalidError(errors.map((e) => ({ field: e.path, message: `${e.message} ${e.messageEn}` })))
  await checkUploadsOwned(tx, input.applicant, values, form.definition)

  const seq = await sql<{ n: string }>`select nextval('case_ref_seq')::text as n`.execute(tx)
  const today = opener.today
  const refNo = makeRefNo(today, seq.rows[0]!.n)
  const profile = await getCitizenProfile(tx, input.applicant.citizenId)
  const record = version.record
  const materials = []
  for (const { index, material, disposition } of materialPlan(record)) {
    let row: { provided_by: 'upload' | 'shared' | 'licence' | null; upload_id: string | null; dataset: string | null; trust_level: string | null; licence_ref?: string } = { provided_by: null, upload_id: null, dataset: null, trust_level: null }
    const licensed = byLicence.has(index) ? await licenceMaterialRow(tx, input.heldLicences, input.applicant, material, { today, refNo, itemName: app.item_name }) : null
    if (licensed) row = licensed
    else if (disposition === 'upload') {
      const ids = values[`material${index}`]
      const first = Array.isArray(ids) && typeof ids[0] === 'string' ? ids[0] : null
      if (first) row = { provided_by: 'upload', upload_id: first, dataset: null, trust_level: null }
    } else if (disposition === 'shared') {
      const shared = await satisfyFromSharedData(tx, deps.secrets, input.applicant, material, { refNo, itemName: app.item_name, verified: !!profile?.verified })
      if (shared) row = { provided_by: 'shared', upload_id: null, dataset: shared.dataset, trust_level: shared.trustLevel }
    } else row = { provided_by: null, upload_id: null, dataset: 'form', trust_level: null }
    materials.push({
      application_id: app.id, material_index: index, name: material.name, required: material.required !== false,
      licence_ref: null, ...row, received_at: row.provided_by || row.dataset === 'form' ? now : null,
    })
  }
  // One statement for all materials (each round trip inside the transaction counts: bench/submission.ts).
  if (materials.length) await tx.insertInto('application_materials').values(materials).execute()
  const applicantName = applicantNameOf(values, profile?.name ?? input.applicant.name)
  const queryCode = queryCodeFor(deps.secrets, refNo)
  await tx.updateTable('applications').set({
    status: 'submitted', values: JSON.stringify(values), ref_no: refNo, query_code_hash: deps.secrets.pseudonym('query-code-check', `${refNo}:${queryCode}`),
    idempotency_key: key, channel: input.channel ?? 2, submitted_at: now, updated_at: now,
  }).where('id', '=', app.id).execute()
  const opened = await opener.open(tx, {
    applicationId: app.id, refNo, item: { id: app.item_id, version: app.item_version, code: app.item_code, name: app.item_name, caseKind: record.caseKind, statutoryDays: record.statutoryDays, promisedDays: record.promisedDays },
    departmentId: item.department_id, regionCode: item.region_code, applicantCitizenId: app.applicant_citizen_id, subjectEnterpriseId: app.subject_enterprise_id,
    applicantName, actor: { kind: 'citizen', id: input.applicant.filerId, name: input.applicant.name },
  })
  // Audit last, in one batch with the case's entry: the chain's head is locked from here to commit, and every
  // concurrent submission queues on it (bench/submission.ts).
  await recordAuditBatch(tx, [...opened.audit, { actor: { type: 'citizen', id: input.applicant.filerId, name: input.applicant.name }, action: 'application.submitted', subject: { type: 'application', id: app.id }, details: { refNo, caseId: opened.caseId } }])
  return { applicationId: app.id, caseId: opened.caseId, refNo, queryCode, preReviewDue: opened.preReviewDue, replayed: false }
}

function applicantNameOf(values: FormValues, fallback: string): string {
  const v = values.entName ?? values.name
  return (typeof v === 'string' && v.trim() ? v.trim() : fallback).slice(0, 100)
}

async function receiptOf(tx: Executor, secrets: Secrets, applicationId: string, replayed: boolean): Promise<Receipt> {
  const r = await tx.selectFrom('applications as a').innerJoin('cases as c', 'c.application_id', 'a.id').select(['a.id', 'a.ref_no', 'c.id as case_id', 'c.pre_review_due']).where('a.id', '=', applicationId).executeTakeFirstOrThrow()
  return { applicationId: r.id, caseId: r.case_id, refNo: r.ref_no!, queryCode: queryCodeFor(secrets, r.ref_no!), preReviewDue: r.pre_review_due, replayed }
}

/** Every file field may only name uploads of this applicant (or of the enterprise they act for). */
export async function checkUploadsOwned(tx: Executor, who: ApplicantActor, values: FormValues, def: FormDefinition): Promise<void> {
  const fileKeys = new Set(allFields(def).filter((f) => f.type === 'file').map((f) => f.key))
  const ids = Object.entries(values).filter(([k, v]) => fileKeys.has(k) && Array.isArray(v)).flatMap(([, v]) => v as unknown[]).filter((x): x is string => typeof x === 'string')
  if (ids.length === 0) return
  const rows = await tx.selectFrom('uploads').select(['id', 'owner_citizen_id', 'acting_enterprise_id']).where('id', 'in', ids).execute()
  const mine = new Set(rows.filter((r) => mayOpenUpload(r, { citizenId: who.filerId, enterpriseId: who.actingEnterpriseId ?? null })).map((r) => r.id))
  const bad = ids.filter((i) => !mine.has(i))
  if (bad.length) throw new ValidationError('所附文件不存在或不属于您，请重新上传。 A file is missing or not yours; upload it again.', [{ field: 'materials', message: '请重新上传材料文件。 Upload the file again.' }], 'upload_not_owned')
}
