import { sql } from 'kysely'
import type { Executor } from '../../platform/database'
import { UUID_RE } from '../../platform/ids'

/**
 * Raw identifiers for the modules that must compute a pseudonym from them (the exchange's 我的数据使用记录
 * finds a person's access-log rows by HMAC of the 身份证号). Never rendered or logged by callers; pages show
 * the masked forms from CitizenUser.
 */

/** The VERIFIED 公民身份号码 of a citizen account, or null while the real name is not verified. */
export async function getCitizenIdNumber(db: Executor, citizenId: string): Promise<string | null> {
  if (!UUID_RE.test(citizenId)) return null
  const r = await db.selectFrom('citizens').select(['id_number', 'verified_at']).where('id', '=', citizenId).executeTakeFirst()
  return r?.id_number && r.verified_at ? r.id_number : null
}

/** The 统一社会信用代码 of a claimed enterprise account, or null for an unknown id. */
export async function getEnterpriseUscc(db: Executor, enterpriseId: string): Promise<string | null> {
  if (!UUID_RE.test(enterpriseId)) return null
  const r = await db.selectFrom('enterprises').select('uscc').where('id', '=', enterpriseId).executeTakeFirst()
  return r?.uscc ?? null
}

export type CitizenProfile = { name: string | null; verified: boolean; phone: string; email: string | null; trustLevel: number }

/** A person's profile for prefilling applications: the verified name, and the account phone and email (raw — callers mask on display). */
export async function getCitizenProfile(db: Executor, citizenId: string): Promise<CitizenProfile | null> {
  if (!UUID_RE.test(citizenId)) return null
  const r = await citizenProfileQuery(db, citizenId).executeTakeFirst()
  return r ? toCitizenProfile(r) : null
}

/**
 * The same read as a query, for a caller that folds it into a statement of its own (the submission reads it with
 * the 办件编号's sequence number in one round trip); `toCitizenProfile` maps its row. No row for an invalid id.
 */
export function citizenProfileQuery(db: Executor, citizenId: string) {
  const q = db.selectFrom('citizens').select(['name', 'phone', 'email', 'verified_at', 'trust_level'])
  return UUID_RE.test(citizenId) ? q.where('id', '=', citizenId) : q.where(sql<boolean>`false`)
}

export function toCitizenProfile(r: { name: string | null; phone: string; email: string | null; verified_at: Date | string | null; trust_level: number }): CitizenProfile {
  return { name: r.verified_at ? r.name : null, verified: !!r.verified_at, phone: r.phone, email: r.email, trustLevel: r.trust_level }
}
