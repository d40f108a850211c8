import { sql } from 'kysely'
import { recordAuditBatch } from '../../platform/audit'
import type { DB, Executor } from '../../platform/database'
import { ValidationError } from '../../platform/errors'
import { UUID_RE } from '../../platform/ids'
import type { Secrets } from '../../platform/secrets'
import { getItemFormVersion, getItemVersion, materialPlan, validateFormValues, allFields, type FormDefinition, type FormValues } from '../catalog'
import { citizenProfileQuery, toCitizenProfile } from '../identity'
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
  return deps.db.transaction().execute((tx) => {
    usePinnedCache(tx, deps.db)
    return submitInTx(tx, deps.secrets, opener, { ...input, idempotencyKey: key, now, heldLicences: input.heldLicences ?? deps.heldLicences })
  })
}

type ProfileRow = Parameters<typeof toCitizenProfile>[0]
type UploadRow = { id: string; owner_citizen_id: string; acting_enterprise_id: string | null }

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
  // One round trip: the row lock, the Idempotency-Key lookup and the item's current status and department.
  const row = await tx.selectFrom('applications as a')
    .leftJoin('service_items as si', 'si.id', 'a.item_id')
    .selectAll('a')
    .select(['si.status as item_status', 'si.department_id as item_department_id', 'si.region_code as item_region_code'])
    .select(key
      ? sql<string | null>`(select e.id from applications e where e.applicant_citizen_id = a.applicant_citizen_id and e.idempotency_key = ${key} and e.id <> a.id limit 1)`.as('earlier_id')
      : sql<string | null>`null::uuid`.as('earlier_id'))
    .where('a.id', '=', input.applicationId).forUpdate('a').executeTakeFirst()
  if (!row || !isApplicantOf(input.applicant, row)) throw applicationNotFound()
  const { item_status, item_department_id, item_region_code, earlier_id, ...app } = row
  if (earlier_id) return receiptOf(tx, deps.secrets, earlier_id, true)
  if (app.status === 'submitted') return receiptOf(tx, deps.secrets, app.id, true)
  if (app.status !== 'draft') throw notADraft()
  // A 一件事 item is filled and submitted through its bundle (one merged form, all cases or none).
  if (app.bundle_application_id && !input.asBundleItem) throw bundleItem()

  const { version, form } = await pinnedVersion(tx, app.item_id, app.item_version, app.form_version)
  const item = item_status ? { status: item_status, department_id: item_department_id!, region_code: item_region_code } : undefined
  if (!version || !form || !item || item.status !== 'published') throw itemUnavailable()
  const raw = input.values === undefined ? app.values : input.values
  // 免提交 with an e-licence: a material the applicant's valid licence satisfies needs no upload (held-licences.ts).
  const byLicence = await materialsByLicence(tx, input.heldLicences, input.applicant, materialPlan(version.record), opener.today)
  const { values, errors } = validateFormValues(withoutLicenceMaterials(form.definition, byLicence), lockedValues(raw, app.values, app.prefill))
  if (errors.length) throw new FormInvalidError(errors.map((e) => ({ field: e.path, message: `${e.message} ${e.messageEn}` })))
  // One round trip: the uploads the file fields name (ownership), the applicant's profile and the 办件编号's
  // sequence number. A number taken by a submission that then fails is lost, as with any rollback.
  const fileIds = fileIdsOf(values, form.definition)
  const got = (await tx.selectNoFrom([
    sql<string>`nextval('case_ref_seq')::text`.as('n'),
    sql<ProfileRow | null>`(select to_jsonb(p) from (${citizenProfileQuery(tx, input.applicant.citizenId)}) p)`.as('profile'),
    sql<UploadRow[]>`(select coalesce(jsonb_agg(u), '[]'::jsonb) from (${uploadsQuery(tx, fileIds)}) u)`.as('uploads'),
  ]).executeTakeFirstOrThrow())
  assertUploadsOwned(input.applicant, fileIds, got.uploads)
  const today = opener.today
  const refNo = makeRefNo(today, got.n)
  const profile = got.profile ? toCitizenProfile(got.profile) : null
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
    // The submitted notice goes to the applicant: their phone and e-mail were just read with the profile.
    applicantContact: profile && app.applicant_citizen_id === input.applicant.citizenId ? { phone: profile.phone, email: profile.email } : undefined,
  })
  // Audit last, in one batch with the case's entry: the chain's head is locked from here to commit, and every
  // concurrent submission queues on it (bench/submission.ts).
  await recordAuditBatch(tx, [...opened.audit, { actor: { type: 'citizen', id: input.applicant.filerId, name: input.applicant.name }, action: 'application.submitted', subject: { type: 'application', id: app.id }, details: { refNo, caseId: opened.caseId } }])
  return { applicationId: app.id, caseId: opened.caseId, refNo, queryCode, preReviewDue: opened.preReviewDue, replayed: false }
}

