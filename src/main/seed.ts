import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import type { DB } from '../platform/database'
import type { Logger } from '../platform/logger'
import type { Secrets } from '../platform/secrets'
import { recordAudit, type Actor } from '../platform/audit'
import { uuidv7 } from '../platform/ids'
import { importCatalog } from '../modules/catalog'

const SEED_DIR = fileURLToPath(new URL('../modules/catalog/seed/', import.meta.url))
const SEED_ACTOR: Actor = { type: 'system', name: 'seed' }

type DepartmentSeed = { name: string; nameEn?: string; code: string; description?: string; address?: string; phone?: string }
type ThemeSeed = { slug: string; name: string; nameEn?: string; audience: 'individual' | 'enterprise'; sort?: number; description?: string }

/** True when the catalogue has no items yet (npm start seeds only then). */
export async function isEmpty(db: DB): Promise<boolean> {
  const r = await db.selectFrom('service_items').select(sql<number>`count(*)::int`.as('n')).executeTakeFirst()
  return Number(r?.n ?? 0) === 0
}

/**
 * Demo data for 苏州市 (synthetic department codes with valid GB 32100 check characters): departments,
 * themes, the service catalogue (through the real importer), popularity figures, search synonyms and a
 * catalogue-editor account. Idempotent: running it again changes nothing that is already there.
 */
export async function seedDemo(db: DB, opts: SeedOptions): Promise<{ items: number; editorPassword?: string } & Record<string, string | number>> {
  const departments = JSON.parse(readFileSync(join(SEED_DIR, 'departments.json'), 'utf8')) as DepartmentSeed[]
  const themes = JSON.parse(readFileSync(join(SEED_DIR, 'themes.json'), 'utf8')) as ThemeSeed[]
  await db.transaction().execute(async (tx) => {
    for (const d of departments) {
      await tx
        .insertInto('departments')
        .values({ id: uuidv7(), code: d.code, name: d.name, name_en: d.nameEn ?? null, slug: d.code.toLowerCase(), region_code: d.code.slice(2, 8) /* GB 32100 positions 3–8: registering region */, description: d.description ?? null, address: d.address ?? null, phone: d.phone ?? null })
        .onConflict((oc) => oc.column('code').doUpdateSet({ name_en: d.nameEn ?? null, description: d.description ?? null, address: d.address ?? null, phone: d.phone ?? null }))
        .execute()
    }
    for (const [i, th] of themes.entries()) {
      await tx
        .insertInto('themes')
        .values({ slug: th.slug, name: th.name, name_en: th.nameEn ?? null, audience: th.audience, sort: th.sort ?? i, description: th.description ?? null })
        .onConflict((oc) => oc.column('name').doUpdateSet({ name_en: th.nameEn ?? null, description: th.description ?? null, sort: th.sort ?? i }))
        .execute()
    }
    await recordAudit(tx, { actor: SEED_ACTOR, action: 'seed.reference_data', subject: { type: 'catalog' }, details: { departments: departments.length, themes: themes.length } })
  })

  const itemDir = join(SEED_DIR, 'items')
  const lines = readdirSync(itemDir).filter((f) => f.endsWith('.jsonl')).sort().flatMap((f) => readFileSync(join(itemDir, f), 'utf8').split('\n'))
  const report = await importCatalog(db, lines, { actor: SEED_ACTOR, note: '演示数据 demo seed' })
  if (report.failed) {
    throw new Error(`seed catalogue has ${report.failed} bad lines: ${report.errors.slice(0, 5).map((e) => `line ${e.line} ${e.field}: ${e.message}`).join('; ')}`)
  }
  const popularity = JSON.parse(readFileSync(join(SEED_DIR, 'popularity.json'), 'utf8')) as Record<string, number>
  for (const [code, n] of Object.entries(popularity)) {
    await db.updateTable('service_items').set({ popularity: n, search_rev: sql`nextval('catalog_search_rev')` }).where('code', '=', code).execute()
  }
  const extra = await seedHooks.reduce(async (acc, hook) => ({ ...(await acc), ...(await hook(db, opts)) }), Promise.resolve({} as Record<string, string>))
  opts.log.info({ created: report.created, unchanged: report.unchanged }, 'demo catalogue seeded')
  return { items: report.created + report.updated + report.unchanged, ...extra }
}

/** Other modules' demo data (search synonyms, staff accounts), wired in src/main/seed-hooks.ts. */
export type SeedHook = (db: DB, opts: SeedOptions) => Promise<Record<string, string>>
/** `secrets` seals demo secrets (OAuth clients); without it hooks that need it skip (test templates). */
export type SeedOptions = { log: Logger; adminPassword?: string | undefined; secrets?: Secrets | undefined }
import { seedHooks } from './seed-hooks'
