import type { ColumnType, Generated, JSONColumnType } from 'kysely'

/** Table types of the identity module: staff and citizen accounts, sessions, second factors, enterprises, mandates, the OpenID Provider; mixed into Database in schema.ts. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>

/** identity (minimal until the identity issue): staff accounts for the back office. */
export interface StaffUsersTable {
  id: string
  username: string
  display_name: string
  password_hash: string
  roles: string[]
  department_id: string | null
  disabled: Generated<boolean>
  totp_secret: string | null
  totp_enabled_at: Timestamp | null
  must_change_password: Generated<boolean>
  /** Step of the last accepted TOTP code (replay protection), migration 0007. */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>
  /** Where staff notices go by email (optional; migration 0012). */
  email: ColumnType<string | null, string | null | undefined, string | null>
  created_at: Generated<Date>
}
/** identity: server-side sessions. `id` is the SHA-256 of the cookie token. */
export interface StaffSessionsTable {
  id: string
  user_id: string
  csrf_token: string
  mfa_at: Timestamp | null
  created_at: Generated<Date>
  last_seen_at: Timestamp
  expires_at: Timestamp
}
/** identity: a role held in a scope (department or region); admin has none. */
export interface StaffRolesTable {
  id: string
  staff_id: string
  role: 'window_officer' | 'department_officer' | 'department_head' | 'catalog_editor' | 'supervisor' | 'admin'
  department_id: string | null
  region_code: string | null
  granted_by: string | null
  granted_at: Generated<Date>
}
/** identity: citizen (natural-person) accounts. */
export interface CitizensTable {
  id: string
  phone: string
  password_hash: string
  display_name: string
  name: string | null
  id_number: string | null
  gender_code: string | null
  birth_date: ColumnType<string | null, string | null | undefined, string | null>
  email: string | null
  trust_level: Generated<number>
  verified_at: Timestamp | null
  verification_method: string | null
  totp_secret: string | null
  totp_enabled_at: Timestamp | null
  /** Step of the last accepted TOTP code (replay protection; migration 0005). */
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>
  agreement_version: string
  agreement_accepted_at: Timestamp
  disabled: Generated<boolean>
  created_at: Generated<Date>
}
/** identity: citizen server-side sessions (id = SHA-256 of the cookie token). */
export interface CitizenSessionsTable {
  id: string
  citizen_id: string
  csrf_token: string
  acting_for_type: 'enterprise' | 'citizen' | null
  acting_for_id: string | null
  mandate_id: string | null
  mfa_at: Timestamp | null
  created_at: Generated<Date>
  last_seen_at: Timestamp
  expires_at: Timestamp
}
/** identity: one-time SMS codes (hash only). */
export interface SmsCodesTable {
  id: string
  phone: string
  purpose: string
  code_hash: string
  created_at: Timestamp
  expires_at: Timestamp
  consumed_at: Timestamp | null
  attempts: Generated<number>
}
/** identity: WebAuthn credentials. */
export interface PasskeysTable {
  id: string
  citizen_id: string
  public_key: Uint8Array
  counter: Generated<number>
  transports: Generated<string[]>
  label: string
  created_at: Generated<Date>
  last_used_at: Timestamp | null
}
/** identity: one-time WebAuthn challenges (migration 0009); citizen_id null for a usernameless sign-in. */
export interface WebauthnChallengesTable {
  id: string
  citizen_id: string | null
  purpose: 'register' | 'sign_in'
  challenge: string
  created_at: Generated<Date>
  expires_at: Timestamp
  consumed_at: Timestamp | null
}
/** identity: one verification mail of a citizen's notice e-mail address (migration 0018); token stored as SHA-256 only. */
export interface CitizenEmailVerificationsTable {
  id: string
  citizen_id: string
  email: string
  token_hash: string
  created_at: Generated<Date>
  expires_at: Timestamp
  verified_at: Timestamp | null
  cancelled_at: Timestamp | null
}
/** identity: enterprise accounts claimed by their legal representative. */
export interface EnterprisesTable {
  id: string
  uscc: string
  name: string
  legal_rep_citizen_id: string
  claimed_at: Timestamp
  status: Generated<'active' | 'suspended'>
  /** Contact details kept by the enterprise (legal rep or an agent with scope 'all'), migration 0006. */
  contact_phone: string | null
  contact_email: string | null
  contact_address: string | null
  contact_updated_at: Timestamp | null
}
/** identity: authorisations (经办人 for enterprises, 委托代办 between citizens). */
export interface MandatesTable {
  id: string
  grantor_type: 'enterprise' | 'citizen'
  grantor_id: string
  agent_citizen_id: string
  scope: 'all' | 'items'
  item_codes: Generated<string[]>
  valid_from: Timestamp
  valid_until: Timestamp
  created_by: string
  created_at: Timestamp
  revoked_at: Timestamp | null
  revoked_by: string | null
  revoke_reason: string | null
}
/** identity: OAuth2/OIDC clients (department systems), registered by admins. */
export interface OauthClientsTable {
  client_id: string
  name: string
  department_id: string | null
  secret_sealed: string
  redirect_uris: Generated<string[]>
  grant_types: string[]
  created_by: string
  created_at: Generated<Date>
  revoked_at: Timestamp | null
}
/** identity: oidc-provider adapter storage. */
export interface OidcPayloadsTable {
  model: string
  id: string
  payload: JSONColumnType<Record<string, unknown>>
  grant_id: string | null
  user_code: string | null
  uid: string | null
  expires_at: Timestamp | null
  consumed_at: Timestamp | null
}
/** identity: the OpenID Provider's signing keys, private JWK sealed (migration 0008). */
export interface OidcKeysTable {
  kid: string
  alg: string
  jwk_sealed: string
  created_at: Generated<Date>
  retired_at: Timestamp | null
}

export interface IdentityTables {
  staff_users: StaffUsersTable
  staff_sessions: StaffSessionsTable
  staff_roles: StaffRolesTable
  citizens: CitizensTable
  citizen_sessions: CitizenSessionsTable
  sms_codes: SmsCodesTable
  passkeys: PasskeysTable
  webauthn_challenges: WebauthnChallengesTable
  citizen_email_verifications: CitizenEmailVerificationsTable
  enterprises: EnterprisesTable
  mandates: MandatesTable
  oauth_clients: OauthClientsTable
  oidc_payloads: OidcPayloadsTable
  oidc_keys: OidcKeysTable
}
