import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors'
import { UUID_RE } from '../../platform/ids'
import { getDataset } from './dataset-queries'
import { mayDecideGrant, shanghaiToday } from './exchange-policy'
import { checkReason, type GrantActor } from './grant-rules'

export type DecideGrantInput = { actor: GrantActor; grantId: string; decision: 'approve' | 'refuse'; reason: string; now?: Date }

/**
 * The PROVIDING department's head (or an admin) approves or refuses a requested grant. A refusal needs a
 * reason (the requester is told why); a request whose end date has already passed cannot be approved. Audited.
 */
export async function decideGrant(db: DB, input: DecideGrantInput): Promise<void> {
  const now = input.now ?? new Date()
  if (!UUID_RE.test(input.grantId)) throw new NotFoundError('没有这份授权申请，可能链接有误。请回到共享授权列表查看。 No such grant request.', 'grant_unknown')
  return db.transaction().execute(async (tx) => {
    const g = await tx.selectFrom('dataset_grants').selectAll().where('id', '=', input.grantId).forUpdate().executeTakeFirst()
    if (!g) throw new NotFoundError('没有这份授权申请，可能链接有误。请回到共享授权列表查看。 No such grant request.', 'grant_unknown')
    const ds = await getDataset(tx, g.dataset_code)
    if (!ds || !mayDecideGrant(input.actor, ds)) {
      throw new ForbiddenError('只有数据提供部门的负责人可以审批这份申请。 Only the head of the providing department may decide this request.')
    }
    if (g.status !== 'requested') throw new ConflictError('这份申请已经处理过了，不能再次审批。请刷新列表查看当前状态。 This request has already been decided.', 'grant_decided')
    const errors = checkReason(input.reason, input.decision === 'refuse')
    if (errors.length) throw new ValidationError('请填写审批理由。 Give a reason.', errors, 'reason_invalid')
    if (input.decision === 'approve' && g.valid_until < shanghaiToday(now)) {
      throw new ConflictError('申请的有效期已经过去，不能批准。请退回，由申请部门重新申请。 The requested period has already ended; refuse it and ask for a new request.', 'grant_period_over')
    }
    const status = input.decision === 'approve' ? 'approved' : 'refused'
    const reason = input.reason.trim() || null
    await tx.updateTable('dataset_grants').set({ status, decided_by: input.actor.name, decided_at: now, decision_reason: reason }).where('id', '=', g.id).execute()
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.actor.id, name: input.actor.name },
      action: `exchange.grant.${status}`,
      subject: { type: 'dataset_grant', id: g.id },
      reason,
      details: { dataset: g.dataset_code, consumerDepartmentId: g.consumer_department_id, fields: g.fields, validUntil: g.valid_until },
    })
  })
}
