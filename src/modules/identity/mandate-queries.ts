import type { Executor } from '../../platform/database'
import { UUID_RE } from '../../platform/ids'
import { maskIdNumber } from '../../platform/privacy'

/** A mandate (授权) as pages show it: names resolved, the agent's 身份证号 masked. */
export type MandateState = 'active' | 'pending' | 'expired' | 'revoked'
export type Mandate = {
  id: string
  grantorType: 'enterprise' | 'citizen'
  grantorId: string
  grantorName: string
  agentCitizenId: string
  agentName: string
  agentIdNumberMasked: string
  scope: 'all' | 'items'
  itemCodes: string[]
  validFrom: Date
  validUntil: Date
  createdAt: Date
  revokedAt: Date | null
  revokeReason: string | null
}

export function mandateState(m: Pick<Mandate, 'revokedAt' | 'validFrom' | 'validUntil'>, now = new Date()): MandateState {
  if (m.revokedAt) return 'revoked'
  if (m.validUntil.getTime() <= now.getTime()) return 'expired'
  return m.validFrom.getTime() > now.getTime() ? 'pending' : 'active'
}

function base(db: Executor) {
  return db
    .selectFrom('mandates as m')
    .innerJoin('citizens as a', 'a.id', 'm.agent_citizen_id')
    .leftJoin('enterprises as e', (j) => j.onRef('e.id', '=', 'm.grantor_id').on('m.grantor_type', '=', 'enterprise'))
    .leftJoin('citizens as g', (j) => j.onRef('g.id', '=', 'm.grantor_id').on('m.grantor_type', '=', 'citizen'))
    .select([
      'm.id', 'm.grantor_type', 'm.grantor_id', 'm.agent_citizen_id', 'm.scope', 'm.item_codes', 'm.valid_from', 'm.valid_until', 'm.created_at',
      'm.revoked_at', 'm.revoke_reason', 'a.name as agent_name', 'a.display_name as agent_display', 'a.id_number as agent_id_number',
      'e.name as enterprise_name', 'g.name as grantor_citizen_name',
    ])
}
type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>

const toMandate = (r: Row): Mandate => ({
  id: r.id,
  grantorType: r.grantor_type,
  grantorId: r.grantor_id,
  grantorName: (r.grantor_type === 'enterprise' ? r.enterprise_name : r.grantor_citizen_name) ?? '',
  agentCitizenId: r.agent_citizen_id,
  agentName: r.agent_name ?? r.agent_display,
  agentIdNumberMasked: r.agent_id_number ? maskIdNumber(r.agent_id_number) : '',
  scope: r.scope,
  itemCodes: r.item_codes,
  validFrom: new Date(r.valid_from),
  validUntil: new Date(r.valid_until),
  createdAt: new Date(r.created_at),
  revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
  revokeReason: r.revoke_reason,
})

export async function getMandate(db: Executor, id: string): Promise<Mandate | undefined> {
  if (!UUID_RE.test(id)) return undefined
  const r = await base(db).where('m.id', '=', id).executeTakeFirst()
  return r ? toMandate(r) : undefined
}

/** Mandates an enterprise or a citizen has given, newest first (all states: the grantor sees the history). */
export async function listMandatesGrantedBy(db: Executor, grantorType: 'enterprise' | 'citizen', grantorId: string): Promise<Mandate[]> {
  const rows = await base(db).where('m.grantor_type', '=', grantorType).where('m.grantor_id', '=', grantorId).orderBy('m.created_at', 'desc').execute()
  return rows.map(toMandate)
}

/** Mandates `citizenId` holds as agent, newest first. */
export async function listMandatesHeldBy(db: Executor, citizenId: string): Promise<Mandate[]> {
  const rows = await base(db).where('m.agent_citizen_id', '=', citizenId).orderBy('m.created_at', 'desc').execute()
  return rows.map(toMandate)
}
