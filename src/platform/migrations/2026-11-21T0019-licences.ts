import { sql, type Kysely } from 'kysely'

/**
 * E-licences (电子证照, issue 5; standards.md §B.5, §C.3). Owner: licences module.
 *  - licence_types: 证照类型 — code (定义机构 USCC + 3-digit sequence, GB/T 36904), defining authority, holder kind,
 *    face fields (JSON), validity (years, or none = 长期), PDF template, the 证照编号 prefix, and the serial counter
 *    (locked per issue, so numbers never repeat). Items name their type in `result.licenseType` (catalogue format).
 *  - licence_keys: a department's signing keys (Ed25519 or SM2+SM3). The private key is sealed with the platform
 *    master key (secrets.seal). Rotation retires the active key; retired public keys keep verifying old licences.
 *  - licences: one row per licence VERSION. `signed_json` is the exact canonical JSON (RFC 8785) that was signed,
 *    `signature` its signature under `kid`; `compact_payload` the short signed claims for the QR code (same key). A renewal or change is a new row (version + 1, same serial,
 *    predecessor_id) and the predecessor becomes `superseded`. Status codes follow the MOHURD example in §B.5:
 *    valid 01 有效 · suspended 02 暂扣 · revoked 03 撤销 · expired 05 失效 · superseded (关联证照标识 to the successor).
 *    status_index: the licence's bit in the revocation / suspension status lists (W3C Bitstring Status List).
 *  - licence_events: the licence's history (新发, 暂扣, 暂扣发还, 撤销, 延续, 变更, 过期失效, 加注件, 用证).
 *  - licence_share_codes: 用证码 — one-time, time-limited, for a named department and purpose; only the SHA-256
 *    of the code is stored.
 *  - licence_copies: 加注件 — a copy made for one use, with its purpose and validity, itself signed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table licence_types (
      code text primary key check (code ~ '^[0-9A-Z]{18}[0-9]{3}$'),
      name text not null unique,
      name_en text,
      definer_name text not null,
      definer_uscc text not null,
      holder_kind text not null check (holder_kind in ('person', 'enterprise', 'either')),
      fields jsonb not null default '[]',
      validity_years integer check (validity_years is null or validity_years between 1 and 99),
      template text not null default 'certificate' check (template in ('certificate', 'permit')),
      number_prefix text not null check (number_prefix ~ '^[A-Z0-9]{0,8}$'),
      next_serial bigint not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table licence_keys (
      kid text primary key,
      department_id uuid not null references departments (id),
      algorithm text not null check (algorithm in ('Ed25519', 'SM2')),
      public_key text not null,
      private_key_sealed text not null,
      created_at timestamptz not null default now(),
      retired_at timestamptz
    );
    create unique index licence_keys_active on licence_keys (department_id) where retired_at is null;

    create sequence licence_status_index_seq;

    create table licences (
      id uuid primary key,
      identifier text not null unique,
      type_code text not null references licence_types (code),
      number text not null,
      serial text not null,
      version integer not null check (version between 1 and 999),
      predecessor_id uuid references licences (id),
      holder_kind text not null check (holder_kind in ('person', 'enterprise')),
      holder_name text not null,
      holder_id_type text not null,
      holder_code text not null,
      holder_citizen_id uuid references citizens (id),
      holder_enterprise_id uuid references enterprises (id),
      issuer_department_id uuid not null references departments (id),
      issued_on date not null,
      valid_from date not null,
      valid_until date,
      status text not null default 'valid' check (status in ('valid', 'suspended', 'revoked', 'expired', 'superseded')),
      status_reason text,
      status_changed_at timestamptz,
      trust_level text not null default 'A' check (trust_level in ('A', 'B', 'C', 'D')),
      case_id uuid references cases (id),
      item_code text,
      signed_json text not null,
      signature text not null,
      compact_payload text not null,
      kid text not null references licence_keys (kid),
      status_index integer not null unique default nextval('licence_status_index_seq'),
      issued_by uuid,
      created_at timestamptz not null default now(),
      lock_version integer not null default 1,
      unique (type_code, number, version)
    );
    create index licences_holder_citizen on licences (holder_citizen_id, created_at) where holder_citizen_id is not null;
    create index licences_holder_enterprise on licences (holder_enterprise_id, created_at) where holder_enterprise_id is not null;
    create index licences_case on licences (case_id) where case_id is not null;
    create index licences_expiry on licences (valid_until) where status in ('valid', 'suspended');
    create unique index licences_one_per_case on licences (case_id) where case_id is not null and version = 1;

    create table licence_events (
      id uuid primary key,
      licence_id uuid not null references licences (id),
      action text not null,
      reason text,
      actor_type text not null,
      actor_id text,
      actor_name text,
      at timestamptz not null default now(),
      details jsonb not null default '{}'
    );
    create index licence_events_licence on licence_events (licence_id, at);

    create table licence_share_codes (
      id uuid primary key,
      code_hash text not null unique,
      licence_id uuid not null references licences (id),
      created_by_citizen_id uuid not null references citizens (id),
      department_id uuid not null references departments (id),
      purpose text not null check (char_length(purpose) between 2 and 200),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      used_at timestamptz,
      used_by_staff_id uuid,
      cancelled_at timestamptz
    );
    create index licence_share_codes_licence on licence_share_codes (licence_id, created_at);

    create table licence_copies (
      id uuid primary key,
      licence_id uuid not null references licences (id),
      purpose text not null check (char_length(purpose) between 2 and 200),
      made_by_citizen_id uuid references citizens (id),
      made_by_staff_id uuid,
      valid_until date not null,
      signed_json text not null,
      signature text not null,
      kid text not null references licence_keys (kid),
      created_at timestamptz not null default now()
    );
    create index licence_copies_licence on licence_copies (licence_id, created_at);
  `.execute(db)
}
