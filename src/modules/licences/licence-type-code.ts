import { sql } from 'kysely'
import type { Executor } from '../../platform/database'

/**
 * The 证照类型代码 rule (GB/T 36904, standards.md §B.5): the defining authority's 18-character USCC followed by a
 * 3-digit sequence of that authority's types (001 … 999). One rule for the seed and the back office.
 */
export const MAX_TYPES_PER_DEFINER = 999

export function licenceTypeCode(definerUscc: string, seq: number): string {
  if (!/^[0-9A-Z]{18}$/.test(definerUscc)) throw new Error(`licenceTypeCode: not a USCC: ${definerUscc}`)
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_TYPES_PER_DEFINER) throw new Error(`licenceTypeCode: sequence out of range: ${seq}`)
  return `${definerUscc}${String(seq).padStart(3, '0')}`
}

/** The highest sequence a definer has used so far (0 when it defines none); the next type gets this + 1. */
export async function lastTypeSequence(tx: Executor, definerUscc: string): Promise<number> {
  const r = await sql<{ n: number | null }>`
    select max(substr(code, 19, 3)::int) as n from licence_types where definer_uscc = ${definerUscc} and code like ${`${definerUscc}%`}`.execute(tx)
  return Number(r.rows[0]?.n ?? 0)
}

/** An item whose result is a licence, with what the seed and the back office derive a type from. */
export type ItemNamingType = {
  typeName: string; itemCode: string; itemName: string; departmentId: string | null; departmentName: string | null; departmentUscc: string | null
  validityYears: number | null; audience: string
}

/**
 * Items whose result is a licence (`result.kind = 'license'`) and the type name they give (`result.licenseType`),
 * with their department (the type's defining authority when it has a USCC; null when the item has no department).
 * Ordered by type name, then item code. `publishedOnly` = the items people can apply for now.
 */
export async function itemsNamingLicenceTypes(tx: Executor, opts: { publishedOnly?: boolean } = {}): Promise<ItemNamingType[]> {
  const rows = await sql<{ type_name: string; code: string; name: string; dept_id: string | null; uscc: string | null; dept_name: string | null; years: string | null; holder: string }>`
    select i.data->'result'->>'licenseType' as type_name, i.code, i.name, d.id as dept_id, d.code as uscc, d.name as dept_name,
      i.data->'result'->>'validityYears' as years, coalesce(i.audience[1], 'individual') as holder
    from service_items i left join departments d on d.id = i.department_id
    where i.data->'result'->>'kind' = 'license' and i.data->'result'->>'licenseType' is not null
      ${opts.publishedOnly ? sql`and i.status = 'published'` : sql``}
    order by i.data->'result'->>'licenseType', i.code`.execute(tx)
  return rows.rows.map((r) => {
    const years = r.years ? Math.round(Number(r.years)) : null
    return {
      typeName: r.type_name, itemCode: r.code, itemName: r.name, departmentId: r.dept_id, departmentName: r.dept_name, departmentUscc: r.uscc,
      validityYears: years && years > 0 && years < 100 ? years : null, audience: r.holder,
    }
  })
}
