import type { LicenceFaceField } from '../../../platform/schema-licences'
import { CsrfField, Fieldset, Select, TextInput, type SummaryError } from '../../../platform/web/form-components'
import { t, type Lang } from '../../../platform/web/i18n'
import { FACE_SOURCE_LABELS, FACE_SOURCES, LICENCE_TYPE_LIMITS, type FaceFieldInput, type LicenceTypeInput } from '../licence-types'

/**
 * 新增 / 编辑证照类型 (/admin/licences/types/new, /admin/licences/types/{code}/edit): server-rendered, no JavaScript.
 * Face fields are rows (the existing ones plus EMPTY_ROWS empty ones; "再添加 3 行" re-renders with more); an empty
 * row is not saved, so clearing a row deletes that field. Each row's source is a choice plus, for 申请表栏目 and
 * 固定内容, its argument. Field ids: `fields-<row>-key|label|labelEn|source|arg|required`.
 */
export const EMPTY_ROWS = 3

export type FaceRow = { key: string; label: string; labelEn: string; source: string; arg: string; required: string }
export type TypeFormValues = {
  name: string; nameEn: string; definerDepartmentId: string; holderKind: string; validityYears: string; template: string; numberPrefix: string
  rows: FaceRow[]
}
export type TypeFormProps = {
  lang: Lang
  csrf: string
  values: TypeFormValues
  errors: Map<string, string>
  /** Edit: the type's code, definer and the version the form was made from. */
  edit?: { code: string; definer: string; version: number; issued: number }
  departments: { id: string; name: string; code: string }[]
  /** The message of a form-wide problem (a stale edit). */
  problem?: string
}

const ROW_KEYS = ['key', 'label', 'labelEn', 'source', 'arg', 'required'] as const
export const emptyRow = (): FaceRow => ({ key: '', label: '', labelEn: '', source: '', arg: '', required: '' })
const isBlank = (r: FaceRow) => !r.key && !r.label && !r.labelEn && !r.source && !r.arg

export function rowOf(f: LicenceFaceField): FaceRow {
  const [source, arg] = f.from.startsWith('form:') ? ['form', f.from.slice(5)] : f.from.startsWith('const:') ? ['const', f.from.slice(6)] : [f.from, '']
  return { key: f.key, label: f.label, labelEn: f.labelEn ?? '', source, arg, required: f.required ? 'yes' : '' }
}

/** Form post → the form's values (rows as posted, blank ones included) — what the page shows back. */
export function valuesFromPost(body: Record<string, unknown>): TypeFormValues {
  const s = (k: string, max = 500) => (typeof body[k] === 'string' ? (body[k] as string).slice(0, max) : '')
  const rows: FaceRow[] = []
  for (let i = 0; i < LICENCE_TYPE_LIMITS.fields + 40; i++) {
    if (!ROW_KEYS.some((k) => typeof body[`fields-${i}-${k}`] === 'string')) break
    rows.push(Object.fromEntries(ROW_KEYS.map((k) => [k, s(`fields-${i}-${k}`, 300)])) as FaceRow)
  }
  return {
    name: s('name', 200), nameEn: s('nameEn', 300), definerDepartmentId: s('definerDepartmentId', 40), holderKind: s('holderKind', 20),
    validityYears: s('validityYears', 10), template: s('template', 20), numberPrefix: s('numberPrefix', 20), rows,
  }
}

/**
 * The operation's input from the form's values: blank rows dropped; `posted[i]` = the row on the page that the
 * operation's `fields.i` came from (to put its errors back at the right row).
 */
export function inputFromValues(v: TypeFormValues): { input: LicenceTypeInput; posted: number[] } {
  const posted: number[] = []
  const fields: FaceFieldInput[] = []
  v.rows.forEach((r, i) => {
    if (isBlank(r)) return
    posted.push(i)
    const from = r.source === 'form' ? `form:${r.arg.trim()}` : r.source === 'const' ? `const:${r.arg}` : r.source
    fields.push({ key: r.key, label: r.label, labelEn: r.labelEn, from, required: r.required === 'yes' })
  })
  return {
    input: { name: v.name, nameEn: v.nameEn, definerDepartmentId: v.definerDepartmentId, holderKind: v.holderKind, validityYears: v.validityYears, template: v.template, numberPrefix: v.numberPrefix, fields },
    posted,
  }
}

