import { sql, type Kysely } from 'kysely'

/**
 * Passkeys (issue 3, "optionally a passkey"): one-time WebAuthn challenges.
 *  - webauthn_challenges: the random challenge handed to the browser for navigator.credentials.create/get,
 *    5 minutes to live, consumed on first use (a guarded update on consumed_at: a replayed response finds no
 *    live row). citizen_id is set for adding a passkey (bound to the signed-in citizen) and null for a
 *    usernameless sign-in (nobody is known yet). Old rows are swept when new challenges are made.
 *  - passkeys (0002) is used as it is: id = credential id (base64url), COSE public key, signature counter.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table webauthn_challenges (
      id uuid primary key,
      citizen_id uuid references citizens (id) on delete cascade,
      purpose text not null check (purpose in ('register', 'sign_in')),
      challenge text not null unique,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      consumed_at timestamptz
    );
    create index webauthn_challenges_expiry on webauthn_challenges (expires_at);
  `.execute(db)
}
