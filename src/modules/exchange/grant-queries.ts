import type { Executor } from '../../platform/database'
import { UUID_RE } from '../../platform/ids'
import type { Selectable } from 'kysely'
import type { DatasetGrantsTable } from '../../platform/schema'

export type GrantStatus = DatasetGrantsTable['status']
export type Grant = {
  id: string
  datasetCode: string
  consumerDepartmentId: string
  fields: string[]
  purpose: string
  legalBasis: string | null
  status: GrantStatus
  validUntil: string
  requestedBy: string
  requestedAt: Date
  decidedBy: string | null
  decidedAt: Date | null
  decisionReason: string | null
  revokedBy: string | null
  revokedAt: Date | null
  revokeReason: string | null
}
export const GRANT_STATUS_LABELS: Record<GrantStatus, { zh: string; en: string }> = {
  requested: { zh: '待审批', en: 'Waiting for a decision' },
  approved: { zh: '已批准', en: 'Approved' },
  refused: { zh: '未批准', en: 'Refused' },
  revoked: { zh: '已撤销', en: 'Revoked' },
}

type Row = Selectable<DatasetGrantsTable>
const date = (v: Date | string | null) => (v == null ? null : new Date(v))
const toGrant = (r: Row): Grant => ({
  id: r.id,
  datasetCode: r.dataset_code,
  consumerDepartmentId: r.consumer_department_id,
  fields: r.fields,
  purpose: r.purpose,
  legalBasis: r.legal_basis,
  status: r.status,
  validUntil: r.valid_until,
  requestedBy: r.requested_by,
  requestedAt: new Date(r.requested_at),
  decidedBy: r.decided_by,
  decidedAt: date(r.decided_at),
  decisionReason: r.decision_reason,
  revokedBy: r.revoked_by,
  revokedAt: date(r.revoked_at),
  revokeReason: r.revoke_reason,
})

/**
 * Grants, newest first. `departmentIds` keeps those where one of the departments consumes OR provides (a staff
 * member's own view); without it every grant (supervisors, admins).
 */
export async function listGrants(db: Executor, f: { status?: GrantStatus; departmentIds?: string[]; dataset?: string; limit?: number } = {}): Promise<Grant[]> {
  let q = db.selectFrom('dataset_grants as g').innerJoin('shared_datasets as d', 'd.code', 'g.dataset_code').selectAll('g')
  if (f.status) q = q.where('g.status', '=', f.status)
  if (f.dataset) q = q.where('g.dataset_code', '=', f.dataset)
  if (f.departmentIds) {
    const deps = f.departmentIds
    if (!deps.length) return []
    q = q.where((eb) => eb.or([eb('g.consumer_department_id', 'in', deps), eb('d.provider_department_id', 'in', deps)]))
  }
  const rows = await q.orderBy('g.requested_at', 'desc').limit(f.limit ?? 200).execute()
  return rows.map((r) => toGrant(r))
}

export async function getGrant(db: Executor, id: string): Promise<Grant | undefined> {
  if (!UUID_RE.test(id)) return undefined
  const r = await db.selectFrom('dataset_grants').selectAll().where('id', '=', id).executeTakeFirst()
  return r ? toGrant(r) : undefined
}
