import { sql, type Kysely } from 'kysely'

/**
 * Identity, base registries and the data exchange (issue 3).
 *
 * Owners: exchange — registry_*, shared_datasets, dataset_grants, data_access_log;
 * identity — citizens, citizen_sessions, sms_codes, passkeys, enterprises, mandates, staff_roles (+ staff TOTP),
 * oauth_clients, oidc_payloads. Catalogue gets departments.parent_id (region hierarchy of departments) and
 * service_items.min_trust_level.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- Append-only guard reused by every log table.
    create function forbid_update_delete() returns trigger language plpgsql as $$
    begin
      raise exception 'table % is append-only', tg_table_name;
    end
    $$;

    ----------------------------------------------------------------- catalogue additions
    alter table departments add column parent_id uuid references departments (id);
    -- 实名可信等级 the item needs for online application (1 registered, 2 real-name, 3 real-name + second factor).
    alter table service_items add column min_trust_level smallint not null default 2 check (min_trust_level between 1 and 3);

    ----------------------------------------------------------------- exchange: base registries (simulated)
    -- 人口库. One row per resident; household address is the 户籍地址.
    create table registry_people (
      id uuid primary key,
      id_number varchar(18) not null unique,
      name text not null,
      gender_code char(1) not null check (gender_code in ('0', '1', '2', '9')),
      birth_date date not null,
      ethnicity_code char(2),
      household_address text not null,
      region_code varchar(9) not null references regions (code),
      -- 证件有效期截止 (null = 长期): the third factor of online real-name verification.
      id_card_valid_until date,
      phone varchar(11),
      status text not null default 'normal' check (status in ('normal', 'deceased', 'cancelled')),
      updated_at timestamptz not null default now()
    );
    create index registry_people_name on registry_people (name);

    -- 法人库 (GB/T 39046 表12 法人 fields).
    create table registry_entities (
      id uuid primary key,
      uscc varchar(18) not null unique,
      name text not null,
      entity_type text not null,
      legal_rep_name text not null,
      legal_rep_id_number varchar(18) not null,
      registered_address text not null,
      region_code varchar(9) not null references regions (code),
      established_on date not null,
      registered_capital numeric(18, 2),
      business_scope text not null,
      status text not null default 'active' check (status in ('active', 'revoked', 'cancelled')),
      updated_at timestamptz not null default now()
    );
    create index registry_entities_rep on registry_entities (legal_rep_id_number);
    create index registry_entities_name on registry_entities (name);

    -- 标准地址库 (geography beside the GB/T 2260 regions table).
    create table registry_addresses (
      id uuid primary key,
      region_code varchar(9) not null references regions (code),
      street text not null,
      road text not null,
      house_number text not null,
      full_address text not null unique,
      postcode char(6)
    );
    create index registry_addresses_region on registry_addresses (region_code);

    ----------------------------------------------------------------- exchange: shared data catalogue
    create table shared_datasets (
      code text primary key,
      name text not null,
      name_en text,
      provider_department_id uuid references departments (id),
      subject_type text not null check (subject_type in ('person', 'entity', 'address', 'licence')),
      fields jsonb not null,
      share_type text not null check (share_type in ('unconditional', 'conditional', 'none')),
      update_cycle text not null check (update_cycle in ('realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly')),
      summary text not null,
      source text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table dataset_grants (
      id uuid primary key,
      dataset_code text not null references shared_datasets (code),
      consumer_department_id uuid not null references departments (id),
      fields text[] not null,
      purpose text not null,
      legal_basis text,
      status text not null check (status in ('requested', 'approved', 'refused', 'revoked')),
      valid_until date not null,
      requested_by text not null,
      requested_at timestamptz not null,
      decided_by text,
      decided_at timestamptz,
      decision_reason text,
      revoked_by text,
      revoked_at timestamptz,
      revoke_reason text
    );
    create index dataset_grants_consumer on dataset_grants (consumer_department_id, dataset_code);

    -- Every read of shared data, granted or refused. subject_key is an HMAC of the subject's identifier
    -- (platform/secrets.ts pseudonym), so the log itself holds no raw 身份证号.
    create table data_access_log (
      id uuid primary key,
      occurred_at timestamptz not null,
      dataset_code text not null,
      subject_type text not null,
      subject_key text not null,
      subject_masked text not null,
      consumer_department_id uuid references departments (id),
      actor_type text not null check (actor_type in ('staff', 'citizen', 'client', 'system')),
      actor_id text,
      actor_name text,
      client_id text,
      fields text[] not null,
      purpose text,
      case_ref text,
      grant_id uuid,
      outcome text not null check (outcome in ('granted', 'refused')),
      refusal_code text,
      request_id text
    );
    create index data_access_log_subject on data_access_log (subject_key, occurred_at desc);
    create index data_access_log_consumer on data_access_log (consumer_department_id, occurred_at desc);
    create trigger data_access_log_append_only before update or delete on data_access_log
      for each row execute function forbid_update_delete();

    ----------------------------------------------------------------- identity: citizens
    create table citizens (
      id uuid primary key,
      phone varchar(11) not null unique,
      password_hash text not null,
      display_name text not null,
      name text,
      id_number varchar(18) unique,
      gender_code char(1),
      birth_date date,
      email text,
      trust_level smallint not null default 1 check (trust_level between 1 and 3),
      verified_at timestamptz,
      verification_method text,
      totp_secret text,
      totp_enabled_at timestamptz,
      agreement_version text not null,
      agreement_accepted_at timestamptz not null,
      disabled boolean not null default false,
      created_at timestamptz not null default now()
    );

    create table citizen_sessions (
      id text primary key,
      citizen_id uuid not null references citizens (id),
      csrf_token text not null,
      -- Acting for an enterprise or another citizen under a mandate (经办人 / 委托代办).
      acting_for_type text check (acting_for_type in ('enterprise', 'citizen')),
      acting_for_id uuid,
      mandate_id uuid,
      -- Set once the second factor (TOTP or passkey) passed; null = password only.
      mfa_at timestamptz,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null,
      expires_at timestamptz not null
    );
    create index citizen_sessions_citizen on citizen_sessions (citizen_id);

    -- One-time SMS codes: only a hash is kept; consumed_at makes replay impossible.
    create table sms_codes (
      id uuid primary key,
      phone varchar(11) not null,
      purpose text not null,
      code_hash text not null,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      consumed_at timestamptz,
      attempts smallint not null default 0
    );
    create index sms_codes_phone on sms_codes (phone, purpose, created_at desc);

    create table passkeys (
      id text primary key,
      citizen_id uuid not null references citizens (id),
      public_key bytea not null,
      counter bigint not null default 0,
      transports text[] not null default '{}',
      label text not null,
      created_at timestamptz not null default now(),
      last_used_at timestamptz
    );
    create index passkeys_citizen on passkeys (citizen_id);

    ----------------------------------------------------------------- identity: enterprises and mandates
    create table enterprises (
      id uuid primary key,
      uscc varchar(18) not null unique,
      name text not null,
      legal_rep_citizen_id uuid not null references citizens (id),
      claimed_at timestamptz not null,
      status text not null default 'active' check (status in ('active', 'suspended'))
    );
    create index enterprises_rep on enterprises (legal_rep_citizen_id);

    create table mandates (
      id uuid primary key,
      grantor_type text not null check (grantor_type in ('enterprise', 'citizen')),
      grantor_id uuid not null,
      agent_citizen_id uuid not null references citizens (id),
      scope text not null check (scope in ('all', 'items')),
      item_codes text[] not null default '{}',
      valid_from timestamptz not null,
      valid_until timestamptz not null,
      created_by uuid not null references citizens (id),
      created_at timestamptz not null,
      revoked_at timestamptz,
      revoked_by uuid,
      revoke_reason text,
      check (scope = 'all' or cardinality(item_codes) > 0),
      check (valid_until > valid_from)
    );
    create index mandates_agent on mandates (agent_citizen_id);
    create index mandates_grantor on mandates (grantor_type, grantor_id);

    ----------------------------------------------------------------- identity: staff
    alter table staff_users add column totp_secret text;
    alter table staff_users add column totp_enabled_at timestamptz;
    alter table staff_users add column must_change_password boolean not null default false;
    alter table staff_sessions add column mfa_at timestamptz;

    -- A role held in a scope: a department (officers, heads, editors) or a region (supervisors); admin has none.
    create table staff_roles (
      id uuid primary key,
      staff_id uuid not null references staff_users (id),
      role text not null check (role in ('window_officer', 'department_officer', 'department_head', 'catalog_editor', 'supervisor', 'admin')),
      department_id uuid references departments (id),
      region_code varchar(9) references regions (code),
      granted_by text,
      granted_at timestamptz not null default now()
    );
    create unique index staff_roles_unique on staff_roles (staff_id, role, coalesce(department_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(region_code, ''));

    ----------------------------------------------------------------- identity: OAuth2 / OIDC
    create table oauth_clients (
      client_id text primary key,
      name text not null,
      department_id uuid references departments (id),
      -- Sealed with the platform secret key (oidc-provider compares the secret in clear).
      secret_sealed text not null,
      redirect_uris text[] not null default '{}',
      grant_types text[] not null,
      created_by text not null,
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    );

    -- oidc-provider adapter storage (sessions, grants, codes, tokens).
    create table oidc_payloads (
      model text not null,
      id text not null,
      payload jsonb not null,
      grant_id text,
      user_code text,
      uid text,
      expires_at timestamptz,
      consumed_at timestamptz,
      primary key (model, id)
    );
    create index oidc_payloads_grant on oidc_payloads (grant_id);
    create index oidc_payloads_uid on oidc_payloads (uid);
  `.execute(db)

  // Existing staff roles (foundation: staff_users.roles) become scoped rows.
  await sql`
    insert into staff_roles (id, staff_id, role, department_id, granted_by)
    select gen_random_uuid(), u.id, r.role, case when r.role = 'admin' then null else u.department_id end, 'migration'
    from staff_users u cross join lateral unnest(u.roles) as r(role)
  `.execute(db)
}
