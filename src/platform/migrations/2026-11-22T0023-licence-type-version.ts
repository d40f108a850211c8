import { sql, type Kysely } from 'kysely'

/**
 * 证照类型 become editable in the back office (licences/licence-types.ts): `version` is the optimistic lock of an
 * edit. `updated_at` cannot serve — every issuance bumps it with the serial counter, so an officer approving a case
 * would make an editor's open form stale. Existing rows start at version 1.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table licence_types add column version integer not null default 1 check (version >= 1)`.execute(db)
}
