import { sql, type Kysely } from 'kysely'

/**
 * Staff accounts (issue 3): what 0002 did not foresee.
 *  - staff_users.totp_last_step: the time step of the last accepted TOTP code, so a code seen once cannot be
 *    used again (RFC 6238 §5.2). integer: 30 s steps stay below 2^31 until the year 4000.
 *  - staff_roles (staff_id) index: every request loads the signed-in person's grants.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table staff_users add column totp_last_step integer;
    create index staff_roles_staff on staff_roles (staff_id);
  `.execute(db)
}
