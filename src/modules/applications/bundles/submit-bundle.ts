import { sql } from 'kysely'
import { recordAudit } from '../../../platform/audit'
import type { DB, Executor } from '../../../platform/database'
import { ValidationError } from '../../../platform/errors'
import type { Secrets } from '../../../platform/secrets'
import { validateFormValues, type FieldError, type FormValues } from '../../catalog'
import type { ApplicantActor } from '../applicant'
import { FormInvalidError } from '../application-errors'
import type { CaseOpener } from '../case-opener'
import { lockedValues } from '../draft-values'
import type { HeldLicences } from '../held-licences'
import { queryCodeFor } from '../query-code'
import { makeRefNo } from '../ref-no'
import { submitInTx, type Receipt } from '../submit-application'
import { getBundleDefinition } from './bundle-definitions'
import { bundleNotDraft } from './bundle-errors'
import { withBundleLicences } from './bundle-licences'
import { loadBundleDraft, type BundleDraft } from './bundle-load'
import { mergedErrors, splitValues } from './merge-forms'

export type SubmitBundleInput = {
  bundleId: string
  applicant: ApplicantActor
  /** The last values on the page (optional: the saved bundle draft is used otherwise). */
  values?: unknown
  /** Idempotency-Key: a retry or replay with the same key returns the first receipt. */
  idempotencyKey?: string | null
  now?: Date
}
export type BundleReceipt = { bundleId: string; refNo: string; replayed: boolean; cases: (Receipt & { itemCode: string; itemName: string })[] }

const KEY_RE = /^[A-Za-z0-9._:-]{8,100}$/

/**
 * Submits a 一件事: validates the merged form, splits the answers back into each item's own values, validates
 * each item's pinned form (its errors mapped back onto the merged fields — all of them at once), then submits
 * every application — each opens its own case in its own department, whose first step starts at once, so the
 * departments work in parallel. ONE transaction: all cases or none. The bundle row is locked first, so a
 * double-click, a retry or a replay (same bundle, or the same Idempotency-Key) returns the first receipt.
 * With `deps.heldLicences`, a material the applicant's valid e-licence satisfies needs no upload in any item
 * (bundle-licences.ts); each case records it from the licence and logs the read with its own 办件编号.
 */
export async function submitBundle(deps: { db: DB; secrets: Secrets; caseOpener: CaseOpener; heldLicences?: HeldLicences | undefined }, input: SubmitBundleInput): Promise<BundleReceipt> {
  const key = input.idempotencyKey?.trim() || null
  if (key && !KEY_RE.test(key)) throw new ValidationError('Idempotency-Key 须为8到100位字母、数字或 ._:- 。 Invalid Idempotency-Key.', [{ field: 'idempotencyKey', message: '格式不正确。 Invalid.' }], 'idempotency_key_invalid')
  const now = input.now ?? new Date()
  const opener = await deps.caseOpener.prepare(now)
  return deps.db.transaction().execute(async (tx) => {
    const loaded = await loadBundleDraft(tx, input.bundleId, input.applicant, { lock: true })
    const { row, apps } = loaded
    if (key) {
      const earlier = await tx.selectFrom('bundle_applications').select('id').where('applicant_citizen_id', '=', row.applicant_citizen_id).where('idempotency_key', '=', key).executeTakeFirst()
      if (earlier && earlier.id !== row.id) return bundleReceipt(tx, deps.secrets, earlier.id, true)
    }
    if (row.status === 'submitted') return bundleReceipt(tx, deps.secrets, row.id, true)
    if (row.status !== 'draft') throw bundleNotDraft()
    // 免提交 with an e-licence (bundle-licences.ts): the upload fields a valid licence satisfies are not asked; each
    // item's submitInTx records the material from the licence and logs the read with its own 办件编号.
    const draft = await withBundleLicences(tx, deps.heldLicences, input.applicant, loaded, opener.today)

    const { values, parts, errors } = checkBundleValues(draft, input.values === undefined ? row.values : input.values)
    if (errors.length) throw new FormInvalidError(errors.map((e) => ({ field: e.path, message: `${e.message} ${e.messageEn}` })))

    const cases: BundleReceipt['cases'] = []
    for (const [i, a] of apps.entries()) {
      const receipt = await submitInTx(tx, deps.secrets, opener, { applicationId: a.id, applicant: input.applicant, values: parts[i], idempotencyKey: null, now, asBundleItem: true, heldLicences: deps.heldLicences })
      cases.push({ ...receipt, itemCode: a.item_code, itemName: a.item_name })
    }
    const seq = await sql<{ n: string }>`select nextval('case_ref_seq')::text as n`.execute(tx)
    const refNo = makeRefNo(opener.today, seq.rows[0]!.n)
    await tx.updateTable('bundle_applications').set({ status: 'submitted', values: JSON.stringify(values), ref_no: refNo, idempotency_key: key, submitted_at: now, updated_at: now }).where('id', '=', row.id).execute()
    await recordAudit(tx, {
      actor: { type: 'citizen', id: input.applicant.filerId, name: input.applicant.name }, action: 'bundle.submitted', subject: { type: 'bundle_application', id: row.id },
      details: { bundle: row.bundle_code, refNo, cases: cases.map((c) => ({ item: c.itemCode, refNo: c.refNo, caseId: c.caseId })) },
    })
    return { bundleId: row.id, refNo, replayed: false, cases }
  })
}

