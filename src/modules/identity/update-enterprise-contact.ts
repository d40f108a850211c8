import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { ForbiddenError, ValidationError, type FieldError } from '../../platform/errors'
import { isMobilePhone, normalizeMobilePhone } from '../../platform/identifiers'
import { maskPhone } from '../../platform/privacy'
import type { CitizenSession } from './citizen-session'
import { getEnterprise } from './enterprise-queries'
import { enterpriseNotFound } from './mandate-errors'
import { canEditEnterpriseContact, canViewEnterprise } from './mandate-policy'

/**
 * The enterprise's contact details (联系电话/联系邮箱/联系地址), kept by the legal representative or an agent
 * acting for the enterprise with scope 'all'. The audit entry names the agent as actor and the enterprise as
 * subject, with the mandate used — so what an agent did for an enterprise is on record.
 * The phone is never shown in full, so a blank phone field means "keep it"; `clearPhone` removes it.
 */
export const MAX_EMAIL = 100
export const MAX_ADDRESS = 200
// Fixed line with area code (0512-65223456, extension allowed) — GB/T 39046 联系电话 an..20.
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export type ContactInput = { phone: string; clearPhone: boolean; email: string; address: string }

export async function updateEnterpriseContact(db: DB, input: ContactInput & { session: CitizenSession; enterpriseId: string; now?: Date }): Promise<void> {
  const { session } = input
  const e = await getEnterprise(db, input.enterpriseId)
  if (!e || !canViewEnterprise(session, e)) throw enterpriseNotFound()
  if (!canEditEnterpriseContact(session, e)) {
    throw new ForbiddenError('您的授权范围不包括修改企业联系方式。需要“全部事项”授权，请联系企业法定代表人。 Your authorisation does not cover the enterprise’s contact details.', 'outside_mandate')
  }
  const errors: FieldError[] = []
  const typed = input.phone.replace(/[\s\u3000]+/g, '')
  const phone = input.clearPhone ? null : typed ? normalizeMobilePhone(typed) : e.contact.phone
  if (!input.clearPhone && typed && !(isMobilePhone(phone ?? '') || (LANDLINE.test(phone ?? '') && (phone ?? '').length <= 20))) {
    errors.push({ field: 'phone', message: '联系电话请填写手机号码或带区号的固定电话，例如 13912345678 或 0512-65223456。 Enter a mobile number or a landline with area code.' })
  }
  const email = input.email.trim()
  if (email.length > MAX_EMAIL) errors.push({ field: 'email', message: `联系邮箱最多${MAX_EMAIL}个字符，请核对。 At most ${MAX_EMAIL} characters.` })
  else if (email && !EMAIL.test(email)) errors.push({ field: 'email', message: '联系邮箱格式不正确，例如 office@example.com。 Enter an email address like office@example.com.' })
  const address = input.address.trim()
  if (address.length > MAX_ADDRESS) errors.push({ field: 'address', message: `联系地址最多${MAX_ADDRESS}个字，请精简。 At most ${MAX_ADDRESS} characters.` })
  if (errors.length) throw new ValidationError('联系方式有误，请按提示修改。 Some contact details need correcting.', errors, 'contact_invalid')

  const next = { phone, email: email || null, address: address || null }
  const changed = (['phone', 'email', 'address'] as const).filter((k) => next[k] !== e.contact[k])
  if (!changed.length) return
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('enterprises')
      .set({ contact_phone: next.phone, contact_email: next.email, contact_address: next.address, contact_updated_at: input.now ?? new Date() })
      .where('id', '=', e.id)
      .execute()
    await recordAudit(tx, {
      actor: { type: 'citizen', id: session.user.id, name: session.user.displayName },
      action: 'identity.enterprise.contact_updated',
      subject: { type: 'enterprise', id: e.id },
      details: { changed, phone: next.phone ? maskPhone(next.phone) : null, actingUnderMandate: session.actingFor?.mandateId ?? null },
    })
  })
}
