import type { Executor } from '../../platform/database'
import { UUID_RE } from '../../platform/ids'

export type Recipient = { kind: 'citizen' | 'staff'; id: string }
export type Contact = { phone: string | null; email: string | null; disabled: boolean }

/**
 * Where a recipient can be reached, read at the moment of use (the delivery rows keep only masked addresses, so a
 * changed phone or e-mail is honoured by later retries). A minimal read of identity's account tables
 * (citizens.phone and .email are stored plain; staff_users.email since migration 0012): the notifications module
 * is a leaf that every module may call, so it cannot call identity back. Null for an unknown recipient.
 */
export async function contactOf(db: Executor, to: Recipient): Promise<Contact | null> {
  if (!UUID_RE.test(to.id)) return null
  if (to.kind === 'citizen') {
    const r = await db.selectFrom('citizens').select(['phone', 'email', 'disabled']).where('id', '=', to.id).executeTakeFirst()
    return r ? { phone: r.phone, email: r.email, disabled: r.disabled } : null
  }
  const r = await db.selectFrom('staff_users').select(['email', 'disabled']).where('id', '=', to.id).executeTakeFirst()
  return r ? { phone: null, email: r.email, disabled: r.disabled } : null
}
