import type { Executor } from '../../../platform/database'
import { NotFoundError } from '../../../platform/errors'
import { UUID_RE } from '../../../platform/ids'
import type { LicenceStatus } from '../../../platform/schema-licences'
import { actingSubject, type CitizenSession } from '../../identity'
import type { LicenceRow } from '../licence-lifecycle'

/**
 * 我的证照 (issue 5 Deliver 8): whose wallet a session opens, and the licences in it. The holder is the enterprise
 * while the person acts for one as 经办人 (the licences of the enterprise), otherwise the signed-in person — never
 * the principal of a personal 委托代办: a licence is an identity document, and 委托 covers applications only.
 */
export type WalletHolder = { kind: 'person'; citizenId: string } | { kind: 'enterprise'; enterpriseId: string }

export function walletHolderOf(session: Pick<CitizenSession, 'user' | 'actingFor'>): WalletHolder {
  const s = actingSubject(session)
  return s.type === 'enterprise' ? { kind: 'enterprise', enterpriseId: s.id } : { kind: 'person', citizenId: session.user.id }
}

export const holds = (h: WalletHolder, row: Pick<LicenceRow, 'holder_citizen_id' | 'holder_enterprise_id'>) =>
  h.kind === 'enterprise' ? row.holder_enterprise_id === h.enterpriseId : row.holder_citizen_id === h.citizenId && row.holder_enterprise_id === null

/** The status a licence shows today: a valid one whose last day has passed is already expired (the daily job may lag). */
export const statusOn = (row: Pick<LicenceRow, 'status' | 'valid_until'>, today: string): LicenceStatus =>
  row.status === 'valid' && row.valid_until !== null && row.valid_until < today ? 'expired' : row.status

export const licenceNotFound = () => new NotFoundError('找不到这份电子证照，或它不属于您。请从“我的证照”列表进入。 Licence not found, or not yours; open it from “My licences”.', 'licence_not_found')

/** One licence of this holder — someone else's, an unknown and a malformed id all answer the same 404. */
export async function getWalletLicence(db: Executor, holder: WalletHolder, id: string): Promise<LicenceRow> {
  if (!UUID_RE.test(id)) throw licenceNotFound()
  const row = await db.selectFrom('licences').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row || !holds(holder, row)) throw licenceNotFound()
  return row
}

export type WalletCard = {
  id: string; typeName: string; number: string; version: number; status: LicenceStatus; validFrom: string; validUntil: string | null; issuerName: string; issuedOn: string
}

/** The holder's licences, newest first; superseded versions are left out (they are listed on the licence's page). */
export async function listWallet(db: Executor, holder: WalletHolder, today: string): Promise<WalletCard[]> {
  let q = db.selectFrom('licences as l').innerJoin('licence_types as t', 't.code', 'l.type_code').innerJoin('departments as d', 'd.id', 'l.issuer_department_id')
    .select(['l.id', 't.name as typeName', 'l.number', 'l.version', 'l.status', 'l.valid_from', 'l.valid_until', 'd.name as issuerName', 'l.issued_on'])
    .where('l.status', '!=', 'superseded')
  q = holder.kind === 'enterprise' ? q.where('l.holder_enterprise_id', '=', holder.enterpriseId) : q.where('l.holder_citizen_id', '=', holder.citizenId).where('l.holder_enterprise_id', 'is', null)
  const rows = await q.orderBy('l.created_at', 'desc').limit(200).execute()
  return rows.map((r) => ({
    id: r.id, typeName: r.typeName, number: r.number, version: r.version, status: statusOn({ status: r.status, valid_until: r.valid_until }, today),
    validFrom: r.valid_from, validUntil: r.valid_until, issuerName: r.issuerName, issuedOn: r.issued_on,
  }))
}

/** Every version of the licence (same type and serial), oldest first. */
export async function licenceVersions(db: Executor, row: Pick<LicenceRow, 'type_code' | 'serial'>, today: string) {
  const rows = await db.selectFrom('licences').select(['id', 'identifier', 'version', 'status', 'valid_from', 'valid_until', 'issued_on', 'holder_citizen_id', 'holder_enterprise_id'])
    .where('type_code', '=', row.type_code).where('serial', '=', row.serial).orderBy('version').execute()
  return rows.map((r) => ({ ...r, status: statusOn(r, today) }))
}

/** The licence's history (新发, 暂扣, 发还, 撤销, 延续, 变更, 过期失效, 加注件, 用证码), oldest first. */
export async function licenceHistory(db: Executor, licenceIds: string[]) {
  if (!licenceIds.length) return []
  return db.selectFrom('licence_events').select(['id', 'licence_id', 'action', 'reason', 'actor_type', 'at', 'details']).where('licence_id', 'in', licenceIds).orderBy('at').orderBy('id').execute()
}

export async function licenceCopies(db: Executor, licenceId: string) {
  return db.selectFrom('licence_copies').select(['id', 'purpose', 'valid_until', 'created_at']).where('licence_id', '=', licenceId).orderBy('created_at', 'desc').limit(50).execute()
}

export type ShareCodeState = 'active' | 'used' | 'expired' | 'cancelled'
export const shareCodeState = (r: { used_at: Date | null; cancelled_at: Date | null; expires_at: Date }, now: Date): ShareCodeState =>
  r.used_at ? 'used' : r.cancelled_at ? 'cancelled' : new Date(r.expires_at).getTime() <= now.getTime() ? 'expired' : 'active'

export async function licenceShareCodes(db: Executor, licenceId: string, now: Date) {
  const rows = await db.selectFrom('licence_share_codes as s').innerJoin('departments as d', 'd.id', 's.department_id')
    .select(['s.id', 's.purpose', 's.created_at', 's.expires_at', 's.used_at', 's.cancelled_at', 'd.name as departmentName'])
    .where('s.licence_id', '=', licenceId).orderBy('s.created_at', 'desc').limit(50).execute()
  return rows.map((r) => ({ ...r, state: shareCodeState(r, now) }))
}

/** Departments a holder may name for a 用证码 (the directory), by name. */
export async function departmentChoices(db: Executor) {
  return db.selectFrom('departments').select(['id', 'name']).orderBy('name').execute()
}
