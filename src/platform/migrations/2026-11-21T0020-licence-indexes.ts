import { sql, type Kysely } from 'kysely'

/**
 * The back office's licence list (licences/backoffice/licence-view.ts): a department's licences newest first
 * (uuidv7 ids sort by time), keyset-paged by id; and the search by 证照编号 prefix.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index licences_issuer_list on licences (issuer_department_id, id desc);
    create index licences_number on licences (number text_pattern_ops);
  `.execute(db)
}
