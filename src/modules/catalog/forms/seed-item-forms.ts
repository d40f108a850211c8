import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DB } from '../../../platform/database'
import { saveItemForm } from './item-forms'

const SEED_DIR = fileURLToPath(new URL('./seed/', import.meta.url))

/** The curated demo forms, by item 实施编码 (forms/seed/<code>.json). */
export function curatedForms(): { code: string; definition: unknown }[] {
  return readdirSync(SEED_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ code: f.slice(0, -5), definition: JSON.parse(readFileSync(join(SEED_DIR, f), 'utf8')) as unknown }))
}

/**
 * Seeds the curated forms as version 1 of items that have no stored form yet (idempotent; an editor's later
 * versions are never overwritten). Items missing from the catalogue are skipped.
 */
export async function seedItemForms(db: DB): Promise<Record<string, string>> {
  for (const { code, definition } of curatedForms()) {
    const item = await db.selectFrom('service_items').select('id').where('code', '=', code).executeTakeFirst()
    if (!item) continue
    const any = await db.selectFrom('item_forms').select('version').where('item_id', '=', item.id).limit(1).executeTakeFirst()
    if (any) continue
    await saveItemForm(db, { itemId: item.id, definition, actor: { type: 'system', name: 'seed' }, note: '演示表单 demo seed' })
  }
  return {}
}
