import { sql } from 'kysely'
import type { Executor } from '../../platform/database'
import type { ItemStatus, ServiceItemRecord } from './service-item'

/** Reads of the catalogue for pages, the API, the editor and the search index. */

const regionCache = new WeakMap<object, Promise<Set<string>>>()
/** All GB/T 2260 codes (cached per database; the table changes only by migration). */
export function regionCodes(db: Executor): Promise<Set<string>> {
  let p = regionCache.get(db)
  if (!p) {
    p = db.selectFrom('regions').select('code').execute().then((rows) => new Set(rows.map((r) => r.code)))
    regionCache.set(db, p)
  }
  return p
}

export type ItemRow = {
  id: string
  code: string
  name: string
  status: ItemStatus
  version: number
  popularity: number
  updatedAt: Date
  /** 实名可信等级 needed to apply online (identity's TRUST_LEVEL_LABELS; 1–3, default 2). */
  minTrustLevel: number
  department: { id: string; name: string; slug: string; code: string | null }
  record: ServiceItemRecord
}

function itemBase(db: Executor) {
  return db
    .selectFrom('service_items as i')
    .innerJoin('departments as d', 'd.id', 'i.department_id')
    .select([
      'i.id', 'i.code', 'i.name', 'i.status', 'i.current_version', 'i.popularity', 'i.updated_at', 'i.data', 'i.min_trust_level',
      'd.id as dep_id', 'd.name as dep_name', 'd.slug as dep_slug', 'd.code as dep_code',
    ])
}
type BaseRow = Awaited<ReturnType<ReturnType<typeof itemBase>['executeTakeFirstOrThrow']>>
function toItem(r: BaseRow): ItemRow {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    status: r.status,
    version: r.current_version,
    popularity: r.popularity,
    updatedAt: r.updated_at,
    minTrustLevel: r.min_trust_level,
    department: { id: r.dep_id, name: r.dep_name, slug: r.dep_slug, code: r.dep_code },
    record: r.data as unknown as ServiceItemRecord,
  }
}

export async function getItemByCode(db: Executor, code: string): Promise<ItemRow | undefined> {
  const r = await itemBase(db).where('i.code', '=', code).executeTakeFirst()
  return r ? toItem(r) : undefined
}

export async function getItemsByIds(db: Executor, ids: string[]): Promise<ItemRow[]> {
  if (!ids.length) return []
  const rows = await itemBase(db).where('i.id', 'in', ids).execute()
  const byId = new Map(rows.map((r) => [r.id, toItem(r)]))
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))
}

