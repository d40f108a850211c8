import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely'
import * as m0001 from './2026-11-21T0001-foundation'
import * as m0002 from './2026-11-21T0002-identity-exchange'
import * as m0005 from './2026-11-21T0005-citizens'
import * as m0006 from './2026-11-21T0006-enterprises'
import * as m0007 from './2026-11-21T0007-staff'
import * as m0008 from './2026-11-21T0008-oidc'
import * as m0009 from './2026-11-21T0009-passkeys'
import * as m0010 from './2026-11-21T0010-applications-cases'
import * as m0011 from './2026-11-21T0011-calendar'
import * as m0012 from './2026-11-21T0012-notifications'
import * as m0013 from './2026-11-21T0013-uploads'
import * as m0014 from './2026-11-21T0014-item-forms'
import * as m0016 from './2026-11-21T0016-worklist-indexes'
import * as m0018 from './2026-11-21T0018-citizen-email'
import * as m0019 from './2026-11-21T0019-licences'
import * as m0020 from './2026-11-21T0020-licence-indexes'
import * as m0022 from './2026-11-22T0022-licence-status-lists'
import * as m0023 from './2026-11-22T0023-licence-type-version'

/** Forward-only migrations, in order. Add new files here; never edit one that has shipped. */
const migrations: Record<string, Migration> = {
  '2026-11-21T0001-foundation': m0001,
  '2026-11-21T0002-identity-exchange': m0002,
  '2026-11-21T0005-citizens': m0005,
  '2026-11-21T0006-enterprises': m0006,
  '2026-11-21T0007-staff': m0007,
  '2026-11-21T0008-oidc': m0008,
  '2026-11-21T0009-passkeys': m0009,
  '2026-11-21T0010-applications-cases': m0010,
  '2026-11-21T0011-calendar': m0011,
  '2026-11-21T0012-notifications': m0012,
  '2026-11-21T0013-uploads': m0013,
  '2026-11-21T0014-item-forms': m0014,
  '2026-11-21T0016-worklist-indexes': m0016,
  '2026-11-21T0018-citizen-email': m0018,
  '2026-11-21T0019-licences': m0019,
  '2026-11-21T0020-licence-indexes': m0020,
  '2026-11-22T0022-licence-status-lists': m0022,
  '2026-11-22T0023-licence-type-version': m0023,
}

class StaticProvider implements MigrationProvider {
  async getMigrations() {
    return migrations
  }
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Unordered: slots are reserved per feature and may land out of name order on a developer database.
  const migrator = new Migrator({ db, provider: new StaticProvider(), allowUnorderedMigrations: true })
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String((error as Error).message ?? error)}`)
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
