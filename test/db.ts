import { cpSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { createHash, randomBytes } from 'node:crypto'
import pg from 'pg'
import { parseConfig, testEnv } from '../src/platform/config'
import { openDatabase, type DatabaseHandle } from '../src/platform/database'

/** Per-checkout scratch space; YIWANG_TEST_TMP gives parallel runs in one checkout their own. */
const TMP = testEnv('YIWANG_TEST_TMP') ?? join(new URL('..', import.meta.url).pathname, '.tmp')
export const TEMPLATE_DIR = join(TMP, 'templates')
const PG_SUFFIX = testEnv('YIWANG_TEST_TMP') ? '_' + createHash('sha256').update(TMP).digest('hex').slice(0, 6) : ''
export const PG_TEMPLATES = { migrated: `yiwang_tpl_migrated${PG_SUFFIX}`, seeded: `yiwang_tpl_seeded${PG_SUFFIX}` } as const

/** The maintenance database URL (same server, database "postgres"). */
export function adminUrl(databaseUrl: string): string {
  const u = new URL(databaseUrl)
  u.pathname = '/postgres'
  return u.toString()
}

/**
 * A fresh database for one test file, copied from a template made by test/global-setup.ts:
 * real PGlite or real PostgreSQL (when DATABASE_URL is set) — never a mock.
 */
export async function testDb(kind: 'migrated' | 'seeded' = 'migrated'): Promise<DatabaseHandle> {
  const cfg = parseConfig()
  const suffix = randomBytes(5).toString('hex')
  if (cfg.databaseUrl) {
    const name = `yiwang_t_${suffix}`
    const admin = new pg.Client({ connectionString: adminUrl(cfg.databaseUrl) })
    await admin.connect()
    await admin.query(`create database ${name} template ${PG_TEMPLATES[kind]}`)
    await admin.end()
    const url = new URL(cfg.databaseUrl)
    url.pathname = `/${name}`
    const h = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 })
    return {
      ...h,
      async close() {
        await h.close()
        const a = new pg.Client({ connectionString: adminUrl(cfg.databaseUrl!) })
        await a.connect()
        await a.query(`drop database if exists ${name} with (force)`)
        await a.end()
      },
    }
  }
  const dir = join(TEMPLATE_DIR, '..', `db-${suffix}`)
  cpSync(join(TEMPLATE_DIR, kind), dir, { recursive: true })
  const h = await openDatabase({ pgliteDir: dir })
  return {
    ...h,
    async close() {
      await h.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** An empty database `name` on the server of `serverUrl` (for tests that run the real CLI against a bare store); its URL. */
export async function createScratchDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl(serverUrl) })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const u = new URL(serverUrl)
  u.pathname = `/${name}`
  return u.toString()
}

export async function dropScratchDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl(serverUrl) })
  await admin.connect()
  await admin.query(`drop database if exists ${name} with (force)`)
  await admin.end()
}
