import { sql, type Kysely } from 'kysely'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Foundation: audit chain, regions (GB/T 2260 snapshot), catalogue, synonyms, minimal staff sign-in. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table audit_head (id int primary key check (id = 1), seq bigint not null, hash text not null);
    insert into audit_head (id, seq, hash) values (1, 0, 'GENESIS');
    create table audit_log (
      seq bigint primary key,
      id uuid not null unique,
      occurred_at timestamptz not null,
      actor_type text not null,
      actor_id text,
      actor_name text,
      action text not null,
      subject_type text not null,
      subject_id text,
      reason text,
      details jsonb not null default '{}'::jsonb,
      prev_hash text not null,
      hash text not null
    );
    create index audit_log_subject on audit_log (subject_type, subject_id);

    create table regions (
      code varchar(9) primary key,
      name text not null,
      parent_code varchar(9) references regions (code),
      level smallint not null
    );
    create index regions_parent on regions (parent_code);

    create table departments (
      id uuid primary key,
      code varchar(18) unique,
      name text not null unique,
      name_en text,
      slug text not null unique,
      region_code varchar(9) references regions (code),
      description text,
      address text,
      phone text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table themes (
      slug text primary key,
      name text not null unique,
      name_en text,
      audience text not null check (audience in ('individual', 'enterprise')),
      sort int not null default 0,
      description text
    );

    create sequence catalog_search_rev;
    create table service_items (
      id uuid primary key,
      code varchar(64) not null unique,
      name text not null,
      department_id uuid not null references departments (id),
      status text not null check (status in ('draft', 'published', 'suspended', 'cancelled')),
      current_version int not null,
      data jsonb not null,
      content_hash text not null,
      audience text[] not null,
      themes text[] not null default '{}',
      region_code varchar(9) references regions (code),
      online_level smallint,
      item_type text not null,
      popularity int not null default 0,
      search_rev bigint not null default nextval('catalog_search_rev'),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index service_items_department on service_items (department_id);
    create index service_items_search_rev on service_items (search_rev);
    create index service_items_status on service_items (status);

    create table service_item_versions (
      item_id uuid not null references service_items (id),
      version int not null,
      data jsonb not null,
      content_hash text not null,
      status text not null,
      actor text not null,
      note text,
      created_at timestamptz not null default now(),
      primary key (item_id, version)
    );

    create table search_synonyms (
      id uuid primary key,
      phrase text not null unique,
      expansions text[] not null,
      note text,
      updated_by text,
      updated_at timestamptz not null default now()
    );

    create table staff_users (
      id uuid primary key,
      username text not null unique,
      display_name text not null,
      password_hash text not null,
      roles text[] not null,
      department_id uuid references departments (id),
      disabled boolean not null default false,
      created_at timestamptz not null default now()
    );
    create table staff_sessions (
      id text primary key,
      user_id uuid not null references staff_users (id),
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null,
      expires_at timestamptz not null
    );
    create index staff_sessions_user on staff_sessions (user_id);
  `.execute(db)

  // GB/T 2260 snapshot shipped in the repo (packaged lists lag behind; see ARCHITECTURE.md §8).
  const file = fileURLToPath(new URL('./data/regions-2023-06-30.json', import.meta.url))
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as { rows: [string, string, string | null, number][] }
  for (const level of [1, 2, 3]) {
    const rows = snapshot.rows.filter((r) => r[3] === level)
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('regions')
        .values(rows.slice(i, i + 500).map(([code, name, parent_code, lvl]) => ({ code, name, parent_code, level: lvl })))
        .execute()
    }
  }
}