/** An operation's field error → the id of the control on the page it belongs to. */
export function controlOf(field: string, posted: number[], v: TypeFormValues): string {
  const m = /^fields\.(\d+)\.(\w+)$/.exec(field)
  if (m) {
    const row = posted[Number(m[1])] ?? 0
    if (m[2] === 'from') return v.rows[row]?.source === 'form' || v.rows[row]?.source === 'const' ? `fields-${row}-arg` : `fields-${row}-source`
    return `fields-${row}-${m[2]}`
  }
  if (field === 'fields') return 'fields-0-key'
  return ['name', 'nameEn', 'definerDepartmentId', 'holderKind', 'validityYears', 'template', 'numberPrefix'].includes(field) ? field : 'name'
}

export const summaryOf = (errors: Map<string, string>): SummaryError[] => [...errors].map(([href, message]) => ({ href, message }))

function sourceOptions(lang: Lang) {
  const labels: Record<string, [string, string]> = {
    form: ['申请表栏目（在右侧填写栏目代码）', 'Application form field (give its key)'],
    ...FACE_SOURCE_LABELS,
    const: ['固定内容（在右侧填写文字）', 'Fixed text (give it)'],
  }
  return ['form', ...FACE_SOURCES, 'const'].map((value) => ({ value, label: t(lang, ...labels[value]!) }))
}