/**
 * The merged answers checked as submission checks them: the merged form (locked fields put back), then each item's
 * pinned form on its share of the answers, item errors mapped onto the merged fields (one per field). Pages call
 * it to show every problem before submitting; submitBundle calls it again inside its transaction.
 */
export function checkBundleValues(draft: Pick<BundleDraft, 'row' | 'apps' | 'forms' | 'merged'>, raw: unknown): { values: FormValues; parts: FormValues[]; errors: FieldError[] } {
  const { row, apps, merged } = draft
  const whole = validateFormValues(merged.definition, lockedValues(raw, row.values, row.prefill))
  const parts = splitValues(merged, whole.values)
  const itemErrors: FieldError[][] = apps.map((a, i) => validateFormValues(draft.forms[i]!.definition, lockedValues(parts[i], a.values, a.prefill)).errors)
  const errors = [...whole.errors]
  for (const e of mergedErrors(merged, itemErrors)) if (!errors.some((x) => x.path === e.path)) errors.push(e)
  return { values: whole.values, parts, errors }
}

/** The receipt of a submitted bundle (its cases in bundle order). */
export async function bundleReceipt(db: Executor, secrets: Secrets, bundleId: string, replayed: boolean): Promise<BundleReceipt> {
  const b = await db.selectFrom('bundle_applications').select(['id', 'ref_no', 'bundle_code']).where('id', '=', bundleId).executeTakeFirstOrThrow()
  const rows = await db.selectFrom('applications as a').innerJoin('cases as c', 'c.application_id', 'a.id')
    .select(['a.id', 'a.ref_no', 'a.item_code', 'a.item_name', 'c.id as case_id', 'c.pre_review_due']).where('a.bundle_application_id', '=', bundleId).execute()
  const order = (code: string) => getBundleDefinition(b.bundle_code)?.items.findIndex((i) => i.code === code) ?? 0
  rows.sort((x, y) => order(x.item_code) - order(y.item_code))
  return {
    bundleId: b.id, refNo: b.ref_no!, replayed,
    cases: rows.map((r) => ({ applicationId: r.id, caseId: r.case_id, refNo: r.ref_no!, queryCode: queryCodeFor(secrets, r.ref_no!), preReviewDue: r.pre_review_due, replayed, itemCode: r.item_code, itemName: r.item_name })),
  }
}
