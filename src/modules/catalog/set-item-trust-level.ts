import { recordAudit, type Actor } from '../../platform/audit'
import type { DB } from '../../platform/database'
import { ValidationError } from '../../platform/errors'
import { itemNotFound } from './catalog-errors'

export type SetItemTrustLevelInput = { code: string; level: number; actor: Actor }

/**
 * Sets the 实名可信等级 an item needs for online application (1 registered, 2 real-name verified, 3 verified with a
 * second factor or at a counter — standards.md §B.2 "let each item declare a minimum level"). It is platform
 * policy, not part of the national exchange format, so it is a column beside the versioned record and its
 * history is the audit trail (`catalog.item.trust_level_changed` with from/to). Same level → nothing written.
 */
export async function setItemTrustLevel(db: DB, input: SetItemTrustLevelInput): Promise<{ changed: boolean; level: number }> {
  if (!Number.isInteger(input.level) || input.level < 1 || input.level > 3) {
    throw new ValidationError('请选择 1、2 或 3 级。 Choose level 1, 2 or 3.', [{ field: 'minTrustLevel', message: '请选择 1、2 或 3 级。 Choose level 1, 2 or 3.' }], 'trust_level_invalid')
  }
  return db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('service_items').select(['id', 'min_trust_level']).where('code', '=', input.code).forUpdate().executeTakeFirst()
    if (!row) throw itemNotFound(input.code)
    if (row.min_trust_level === input.level) return { changed: false, level: input.level }
    await tx.updateTable('service_items').set({ min_trust_level: input.level }).where('id', '=', row.id).execute()
    await recordAudit(tx, {
      actor: input.actor,
      action: 'catalog.item.trust_level_changed',
      subject: { type: 'service_item', id: input.code },
      details: { from: row.min_trust_level, to: input.level },
    })
    return { changed: true, level: input.level }
  })
}
