import type { DB } from '../../platform/database'
import { recordAudit, type Actor } from '../../platform/audit'
import { NotFoundError } from '../../platform/errors'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Deletes one search synonym and records what it was, in one transaction. */
export async function deleteSynonym(db: DB, input: { id: string; actor: Actor; reason?: string | null }): Promise<void> {
  if (!UUID.test(input.id)) throw new NotFoundError('该同义词条目不存在或已被删除。 This synonym entry does not exist.', 'synonym_not_found')
  await db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('search_synonyms').selectAll().where('id', '=', input.id).forUpdate().executeTakeFirst()
    if (!row) throw new NotFoundError('该同义词条目不存在或已被删除。 This synonym entry does not exist.', 'synonym_not_found')
    await tx.deleteFrom('search_synonyms').where('id', '=', input.id).execute()
    await recordAudit(tx, {
      actor: input.actor, action: 'catalog.synonym_deleted', subject: { type: 'search_synonym', id: row.id },
      reason: input.reason ?? null, details: { phrase: row.phrase, expansions: row.expansions, note: row.note },
    })
  })
}