/** Editor list: all statuses, filter by text in name/code, department, status; newest change first. */
export async function listItemsForEditor(
  db: Executor,
  f: { q?: string; status?: ItemStatus; departmentId?: string; page: number; pageSize: number },
): Promise<{ items: ItemRow[]; total: number }> {
  let q = itemBase(db)
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`
    q = q.where((eb) => eb.or([eb('i.name', 'like', like), eb('i.code', 'like', like)]))
  }
  if (f.status) q = q.where('i.status', '=', f.status)
  if (f.departmentId) q = q.where('i.department_id', '=', f.departmentId)
  const totalRow = await q.clearSelect().select(sql<number>`count(*)::int`.as('n')).executeTakeFirst()
  const rows = await q.orderBy('i.updated_at', 'desc').orderBy('i.code').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute()
  return { items: rows.map(toItem), total: Number(totalRow?.n ?? 0) }
}

export type VersionRow = { version: number; status: string; actor: string; note: string | null; createdAt: Date; record: ServiceItemRecord }
export async function listItemVersions(db: Executor, itemId: string): Promise<VersionRow[]> {
  const rows = await db.selectFrom('service_item_versions').selectAll().where('item_id', '=', itemId).orderBy('version', 'desc').execute()
  return rows.map((r) => ({ version: r.version, status: r.status, actor: r.actor, note: r.note, createdAt: r.created_at, record: r.data as unknown as ServiceItemRecord }))
}
export async function getItemVersion(db: Executor, itemId: string, version: number): Promise<VersionRow | undefined> {
  const r = await db.selectFrom('service_item_versions').selectAll().where('item_id', '=', itemId).where('version', '=', version).executeTakeFirst()
  return r ? { version: r.version, status: r.status, actor: r.actor, note: r.note, createdAt: r.created_at, record: r.data as unknown as ServiceItemRecord } : undefined
}

export type DepartmentRow = { id: string; name: string; nameEn: string | null; slug: string; code: string | null; description: string | null; address: string | null; phone: string | null; regionCode: string | null; publishedItems: number }
/** Departments with their number of published items; `slug` narrows to one department (case-insensitive). */
export async function listDepartments(db: Executor, f: { slug?: string } = {}): Promise<DepartmentRow[]> {
  let q = db
    .selectFrom('departments as d')
    .leftJoin('service_items as i', (j) => j.onRef('i.department_id', '=', 'd.id').on('i.status', '=', 'published'))
    .select(['d.id', 'd.name', 'd.name_en', 'd.slug', 'd.code', 'd.description', 'd.address', 'd.phone', 'd.region_code'])
    .select(sql<number>`count(i.id)::int`.as('n'))
  if (f.slug !== undefined) q = q.where('d.slug', '=', f.slug.toLowerCase())
  const rows = await q.groupBy('d.id').orderBy('d.name').execute()
  return rows.map((r) => ({ id: r.id, name: r.name, nameEn: r.name_en, slug: r.slug, code: r.code, description: r.description, address: r.address, phone: r.phone, regionCode: r.region_code, publishedItems: Number(r.n) }))
}
export async function getDepartmentBySlug(db: Executor, slug: string): Promise<DepartmentRow | undefined> {
  return (await listDepartments(db, { slug }))[0]
}

export type ThemeRow = { slug: string; name: string; nameEn: string | null; audience: 'individual' | 'enterprise'; description: string | null; publishedItems: number }
export async function listThemes(db: Executor): Promise<ThemeRow[]> {
  const rows = await db
    .selectFrom('themes as t')
    .leftJoin('service_items as i', (j) => j.on(sql<boolean>`t.name = any(i.themes)`).on('i.status', '=', 'published'))
    .select(['t.slug', 't.name', 't.name_en', 't.audience', 't.description', 't.sort'])
    .select(sql<number>`count(i.id)::int`.as('n'))
    .groupBy('t.slug')
    .orderBy('t.sort')
    .orderBy('t.name')
    .execute()
  return rows.map((r) => ({ slug: r.slug, name: r.name, nameEn: r.name_en, audience: r.audience, description: r.description, publishedItems: Number(r.n) }))
}

export type RegionRow = { code: string; name: string; parentCode: string | null; level: number }
export async function listRegions(db: Executor, f: { parentCode?: string | null; level?: number } = {}): Promise<RegionRow[]> {
  let q = db.selectFrom('regions').selectAll()
  if (f.parentCode !== undefined) q = f.parentCode === null ? q.where('parent_code', 'is', null) : q.where('parent_code', '=', f.parentCode)
  if (f.level !== undefined) q = q.where('level', '=', f.level)
  const rows = await q.orderBy('code').execute()
  return rows.map((r) => ({ code: r.code, name: r.name, parentCode: r.parent_code, level: r.level }))
}
export async function getRegion(db: Executor, code: string): Promise<RegionRow | undefined> {
  const r = await db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst()
  return r ? { code: r.code, name: r.name, parentCode: r.parent_code, level: r.level } : undefined
}

/** Regions that published items are filed under (for search filters). */
export async function regionsInUse(db: Executor): Promise<RegionRow[]> {
  const rows = await db
    .selectFrom('regions as r')
    .innerJoin('service_items as i', 'i.region_code', 'r.code')
    .select(['r.code', 'r.name', 'r.parent_code', 'r.level'])
    .where('i.status', '=', 'published')
    .distinct()
    .orderBy('r.code')
    .execute()
  return rows.map((r) => ({ code: r.code, name: r.name, parentCode: r.parent_code, level: r.level }))
}

/** Rows for the search index: everything changed after `sinceRev` (0 = all). */
export type IndexRow = { id: string; code: string; status: ItemStatus; popularity: number; rev: number; departmentName: string; departmentSlug: string; record: ServiceItemRecord }
export async function itemsChangedSince(db: Executor, sinceRev: number, limit = 5000): Promise<IndexRow[]> {
  const rows = await db
    .selectFrom('service_items as i')
    .innerJoin('departments as d', 'd.id', 'i.department_id')
    .select(['i.id', 'i.code', 'i.status', 'i.popularity', 'i.search_rev', 'i.data', 'd.name as dep_name', 'd.slug as dep_slug'])
    .where('i.search_rev', '>', sinceRev)
    .orderBy('i.search_rev')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ id: r.id, code: r.code, status: r.status, popularity: r.popularity, rev: Number(r.search_rev), departmentName: r.dep_name, departmentSlug: r.dep_slug, record: r.data as unknown as ServiceItemRecord }))
}

export async function listSynonyms(db: Executor): Promise<{ id: string; phrase: string; expansions: string[]; note: string | null; updatedAt: Date; updatedBy: string | null }[]> {
  const rows = await db.selectFrom('search_synonyms').selectAll().orderBy('phrase').execute()
  return rows.map((r) => ({ id: r.id, phrase: r.phrase, expansions: r.expansions, note: r.note, updatedAt: r.updated_at, updatedBy: r.updated_by }))
}

export async function catalogStats(db: Executor): Promise<{ items: number; published: number; departments: number }> {
  const r = await db
    .selectFrom('service_items')
    .select([sql<number>`count(*)::int`.as('items'), sql<number>`count(*) filter (where status = 'published')::int`.as('published')])
    .executeTakeFirst()
  const d = await db.selectFrom('departments').select(sql<number>`count(*)::int`.as('n')).executeTakeFirst()
  return { items: Number(r?.items ?? 0), published: Number(r?.published ?? 0), departments: Number(d?.n ?? 0) }
}
