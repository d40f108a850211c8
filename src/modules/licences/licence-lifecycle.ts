import { sql, type Selectable } from 'kysely'
import type { DB, Executor } from '../../platform/database'
import type { Secrets } from '../../platform/secrets'
import { recordAudit, recordAuditBatch, type Actor } from '../../platform/audit'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors'
import { uuidv7, UUID_RE } from '../../platform/ids'
import type { LicencesTable, LicenceStatus } from '../../platform/schema-licences'
import { shanghaiDate } from '../../platform/calendar/working-calendar'
import { hasRoleIn, type StaffUser } from '../identity'
import { notify } from '../notifications'
import type { Jobs } from '../../platform/jobs'
import { licenceIdentifier } from './crypto'
import { activeKey } from './licence-keys'
import { parseSignedText, signDocument, type LicenceDocument } from './licence-document'
import { validUntilFor } from './issue-licence'

/**
 * The licence lifecycle (issue 5 Deliver 7; standards.md §B.5 证照状态): 暂扣 (suspend) and 暂扣发还 (reinstate),
 * 撤销 (revoke, final), 延续 (renew) and 变更 (change) — both a NEW signed version linked to its predecessor (关联证照标识),
 * which becomes `superseded` — and 过期失效 (automatic expiry, a daily job). Each is one operation: lock the row,
 * check the state and the officer's department, change, event, audit — in one transaction.
 */
export type LicenceRow = Selectable<LicencesTable>
/** `jobs`: when given, the holder is told of every change (inbox + SMS/e-mail outbox, in the same transaction). */
export type LicenceDeps = { db: DB; secrets: Secrets; jobs?: Jobs }

/** 状态代码 (standards.md §B.5, MOHURD example): what the status list and the API report beside our words. */
export const LICENCE_STATUS: Record<LicenceStatus, { code: string; zh: string; en: string }> = {
  valid: { code: '01', zh: '有效', en: 'Valid' },
  suspended: { code: '02', zh: '暂扣', en: 'Suspended' },
  revoked: { code: '03', zh: '撤销', en: 'Revoked' },
  expired: { code: '05', zh: '失效（已过有效期）', en: 'Expired' },
  superseded: { code: '99', zh: '已被新版本替代', en: 'Superseded by a newer version' },
}

/** Who may change a licence: an officer or head of the issuing department. */
export const mayManageLicence = (u: Pick<StaffUser, 'grants'>, issuerDepartmentId: string) =>
  hasRoleIn(u, 'department_officer', { departmentId: issuerDepartmentId }) || hasRoleIn(u, 'department_head', { departmentId: issuerDepartmentId })

const staffActor = (s: StaffUser): Actor => ({ type: 'staff', id: s.id, name: s.displayName })

function requireReason(reason: string | null | undefined): string {
  const r = (reason ?? '').trim()
  if (r.length < 2 || r.length > 500) throw new ValidationError('请填写理由（2–500字）：持证人会看到这段文字。 Give a reason (2–500 characters); the holder will see it.', [{ field: 'reason', message: '请填写理由（2–500字）。' }], 'reason_required')
  return r
}

async function lockLicence(tx: Executor, id: string): Promise<LicenceRow> {
  if (!UUID_RE.test(id)) throw new NotFoundError('找不到该电子证照。请检查证照链接。 Licence not found.', 'licence_not_found')
  const row = await tx.selectFrom('licences').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
  if (!row) throw new NotFoundError('找不到该电子证照。请检查证照链接。 Licence not found.', 'licence_not_found')
  return row
}

function ensureVersion(row: LicenceRow, expected: number | undefined) {
  if (expected !== undefined && row.lock_version !== expected) throw new ConflictError('该证照已被他人更新，请刷新页面后再操作。 The licence changed meanwhile; reload the page.', 'licence_changed')
}

function ensureStatus(row: LicenceRow, allowed: LicenceStatus[], what: string) {
  if (!allowed.includes(row.status)) throw new ConflictError(`该证照当前状态为“${LICENCE_STATUS[row.status].zh}”，不能${what}。 Not allowed in the current status.`, 'licence_status')
}

