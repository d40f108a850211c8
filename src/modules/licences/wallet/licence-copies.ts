import { recordAudit, type Actor } from '../../../platform/audit'
import { isIsoDate, shanghaiDate } from '../../../platform/calendar'
import { canonicalJson } from '../../../platform/canonical-json'
import type { DB, Executor } from '../../../platform/database'
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../../platform/errors'
import { uuidv7, UUID_RE } from '../../../platform/ids'
import type { Secrets } from '../../../platform/secrets'
import { signBytes } from '../crypto'
import { activeKey } from '../licence-keys'
import { licencePdf } from '../licence-exports'
import { LICENCE_STATUS } from '../licence-lifecycle'
import { getWalletLicence, holds, statusOn, type WalletHolder } from './wallet-queries'

/**
 * 加注件 (standards.md §B.5: 加注件制作时间, 制作者, 制作事由, 有效期截至时间; digital signature): a copy of a valid
 * licence made by its holder for ONE use, valid until a date no later than the licence's own and at most a year
 * ahead. The canonical JSON {licence, purpose, validUntil, madeAt, madeBy} is signed with the issuing department's
 * active key — the platform vouches for the copy as it does for the licence — and the PDF carries the watermark
 * "仅供办理{purpose}使用，有效期至{date}".
 */
export type CopyDocument = {
  schema: 'yiwang.licence-copy/1'
  licence: string
  purpose: string
  validUntil: string
  madeAt: string
  madeBy: { type: 'citizen'; name: string }
  kid: string
  alg: string
}
export type MakeCopyInput = { licenceId: string; holder: WalletHolder; citizen: { id: string; name: string }; purpose: string; validUntil: string; now?: Date }

/** YYYY-MM-DD + 1 year (29 Feb → 28 Feb). */
export function oneYearAfter(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const end = new Date(Date.UTC(y + 1, m - 1, d))
  if (end.getUTCMonth() !== m - 1) end.setUTCDate(0)
  return end.toISOString().slice(0, 10)
}

/** 2027-03-05 → 2027年3月5日 */
export const chineseDate = (day: string) => {
  const [y, m, d] = day.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

export const copyWatermark = (purpose: string, validUntil: string) => `仅供办理${purpose}使用，有效期至${chineseDate(validUntil)}`

export async function makeLicenceCopy(deps: { db: DB; secrets: Secrets }, input: MakeCopyInput) {
  const now = input.now ?? new Date()
  const today = shanghaiDate(now)
  const purpose = (input.purpose ?? '').trim().replace(/\s+/g, ' ')
  const until = (input.validUntil ?? '').trim()
  const errors: FieldError[] = []
  if (purpose.length < 2 || purpose.length > 200) errors.push({ field: 'purpose', message: '请填写用途（2–200字），例如“银行开户”。 Say what it is for (2–200 characters).' })
  if (!isIsoDate(until)) errors.push({ field: 'validUntil', message: '请填写有效期截止日期，格式如 2026-12-31。 Give the last valid day as YYYY-MM-DD.' })
  return deps.db.transaction().execute(async (tx) => {
    const row = await getWalletLicence(tx, input.holder, input.licenceId)
    const status = statusOn(row, today)
    if (status !== 'valid') throw new ConflictError(`该证照当前状态为“${LICENCE_STATUS[status].zh}”，不能制作加注件。 Only a valid licence can be copied.`, 'licence_not_usable')
    if (!errors.length) {
      const max = [oneYearAfter(today), ...(row.valid_until ? [row.valid_until] : [])].sort()[0]!
      if (until < today) errors.push({ field: 'validUntil', message: '有效期截止日期不能早于今天。 The date cannot be in the past.' })
      else if (until > max) errors.push({ field: 'validUntil', message: `有效期最长到 ${max}（不晚于证照有效期，且不超过一年）。 At most ${max} (the licence's validity, and one year).` })
    }
    if (errors.length) throw new ValidationError('加注件信息有误，请按提示修改。 Check the copy details.', errors, 'licence_copy_invalid')
    const key = await activeKey(tx, deps.secrets, row.issuer_department_id, now)
    const doc: CopyDocument = { schema: 'yiwang.licence-copy/1', licence: row.identifier, purpose, validUntil: until, madeAt: now.toISOString(), madeBy: { type: 'citizen', name: input.citizen.name }, kid: key.kid, alg: key.algorithm }
    const text = canonicalJson(doc)
    const id = uuidv7(now.getTime())
    const actor: Actor = { type: 'citizen', id: input.citizen.id, name: input.citizen.name }
    await tx.insertInto('licence_copies').values({ id, licence_id: row.id, purpose, made_by_citizen_id: input.citizen.id, made_by_staff_id: null, valid_until: until, signed_json: text, signature: signBytes(key.algorithm, key.privateKey, Buffer.from(text, 'utf8')), kid: key.kid, created_at: now }).execute()
    await tx.insertInto('licence_events').values({ id: uuidv7(now.getTime()), licence_id: row.id, action: 'copy_made', reason: purpose, actor_type: 'citizen', actor_id: input.citizen.id, actor_name: input.citizen.name, at: now, details: JSON.stringify({ copyId: id, validUntil: until }) }).execute()
    await recordAudit(tx, { actor, action: 'licence.copy_made', subject: { type: 'licence', id: row.id }, details: { copyId: id, identifier: row.identifier, purpose, validUntil: until, kid: key.kid } })
    return { id, licenceId: row.id, purpose, validUntil: until }
  })
}

/** The PDF of a 加注件 of this holder's licence (404 for anyone else's, like the licence itself). */
export async function copyPdf(db: Executor, holder: WalletHolder, copyId: string, opts: { publicUrl: string }): Promise<{ pdf: Buffer; number: string }> {
  const notFound = new NotFoundError('找不到这份加注件，或它不属于您。请从证照页面进入。 Copy not found, or not yours.', 'licence_copy_not_found')
  if (!UUID_RE.test(copyId)) throw notFound
  const copy = await db.selectFrom('licence_copies').selectAll().where('id', '=', copyId).executeTakeFirst()
  if (!copy) throw notFound
  const row = await db.selectFrom('licences').selectAll().where('id', '=', copy.licence_id).executeTakeFirst()
  if (!row || !holds(holder, row)) throw notFound
  return { pdf: await licencePdf(db, row, { publicUrl: opts.publicUrl, annotation: copyWatermark(copy.purpose, copy.valid_until) }), number: row.number }
}
