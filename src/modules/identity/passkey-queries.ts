import type { Executor } from '../../platform/database'
import { ValidationError } from '../../platform/errors'
import { maskText } from '../../platform/privacy'

/** A citizen's passkey as pages show it (the public key never leaves the operations). */
export type Passkey = { id: string; label: string; createdAt: Date; lastUsedAt: Date | null }

/** At most this many passkeys per account (a phone, a laptop, a security key or two — with room to spare). */
export const MAX_PASSKEYS = 10
export const MAX_PASSKEY_LABEL = 40

export async function listPasskeys(db: Executor, citizenId: string): Promise<Passkey[]> {
  const rows = await db.selectFrom('passkeys').select(['id', 'label', 'created_at', 'last_used_at']).where('citizen_id', '=', citizenId).orderBy('created_at').orderBy('id').execute()
  return rows.map((r) => ({ id: r.id, label: r.label, createdAt: new Date(r.created_at), lastUsedAt: r.last_used_at ? new Date(r.last_used_at) : null }))
}

/** One of THIS citizen's passkeys, or undefined (someone else's id answers like an unknown one). */
export async function findPasskeyOf(db: Executor, citizenId: string, id: string): Promise<Passkey | undefined> {
  if (id.length > 1400) return undefined
  return (await listPasskeys(db, citizenId)).find((p) => p.id === id)
}

/**
 * The name the citizen gives a passkey ("我的手机"): trimmed, one line, at most 40 characters; empty → a
 * dated default. A phone or ID number typed into it is masked (labels are shown on pages and audited).
 */
export function cleanPasskeyLabel(raw: string, fallback: string): string {
  const label = raw.replace(/\s+/g, ' ').trim()
  if ([...label].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) throw labelError()
  if ([...label].length > MAX_PASSKEY_LABEL) throw labelError()
  return maskText(label || fallback)
}

function labelError(): ValidationError {
  const message = `通行密钥名称请不超过${MAX_PASSKEY_LABEL}个字。 Keep the passkey name under ${MAX_PASSKEY_LABEL} characters.`
  return new ValidationError(message, [{ field: 'label', message }], 'passkey_label_invalid')
}
