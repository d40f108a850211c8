import { sql } from 'kysely'
import type { Executor } from '../../../platform/database'
import type { LicenceFaceField } from '../../../platform/schema-licences'
import { t, type Lang } from '../../../platform/web/i18n'
import { allFields, getItemForm } from '../../catalog'
import { itemsNamingLicenceTypes } from '../licence-type-code'
import { FACE_SOURCE_LABELS } from '../licence-types'

/**
 * 证照目录 (GB/T 36902-style catalogue of licence types): what each type is, who defines it, whom it is for, how
 * long it is valid, its layout and face fields (and where each value comes from), and the items whose result it
 * is. Types are seeded for the demo catalogue; administrators and catalogue editors add and edit them
 * (licence-types.ts, licence-type-form.tsx) — the page shows them 新增 / 编辑 links, and lists the type names
 * published items give in `result.licenseType` that have no type yet (their cases cannot be issued a licence).
 */
export type LicenceTypeRow = {
  code: string; name: string; nameEn: string | null; definer: string; definerUscc: string; holderKind: string; validityYears: number | null; template: string
  fields: LicenceFaceField[]; issued: number; items: { code: string; name: string }[]
  /** Face field key → the items whose current application form has no field its `form:<key>` source names. */
  missingSources: Map<string, string[]>
}
/** A type name published items give that the catalogue does not define. */
export type LicenceTypeGap = { name: string; items: { code: string; name: string; department: string | null }[] }

export async function listLicenceTypes(db: Executor): Promise<LicenceTypeRow[]> {
  const types = await db.selectFrom('licence_types').select(['code', 'name', 'name_en', 'definer_name', 'definer_uscc', 'holder_kind', 'validity_years', 'template', 'fields']).orderBy('code').execute()
  const issued = await db.selectFrom('licences').select(['type_code', sql<number>`count(*)::int`.as('n')]).groupBy('type_code').execute()
  const items = await sql<{ type_name: string; id: string; code: string; name: string }>`
    select i.data->'result'->>'licenseType' as type_name, i.id, i.code, i.name from service_items i
    where i.data->'result'->>'kind' = 'license' and i.status = 'published' order by i.code`.execute(db)
  const n = new Map(issued.map((r) => [r.type_code, Number(r.n)]))
  const rows: LicenceTypeRow[] = []
  for (const ty of types) {
    const fields = ty.fields as unknown as LicenceFaceField[]
    const mine = items.rows.filter((i) => i.type_name === ty.name)
    rows.push({
      code: ty.code, name: ty.name, nameEn: ty.name_en, definer: ty.definer_name, definerUscc: ty.definer_uscc, holderKind: ty.holder_kind, validityYears: ty.validity_years, template: ty.template,
      fields, issued: n.get(ty.code) ?? 0, items: mine.map((i) => ({ code: i.code, name: i.name })),
      missingSources: await missingFormSources(db, fields, mine),
    })
  }
  return rows
}

/**
 * A face field drawing on `form:<key>` prints nothing when the item's application form has no such field (a typo
 * in the type, or a form changed since). Checked against each item's CURRENT form, so the page warns before a
 * licence comes out with an empty line — or, for a required field, before a result is refused.
 */
async function missingFormSources(db: Executor, fields: LicenceFaceField[], items: { id: string; name: string }[]): Promise<Map<string, string[]>> {
  const missing = new Map<string, string[]>()
  const wanted = fields.filter((f) => f.from.startsWith('form:'))
  if (!wanted.length) return missing
  for (const item of items) {
    const form = await getItemForm(db, item.id)
    const keys = new Set(form ? allFields(form.definition).map((f) => f.key) : [])
    for (const f of wanted) if (!keys.has(f.from.slice(5))) missing.set(f.key, [...(missing.get(f.key) ?? []), item.name])
  }
  return missing
}

/** 事项使用但尚未定义的证照类型: published items naming a type the catalogue lacks, by type name. */
export async function listLicenceTypeGaps(db: Executor): Promise<LicenceTypeGap[]> {
  const defined = new Set((await db.selectFrom('licence_types').select('name').execute()).map((r) => r.name))
  const gaps = new Map<string, LicenceTypeGap>()
  for (const i of await itemsNamingLicenceTypes(db, { publishedOnly: true })) {
    if (defined.has(i.typeName)) continue
    const g = gaps.get(i.typeName) ?? { name: i.typeName, items: [] }
    g.items.push({ code: i.itemCode, name: i.itemName, department: i.departmentName })
    gaps.set(i.typeName, g)
  }
  return [...gaps.values()]
}

const HOLDER: Record<string, [string, string]> = { person: ['自然人', 'Person'], enterprise: ['法人', 'Legal person'], either: ['自然人或法人', 'Either'] }
const SOURCE = (lang: Lang, from: string) =>
  from.startsWith('form:') ? t(lang, `申请表“${from.slice(5)}”`, `form field ${from.slice(5)}`)
    : from.startsWith('const:') ? t(lang, '固定内容', 'fixed text')
      : from in FACE_SOURCE_LABELS ? t(lang, ...FACE_SOURCE_LABELS[from as keyof typeof FACE_SOURCE_LABELS]) : from

export type TypesPageProps = {
  lang: Lang
  rows: LicenceTypeRow[]
  gaps: LicenceTypeGap[]
  /** May add types (administrators, catalogue editors); read-only roles get no links. */
  mayDefine: boolean
  /** Codes of the types this person may edit. */
  editable: Set<string>
}

