import type { DB, Executor } from '../../../platform/database'
import { loadCalendar, shanghaiDate } from '../../../platform/calendar'
import { maskIdNumber, maskPhone, maskText } from '../../../platform/privacy'
import { applicationMaterials, getUpload } from '../../applications'
import { getItemFormVersion, listRegionOptions, type FormDefinition, type FormField, type FormValues, type RegionOption } from '../../catalog'
import { getCitizenIdNumber, getCitizenProfile, getEnterpriseUscc, type StaffUser } from '../../identity'
import { getCaseDetail, type CaseDetail } from '../case-queries'
import { mayView } from '../case-policy'
import type { Calendar } from '../clocks'

/**
 * Everything the back-office case page shows, loaded once per request: the case detail (steps, timeline, pauses,
 * corrections), the submitted application (values, pinned form version), its materials and files, and the
 * calendar for deadline badges. Undefined when the case does not exist OR this staff member may not see it —
 * both answer 404, so a case's existence is not revealed.
 */
export type CaseView = CaseDetail & {
  values: FormValues
  prefill: Record<string, { source: string }>
  form: FormDefinition | null
  regions: RegionOption[]
  materials: Awaited<ReturnType<typeof applicationMaterials>>
  /** Files the applicant attached, per form field key (file fields only). */
  files: Record<string, { id: string; name: string; size: number; mime: string }[]>
  cal: Calendar
  today: string
  nextWorkingDay: string
}

export function caseDepartments(d: Pick<CaseDetail, 'case' | 'steps'>): string[] {
  return [...new Set([d.case.department_id, ...d.steps.map((s) => s.department_id)])]
}

export async function loadCaseView(db: DB, caseId: string, staff: Pick<StaffUser, 'grants'>, now = new Date()): Promise<CaseView | undefined> {
  const d = await getCaseDetail(db, caseId)
  if (!d || !mayView(staff, caseDepartments(d), d.case.region_code)) return undefined
  const app = await db.selectFrom('applications').select(['values', 'prefill', 'form_version', 'item_id', 'item_version']).where('id', '=', d.case.application_id).executeTakeFirst()
  const [form, regions, materials, cal] = await Promise.all([
    app ? getItemFormVersion(db, app.item_id, app.form_version, { itemVersion: app.item_version }) : undefined,
    listRegionOptions(db),
    applicationMaterials(db, d.case.application_id),
    loadCalendar(db),
  ])
  const values = (app?.values ?? {}) as FormValues
  const files: CaseView['files'] = {}
  for (const key of fileFieldKeys(form?.definition ?? null, values)) {
    const ids = (Array.isArray(values[key]) ? (values[key] as unknown[]) : [values[key]]).filter((x): x is string => typeof x === 'string').slice(0, 20)
    const found = []
    for (const id of ids) {
      const u = await getUpload(db, id)
      if (u) found.push({ id: u.id, name: u.name, size: u.size, mime: u.mime })
    }
    files[key] = found
  }
  const today = shanghaiDate(now)
  return {
    ...d, values, prefill: (app?.prefill ?? {}) as Record<string, { source: string }>, form: form?.definition ?? null, regions, materials, files,
    cal, today, nextWorkingDay: cal.addWorkingDays(today, 1),
  }
}

/** Keys of the file fields: from the pinned form, else the `materialN` convention. */
function fileFieldKeys(def: FormDefinition | null, values: FormValues): string[] {
  if (def) return def.sections.flatMap((s) => s.fields).filter((f) => f.type === 'file').map((f) => f.key)
  return Object.keys(values).filter((k) => /^material\d+$/.test(k))
}

/**
 * Whether an upload is one of this case's materials (a file named in a file field of the submitted form, or the
 * material row): officers may open exactly those, nothing else the applicant ever uploaded.
 */
export function caseHasUpload(v: CaseView, uploadId: string): boolean {
  return Object.values(v.files).some((fs) => fs.some((f) => f.id === uploadId)) || v.materials.some((m) => m.upload_id === uploadId)
}

/** The applicant's identifiers: raw (only after the audited reveal) or masked. Never logged. */
export type ApplicantIds = { idNumber: string | null; phone: string | null; uscc: string | null; contactName: string | null }

export async function applicantIds(db: Executor, v: Pick<CaseView, 'case' | 'values'>): Promise<ApplicantIds> {
  const c = v.case
  const str = (k: string) => (typeof v.values[k] === 'string' && (v.values[k] as string).trim() ? (v.values[k] as string).trim() : null)
  const [idNumber, profile, uscc] = await Promise.all([
    getCitizenIdNumber(db, c.applicant_citizen_id),
    getCitizenProfile(db, c.applicant_citizen_id),
    c.subject_enterprise_id ? getEnterpriseUscc(db, c.subject_enterprise_id) : Promise.resolve(null),
  ])
  return {
    idNumber: idNumber ?? str('idNumber'),
    phone: (c.subject_enterprise_id ? str('contactPhone') : null) ?? str('phone') ?? profile?.phone ?? null,
    uscc: uscc ?? str('entUscc'),
    contactName: c.subject_enterprise_id ? (str('contactName') ?? profile?.name ?? null) : null,
  }
}

export function maskedIds(ids: ApplicantIds): ApplicantIds {
  return { ...ids, idNumber: ids.idNumber ? maskIdNumber(ids.idNumber) : null, phone: ids.phone ? maskPhone(ids.phone) : null }
}

/**
 * The form values with every 身份证号 and phone masked: fields typed idNumber/phone (also inside rows), and any
 * ID-like or mobile-like text elsewhere (maskText), so free text cannot leak them either.
 */
export function maskFormValues(def: FormDefinition | null, values: FormValues): FormValues {
  const byKey = new Map<string, FormField>((def?.sections.flatMap((s) => s.fields) ?? []).map((f) => [f.key, f]))
  const maskOne = (f: FormField | undefined, v: unknown): unknown => {
    if (typeof v === 'string') return f?.type === 'idNumber' ? maskIdNumber(v) : f?.type === 'phone' ? maskPhone(v) : maskText(v)
    if (Array.isArray(v)) {
      if (f?.type === 'rows') {
        const cols = new Map((f.columns ?? []).map((c) => [c.key, c]))
        return v.map((row) => (row && typeof row === 'object' && !Array.isArray(row) ? Object.fromEntries(Object.entries(row).map(([k, x]) => [k, maskOne(cols.get(k), x)])) : maskOne(undefined, row)))
      }
      return v.map((x) => maskOne(f?.type === 'file' ? f : undefined, x))
    }
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskOne(undefined, x)]))
    return v
  }
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, byKey.get(k)?.type === 'file' ? v : maskOne(byKey.get(k), v)]))
}
