import { sql } from 'kysely'
import { recordAudit, type Actor } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { ConflictError, DomainError, ValidationError } from '../../platform/errors'
import { maskIdNumber } from '../../platform/privacy'
import { maskName, trustLevelOf } from './account-trust'
import type { TrustLevel } from './citizen'
import type { RegistryPorts } from './ports'
import { hasPasskey } from './second-factor'
import { verifyFieldErrors, type VerifyFields } from './verify-real-name-fields'

export type VerifyRealNameInput = VerifyFields & { citizenId: string; requestId?: string | undefined; now?: Date }
export const VERIFY_MAX_FAILURES = 5
const DAY_MS = 24 * 3600 * 1000
const FAILED = 'identity.citizen.verification_failed'

/**
 * 实名认证 (108号 §5: 身份证 + further factors checked online): name + 身份证号 + 证件有效期 against the 人口库
 * through the exchange (which logs the read with purpose 实名核验, so it appears in 我的数据使用记录). On a
 * match the account gets the registry's gender and birth date and trust level 2 (3 with TOTP on).
 * Failures say nothing about which factor was wrong and are audited with masked values; 5 in 24 hours stop
 * further checks (limits guessing a person's details). An ID bound to another account is refused — only
 * after the registry matched, so the message cannot be used to probe which ID numbers have accounts.
 */
export async function verifyRealName(deps: { db: DB; registries: RegistryPorts }, input: VerifyRealNameInput): Promise<{ trustLevel: TrustLevel }> {
  const now = input.now ?? new Date()
  const { errors, clean } = verifyFieldErrors(input, now)
  if (errors.length) throw new ValidationError('实名认证信息有误，请按提示修改后再提交。 Some details need fixing.', errors)
  const me = await deps.db.selectFrom('citizens').select(['id', 'display_name', 'verified_at', 'totp_enabled_at', 'disabled']).where('id', '=', input.citizenId).executeTakeFirstOrThrow()
  if (me.verified_at) throw new ConflictError('您的账号已完成实名认证，无需重复认证。如需更正实名信息，请携带身份证到政务服务窗口办理。 Your account is already verified.', 'already_verified')
  const actor: Actor = { type: 'citizen', id: me.id, name: me.display_name }
  const masked = { name: maskName(clean.name), idNumber: maskIdNumber(clean.idNumber) }

  const failed = await deps.db
    .selectFrom('audit_log')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('subject_type', '=', 'citizen')
    .where('subject_id', '=', me.id)
    .where('action', '=', FAILED)
    .where('occurred_at', '>', new Date(now.getTime() - DAY_MS))
    .executeTakeFirst()
  if (Number(failed?.n ?? 0) >= VERIFY_MAX_FAILURES) {
    throw new DomainError('verification_limited', `今日实名认证未通过已达${VERIFY_MAX_FAILURES}次，为保护您的信息安全，请24小时后再试，或携带身份证到政务服务窗口办理。 Too many failed checks today; try again in 24 hours or verify at a service counter.`, 429)
  }

  const result = await deps.registries.verifyPerson(clean, { citizenId: me.id, displayName: me.display_name, requestId: input.requestId })
  const fail = async (outcome: string) =>
    deps.db.transaction().execute((tx) => recordAudit(tx, { actor, action: FAILED, subject: { type: 'citizen', id: me.id }, reason: outcome, details: { ...masked, outcome } }))
  if (result.outcome !== 'match') {
    await fail(result.outcome)
    throw new ValidationError(
      '实名信息核验未通过：请核对姓名、身份证号和证件有效期是否与您的身份证完全一致后重试；多次未通过请携带身份证到政务服务窗口办理。 The details did not match the population registry; check them against your ID card.',
      [],
      'verification_failed',
    )
  }

  const boundMessage = '该身份证号已绑定其他一网通办账号。如不是您本人注册的，请拨打 12345 联系客服，或携带身份证到政务服务窗口办理。 This ID number is already bound to another account; call 12345 or visit a service counter.'
  const level = trustLevelOf({ verifiedAt: now, verificationMethod: 'population_registry', secondFactor: !!me.totp_enabled_at || (await hasPasskey(deps.db, me.id)) })
  const outcome = await deps.db
    .transaction()
    .execute(async (tx) => {
      const other = await tx.selectFrom('citizens').select('id').where('id_number', '=', clean.idNumber).where('id', '<>', me.id).executeTakeFirst()
      if (other) return 'bound' as const
      const r = await tx
        .updateTable('citizens')
        .set({ name: clean.name, id_number: clean.idNumber, gender_code: result.genderCode, birth_date: result.birthDate, trust_level: level, verified_at: now, verification_method: 'population_registry' })
        .where('id', '=', me.id)
        .where('verified_at', 'is', null)
        .executeTakeFirst()
      if (Number(r.numUpdatedRows) !== 1) throw new ConflictError('您的账号已完成实名认证，无需重复认证。 Your account is already verified.', 'already_verified')
      await recordAudit(tx, { actor, action: 'identity.citizen.verified', subject: { type: 'citizen', id: me.id }, details: { ...masked, method: 'population_registry', trustLevel: level } })
      return 'ok' as const
    })
    // A parallel verification of the same ID by another account wins the unique index: same answer as above.
    .catch((err: unknown) => {
      if (err instanceof DomainError) throw err
      if (/duplicate key|unique/i.test(String((err as Error).message))) return 'bound' as const
      throw err
    })
  if (outcome === 'bound') {
    await fail('id_bound')
    throw new ConflictError(boundMessage, 'id_number_bound')
  }
  return { trustLevel: level }
}
