import type { Executor } from '../../platform/database'
import { UUID_RE } from '../../platform/ids'

/** An enterprise account (法人用户, GB/T 39046 表12) as identity's pages and the modules above read it. */
export type Enterprise = {
  id: string
  uscc: string
  name: string
  legalRepCitizenId: string
  /** The legal representative's real name (from their verified account). */
  legalRepName: string
  status: 'active' | 'suspended'
  claimedAt: Date
  contact: { phone: string | null; email: string | null; address: string | null; updatedAt: Date | null }
}

function base(db: Executor) {
  return db
    .selectFrom('enterprises as e')
    .innerJoin('citizens as c', 'c.id', 'e.legal_rep_citizen_id')
    .select([
      'e.id', 'e.uscc', 'e.name', 'e.legal_rep_citizen_id', 'e.status', 'e.claimed_at',
      'e.contact_phone', 'e.contact_email', 'e.contact_address', 'e.contact_updated_at', 'c.name as rep_name', 'c.display_name as rep_display',
    ])
}
type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>

const toEnterprise = (r: Row): Enterprise => ({
  id: r.id,
  uscc: r.uscc,
  name: r.name,
  legalRepCitizenId: r.legal_rep_citizen_id,
  legalRepName: r.rep_name ?? r.rep_display,
  status: r.status,
  claimedAt: new Date(r.claimed_at),
  contact: { phone: r.contact_phone, email: r.contact_email, address: r.contact_address, updatedAt: r.contact_updated_at ? new Date(r.contact_updated_at) : null },
})

/** One enterprise by id; undefined for an unknown or malformed id. Callers apply mandate-policy before showing it. */
export async function getEnterprise(db: Executor, id: string): Promise<Enterprise | undefined> {
  if (!UUID_RE.test(id)) return undefined
  const r = await base(db).where('e.id', '=', id).executeTakeFirst()
  return r ? toEnterprise(r) : undefined
}

/** The enterprises `citizenId` has claimed as legal representative. */
export async function listEnterprisesOf(db: Executor, citizenId: string): Promise<Enterprise[]> {
  const rows = await base(db).where('e.legal_rep_citizen_id', '=', citizenId).orderBy('e.name').execute()
  return rows.map(toEnterprise)
}
