import type { SeedHook } from './seed'

/** Demo-data hooks of modules other than the catalogue, run after the catalogue is seeded. */
export const seedHooks: SeedHook[] = []
