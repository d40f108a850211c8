import { sql, type Kysely } from 'kysely'

/**
 * Item forms (issue 4, Deliver 2): the application form of a service item, versioned like the item itself.
 *  - item_forms (catalog): one immutable row per saved version of an item's form definition (jsonb, see
 *    src/modules/catalog/forms/form-definition.ts). No row = the form generated from the item's materials,
 *    which applications pin as form version 0. An identical save writes nothing (content_hash).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table item_forms (
      id uuid primary key,
      item_id uuid not null references service_items (id),
      version integer not null check (version >= 1),
      definition jsonb not null,
      content_hash text not null,
      saved_by text not null,
      saved_at timestamptz not null default now(),
      unique (item_id, version)
    );
  `.execute(db)
}
