import { createHash } from 'node:crypto'
import type { Executor } from '../../platform/database'
import { uuidv7 } from '../../platform/ids'
import type { ServiceItemRecord } from './service-item'

/** Lookups reused across the lines of one import; drop it when a transaction rolls back. */
export type SaveCache = { departments: Map<string, string>; themes: Set<string> }
export const newSaveCache = (): SaveCache => ({ departments: new Map(), themes: new Set() })

function slugFor(prefix: string, key: string): string {
  return `${prefix}${createHash('sha1').update(key).digest('hex').slice(0, 10)}`
}

/** Finds the implementing department by USCC (authoritative) or name, creating it on first sight. */
export async function ensureDepartment(tx: Executor, dep: { name: string; code?: string }, regionCode?: string): Promise<string> {
  if (dep.code) {
    const byCode = await tx.selectFrom('departments').select('id').where('code', '=', dep.code).executeTakeFirst()
    if (byCode) return byCode.id
  }
  const byName = await tx.selectFrom('departments').select(['id', 'code']).where('name', '=', dep.name).executeTakeFirst()
  if (byName) {
    if (dep.code && !byName.code) await tx.updateTable('departments').set({ code: dep.code }).where('id', '=', byName.id).execute()
    return byName.id
  }
  const id = uuidv7()
  await tx
    .insertInto('departments')
    .values({ id, name: dep.name, code: dep.code ?? null, slug: dep.code ? dep.code.toLowerCase() : slugFor('d-', dep.name), region_code: regionCode ?? null, name_en: null, description: null, address: null, phone: null })
    .execute()
  return id
}

/** Themes named by an item but unknown to the platform are created (audience from the item). */
export async function ensureThemes(tx: Executor, r: ServiceItemRecord): Promise<void> {
  const names = [...new Set(r.themes ?? [])]
  if (!names.length) return
  const known = new Set((await tx.selectFrom('themes').select('name').where('name', 'in', names).execute()).map((t) => t.name))
  const audience = r.audience.includes('individual') ? 'individual' : 'enterprise'
  for (const name of names.filter((n) => !known.has(n))) {
    await tx.insertInto('themes').values({ slug: slugFor('t-', name), name, name_en: null, audience, description: null }).onConflict((oc) => oc.doNothing()).execute()
  }
}
