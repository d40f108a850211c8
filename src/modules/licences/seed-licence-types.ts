import { readFileSync } from 'node:fs'
import type { DB } from '../../platform/database'
import { recordAudit } from '../../platform/audit'
import type { LicenceFaceField } from '../../platform/schema-licences'
import { itemsNamingLicenceTypes, lastTypeSequence, licenceTypeCode, type ItemNamingType } from './licence-type-code'

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
 * department's USCC + a 3-digit sequence (GB/T 36904, standards.md §B.5; licence-type-code.ts, the rule the back
 * office's defineLicenceType uses too). Curated faces for the journey's types
 * (seed/licence-types.json); the rest get GENERIC_FIELDS. Idempotent: existing types are left as they are.
 */
export async function seedLicenceTypes(db: DB): Promise<Record<string, string>> {
  const firstItemPerType = new Map<string, ItemNamingType>()
  for (const r of await itemsNamingLicenceTypes(db)) if (r.departmentUscc && !firstItemPerType.has(r.typeName)) firstItemPerType.set(r.typeName, r)
  const existing = new Set((await db.selectFrom('licence_types').select('name').execute()).map((r) => r.name))
  let created = 0
  await db.transaction().execute(async (tx) => {
    const lastSeq = new Map<string, number>()
    for (const r of [...firstItemPerType.values()].sort((a, b) => a.typeName.localeCompare(b.typeName, 'zh'))) {
      if (existing.has(r.typeName) || !r.departmentUscc || !r.departmentName) continue
      const seq = (lastSeq.get(r.departmentUscc) ?? (await lastTypeSequence(tx, r.departmentUscc))) + 1
      lastSeq.set(r.departmentUscc, seq)
      const curated = CURATED.find((c) => c.name === r.typeName)
      const years = curated?.validityYears ?? r.validityYears
      await tx.insertInto('licence_types').values({
        code: licenceTypeCode(r.departmentUscc, seq),
        name: r.typeName,
        name_en: curated?.nameEn ?? null,
        definer_name: r.departmentName,
        definer_uscc: r.departmentUscc,
        holder_kind: curated?.holderKind ?? (r.audience === 'enterprise' ? 'enterprise' : 'either'),
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
