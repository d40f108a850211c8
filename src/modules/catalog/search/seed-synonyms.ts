import { readFileSync } from 'node:fs'
import type { DB } from '../../../platform/database'
import { recordAudit } from '../../../platform/audit'
import { uuidv7 } from '../../../platform/ids'

type Group = [string[], string[]]
type SynonymFile = { groups: Group[]; english: Group[] }

/** The curated starting dictionary (data/synonyms.json) as rows; a phrase listed in several groups gets all their terms. */
export function seedSynonymRows(): { phrase: string; expansions: string[]; note: string }[] {
  const file = JSON.parse(readFileSync(new URL('./data/synonyms.json', import.meta.url), 'utf8')) as SynonymFile
  const rows = new Map<string, { phrase: string; expansions: string[]; note: string }>()
  const add = (groups: Group[], note: string) => {
    for (const [phrases, expansions] of groups) {
      for (const raw of phrases) {
        const phrase = raw.trim()
        const row = rows.get(phrase)
        if (row) row.expansions = [...new Set([...row.expansions, ...expansions])].slice(0, 10)
        else rows.set(phrase, { phrase, expansions: [...expansions], note })
      }
    }
  }
  add(file.groups, '常用说法 everyday phrase')
  add(file.english, '英文 English')
  return [...rows.values()]
}

/**
 * Seed hook: loads the dictionary into search_synonyms. Existing phrases are left alone, so administrators'
 * edits survive re-seeding; one audit entry records the load.
 */
export async function seedSearchSynonyms(db: DB): Promise<Record<string, string>> {
  const rows = seedSynonymRows()
  await db.transaction().execute(async (tx) => {
    let added = 0
    for (let i = 0; i < rows.length; i += 200) {
      const chunk = rows.slice(i, i + 200).map((r) => ({ id: uuidv7(), phrase: r.phrase, expansions: r.expansions, note: r.note, updated_by: 'seed' }))
      const res = await tx.insertInto('search_synonyms').values(chunk).onConflict((oc) => oc.column('phrase').doNothing()).returning('id').execute()
      added += res.length
    }
    await recordAudit(tx, { actor: { type: 'system', name: 'seed' }, action: 'seed.search_synonyms', subject: { type: 'search_synonym' }, details: { entries: rows.length, added } })
  })
  return {}
}
