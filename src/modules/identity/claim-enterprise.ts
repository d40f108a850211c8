import { recordAudit, type Actor } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { ConflictError, ValidationError } from '../../platform/errors'
import { checkUscc } from '../../platform/identifiers'
import { uuidv7 } from '../../platform/ids'
import type { CitizenSession } from './citizen-session'
import { actAsSelfFirst, verifiedOnly } from './mandate-errors'
import { actingAsSelf, canClaimEnterprise } from './mandate-policy'
import type { EntityCheckResult, RegistryPorts } from './ports'

/**
 * 法人线上远程比对注册 (standards.md §B.2): a real-name verified citizen claims an enterprise account by its
 * 统一社会信用代码 (GB 32100). The exchange compares the citizen's verified name + 身份证号 with the 法定代表人
 * recorded in the 法人库 (a logged read, purpose 法人认领). One account per USCC; a second claimant is sent to
 * the counter, where identity papers and the business licence are checked by hand.
 */
export type ClaimEnterpriseDeps = { db: DB; registries: RegistryPorts }

const REFUSALS: Record<Exclude<EntityCheckResult['outcome'], 'match'>, string> = {
  not_found: '法人库中没有查到这个统一社会信用代码。请对照营业执照核对后重新输入；新设立的企业可能需要1个工作日后才能查到。 No enterprise with this code in the legal-entity registry; check the business licence.',
  not_representative: '法人库登记的该企业法定代表人与您的实名信息不一致，只有法定代表人本人可以认领。如法定代表人已变更，请先办理变更登记；经办人请由法定代表人授权。 You are not the registered legal representative of this enterprise; ask them to authorise you as an agent.',
  inactive: '该企业在法人库中的状态为已吊销或已注销，不能认领。如有疑问请咨询市场监督管理部门。 This enterprise is revoked or cancelled in the registry and cannot be claimed.',
}
export const ALREADY_CLAIMED = '该企业已被认领，如有异议请携营业执照到政务服务窗口办理。 This enterprise has already been claimed; bring the business licence to a service counter to dispute it.'

export async function claimEnterprise(deps: ClaimEnterpriseDeps, input: { session: CitizenSession; uscc: string; requestId?: string | undefined; now?: Date }): Promise<{ enterpriseId: string; alreadyYours: boolean }> {
  const { session } = input
  if (!actingAsSelf(session)) throw actAsSelfFirst()
  if (!canClaimEnterprise(session)) throw verifiedOnly()
  const uscc = input.uscc.replace(/[\s\u3000]+/g, '').toUpperCase()
  const bad = uscc ? checkUscc(uscc) : '请输入统一社会信用代码（营业执照上的18位代码）。 Enter the 18-character unified social credit code.'
  if (bad) throw new ValidationError(bad, [{ field: 'uscc', message: bad }])

  const me = await deps.db.selectFrom('citizens').select(['name', 'id_number', 'display_name']).where('id', '=', session.user.id).executeTakeFirstOrThrow()
  if (!me.name || !me.id_number) throw verifiedOnly()
  const actor: Actor = { type: 'citizen', id: session.user.id, name: session.user.displayName }
  const existing = await deps.db.selectFrom('enterprises').select(['id', 'legal_rep_citizen_id']).where('uscc', '=', uscc).executeTakeFirst()
  if (existing?.legal_rep_citizen_id === session.user.id) return { enterpriseId: existing.id, alreadyYours: true }

  const check = await deps.registries.verifyEntity(
    { uscc, legalRepName: me.name, legalRepIdNumber: me.id_number },
    { citizenId: session.user.id, displayName: me.display_name, requestId: input.requestId },
  )
  const refuse = async (outcome: string, message: string, Err: typeof ValidationError | typeof ConflictError) => {
    await deps.db.transaction().execute((tx) => recordAudit(tx, { actor, action: 'identity.enterprise.claim_refused', subject: { type: 'enterprise_claim', id: uscc }, details: { outcome } }))
    throw Err === ConflictError ? new ConflictError(message, 'enterprise_already_claimed') : new ValidationError(message, [{ field: 'uscc', message }], `enterprise_${outcome}`)
  }
  if (check.outcome !== 'match') return refuse(check.outcome, REFUSALS[check.outcome], ValidationError)
  if (existing) return refuse('already_claimed', ALREADY_CLAIMED, ConflictError)

  const id = uuidv7()
  try {
    await deps.db.transaction().execute(async (tx) => {
      await tx.insertInto('enterprises').values({ id, uscc, name: check.name, legal_rep_citizen_id: session.user.id, claimed_at: input.now ?? new Date(), status: 'active' }).execute()
      await recordAudit(tx, { actor, action: 'identity.enterprise.claimed', subject: { type: 'enterprise', id }, details: { uscc, name: check.name, entityType: check.entityType } })
    })
  } catch (err) {
    // Two claims of the same code at once: the unique index lets one through. The other is told it is already
    // theirs (a double submit) or gets the counter message.
    if ((err as { code?: string }).code !== '23505') throw err
    const winner = await deps.db.selectFrom('enterprises').select(['id', 'legal_rep_citizen_id']).where('uscc', '=', uscc).executeTakeFirst()
    if (winner?.legal_rep_citizen_id === session.user.id) return { enterpriseId: winner.id, alreadyYours: true }
    return refuse('already_claimed', ALREADY_CLAIMED, ConflictError)
  }
  return { enterpriseId: id, alreadyYours: false }
}
