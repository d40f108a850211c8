import { createHash, randomInt } from 'node:crypto'
import { sql } from 'kysely'
import { recordAudit, type Actor } from '../../../platform/audit'
import { shanghaiDate } from '../../../platform/calendar'
import type { DB, Executor } from '../../../platform/database'
import { ConflictError, DomainError, NotFoundError, ValidationError, type FieldError } from '../../../platform/errors'
import { uuidv7, UUID_RE } from '../../../platform/ids'
import type { Secrets } from '../../../platform/secrets'
import { recordDataUse } from '../../exchange'
import type { StaffUser } from '../../identity'
import { LICENCE_STATUS, type LicenceRow } from '../licence-lifecycle'
import { parseSignedText, type LicenceDocument } from '../licence-document'
import { verifyLicenceById, type Verification } from '../verify-licence'
import { getWalletLicence, shareCodeState, statusOn, type WalletHolder } from './wallet-queries'

/**
 * 用证码 (standards.md §B.5 用证授权): the holder lets ONE named department see ONE licence, for a stated purpose,
 * once, within a short time (LICENCE_SHARE_CODE_MINUTES, default 30). The code — 8 characters from an alphabet
 * without look-alikes (no 0/O, 1/I/L) — is shown once; only its SHA-256 is stored. The department's staff enter it
 * at /admin/licences/redeem: a valid, unexpired, unused code for THEIR department is consumed in one transaction
 * and the licence is shown with its verification; the use is recorded through the exchange (dataset
 * licence.e-licence), so it appears in the holder's 我的数据使用记录. Failed attempts are audited and limited per
 * staff member (SHARE_CODE_MAX_FAILURES in SHARE_CODE_WINDOW_MS).
 */
export const SHARE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const SHARE_CODE_LENGTH = 8
export const SHARE_CODE_MAX_FAILURES = 10
export const SHARE_CODE_WINDOW_MS = 15 * 60 * 1000
export const LICENCE_DATASET = 'licence.e-licence'
const LICENCE_FIELDS = ['identifier', 'typeName', 'number', 'holder', 'face', 'validity', 'status', 'trustLevel']

export const hashShareCode = (code: string) => createHash('sha256').update(code, 'utf8').digest('hex')

export function newShareCode(): string {
  let s = ''
  for (let i = 0; i < SHARE_CODE_LENGTH; i++) s += SHARE_CODE_ALPHABET[randomInt(SHARE_CODE_ALPHABET.length)]
  return s
}

/** What a person types: case, spaces and dashes do not matter ("abcd-2345" = "ABCD2345"). Null when it cannot be a code. */
export function normaliseShareCode(input: string): string | null {
  const s = (input ?? '').toUpperCase().replace(/[\s-]/g, '')
  if (s.length !== SHARE_CODE_LENGTH) return null
  for (const ch of s) if (!SHARE_CODE_ALPHABET.includes(ch)) return null
  return s
}

