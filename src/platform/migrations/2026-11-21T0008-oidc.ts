import { sql, type Kysely } from 'kysely'

/**
 * Single sign-on (issue 3): the OpenID Provider's signing keys.
 *  - oidc_keys: private JWKs (RFC 7517) sealed with the platform secret key, shared by every web process so
 *    an ID token signed by one verifies against the JWKS any other one serves. At most one active key per
 *    algorithm (partial unique index): processes racing to create the first key insert-or-ignore, then read.
 *    Retired keys stay for reference (rotation keeps publishing them until old tokens expired).
 *  - oidc_payloads (clientId) index: revoking a client deletes its grants, codes and tokens at once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table oidc_keys (
      kid text primary key,
      alg text not null,
      jwk_sealed text not null,
      created_at timestamptz not null default now(),
      retired_at timestamptz
    );
    create unique index oidc_keys_one_active on oidc_keys (alg) where retired_at is null;
    create index oidc_payloads_client on oidc_payloads ((payload ->> 'clientId'));
  `.execute(db)
}
