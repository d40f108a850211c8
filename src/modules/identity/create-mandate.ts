import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { ValidationError, type FieldError } from '../../platform/errors'
import { checkIdNumber } from '../../platform/identifiers'
import { uuidv7 } from '../../platform/ids'
import type { CitizenSession } from './citizen-session'
import { getEnterprise } from './enterprise-queries'
import { actAsSelfFirst, enterpriseNotFound, legalRepOnly, verifiedOnly } from './mandate-errors'
import { actingAsSelf, canGiveCitizenMandate, canManageAgents, canViewEnterprise, isLegalRep } from './mandate-policy'
import { checkMandateFields, type MandateFields } from './mandate-fields'
import type { DepartmentDirectory } from './ports'

/**
 * 授权 (standards.md §C.4 法人—经办人授权关系: 授权范围、有效期): the legal representative authorises an agent
 * (经办人) for the enterprise, or a verified citizen authorises another for named items (委托代办). The agent is
 * named by name + 身份证号 and must already hold a real-name verified account, so the mandate binds a person
 * the 人口库 knows, not whoever owns a phone number.
 */
export type CreateMandateDeps = { db: DB; directory: Pick<DepartmentDirectory, 'itemNames'> }
export type CreateMandateInput = MandateFields & {
  session: CitizenSession
  grantor: { type: 'enterprise'; enterpriseId: string } | { type: 'citizen' }
  now?: Date
}

export const AGENT_UNKNOWN = '没有找到姓名和身份证号一致的已实名用户。对方需先注册并完成实名认证，然后再添加。 No verified account with this name and ID number; the person must register and verify their real name first.'

export async function createMandate(deps: CreateMandateDeps, input: CreateMandateInput): Promise<{ mandateId: string }> {
  const { session } = input
  const now = input.now ?? new Date()
  let grantorId: string
  if (input.grantor.type === 'enterprise') {
    const e = await getEnterprise(deps.db, input.grantor.enterpriseId)
    if (!e || !canViewEnterprise(session, e)) throw enterpriseNotFound()
    if (isLegalRep(session, e) && !actingAsSelf(session)) throw actAsSelfFirst()
    if (!canManageAgents(session, e)) throw legalRepOnly()
    grantorId = e.id
  } else {
    if (!actingAsSelf(session)) throw actAsSelfFirst()
    if (!canGiveCitizenMandate(session)) throw verifiedOnly()
    grantorId = session.user.id
  }

  const checked = await checkMandateFields(deps.directory, input, input.grantor.type, now)
  const errors: FieldError[] = [...checked.errors]
  const idNumber = input.agentIdNumber.trim().toUpperCase()
  let agentId: string | undefined
  const badId = idNumber ? checkIdNumber(idNumber) : null
  if (badId) errors.push({ field: 'agentIdNumber', message: badId })
  if (!errors.some((e) => e.field === 'agentName' || e.field === 'agentIdNumber')) {
    const agent = await deps.db.selectFrom('citizens').select(['id', 'name', 'trust_level', 'disabled']).where('id_number', '=', idNumber).executeTakeFirst()
    if (agent?.id === session.user.id) errors.push({ field: 'agentIdNumber', message: '不能授权给自己。请填写代您办理的人的姓名和身份证号。 You cannot authorise yourself.' })
    else if (!agent || agent.disabled || agent.trust_level < 2 || agent.name !== input.agentName.trim()) errors.push({ field: 'agentIdNumber', message: AGENT_UNKNOWN })
    else agentId = agent.id
  }
  if (agentId) {
    const dup = await deps.db
      .selectFrom('mandates').select('id')
      .where('grantor_type', '=', input.grantor.type).where('grantor_id', '=', grantorId).where('agent_citizen_id', '=', agentId)
      .where('revoked_at', 'is', null).where('valid_until', '>', now)
      .executeTakeFirst()
    if (dup) errors.push({ field: 'agentIdNumber', message: '该用户已有一项有效的授权。如需调整范围或期限，请先撤销原授权再重新授权。 This person already holds a live authorisation; revoke it first to change it.' })
  }
  if (errors.length || !agentId || !checked.value) {
    throw new ValidationError('授权信息有误，请按提示修改后再提交。 Some details need correcting.', errors, 'mandate_invalid')
  }

  const v = checked.value
  const id = uuidv7()
  await deps.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('mandates')
      .values({
        id, grantor_type: input.grantor.type, grantor_id: grantorId, agent_citizen_id: agentId, scope: v.scope, item_codes: v.itemCodes,
        valid_from: now, valid_until: v.validUntil, created_by: session.user.id, created_at: now,
      })
      .execute()
    await recordAudit(tx, {
      actor: { type: 'citizen', id: session.user.id, name: session.user.displayName },
      action: 'identity.mandate.created',
      subject: { type: 'mandate', id },
      details: { grantorType: input.grantor.type, grantorId, agentCitizenId: agentId, scope: v.scope, itemCodes: v.itemCodes, lastDay: v.lastDay },
    })
  })
  return { mandateId: id }
}
