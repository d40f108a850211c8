import { sql, type Kysely } from 'kysely'

/**
 * The W3C status lists (licences/web/status-lists.ts) read the bits of revoked and suspended licences on every
 * request: a partial index holds only those rows, so the read stays small however many licences are valid.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index licences_listed_status on licences (status, status_index) where status in ('revoked', 'suspended')`.execute(db)
}
