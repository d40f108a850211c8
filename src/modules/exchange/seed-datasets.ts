import { recordAudit } from '../../platform/audit'
import { canonicalJson } from '../../platform/canonical-json'
import type { DB } from '../../platform/database'
import { departmentDirectory } from '../catalog'
import { DATASET_CATALOGUE } from './dataset-catalogue'
import { forgetCachedDatasets } from './dataset-queries'

/**
 * Seed hook: the demo 数据共享目录 (dataset-catalogue.ts). Idempotent — a dataset that already matches its
 * definition is left alone; a changed definition (new release) is updated; one audit entry when anything changed.
 * Provider departments are found by 统一社会信用代码 among the seeded departments.
 */
export async function seedSharedDatasets(db: DB): Promise<Record<string, string>> {
  const departments = await departmentDirectory(db).listDepartments()
  const byCode = new Map(departments.filter((d) => d.code).map((d) => [d.code!, d.id]))
  await db.transaction().execute(async (tx) => {
    const existing = new Map((await tx.selectFrom('shared_datasets').selectAll().execute()).map((r) => [r.code, r]))
    const changed: string[] = []
    for (const d of DATASET_CATALOGUE) {
      const row = {
        code: d.code,
        name: d.name,
        name_en: d.nameEn,
        provider_department_id: byCode.get(d.providerCode) ?? null,
        subject_type: d.subjectType,
        fields: JSON.stringify(d.fields),
        share_type: d.shareType,
        update_cycle: d.updateCycle,
        summary: d.summary,
        source: d.source,
      }
      const old = existing.get(d.code)
      if (!old) {
        await tx.insertInto('shared_datasets').values(row).execute()
        changed.push(d.code)
        continue
      }
      const same =
        old.name === row.name && old.name_en === row.name_en && old.provider_department_id === row.provider_department_id && old.subject_type === row.subject_type &&
        canonicalJson(old.fields) === canonicalJson(d.fields) && old.share_type === row.share_type && old.update_cycle === row.update_cycle && old.summary === row.summary && old.source === row.source
      if (same) continue
      await tx.updateTable('shared_datasets').set({ ...row, updated_at: new Date() }).where('code', '=', d.code).execute()
      changed.push(d.code)
    }
    if (changed.length) {
      await recordAudit(tx, { actor: { type: 'system', name: 'seed' }, action: 'exchange.datasets.seeded', subject: { type: 'shared_datasets' }, details: { datasets: changed } })
    }
  })
  forgetCachedDatasets(db)
  return {}
}