async function event(tx: Executor, licenceId: string, action: string, actor: Actor, now: Date, reason: string | null, details: Record<string, unknown> = {}) {
  await tx.insertInto('licence_events').values({ id: uuidv7(now.getTime()), licence_id: licenceId, action, reason, actor_type: actor.type, actor_id: actor.id ?? null, actor_name: actor.name ?? null, at: now, details: JSON.stringify(details) }).execute()
}

const CHANGE_WORDS: Record<string, { zh: string; en: string; next?: string }> = {
  suspended: { zh: '已被暂扣', en: 'suspended', next: '暂扣期间不能使用该证照办事。请在“我的证照”查看理由；整改完成后发证机关可发还。' },
  reinstated: { zh: '已发还，恢复有效', en: 'reinstated' },
  revoked: { zh: '已被撤销', en: 'revoked', next: '该证照已不能使用。对撤销决定不服的，可依法申请行政复议或提起行政诉讼。' },
  renewed: { zh: '已延续，新版本已生效', en: 'renewed', next: '请在“我的证照”下载新版本；旧版本不再有效。' },
  changed: { zh: '已变更，新版本已生效', en: 'changed', next: '请在“我的证照”下载新版本；旧版本不再有效。' },
}

/** The holder's notice (the person, or the enterprise's legal representative). Skipped without a job queue. */
async function tellHolder(tx: Executor, deps: LicenceDeps, row: Pick<LicenceRow, 'id' | 'number' | 'type_code' | 'holder_citizen_id' | 'holder_enterprise_id' | 'lock_version'>, action: string, reason: string | null) {
  if (!deps.jobs) return
  const words = CHANGE_WORDS[action]
  if (!words) return
  let citizenId = row.holder_citizen_id
  if (!citizenId && row.holder_enterprise_id) {
    citizenId = (await tx.selectFrom('enterprises').select('legal_rep_citizen_id').where('id', '=', row.holder_enterprise_id).executeTakeFirst())?.legal_rep_citizen_id ?? null
  }
  if (!citizenId) return
  const type = await tx.selectFrom('licence_types').select('name').where('code', '=', row.type_code).executeTakeFirst()
  await notify(tx, deps.jobs, {
    to: { kind: 'citizen', id: citizenId }, event: 'licence.updated', dedupeKey: `licence.${action}:${row.id}:${row.lock_version}`,
    data: { licenceName: type?.name ?? '', number: row.number, change: words.zh, changeEn: words.en, ...(reason ? { reason } : {}), ...(words.next ? { next: words.next } : {}), link: `/me/licences/${row.id}` },
  })
}

type StatusInput = { licenceId: string; staff: StaffUser; reason?: string | null; expectedVersion?: number; now?: Date }

