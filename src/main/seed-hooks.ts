import type { SeedHook } from './seed'
import { seedDemoStaff } from '../modules/identity'
import { seedSearchSynonyms } from '../modules/catalog'

/** Demo-data hooks of modules other than the catalogue, run after the catalogue is seeded. */
export const seedHooks: SeedHook[] = []

// identity: the demo catalogue editor account (user "editor").
seedHooks.push((db, opts) => seedDemoStaff(db, opts))

// catalog search: the curated everyday-phrase → official-terms dictionary (search_synonyms).
seedHooks.push((db) => seedSearchSynonyms(db))
