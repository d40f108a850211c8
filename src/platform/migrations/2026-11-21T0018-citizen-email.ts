import { sql, type Kysely } from 'kysely'

/**
 * Citizens set and verify the e-mail address their notices go to (identity, /account/email).
 *  - citizen_email_verifications: one row per verification mail. The link carries a random 32-byte token; only its
 *    SHA-256 (hex) is stored. 24 hours to live, used once (verified_at), bound to the citizen AND the address.
 *    A newer request, or removing the address, cancels the open one (cancelled_at): at most one open row per citizen
 *    (partial unique index). The rows of the last 24 hours are also the daily limit of verification mails.
 *  - citizens.email (0002) stays the VERIFIED address notices use; a pending address lives only here, so nothing is
 *    ever mailed to an address nobody proved they read.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table citizen_email_verifications (
      id uuid primary key,
      citizen_id uuid not null references citizens (id) on delete cascade,
      email text not null check (char_length(email) <= 254 and email ~ '^[^@\\s]+@[^@\\s]+$'),
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      verified_at timestamptz,
      cancelled_at timestamptz
    );
    create index citizen_email_verifications_citizen on citizen_email_verifications (citizen_id, created_at);
    create unique index citizen_email_verifications_open on citizen_email_verifications (citizen_id) where verified_at is null and cancelled_at is null;
  `.execute(db)
}