async function setStatus(deps: LicenceDeps, input: StatusInput, from: LicenceStatus[], to: LicenceStatus, action: string, what: string, needsReason: boolean) {
  const reason = needsReason ? requireReason(input.reason) : (input.reason?.trim() || null)
  const now = input.now ?? new Date()
  return deps.db.transaction().execute(async (tx) => {
    const row = await lockLicence(tx, input.licenceId)
    if (!mayManageLicence(input.staff, row.issuer_department_id)) throw new ForbiddenError(`只有发证部门的承办人员或负责人可以${what}。 Only the issuing department may do this.`)
    ensureVersion(row, input.expectedVersion)
    ensureStatus(row, from, what)
    const updated = await tx.updateTable('licences').set({ status: to, status_reason: reason, status_changed_at: now, lock_version: row.lock_version + 1 }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow()
    await event(tx, row.id, action, staffActor(input.staff), now, reason, { from: row.status, to })
    await recordAudit(tx, { actor: staffActor(input.staff), action: `licence.${action}`, subject: { type: 'licence', id: row.id }, reason, details: { identifier: row.identifier, from: row.status, to } })
    await tellHolder(tx, deps, row, action, reason)
    return updated
  })
}

/** 暂扣: a valid licence is suspended (reason required). */
export const suspendLicence = (deps: LicenceDeps, input: StatusInput) => setStatus(deps, input, ['valid'], 'suspended', 'suspended', '暂扣', true)
/** 暂扣发还: a suspended licence is valid again. */
export const reinstateLicence = (deps: LicenceDeps, input: StatusInput) => setStatus(deps, input, ['suspended'], 'valid', 'reinstated', '发还', false)
/** 撤销: final; the reason is shown to anyone who checks it. */
export const revokeLicence = (deps: LicenceDeps, input: StatusInput) => setStatus(deps, input, ['valid', 'suspended'], 'revoked', 'revoked', '撤销', true)

/** A new signed version of `prev` (延续/变更): same number and serial, version + 1, the predecessor superseded. */
async function newVersion(tx: Executor, deps: LicenceDeps, prev: LicenceRow, change: { fields?: LicenceDocument['fields']; validUntil: string | null; today: string }, actor: Actor, now: Date, action: string, reason: string | null) {
  const old = parseSignedText(prev.signed_json)
  if (!old) throw new ConflictError('该证照的存档内容无法读取，不能延续或变更。请联系系统管理员核查。 The stored licence cannot be read.', 'licence_unreadable')
  if (prev.version >= 999) throw new ConflictError('证照版本号已达上限。 Version limit reached.', 'licence_version_limit')
  const key = await activeKey(tx, deps.secrets, prev.issuer_department_id, now)
  const version = prev.version + 1
  const identifier = licenceIdentifier({ typeCode: prev.type_code, issuerUscc: old.issuer.uscc, serial: prev.serial, version })
  const doc: LicenceDocument = { ...old, identifier, version, fields: change.fields ?? old.fields, issuedOn: change.today, validFrom: change.today, validUntil: change.validUntil, predecessor: prev.identifier, kid: key.kid, alg: key.algorithm }
  const signed = signDocument(doc, key)
  const id = uuidv7(now.getTime())
  await tx.updateTable('licences').set({ status: 'superseded', status_reason: `${action === 'renewed' ? '延续' : '变更'}为第${version}版`, status_changed_at: now, lock_version: prev.lock_version + 1 }).where('id', '=', prev.id).execute()
  const row = await tx.insertInto('licences').values({
    id, identifier, type_code: prev.type_code, number: prev.number, serial: prev.serial, version, predecessor_id: prev.id, holder_kind: prev.holder_kind,
    holder_name: prev.holder_name, holder_id_type: prev.holder_id_type, holder_code: prev.holder_code, holder_citizen_id: prev.holder_citizen_id,
    holder_enterprise_id: prev.holder_enterprise_id, issuer_department_id: prev.issuer_department_id, issued_on: change.today, valid_from: change.today,
    valid_until: change.validUntil, trust_level: prev.trust_level, case_id: prev.case_id, item_code: prev.item_code, signed_json: signed.text,
    signature: signed.signature, compact_payload: signed.compact, kid: key.kid, issued_by: actor.id ?? null, created_at: now,
  }).returningAll().executeTakeFirstOrThrow()
  await event(tx, prev.id, 'superseded', actor, now, reason, { successor: identifier })
  await event(tx, id, action, actor, now, reason, { predecessor: prev.identifier })
  await recordAudit(tx, { actor, action: `licence.${action}`, subject: { type: 'licence', id }, reason, details: { identifier, predecessor: prev.identifier } })
  await tellHolder(tx, deps, row, action, reason)
  return row
}

/** 延续: a valid (or expired) licence gets a new version valid from today for the type's period. */
export async function renewLicence(deps: LicenceDeps, input: StatusInput) {
  const now = input.now ?? new Date()
  const today = shanghaiDate(now)
  return deps.db.transaction().execute(async (tx) => {
    const row = await lockLicence(tx, input.licenceId)
    if (!mayManageLicence(input.staff, row.issuer_department_id)) throw new ForbiddenError('只有发证部门的承办人员或负责人可以延续证照。 Only the issuing department may renew it.')
    ensureVersion(row, input.expectedVersion)
    ensureStatus(row, ['valid', 'expired'], '延续')
    const type = await tx.selectFrom('licence_types').select('validity_years').where('code', '=', row.type_code).executeTakeFirstOrThrow()
    if (!type.validity_years) throw new ConflictError('该证照长期有效，无需延续。 This licence does not expire.', 'licence_no_expiry')
    return newVersion(tx, deps, row, { validUntil: validUntilFor(today, type.validity_years), today }, staffActor(input.staff), now, 'renewed', input.reason?.trim() || null)
  })
}

/** 变更: change face fields (by key; only the type's fields); a new version with the same validity. */
export async function changeLicence(deps: LicenceDeps, input: StatusInput & { changes: Record<string, string> }) {
  const reason = requireReason(input.reason)
  const now = input.now ?? new Date()
  const today = shanghaiDate(now)
  return deps.db.transaction().execute(async (tx) => {
    const row = await lockLicence(tx, input.licenceId)
    if (!mayManageLicence(input.staff, row.issuer_department_id)) throw new ForbiddenError('只有发证部门的承办人员或负责人可以变更证照。 Only the issuing department may change it.')
    ensureVersion(row, input.expectedVersion)
    ensureStatus(row, ['valid'], '变更')
    const old = parseSignedText(row.signed_json)
    const type = await tx.selectFrom('licence_types').select('fields').where('code', '=', row.type_code).executeTakeFirstOrThrow()
    const known = new Map((type.fields as unknown as { key: string; label: string }[]).map((f) => [f.key, f.label]))
    const errors = Object.entries(input.changes).flatMap(([k, v]) => (!known.has(k) ? [{ field: `changes.${k}`, message: '该证照类型没有这一项。' }] : v.trim().length === 0 || v.length > 1000 ? [{ field: `changes.${k}`, message: '请填写1–1000字。' }] : []))
    if (errors.length || !Object.keys(input.changes).length) throw new ValidationError('变更内容有误：只能修改该证照类型的栏目，每项1–1000字。 Invalid changes.', errors.length ? errors : [{ field: 'changes', message: '请至少修改一项。' }], 'licence_changes_invalid')
    const fields = [...(old?.fields ?? [])]
    for (const [k, v] of Object.entries(input.changes)) {
      const i = fields.findIndex((f) => f.key === k)
      if (i >= 0) fields[i] = { ...fields[i]!, value: v.trim() }
      else fields.push({ key: k, label: known.get(k)!, value: v.trim() })
    }
    return newVersion(tx, deps, row, { fields, validUntil: row.valid_until, today }, staffActor(input.staff), now, 'changed', reason)
  })
}

/** 过期失效: every valid or suspended licence whose last valid day is before `today` (the daily job). */
export async function expireDueLicences(db: DB, today: string, now = new Date()): Promise<number> {
  return db.transaction().execute(async (tx) => {
    const rows = await tx.updateTable('licences').set({ status: 'expired', status_reason: '已过有效期', status_changed_at: now, lock_version: sql`lock_version + 1` })
      .where('status', 'in', ['valid', 'suspended']).where('valid_until', '<', today).returning(['id', 'identifier']).execute()
    if (!rows.length) return 0
    const actor: Actor = { type: 'system', name: 'licence-expiry' }
    await tx.insertInto('licence_events').values(rows.map((r) => ({ id: uuidv7(now.getTime()), licence_id: r.id, action: 'expired', reason: '已过有效期', actor_type: 'system', actor_id: null, actor_name: 'licence-expiry', at: now, details: '{}' }))).execute()
    await recordAuditBatch(tx, [{ actor, action: 'licence.expired', subject: { type: 'licence' }, details: { count: rows.length, identifiers: rows.slice(0, 100).map((r) => r.identifier) } }])
    return rows.length
  })
}
