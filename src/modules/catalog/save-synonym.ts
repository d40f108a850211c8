import type { DB } from '../../platform/database'
import { recordAudit, type Actor } from '../../platform/audit'
import { ConflictError, NotFoundError } from '../../platform/errors'
import { uuidv7 } from '../../platform/ids'
import { validateSynonym, type SynonymInput } from './synonym-validation'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export type SavedSynonym = { id: string; phrase: string; expansions: string[]; note: string | null; created: boolean }

/**
 * Creates or updates one search synonym (everyday phrase → official terms) with its audit entry, in one
 * transaction. Without `id` it upserts by phrase; with `id` it edits that entry (the phrase may change).
 * Search engines pick the change up on their next refresh.
 */
export async function saveSynonym(db: DB, input: SynonymInput & { id?: string; actor: Actor }): Promise<SavedSynonym> {
  const s = validateSynonym(input)
  const who = input.actor.name ?? input.actor.id ?? input.actor.type
  return db.transaction().execute(async (tx) => {
    const byPhrase = await tx.selectFrom('search_synonyms').selectAll().where('phrase', '=', s.phrase).forUpdate().executeTakeFirst()
    let target = byPhrase
    if (input.id) {
      if (!UUID.test(input.id)) throw new NotFoundError('该同义词条目不存在或已被删除。 This synonym entry does not exist.', 'synonym_not_found')
      target = await tx.selectFrom('search_synonyms').selectAll().where('id', '=', input.id).forUpdate().executeTakeFirst()
      if (!target) throw new NotFoundError('该同义词条目不存在或已被删除。 This synonym entry does not exist.', 'synonym_not_found')
      if (byPhrase && byPhrase.id !== input.id) {
        throw new ConflictError(`搜索词“${s.phrase}”已有条目，请直接编辑那一条。 The phrase already has an entry.`, 'synonym_exists')
      }
    }
    const now = new Date()
    if (target) {
      await tx.updateTable('search_synonyms').set({ phrase: s.phrase, expansions: s.expansions, note: s.note, updated_by: who, updated_at: now }).where('id', '=', target.id).execute()
      await recordAudit(tx, {
        actor: input.actor, action: 'catalog.synonym_updated', subject: { type: 'search_synonym', id: target.id },
        details: { before: { phrase: target.phrase, expansions: target.expansions, note: target.note }, after: s },
      })
      return { id: target.id, ...s, created: false }
    }
    const id = uuidv7()
    await tx.insertInto('search_synonyms').values({ id, phrase: s.phrase, expansions: s.expansions, note: s.note, updated_by: who, updated_at: now }).execute()
    await recordAudit(tx, { actor: input.actor, action: 'catalog.synonym_created', subject: { type: 'search_synonym', id }, details: { ...s } })
    return { id, ...s, created: true }
  })
}
