import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors'
import { uuidv7 } from '../../platform/ids'
import { departmentDirectory } from '../catalog'
import { getDataset } from './dataset-queries'
import { mayRequestGrant, shanghaiToday } from './exchange-policy'
import { checkGrantRequest, type GrantActor } from './grant-rules'

export type RequestGrantInput = {
  actor: GrantActor
  dataset: string
  /** The consuming department; staff ask for their own (default), admins name one. */
  consumerDepartmentId?: string | null
  fields: string[]
  purpose: string
  validUntil: string
  legalBasis?: string | null
  now?: Date
}

/** A department asks the provider for access to a conditional dataset (status `requested`). Audited. */
export async function requestGrant(db: DB, input: RequestGrantInput): Promise<{ id: string }> {
  const consumer = input.consumerDepartmentId || input.actor.departmentId
  if (!consumer || !mayRequestGrant(input.actor, consumer)) {
    throw new ForbiddenError('只有本部门的审批人员或部门负责人可以为本部门申请共享授权。如需申请，请联系部门负责人。 Only officers or heads of the consuming department may request a grant.')
  }
  if (!(await departmentDirectory(db).getDepartment(consumer))) {
    throw new ValidationError('请选择申请部门。 Choose the consuming department.', [{ field: 'consumerDepartmentId', message: '部门不存在，请从列表中选择。 Unknown department; choose one from the list.' }], 'department_unknown')
  }
  const ds = await getDataset(db, input.dataset)
  if (!ds) throw new ValidationError('请选择数据共享目录中的数据集。 Choose a dataset from the catalogue.', [{ field: 'dataset', message: '数据集不存在，请从列表中选择。 Unknown dataset; choose one from the list.' }], 'dataset_unknown')
  if (ds.shareType !== 'conditional') {
    const message = ds.shareType === 'none' ? '该数据集不予共享，不能申请授权；请向当事人本人收集所需信息。 This dataset is not shared; no grant can be requested.' : '该数据集无条件共享，无需申请授权，说明用途即可读取。 This dataset is shared without conditions; no grant is needed.'
    throw new ValidationError(message, [{ field: 'dataset', message }], 'grant_not_applicable')
  }
  if (consumer === ds.providerDepartmentId) {
    const message = '本部门就是数据提供部门，读取自己的数据无需授权。 Your department provides this dataset; no grant is needed.'
    throw new ValidationError(message, [{ field: 'dataset', message }], 'grant_not_applicable')
  }
  const now = input.now ?? new Date()
  const fields = [...new Set(input.fields.map((f) => f.trim()).filter(Boolean))]
  const errors = checkGrantRequest(ds, { ...input, fields }, shanghaiToday(now))
  if (errors.length) throw new ValidationError('共享授权申请有误，请按提示修改。 The grant request has errors.', errors, 'grant_invalid')

  return db.transaction().execute(async (tx) => {
    const pending = await tx.selectFrom('dataset_grants').select('id').where('dataset_code', '=', ds.code).where('consumer_department_id', '=', consumer).where('status', '=', 'requested').executeTakeFirst()
    if (pending) throw new ConflictError('本部门对该数据集已有一份待审批的申请，请等待提供部门处理，无需重复提交。 A request for this dataset is already waiting for a decision.', 'grant_pending')
    const id = uuidv7(now.getTime())
    const legalBasis = (input.legalBasis ?? '').trim() || null
    await tx
      .insertInto('dataset_grants')
      .values({ id, dataset_code: ds.code, consumer_department_id: consumer, fields, purpose: input.purpose.trim(), legal_basis: legalBasis, status: 'requested', valid_until: input.validUntil.trim(), requested_by: input.actor.name, requested_at: now })
      .execute()
    await recordAudit(tx, {
      actor: { type: 'staff', id: input.actor.id, name: input.actor.name },
      action: 'exchange.grant.requested',
      subject: { type: 'dataset_grant', id },
      details: { dataset: ds.code, consumerDepartmentId: consumer, fields, validUntil: input.validUntil.trim(), purpose: input.purpose.trim(), legalBasis },
    })
    return { id }
  })
}
