import type { Executor } from '../../platform/database'
import type { DatasetField, SharedDatasetsTable } from '../../platform/schema'

/** A 数据共享目录 entry as the rest of the code sees it. */
export type Dataset = {
  code: string
  name: string
  nameEn: string | null
  providerDepartmentId: string | null
  subjectType: SharedDatasetsTable['subject_type']
  fields: DatasetField[]
  shareType: SharedDatasetsTable['share_type']
  updateCycle: SharedDatasetsTable['update_cycle']
  summary: string
  source: string
  updatedAt: Date
}

/** Dataset codes are lower-case dotted names (population.basic); anything else cannot name a dataset. */
export const DATASET_CODE_RE = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+){1,3}$/

const COLS = ['code', 'name', 'name_en', 'provider_department_id', 'subject_type', 'fields', 'share_type', 'update_cycle', 'summary', 'source', 'updated_at'] as const
type Row = { code: string; name: string; name_en: string | null; provider_department_id: string | null; subject_type: Dataset['subjectType']; fields: DatasetField[]; share_type: Dataset['shareType']; update_cycle: Dataset['updateCycle']; summary: string; source: string; updated_at: Date }

const toDataset = (r: Row): Dataset => ({
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  providerDepartmentId: r.provider_department_id,
  subjectType: r.subject_type,
  fields: r.fields,
  shareType: r.share_type,
  updateCycle: r.update_cycle,
  summary: r.summary,
  source: r.source,
  updatedAt: new Date(r.updated_at),
})

export async function listDatasets(db: Executor): Promise<Dataset[]> {
  const rows = await db.selectFrom('shared_datasets').select(COLS).orderBy('code').execute()
  return rows.map(toDataset)
}

export async function getDataset(db: Executor, code: string): Promise<Dataset | undefined> {
  if (!DATASET_CODE_RE.test(code)) return undefined
  const r = await db.selectFrom('shared_datasets').select(COLS).where('code', '=', code).executeTakeFirst()
  return r ? toDataset(r) : undefined
}

export const SHARE_TYPE_LABELS: Record<Dataset['shareType'], { zh: string; en: string }> = {
  unconditional: { zh: '无条件共享', en: 'Shared without conditions' },
  conditional: { zh: '有条件共享（需授权）', en: 'Shared on approval (grant needed)' },
  none: { zh: '不予共享', en: 'Not shared' },
}
export const UPDATE_CYCLE_LABELS: Record<Dataset['updateCycle'], { zh: string; en: string }> = {
  realtime: { zh: '实时', en: 'Real time' },
  daily: { zh: '每日', en: 'Daily' },
  weekly: { zh: '每周', en: 'Weekly' },
  monthly: { zh: '每月', en: 'Monthly' },
  quarterly: { zh: '每季度', en: 'Quarterly' },
  yearly: { zh: '每年', en: 'Yearly' },
}
export const SUBJECT_TYPE_LABELS: Record<Dataset['subjectType'], { zh: string; en: string }> = {
  person: { zh: '自然人', en: 'Person' },
  entity: { zh: '法人', en: 'Legal entity' },
  address: { zh: '地址', en: 'Address' },
  licence: { zh: '电子证照', en: 'Licence' },
}

/**
 * The catalogue as the read path sees it: all datasets, kept per database handle for `ttlMs` (5 s). The
 * catalogue changes only with a release (seed) — and the seed clears it in its own process — so a read costs no
 * catalogue query; grants, which can be revoked at any moment, are never cached.
 */
const cache = new WeakMap<object, { at: number; byCode: Map<string, Dataset> }>()
export async function getDatasetForRead(db: Executor, code: string, ttlMs = 5000): Promise<Dataset | undefined> {
  const hit = cache.get(db)
  if (hit && Date.now() - hit.at < ttlMs) return hit.byCode.get(code)
  const byCode = new Map((await listDatasets(db)).map((d) => [d.code, d]))
  cache.set(db, { at: Date.now(), byCode })
  return byCode.get(code)
}
export function forgetCachedDatasets(db: object): void {
  cache.delete(db)
}