/**
 * An item version and a form version never change once stored (catalog: every save is a new version), so the pair
 * an application pinned is read once per process and database: two round trips fewer in every submission. Keyed by
 * the database the rows were read through (tests run many databases in one process); a missing version is not kept.
 */
const pinned = new WeakMap<object, Map<string, { version: NonNullable<Awaited<ReturnType<typeof getItemVersion>>>; form: NonNullable<Awaited<ReturnType<typeof getItemFormVersion>>> }>>()
let pinnedDb: WeakMap<object, object> | undefined
function usePinnedCache(tx: Executor, db: object): void {
  ;(pinnedDb ??= new WeakMap()).set(tx, db)
}
async function pinnedVersion(tx: Executor, itemId: string, itemVersion: number, formVersion: number) {
  const db = pinnedDb?.get(tx)
  const cache = db ? (pinned.get(db) ?? pinned.set(db, new Map()).get(db)!) : undefined
  const k = `${itemId}:${itemVersion}:${formVersion}`
  const hit = cache?.get(k)
  if (hit) return hit
  const version = await getItemVersion(tx, itemId, itemVersion)
  const form = await getItemFormVersion(tx, itemId, formVersion, { itemVersion })
  if (version && form && cache) {
    if (cache.size > 1000) cache.clear()
    cache.set(k, { version, form })
  }
  return { version, form }
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
  const ids = fileIdsOf(values, def)
  if (ids.length) assertUploadsOwned(who, ids, await uploadsQuery(tx, ids).execute())
}

/** The upload ids the form's file fields name. */
function fileIdsOf(values: FormValues, def: FormDefinition): string[] {
  const fileKeys = new Set(allFields(def).filter((f) => f.type === 'file').map((f) => f.key))
  return Object.entries(values).filter(([k, v]) => fileKeys.has(k) && Array.isArray(v)).flatMap(([, v]) => v as unknown[]).filter((x): x is string => typeof x === 'string')
}

/** The owner columns of those uploads (no row for an unknown or malformed id). */
function uploadsQuery(tx: Executor, ids: string[]) {
  const valid = ids.filter((i) => UUID_RE.test(i))
  const q = tx.selectFrom('uploads').select(['id', 'owner_citizen_id', 'acting_enterprise_id'])
  return valid.length ? q.where('id', 'in', valid) : q.where(sql<boolean>`false`)
}

function assertUploadsOwned(who: ApplicantActor, ids: string[], rows: { id: string; owner_citizen_id: string; acting_enterprise_id: string | null }[]): void {
  const mine = new Set(rows.filter((r) => mayOpenUpload(r, { citizenId: who.filerId, enterpriseId: who.actingEnterpriseId ?? null })).map((r) => r.id))
  const bad = ids.filter((i) => !mine.has(i))
  if (bad.length) throw new ValidationError('所附文件不存在或不属于您，请重新上传。 A file is missing or not yours; upload it again.', [{ field: 'materials', message: '请重新上传材料文件。 Upload the file again.' }], 'upload_not_owned')
}
