import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors'
import { UUID_RE } from '../../platform/ids'
import { getDataset } from './dataset-queries'
import { mayRevokeGrant } from './exchange-policy'
import { checkReason, type GrantActor } from './grant-rules'

export type RevokeGrantInput = { actor: GrantActor; grantId: string; reason: string; now?: Date }

/** The providing department's head (or an admin) withdraws an approved grant, with a reason; reads stop at once. Audited. */
export async function revokeGrant(db: DB, input: RevokeGrantInput): Promise<void> {
  const now = input.now ?? new Date()
  if (!UUID_RE.test(input.grantId)) throw new NotFoundError('没有这份授权，可能链接有误。请回到共享授权列表查看。 No such grant.', 'grant_unknown')
  return db.transaction().execute(async (tx) => {
    const g = await tx.selectFrom('dataset_grants').selectAll().where('id', '=', input.grantId).forUpdate().executeTakeFirst()
    if (!g) throw new NotFoundError('没有这份授权，可能链接有误。请回到共享授权列表查看。 No such grant.', 'grant_unknown')
    const ds = await getDataset(tx, g.dataset_code)
    if (!ds || !mayRevokeGrant(input.actor, ds)) {
      throw new ForbiddenError('只有数据提供部门的负责人可以撤销这份授权。 Only the head of the providing department may revoke this grant.')
    }
    if (g.status !== 'approved') throw new ConflictError('只有已批准的授权可以撤销。请刷新列表查看当前状态。 Only an approved grant can be revoked.', 'grant_not_approved')
    const errors = checkReason(input.reason, true)
    if (errors.length) throw new ValidationError('请填写撤销理由。 Give a reason.', errors, 'reason_invalid')
    const reason = input.reason.trim()
    await tx.updateTable('dataset_grants').set({ status: 'revoked', revoked_by: input.actor.name, revoked_at: now, revoke_reason: reason }).where('id', '=', g.id).execute()
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.actor.id, name: input.actor.name },
      action: 'exchange.grant.revoked',
      subject: { type: 'dataset_grant', id: g.id },
      reason,
      details: { dataset: g.dataset_code, consumerDepartmentId: g.consumer_department_id },
    })
  })
}
