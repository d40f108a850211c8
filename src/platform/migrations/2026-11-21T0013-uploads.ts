import { sql, type Kysely } from 'kysely'

/**
 * Uploads (issue 4, "Uploads: PDF/JPEG/PNG checked by content … stored by content hash"): one row per file a
 * citizen uploaded. The bytes live in the blob storage (platform/storage.ts) under their SHA-256, so identical
 * content is stored once while each upload keeps its own row (owner, name, time).
 *  - owner_citizen_id: the person who uploaded (the signed-in citizen, also when acting for someone);
 *  - acting_enterprise_id: the enterprise they acted for (经办人), else null — an enterprise's upload is visible
 *    to whoever currently acts for that enterprise;
 *  - original_name: sanitised (no path, no control characters), at most 200 characters; shown to the owner and
 *    the officers of a case, never written to the audit chain.
 * No delete: rows are evidence of what was submitted (blob garbage collection would go by sha256).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table uploads (
      id uuid primary key,
      sha256 char(64) not null check (sha256 ~ '^[0-9a-f]{64}$'),
      size_bytes integer not null check (size_bytes > 0),
      mime text not null check (mime in ('application/pdf', 'image/jpeg', 'image/png')),
      original_name text not null check (char_length(original_name) between 1 and 200),
      owner_citizen_id uuid not null references citizens (id),
      acting_enterprise_id uuid references enterprises (id),
      created_at timestamptz not null default now()
    );
    create index uploads_owner on uploads (owner_citizen_id, created_at);
    create index uploads_acting_enterprise on uploads (acting_enterprise_id) where acting_enterprise_id is not null;
    create index uploads_sha256 on uploads (sha256);
  `.execute(db)
}
