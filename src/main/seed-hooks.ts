import type { SeedHook } from './seed'
import { seedDemoStaff, seedDemoOauthClients } from '../modules/identity'
import { departmentDirectory, seedItemForms, seedSearchSynonyms } from '../modules/catalog'
import { seedRegistries } from '../modules/exchange'
import { seedSharedDatasets } from '../modules/exchange'
import { seedLicenceTypes } from '../modules/licences'

/** Demo-data hooks of modules other than the catalogue, run after the catalogue is seeded. */
export const seedHooks: SeedHook[] = []

// identity: demo staff accounts (editor, admin, window1, window2, officer1, head1, district1, supervisor1; README).
seedHooks.push((db, opts) => seedDemoStaff(db, { ...opts, directory: departmentDirectory(db) }))

// catalog search: the curated everyday-phrase → official-terms dictionary (search_synonyms).
seedHooks.push((db) => seedSearchSynonyms(db))

// catalog forms: the curated application forms of the journey's items (forms/seed/<code>.json) as their version 1.
seedHooks.push((db) => seedItemForms(db))

// exchange: the demo 数据共享目录 (shared datasets with provider departments, share types, fields).
seedHooks.push((db) => seedSharedDatasets(db))

// exchange: the simulated base registries (10,000 people, 2,000 enterprises, 3,000 addresses; demo identities in README).
seedHooks.push(async (db) => {
  await seedRegistries(db)
  return {}
})

// identity: demo OAuth clients of 苏州市市场监督管理局 (SSO website + exchange system); secrets printed once by the CLI.
seedHooks.push((db, opts) => (opts.secrets ? seedDemoOauthClients(db, opts.secrets, departmentDirectory(db)) : Promise.resolve({})))

// licences: a 证照类型 for every licence the catalogue's items produce (curated faces for the journey's types).
seedHooks.push((db) => seedLicenceTypes(db))
