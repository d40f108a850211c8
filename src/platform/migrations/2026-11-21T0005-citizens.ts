import { sql, type Kysely } from 'kysely'

/**
 * Citizen accounts (issue 3): what 0002 did not foresee.
 *  - citizens.totp_last_step: the time step of the last accepted TOTP code, so a code seen once cannot be used
 *    again (RFC 6238 §5.2). integer is enough: steps of 30 s stay below 2^31 until the year 4000.
 *  - audit_log (action, occurred_at): sign-in throttling counts recent failures per IP from the audit record
 *    (details->>'ip'); the index keeps that a scan of the last minutes, not of the whole chain.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table citizens add column totp_last_step integer;
    create index audit_log_action_time on audit_log (action, occurred_at);
  `.execute(db)
}
