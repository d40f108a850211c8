import { buildApp } from '../src/app'
import type { Deps } from '../src/deps'
import { parseConfig } from '../src/platform/config'
import { createLogger } from '../src/platform/logger'
import { createCatalogSearch } from '../src/modules/catalog'
import { testDb } from './db'
import { composeDeps } from '../src/main/compose'
import { createSecrets, TEST_SECRET_KEY } from '../src/platform/secrets'
import { memoryMailer, memorySmsGateway } from '../src/modules/notifications'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testEnv } from '../src/platform/config'

/**
 * An app on a fresh real test database, for in-process HTTP tests: `const t = await testApp(); await
 * t.app.request('/path')`. Close it in after().
 */
export async function testApp(kind: 'migrated' | 'seeded' = 'seeded', logDestination?: { write(s: string): void }) {
  const sms = memorySmsGateway()
  const mailer = memoryMailer()
  const handle = await testDb(kind)
  // Uploaded files go to a scratch folder of this app, removed on close.
  const scratch = testEnv('YIWANG_TEST_TMP') ?? tmpdir()
  await mkdir(scratch, { recursive: true })
  const uploadDir = await mkdtemp(join(scratch, 'uploads-'))
  const config = { ...parseConfig({ NODE_ENV: 'test', PUBLIC_URL: 'http://localhost:3000' }), databaseUrl: undefined, uploadDir }
  const log = createLogger(logDestination ? 'debug' : 'silent', logDestination as never)
  const search = createCatalogSearch(handle.db, { refreshMs: 100 })
  await search.ready()
  // The job queue never polls in the background here: tests run due jobs with `t.deps.jobs.drain()`.
  const deps: Deps = composeDeps({ config, db: handle.db, dbKind: handle.kind, log, search, sms, mailer, jobsPoll: false, secrets: createSecrets(Buffer.from(TEST_SECRET_KEY, 'base64')) })
  await deps.jobs.start()
  const app = buildApp(deps)
  return {
    app,
    deps,
    /** The fake SMS gateway: read the codes the app "sent". */
    sms,
    /** The fake mail server: the e-mails the app "sent". */
    mailer,
    db: handle.db,
    /** Root of this app's blob storage (a fresh temporary folder). */
    uploadDir,
    async close() {
      search.close()
      await deps.jobs.stop()
      await handle.close()
      await rm(uploadDir, { recursive: true, force: true })
    },
  }
}
