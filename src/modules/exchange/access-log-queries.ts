import { sql } from 'kysely'
import type { Executor } from '../../platform/database'
import type { DatasetField } from '../../platform/schema'
import { departmentDirectory } from '../catalog'
import type { RefusalCode } from './exchange-errors'

/** One access-log row ready for a page: names resolved, subject only ever masked. */
export type AccessRow = {
  id: string
  occurredAt: Date
  datasetCode: string
  datasetName: string | null
  datasetNameEn: string | null
  /** Field labels where the dataset knows them, else the key. */
  fields: { key: string; label: string; labelEn: string }[]
  subjectType: string
  subjectMasked: string
  consumerDepartmentId: string | null
  departmentName: string | null
  actorType: 'staff' | 'citizen' | 'client' | 'system'
  actorName: string | null
  clientId: string | null
  purpose: string | null
  caseRef: string | null
  grantId: string | null
  outcome: 'granted' | 'refused'
  refusalCode: RefusalCode | null
}
export type AccessPage = { rows: AccessRow[]; total: number; page: number; pageSize: number }

export type AccessFilter = {
  subjectKey?: string
  dataset?: string
  departmentId?: string
  /** Only reads by these consuming departments (a supervisor's region); rows without a department are left out. */
  departmentIds?: string[]
  from?: string
  to?: string
  outcome?: 'granted' | 'refused'
}

/** Day boundaries are China Standard Time: 'YYYY-MM-DD' → the instant 00:00 +08:00. */
const startOfDay = (day: string) => new Date(`${day}T00:00:00+08:00`)

/** Access-log rows, newest first, `pageSize` per page; every filter optional. */
export async function listAccess(db: Executor, f: AccessFilter, page = 1, pageSize = 50): Promise<AccessPage> {
  let q = db.selectFrom('data_access_log as l').leftJoin('shared_datasets as d', 'd.code', 'l.dataset_code')
  if (f.subjectKey) q = q.where('l.subject_key', '=', f.subjectKey)
  if (f.dataset) q = q.where('l.dataset_code', '=', f.dataset)
  if (f.departmentId) q = q.where('l.consumer_department_id', '=', f.departmentId)
  if (f.departmentIds) q = f.departmentIds.length ? q.where('l.consumer_department_id', 'in', f.departmentIds) : q.where(sql<boolean>`false`)
  if (f.outcome) q = q.where('l.outcome', '=', f.outcome)
  if (f.from) q = q.where('l.occurred_at', '>=', startOfDay(f.from))
  if (f.to) q = q.where('l.occurred_at', '<', new Date(startOfDay(f.to).getTime() + 86400000))
  const [count, rows, departments] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    q
      .select(['l.id', 'l.occurred_at', 'l.dataset_code', 'l.subject_type', 'l.subject_masked', 'l.consumer_department_id', 'l.actor_type', 'l.actor_name', 'l.client_id', 'l.fields', 'l.purpose', 'l.case_ref', 'l.grant_id', 'l.outcome', 'l.refusal_code', 'd.name', 'd.name_en', 'd.fields as dataset_fields'])
      .orderBy('l.occurred_at', 'desc')
      .orderBy('l.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    departmentNames(db),
  ])
  return {
    total: Number(count?.n ?? 0),
    page,
    pageSize,
    rows: rows.map((r) => {
      const labels = new Map(((r.dataset_fields ?? []) as DatasetField[]).map((x) => [x.key, x]))
      return {
        id: r.id,
        occurredAt: new Date(r.occurred_at),
        datasetCode: r.dataset_code,
        datasetName: r.name,
        datasetNameEn: r.name_en,
        fields: r.fields.map((k) => ({ key: k, label: labels.get(k)?.label ?? k, labelEn: labels.get(k)?.labelEn ?? k })),
        subjectType: r.subject_type,
        subjectMasked: r.subject_masked,
        consumerDepartmentId: r.consumer_department_id,
        departmentName: r.consumer_department_id ? (departments.get(r.consumer_department_id) ?? null) : null,
        actorType: r.actor_type,
        actorName: r.actor_name,
        clientId: r.client_id,
        purpose: r.purpose,
        caseRef: r.case_ref,
        grantId: r.grant_id,
        outcome: r.outcome,
        refusalCode: r.refusal_code as RefusalCode | null,
      }
    }),
  }
}

/** Department names by id (departments are catalog's; read through its directory). */
export async function departmentNames(db: Executor): Promise<Map<string, string>> {
  return new Map((await departmentDirectory(db).listDepartments()).map((d) => [d.id, d.name]))
}
