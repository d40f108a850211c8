import { recordAudit } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors'
import { maskEmail } from '../notifications'
import { hashEmailToken } from './citizen-email'

const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/

export function emailLinkInvalid(): ValidationError {
  return new ValidationError('验证链接无效：请检查是否完整打开了邮件中的链接；仍不行的话，请到“通知邮箱”页面重新发送验证邮件。 This verification link is not valid; open the full link from the email, or send a new one from the notice email page.', [], 'email_link_invalid')
}

/**
 * Opening the link of a verification mail, signed in: the token (only its SHA-256 is stored) must belong to THIS
 * citizen — another account's link is refused and changes nothing, not even the link — and be unused, not
 * replaced by a newer request or a removal, and younger than 24 hours. Then, in one transaction, the link is used
 * up (guarded update: two racing opens verify once) and `citizens.email` becomes the address the link was made
 * for; audited as `identity.citizen.email.verified` with masked addresses.
 */
export async function verifyCitizenEmail(deps: { db: DB }, input: { citizenId: string; token: string; now?: Date }): Promise<{ emailMasked: string }> {
  const now = input.now ?? new Date()
  if (!TOKEN_RE.test(input.token)) throw emailLinkInvalid()
  return deps.db.transaction().execute(async (tx) => {
    const v = await tx.selectFrom('citizen_email_verifications').selectAll().where('token_hash', '=', hashEmailToken(input.token)).executeTakeFirst()
    if (!v) throw emailLinkInvalid()
    if (v.citizen_id !== input.citizenId) {
      throw new ForbiddenError('这个验证链接属于另一个账号，当前账号没有任何改动。请退出登录，用设置邮箱时的账号登录后再打开链接。 This link belongs to another account; nothing was changed. Sign out, sign in with the account that asked for it, and open the link again.', 'email_link_other_account')
    }
    const me = await tx.selectFrom('citizens').select(['id', 'display_name', 'email']).where('id', '=', input.citizenId).forUpdate().executeTakeFirstOrThrow()
    if (v.verified_at) throw new ConflictError('这个链接已经用过了。请到“通知邮箱”页面查看当前的邮箱。 This link was already used; see the notice email page for your current address.', 'email_link_used')
    if (v.cancelled_at) throw new ConflictError('这个链接已失效：之后又发送了新的验证邮件，或邮箱已删除。请使用最新一封验证邮件中的链接。 This link was replaced by a newer email or the address was removed; use the link in the newest email.', 'email_link_replaced')
    if (v.expires_at <= now) throw new ValidationError('这个链接已过期（24小时内有效）。请到“通知邮箱”页面重新发送验证邮件。 This link expired (it lasts 24 hours); send a new one from the notice email page.', [], 'email_link_expired')
    const used = await tx
      .updateTable('citizen_email_verifications')
      .set({ verified_at: now })
      .where('id', '=', v.id)
      .where('verified_at', 'is', null)
      .where('cancelled_at', 'is', null)
      .executeTakeFirst()
    if (Number(used.numUpdatedRows) !== 1) throw new ConflictError('这个链接已经用过了。请到“通知邮箱”页面查看当前的邮箱。 This link was already used.', 'email_link_used')
    await tx.updateTable('citizens').set({ email: v.email }).where('id', '=', me.id).execute()
    const emailMasked = maskEmail(v.email)
    await recordAudit(tx, {
      actor: { type: 'citizen', id: me.id, name: me.display_name },
      action: 'identity.citizen.email.verified',
      subject: { type: 'citizen', id: me.id },
      details: { email: emailMasked, previous: me.email ? maskEmail(me.email) : null, verificationId: v.id },
    })
    return { emailMasked }
  })
}