export function TypesPage({ lang, rows, gaps, mayDefine, editable }: TypesPageProps) {
  return (
    <>
      <h1>{t(lang, '证照目录', 'Licence types')}</h1>
      <p>{t(lang, `共 ${rows.length} 种证照类型。事项的办理结果为证照时，办结即按此制证：证照内容取自下列来源，标“必填”的栏目为空时不能出具结果。`, `${rows.length} licence types. When an item's result is a licence it is issued from these definitions; a required field left empty blocks the result.`)}</p>
      {mayDefine ? <p><a class="button" href="/admin/licences/types/new">{t(lang, '新增证照类型', 'Add a licence type')}</a></p> : null}
      {gaps.length ? (
        <section class="section" aria-labelledby="type-gaps">
          <h2 id="type-gaps">{t(lang, '事项使用但尚未定义的证照类型', 'Licence types used by items but not defined')}</h2>
          <p>{t(lang, '下列已发布事项的办理结果是这些证照，但证照目录中还没有它们：这些事项的办件准予后不能出具结果。', 'These published items produce licences the catalogue does not define: their approved cases cannot be issued a result.')}{mayDefine ? t(lang, '点击“定义”新增该证照类型。', ' Choose “Define” to add the type.') : t(lang, '请联系系统管理员或事项编辑员新增。', ' Ask an administrator or catalogue editor to add them.')}</p>
          <table class="table">
            <caption class="visually-hidden">{t(lang, '尚未定义的证照类型', 'Undefined licence types')}</caption>
            <thead><tr><th scope="col">{t(lang, '证照名称', 'Licence')}</th><th scope="col">{t(lang, '使用它的事项', 'Items')}</th>{mayDefine ? <th scope="col">{t(lang, '操作', 'Action')}</th> : null}</tr></thead>
            <tbody>
              {gaps.map((g) => (
                <tr>
                  <td>{g.name}</td>
                  <td>{g.items.map((i, k) => <>{k ? '、' : ''}<a href={`/services/${i.code}`}>{i.name}</a>{i.department ? <span class="meta">（{i.department}）</span> : null}</>)}</td>
                  {mayDefine ? <td><a href={`/admin/licences/types/new?name=${encodeURIComponent(g.name)}`}>{t(lang, `定义“${g.name}”`, `Define “${g.name}”`)}</a></td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {rows.map((r) => (
        <section class="section" aria-labelledby={`type-${r.code}`}>
          <h2 id={`type-${r.code}`}>{r.name}{r.nameEn ? <span class="meta"> {r.nameEn}</span> : null}</h2>
          {editable.has(r.code) ? <p><a href={`/admin/licences/types/${r.code}/edit`}>{t(lang, `编辑“${r.name}”`, `Edit “${r.name}”`)}</a></p> : null}
          <dl class="summary-list">
            <div><dt>{t(lang, '证照类型代码', 'Type code')}</dt><dd>{r.code}</dd></div>
            <div><dt>{t(lang, '定义机构', 'Defined by')}</dt><dd>{r.definer}</dd></div>
            <div><dt>{t(lang, '持证主体', 'Holder')}</dt><dd>{t(lang, ...(HOLDER[r.holderKind] ?? [r.holderKind, r.holderKind]))}</dd></div>
            <div><dt>{t(lang, '有效期', 'Validity')}</dt><dd>{r.validityYears ? t(lang, `${r.validityYears}年`, `${r.validityYears} years`) : t(lang, '长期', 'No expiry')}</dd></div>
            <div><dt>{t(lang, '版式', 'Layout')}</dt><dd>{r.template === 'permit' ? t(lang, '批准文书', 'Approval document') : t(lang, '证书', 'Certificate')}</dd></div>
            <div><dt>{t(lang, '已签发', 'Issued')}</dt><dd>{r.issued}</dd></div>
            <div><dt>{t(lang, '关联事项', 'Items')}</dt><dd>{r.items.length ? r.items.map((i, k) => <>{k ? '、' : ''}<a href={`/services/${i.code}`}>{i.name}</a></>) : t(lang, '无', 'None')}</dd></div>
          </dl>
          <table class="table">
            <caption>{t(lang, `${r.name}的证照内容`, `Face fields of ${r.name}`)}</caption>
            <thead><tr><th scope="col">{t(lang, '栏目', 'Field')}</th><th scope="col">{t(lang, '内容来源', 'Comes from')}</th><th scope="col">{t(lang, '必填', 'Required')}</th></tr></thead>
            <tbody>
              {r.fields.map((f) => (
                <tr>
                  <td>{t(lang, f.label, f.labelEn ?? f.label)}</td>
                  <td>
                    {SOURCE(lang, f.from)}{f.from.startsWith('const:') ? `：${f.from.slice(6)}` : ''}
                    {r.missingSources.has(f.key) ? (
                      <p class="warning">
                        <strong class="tag tag-warn">{t(lang, '请核对', 'Check')}</strong>{' '}
                        {t(lang, `事项“${r.missingSources.get(f.key)!.join('”“')}”的申请表中没有栏目“${f.from.slice(5)}”：制证时该栏目为空${f.required ? '，且因其必填，不能出具结果' : ''}。请修改来源或事项的申请表。`, `The form of ${r.missingSources.get(f.key)!.join(', ')} has no field “${f.from.slice(5)}”: the line will be empty${f.required ? ' and, being required, blocks the result' : ''}. Fix the source or the item's form.`)}
                      </p>
                    ) : null}
                  </td>
                  <td>{f.required ? t(lang, '是', 'Yes') : t(lang, '否', 'No')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  )
}