export function LicenceTypeForm(p: TypeFormProps) {
  const { lang, values: v, errors } = p
  const e = (id: string) => errors.get(id)
  const action = p.edit ? `/admin/licences/types/${p.edit.code}/edit` : '/admin/licences/types/new'
  const title = p.edit ? t(lang, `编辑证照类型：${v.name}`, `Edit licence type: ${v.name}`) : t(lang, '新增证照类型', 'New licence type')
  return (
    <>
      <h1>{title}</h1>
      <p><a href="/admin/licences/types">{t(lang, '返回证照目录', 'Back to licence types')}</a></p>
      {p.edit ? (
        <p>{t(lang, `证照类型代码 ${p.edit.code}（定义机构：${p.edit.definer}）创建后不能修改。已签发的 ${p.edit.issued} 本证照已签名，不受修改影响；保存后新签发、延续和变更的证照按新的定义制作。`, `Type code ${p.edit.code} (defined by ${p.edit.definer}) never changes. The ${p.edit.issued} licences already issued are signed and stay as they are; licences issued, renewed or changed after saving use the new definition.`)}</p>
      ) : (
        <p>{t(lang, '事项“办理结果”中的证照名称与这里的名称一致时，办件出具结果即按此定义制证。证照类型代码由定义部门的统一社会信用代码加3位顺序号自动生成，创建后不能修改。', 'When an item’s result names this type, its approved cases are issued licences by this definition. The type code is the defining department’s credit code plus a 3-digit sequence, made for you; it never changes.')}</p>
      )}
      {p.problem ? <p class="error-message" role="alert">{p.problem}{p.edit ? <> <a href={action}>{t(lang, '重新打开编辑页面', 'Reopen the edit page')}</a></> : null}</p> : null}
      <form method="post" action={action} novalidate>
        <CsrfField token={p.csrf} />
        {p.edit ? <input type="hidden" name="expectedVersion" value={String(p.edit.version)} /> : null}
        <TextInput lang={lang} id="name" label={t(lang, '证照类型名称', 'Name')} hint={t(lang, '与事项“办理结果”中的证照名称完全一致，例如 食品经营许可证。', 'Exactly as items name it in their result, e.g. 食品经营许可证.')} value={v.name} error={e('name')} required width="l" maxlength={LICENCE_TYPE_LIMITS.name} />
        <TextInput lang={lang} id="nameEn" label={t(lang, '英文名称（可不填）', 'English name (optional)')} value={v.nameEn} error={e('nameEn')} width="l" maxlength={LICENCE_TYPE_LIMITS.nameEn} />
        {p.edit ? null : (
          <Select lang={lang} id="definerDepartmentId" label={t(lang, '定义部门', 'Defining department')} hint={t(lang, '证照类型代码以该部门的统一社会信用代码开头。只列出已登记统一社会信用代码、您可以为其定义证照的部门。', 'The type code starts with its credit code. Only departments with a credit code that you may define types for.')} value={v.definerDepartmentId} error={e('definerDepartmentId')} required empty={t(lang, '请选择', 'Choose')} options={p.departments.map((d) => ({ value: d.id, label: `${d.name}（${d.code}）` }))} />
        )}
        <Select lang={lang} id="holderKind" label={t(lang, '持证主体', 'Holder')} value={v.holderKind} error={e('holderKind')} required empty={t(lang, '请选择', 'Choose')} options={[{ value: 'person', label: t(lang, '自然人', 'Person') }, { value: 'enterprise', label: t(lang, '法人', 'Legal person') }, { value: 'either', label: t(lang, '自然人或法人', 'Either') }]} />
        <TextInput lang={lang} id="validityYears" label={t(lang, '有效期（年）', 'Validity (years)')} hint={t(lang, '1–99的整数；长期有效请留空。', 'A whole number from 1 to 99; leave empty for no expiry.')} value={v.validityYears} error={e('validityYears')} inputmode="numeric" width="s" maxlength={2} />
        <Select lang={lang} id="template" label={t(lang, '版式', 'Layout')} value={v.template} error={e('template')} required empty={t(lang, '请选择', 'Choose')} options={[{ value: 'certificate', label: t(lang, '证书', 'Certificate') }, { value: 'permit', label: t(lang, '批准文书', 'Approval document') }]} />
        <TextInput lang={lang} id="numberPrefix" label={t(lang, '证照编号前缀（可不填）', '证照编号 prefix (optional)')} hint={t(lang, '最多8位大写英文字母或数字，例如 JY。证照编号 = 前缀 + 发证机关所在区划代码 + 7位流水号。', 'Up to 8 letters A–Z or digits, e.g. JY. Number = prefix + issuer region + 7-digit serial.')} value={v.numberPrefix} error={e('numberPrefix')} width="s" maxlength={LICENCE_TYPE_LIMITS.numberPrefix} />
        <Fieldset legend={t(lang, '证照内容（栏目）', 'Face fields')} id="section-fields" hint={t(lang, `每行一个印在证照上的栏目，按顺序排列，1–${LICENCE_TYPE_LIMITS.fields}个；留空的行不保存，要删除栏目请清空该行。栏目代码以英文字母开头，只含字母、数字和下划线。标为必填的栏目没有内容时，办件不能出具结果。`, `One printed field per row, in order, 1–${LICENCE_TYPE_LIMITS.fields}; empty rows are not saved (clear a row to delete it). Keys start with a letter; letters, digits and _ only. A required field with no value blocks the result.`)}>
          {v.rows.map((r, i) => {
            const id = (k: string) => `fields-${i}-${k}`
            return (
              <fieldset class="fieldset row-group">
                <legend class="legend-small">{t(lang, `栏目 ${i + 1}`, `Field ${i + 1}`)}</legend>
                <div class="row-grid">
                  <TextInput lang={lang} id={id('key')} label={t(lang, '栏目代码', 'Key')} value={r.key} error={e(id('key'))} width="m" maxlength={32} />
                  <TextInput lang={lang} id={id('label')} label={t(lang, '栏目名称', 'Label')} value={r.label} error={e(id('label'))} width="m" maxlength={LICENCE_TYPE_LIMITS.label} />
                  <TextInput lang={lang} id={id('labelEn')} label={t(lang, '英文名称（可不填）', 'English label (optional)')} value={r.labelEn} error={e(id('labelEn'))} width="m" maxlength={LICENCE_TYPE_LIMITS.labelEn} />
                  <Select lang={lang} id={id('source')} label={t(lang, '内容来源', 'Comes from')} value={r.source} error={e(id('source'))} empty={t(lang, '请选择', 'Choose')} options={sourceOptions(lang)} />
                  <TextInput lang={lang} id={id('arg')} label={t(lang, '申请表栏目代码或固定内容', 'Form field key or fixed text')} value={r.arg} error={e(id('arg'))} width="m" maxlength={LICENCE_TYPE_LIMITS.constText} />
                  <Select lang={lang} id={id('required')} label={t(lang, '必填', 'Required')} value={r.required} options={[{ value: '', label: t(lang, '否', 'No') }, { value: 'yes', label: t(lang, '是', 'Yes') }]} />
                </div>
              </fieldset>
            )
          })}
          {v.rows.length < LICENCE_TYPE_LIMITS.fields ? (
            <button type="submit" class="button-secondary" name="_action" value="more">{t(lang, '再添加 3 行栏目', 'Add 3 more rows')}</button>
          ) : null}
        </Fieldset>
        <button type="submit" class="button">{p.edit ? t(lang, '保存修改', 'Save changes') : t(lang, '新增证照类型', 'Add the licence type')}</button>
      </form>
    </>
  )
}
