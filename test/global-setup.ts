/**
 * Prepares the template databases once per test run; each test file then gets a fresh copy in ~0.5 s
 * (creating a PGlite data dir from scratch takes 5–10 s — ARCHITECTURE.md §8).
 *  - PGlite: .tmp/template-migrated and .tmp/template-seeded (migrated + demo catalogue)
 *  - PostgreSQL (DATABASE_URL set): databases yiwang_tpl_migrated and yiwang_tpl_seeded
 */
import { rmSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { parseConfig } from '../src/platform/config'
import { openDatabase } from '../src/platform/database'
import { migrateToLatest } from '../src/platform/migrations'
import { seedDemo } from '../src/main/seed'
import { createLogger } from '../src/platform/logger'
import { TEMPLATE_DIR, PG_TEMPLATES, adminUrl } from './db'

const cfg = parseConfig()
const log = createLogger('warn')
const t0 = Date.now()

async function build(kind: 'migrated' | 'seeded') {
  if (cfg.databaseUrl) {
    const admin = new pg.Client({ connectionString: adminUrl(cfg.databaseUrl) })
    await admin.connect()
    const name = PG_TEMPLATES[kind]
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`, [name])
    await admin.query(`drop database if exists ${name}`)
    await admin.query(`create database ${name}`)
    await admin.end()
    const url = new URL(cfg.databaseUrl)
    url.pathname = `/${name}`
    const h = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 })
    await migrateToLatest(h.db)
    if (kind === 'seeded') await seedDemo(h.db, { log, adminPassword: 'editor-password-1' })
    await h.close()
  } else {
    const dir = join(TEMPLATE_DIR, kind)
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    const h = await openDatabase({ pgliteDir: dir })
    await migrateToLatest(h.db)
    if (kind === 'seeded') await seedDemo(h.db, { log, adminPassword: 'editor-password-1' })
    await h.close()
  }
}
await build('migrated')
await build('seeded')
console.log(`test templates ready in ${Date.now() - t0} ms`)