/** 4 + 4 for reading aloud: ABCD-2345. */
export const formatShareCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`

export type CreateShareCodeInput = { licenceId: string; holder: WalletHolder; citizen: { id: string; name: string }; departmentId: string; purpose: string; ttlMinutes: number; now?: Date }

export async function createShareCode(deps: { db: DB }, input: CreateShareCodeInput): Promise<{ id: string; code: string; expiresAt: Date; departmentName: string; purpose: string }> {
  const now = input.now ?? new Date()
  const purpose = (input.purpose ?? '').trim().replace(/\s+/g, ' ')
  return deps.db.transaction().execute(async (tx) => {
    const row = await getWalletLicence(tx, input.holder, input.licenceId)
    const status = statusOn(row, shanghaiDate(now))
    if (status !== 'valid') throw new ConflictError(`该证照当前状态为“${LICENCE_STATUS[status].zh}”，不能授权他人使用。 Only a valid licence can be shared.`, 'licence_not_usable')
    const errors: FieldError[] = []
    const dept = UUID_RE.test(input.departmentId ?? '') ? await tx.selectFrom('departments').select(['id', 'name']).where('id', '=', input.departmentId).executeTakeFirst() : undefined
    if (!dept) errors.push({ field: 'departmentId', message: '请选择要查看证照的部门。 Choose the department that will check it.' })
    if (purpose.length < 2 || purpose.length > 200) errors.push({ field: 'purpose', message: '请填写用途（2–200字），例如“办理食品经营许可证延续”。 Say what it is for (2–200 characters).' })
    if (errors.length || !dept) throw new ValidationError('用证码信息有误，请按提示修改。 Check the details.', errors, 'share_code_invalid')
    const expiresAt = new Date(now.getTime() + input.ttlMinutes * 60_000)
    const id = uuidv7(now.getTime())
    let code = newShareCode()
    // 31^8 ≈ 8.5 × 10^11 codes; a clash with a stored hash is retried (the unique index would refuse it anyway).
    for (let i = 0; i < 3 && (await tx.selectFrom('licence_share_codes').select('id').where('code_hash', '=', hashShareCode(code)).executeTakeFirst()); i++) code = newShareCode()
    await tx.insertInto('licence_share_codes').values({ id, code_hash: hashShareCode(code), licence_id: row.id, created_by_citizen_id: input.citizen.id, department_id: dept.id, purpose, created_at: now, expires_at: expiresAt }).execute()
    await tx.insertInto('licence_events').values({ id: uuidv7(now.getTime()), licence_id: row.id, action: 'share_code_created', reason: purpose, actor_type: 'citizen', actor_id: input.citizen.id, actor_name: input.citizen.name, at: now, details: JSON.stringify({ shareCodeId: id, departmentId: dept.id, department: dept.name, expiresAt: expiresAt.toISOString() }) }).execute()
    await recordAudit(tx, { actor: { type: 'citizen', id: input.citizen.id, name: input.citizen.name }, action: 'licence.share_code_created', subject: { type: 'licence', id: row.id }, details: { shareCodeId: id, departmentId: dept.id, purpose, expiresAt: expiresAt.toISOString() } })
    return { id, code, expiresAt, departmentName: dept.name, purpose }
  })
}

/** 取消: the holder withdraws an unused code before it is used. */
export async function cancelShareCode(deps: { db: DB }, input: { licenceId: string; holder: WalletHolder; citizen: { id: string; name: string }; shareCodeId: string; now?: Date }): Promise<void> {
  const now = input.now ?? new Date()
  await deps.db.transaction().execute(async (tx) => {
    const row = await getWalletLicence(tx, input.holder, input.licenceId)
    const code = UUID_RE.test(input.shareCodeId ?? '') ? await tx.selectFrom('licence_share_codes').selectAll().where('id', '=', input.shareCodeId).where('licence_id', '=', row.id).forUpdate().executeTakeFirst() : undefined
    if (!code) throw new NotFoundError('找不到这个用证码。请刷新证照页面后再试。 Share code not found; reload the page.', 'share_code_not_found')
    const state = shareCodeState(code, now)
    if (state !== 'active') throw new ConflictError(state === 'used' ? '这个用证码已被使用，无法取消。 Already used.' : state === 'expired' ? '这个用证码已过期，无需取消。 Already expired.' : '这个用证码已取消。 Already cancelled.', `share_code_${state}`)
    await tx.updateTable('licence_share_codes').set({ cancelled_at: now }).where('id', '=', code.id).execute()
    await tx.insertInto('licence_events').values({ id: uuidv7(now.getTime()), licence_id: row.id, action: 'share_code_cancelled', reason: null, actor_type: 'citizen', actor_id: input.citizen.id, actor_name: input.citizen.name, at: now, details: JSON.stringify({ shareCodeId: code.id }) }).execute()
    await recordAudit(tx, { actor: { type: 'citizen', id: input.citizen.id, name: input.citizen.name }, action: 'licence.share_code_cancelled', subject: { type: 'licence', id: row.id }, details: { shareCodeId: code.id } })
  })
}

/** Why a code was refused: one clear message each; unknown and wrong department never reveal a licence. */
export type RedeemRefusal = 'share_code_unknown' | 'share_code_wrong_department' | 'share_code_used' | 'share_code_expired' | 'share_code_cancelled' | 'share_code_throttled' | 'share_code_no_department'
const REFUSALS: Record<RedeemRefusal, [number, string]> = {
  share_code_unknown: [404, '没有这个用证码。请核对后重新输入（8位，不区分大小写），或请持证人在“我的证照”中重新生成。 No such code: check it, or ask the holder for a new one.'],
  share_code_wrong_department: [404, '这个用证码不是授权给您所在部门的，无法查看。请持证人为您的部门重新生成用证码。 This code was not issued for your department; ask the holder for a code for your department.'],
  share_code_used: [409, '这个用证码已经使用过（一次有效）。如需再次查看，请持证人重新生成。 This code was already used (one-time); ask the holder for a new one.'],
  share_code_expired: [409, '这个用证码已过期。请持证人重新生成后在有效时间内使用。 This code has expired; ask the holder for a new one.'],
  share_code_cancelled: [409, '持证人已取消这个用证码。如需查看，请与持证人联系。 The holder cancelled this code; contact them.'],
  share_code_throttled: [429, '输入错误次数过多，请15分钟后再试。如确需查看，请持证人当面出示证照二维码。 Too many failed attempts; try again in 15 minutes.'],
  share_code_no_department: [403, '只有在部门任职的工作人员（窗口人员、审批人员、部门负责人）可以使用用证码。请联系管理员分配岗位。 Only staff with a department role can redeem codes.'],
}
export class ShareCodeRefusedError extends DomainError {
  constructor(readonly refusal: RedeemRefusal) {
    super(refusal, REFUSALS[refusal][1], REFUSALS[refusal][0])
  }
}

/** The departments a staff member works in (a window, officer or head role there). */
export const workingDepartments = (staff: Pick<StaffUser, 'grants'>) =>
  [...new Set(staff.grants.filter((g) => g.departmentId && ['window_officer', 'department_officer', 'department_head'].includes(g.role)).map((g) => g.departmentId!))]

async function recentRedeemFailures(db: Executor, staffId: string, now: Date): Promise<number> {
  const r = await db.selectFrom('audit_log').select(sql<number>`count(*)::int`.as('n'))
    .where('subject_type', '=', 'staff').where('subject_id', '=', staffId).where('action', '=', 'licence.share_code_refused')
    .where('occurred_at', '>', new Date(now.getTime() - SHARE_CODE_WINDOW_MS)).executeTakeFirst()
  return Number(r?.n ?? 0)
}

export type Redeemed = { licence: LicenceRow; document: LicenceDocument | null; verification: Verification; purpose: string; departmentName: string; accessId: string }

export async function redeemShareCode(deps: { db: DB; secrets: Secrets }, input: { code: string; staff: StaffUser; now?: Date }): Promise<Redeemed> {
  const now = input.now ?? new Date()
  const today = shanghaiDate(now)
  const staffActor: Actor = { type: 'staff', id: input.staff.id, name: input.staff.displayName }
  const departments = workingDepartments(input.staff)
  if (!departments.length) throw new ShareCodeRefusedError('share_code_no_department')
  if ((await recentRedeemFailures(deps.db, input.staff.id, now)) >= SHARE_CODE_MAX_FAILURES) throw new ShareCodeRefusedError('share_code_throttled')
  try {
    return await deps.db.transaction().execute(async (tx) => {
      const code = normaliseShareCode(input.code)
      const share = code ? await tx.selectFrom('licence_share_codes').selectAll().where('code_hash', '=', hashShareCode(code)).forUpdate().executeTakeFirst() : undefined
      if (!share) throw new ShareCodeRefusedError('share_code_unknown')
      if (!departments.includes(share.department_id)) throw new ShareCodeRefusedError('share_code_wrong_department')
      const state = shareCodeState(share, now)
      if (state !== 'active') throw new ShareCodeRefusedError(`share_code_${state}`)
      await tx.updateTable('licence_share_codes').set({ used_at: now, used_by_staff_id: input.staff.id }).where('id', '=', share.id).where('used_at', 'is', null).execute()
      const licence = await tx.selectFrom('licences').selectAll().where('id', '=', share.licence_id).executeTakeFirstOrThrow()
      const dept = await tx.selectFrom('departments').select('name').where('id', '=', share.department_id).executeTakeFirstOrThrow()
      const verification = await verifyLicenceById(tx, licence.id, today)
      const accessId = await recordDataUse(tx, deps.secrets, {
        actor: { type: 'staff', id: input.staff.id, name: input.staff.displayName, departmentId: share.department_id }, dataset: LICENCE_DATASET,
        holder: licence.holder_kind === 'person' ? { type: 'person', idNumber: licence.holder_code } : { type: 'entity', uscc: licence.holder_code },
        fields: LICENCE_FIELDS, purpose: `用证码核验：${share.purpose}`.slice(0, 200), departmentId: share.department_id, now,
      })
      await tx.insertInto('licence_events').values({ id: uuidv7(now.getTime()), licence_id: licence.id, action: 'share_code_used', reason: share.purpose, actor_type: 'staff', actor_id: input.staff.id, actor_name: input.staff.displayName, at: now, details: JSON.stringify({ shareCodeId: share.id, department: dept.name, verification: verification.status, accessId }) }).execute()
      await recordAudit(tx, { actor: staffActor, action: 'licence.share_code_redeemed', subject: { type: 'licence', id: licence.id }, details: { shareCodeId: share.id, departmentId: share.department_id, verification: verification.status, accessId } })
      return { licence, document: parseSignedText(licence.signed_json), verification, purpose: share.purpose, departmentName: dept.name, accessId }
    })
  } catch (err) {
    if (err instanceof ShareCodeRefusedError) {
      // The refusal is evidence (and the throttle's counter): audited on the staff member, never with the code itself.
      await deps.db.transaction().execute((tx) => recordAudit(tx, { actor: staffActor, action: 'licence.share_code_refused', subject: { type: 'staff', id: input.staff.id }, details: { refusal: err.refusal } }))
    }
    throw err
  }
}
