import { readFileSync } from 'node:fs'
import { sql } from 'kysely'
import type { DB } from '../../platform/database'
import { recordAudit } from '../../platform/audit'
import type { LicenceFaceField } from '../../platform/schema-licences'

type CuratedType = { name: string; nameEn?: string; holderKind: 'person' | 'enterprise' | 'either'; validityYears?: number; template: 'certificate' | 'permit'; numberPrefix: string; fields: LicenceFaceField[] }

const CURATED = JSON.parse(readFileSync(new URL('./seed/licence-types.json', import.meta.url), 'utf8')) as CuratedType[]

/** The face of a type nobody has curated yet: what the case says, nothing invented. */
export const GENERIC_FIELDS: LicenceFaceField[] = [
  { key: 'item', label: '办理事项', labelEn: 'Service', from: 'item.name' },
  { key: 'content', label: '许可（登记）内容', labelEn: 'Content', from: 'case.result_description' },
  { key: 'caseRef', label: '办件编号', labelEn: 'Case number', from: 'case.ref_no' },
]

/**
 * 证照类型 for every licence the catalogue's items produce (`result.licenseType`). The defining authority is the
 * department whose items issue it (demo data: no national 证照目录 is loaded), so the type code is that
 * department's USCC + a 3-digit sequence (GB/T 36904, standards.md §B.5). Curated faces for the journey's types
 * (seed/licence-types.json); the rest get GENERIC_FIELDS. Idempotent: existing types are left as they are.
 */
export async function seedLicenceTypes(db: DB): Promise<Record<string, string>> {
  const rows = await sql<{ type_name: string; uscc: string; dept_name: string; years: string | null; holder: string }>`
    select distinct on (i.data->'result'->>'licenseType')
      i.data->'result'->>'licenseType' as type_name, d.code as uscc, d.name as dept_name,
      i.data->'result'->>'validityYears' as years, coalesce(i.audience[1], 'individual') as holder
    from service_items i join departments d on d.id = i.department_id
    where i.data->'result'->>'kind' = 'license' and i.data->'result'->>'licenseType' is not null and d.code is not null
    order by i.data->'result'->>'licenseType', i.code`.execute(db)
  const existing = new Set((await db.selectFrom('licence_types').select('name').execute()).map((r) => r.name))
  const perDefiner = new Map<string, number>()
  for (const r of (await db.selectFrom('licence_types').select('definer_uscc').execute())) perDefiner.set(r.definer_uscc, (perDefiner.get(r.definer_uscc) ?? 0) + 1)
  let created = 0
  await db.transaction().execute(async (tx) => {
    for (const r of rows.rows.sort((a, b) => a.type_name.localeCompare(b.type_name, 'zh'))) {
      if (existing.has(r.type_name)) continue
      const seq = (perDefiner.get(r.uscc) ?? 0) + 1
      perDefiner.set(r.uscc, seq)
      const curated = CURATED.find((c) => c.name === r.type_name)
      const years = curated?.validityYears ?? (r.years ? Math.round(Number(r.years)) : null)
      await tx.insertInto('licence_types').values({
        code: `${r.uscc}${String(seq).padStart(3, '0')}`,
        name: r.type_name,
        name_en: curated?.nameEn ?? null,
        definer_name: r.dept_name,
        definer_uscc: r.uscc,
        holder_kind: curated?.holderKind ?? (r.holder === 'enterprise' ? 'enterprise' : 'either'),
        fields: JSON.stringify(curated?.fields ?? GENERIC_FIELDS),
        validity_years: years && years > 0 && years < 100 ? years : null,
        template: curated?.template ?? 'certificate',
        number_prefix: curated?.numberPrefix ?? '',
      }).execute()
      created++
    }
    if (created) await recordAudit(tx, { actor: { type: 'system', name: 'seed' }, action: 'licence_type.seeded', subject: { type: 'licence_type' }, details: { created } })
  })
  return created ? { licenceTypes: String(created) } : {}
}
