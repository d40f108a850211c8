import { Checkboxes, CsrfField, Fieldset, Select, TextArea, TextInput, type Option } from '../../../platform/web/form-components'
import type { Lang } from '../../../platform/web/i18n'
import { t } from '../../../platform/web/i18n'
import { fieldLabel, options } from './field-labels'
import { FaqRows, MaterialRows, StepRows } from './item-form-rows'
import { list, ORDERED_GROUPS, rowsOf, str, type DepartmentOption, type FormValues, type RowGroup } from './item-form-values'

export type ItemFormProps = {
  lang: Lang
  mode: 'new' | 'edit'
  action: string
  values: FormValues
  /** element id → message (first message per field) */
  errors: Map<string, string>
  departments: DepartmentOption[]
  themes: string[]
  csrfToken: string
  expectedVersion?: number
  /** Extra empty rows to add per group (2 on a fresh form, 3 more per "add rows" click). */
  extraRows: Partial<Record<RowGroup, number>>
}

/** Row numbers to render: the rows in the values, then `extra` new ones after the highest. */
export function rowsToRender(values: FormValues, group: RowGroup, extra: number): number[] {
  const rows = rowsOf(values, group)
  const next = rows.length ? rows[rows.length - 1]! + 1 : 0
  return [...rows, ...Array.from({ length: extra }, (_, i) => next + i)]
}

/** The editor form: every field of the exchange format, in sections. Post/redirect/get; no JavaScript needed. */
export function ItemForm(p: ItemFormProps) {
  const { lang, values, errors } = p
  const L = (k: string) => fieldLabel(lang, k)
  const f = (id: string, labelKey = id) => ({ lang, id, label: L(labelKey), value: str(values, id), error: errors.get(id) })
  const notStated = t(lang, '未注明', 'Not stated')
  const themeOptions: Option[] = [...new Set([...p.themes, ...list(values, 'themes')])].map((n) => ({ value: n, label: n }))
  const depOptions: Option[] = p.departments.map((d) => ({ value: d.id, label: d.code ? `${d.name}（${d.code}）` : d.name }))
  const rows = (g: RowGroup) => rowsToRender(values, g, p.extraRows[g] ?? 0)
  return (
    <form method="post" action={p.action} novalidate class="item-form">
      <CsrfField token={p.csrfToken} />
      {ORDERED_GROUPS.map((g) => (str(values, `order-${g}`) ? <input type="hidden" name={`order-${g}`} value={str(values, `order-${g}`)} /> : null))}
      {p.expectedVersion !== undefined ? <input type="hidden" name="expectedVersion" value={String(p.expectedVersion)} /> : null}

      <Fieldset legend={t(lang, '基本信息', 'Basic information')} id="section-basic">
        {p.mode === 'edit' ? (
          <div class="form-group">
            <span class="label">{L('code')}</span>
            <p class="readonly-value">{str(values, 'code')}</p>
            <input type="hidden" name="code" value={str(values, 'code')} />
          </div>
        ) : (
          <TextInput {...f('code')} required width="l" maxlength={64} hint={t(lang, '平台内唯一，保存后不能修改。', 'Unique on the platform; cannot be changed later.')} />
        )}
        <TextInput {...f('baseCode')} width="m" maxlength={32} />
        <TextInput {...f('name')} required width="l" maxlength={200} />
        <Select {...f('type')} required empty={t(lang, '请选择', 'Choose')} options={options.type(lang)} />
        <Select {...f('department')} required empty={t(lang, '请选择', 'Choose')} options={depOptions} />
        <TextArea {...f('coDepartments')} rows={2} hint={t(lang, '每行一个部门；有统一社会信用代码时写在竖线后，例如：苏州市消防救援支队 | 11320500…', 'One per line; add the credit code after a bar: name | code')} />
        <div class="row-grid">
          <TextInput {...f('region-code', 'region.code')} inputmode="numeric" width="m" maxlength={9} hint={t(lang, 'GB/T 2260 代码，6位（乡镇9位），例如 320500', 'GB/T 2260 code, 6 digits, e.g. 320500')} />
          <TextInput {...f('region-name', 'region.name')} width="m" />
          <Select {...f('level')} empty={notStated} options={options.level(lang)} />
        </div>
        <Checkboxes lang={lang} id="audience" legend={L('audience')} required options={options.audience(lang)} values={list(values, 'audience')} error={errors.get('audience')} />
        <Checkboxes lang={lang} id="themes" legend={L('themes')} options={themeOptions} values={list(values, 'themes')} error={errors.get('themes')} />
        <TextArea {...f('description')} rows={4} />
        <TextArea {...f('legalBasis')} rows={4} hint={t(lang, '每行一条法律法规及条款。', 'One law or article per line.')} />
        <TextArea {...f('conditions')} rows={4} />
      </Fieldset>

      <Fieldset legend={t(lang, '办理时限', 'Time limits')} id="section-time">
        <div class="row-grid">
          <Select {...f('caseKind')} empty={notStated} options={options.caseKind(lang)} />
          <TextInput {...f('statutoryDays')} inputmode="decimal" width="s" />
          <TextInput {...f('promisedDays')} inputmode="decimal" width="s" hint={t(lang, '不能超过法定时限', 'At most the statutory limit')} />
        </div>
      </Fieldset>

      <MaterialRows lang={lang} values={values} errors={errors} rows={rows('materials')} />
      <StepRows lang={lang} values={values} errors={errors} rows={rows('steps')} />

      <Fieldset legend={t(lang, '收费与办理方式', 'Fees and channels')} id="section-channels">
        <div class="row-grid">
          <Select {...f('fee-charged', 'fee.charged')} empty={notStated} options={options.yesNo(lang)} />
          <TextInput {...f('fee-amountYuan', 'fee.amountYuan')} inputmode="decimal" width="s" />
        </div>
        <TextInput {...f('fee-standard', 'fee.standard')} width="l" />
        <TextInput {...f('fee-basis', 'fee.basis')} width="l" />
        <Checkboxes lang={lang} id="channels" legend={L('channels')} options={options.channels(lang)} values={list(values, 'channels')} error={errors.get('channels')} />
        <div class="row-grid">
          <Select {...f('onlineLevel')} empty={notStated} options={options.onlineLevel(lang)} />
          <TextInput {...f('visitsRequired')} inputmode="numeric" width="s" />
          <Select {...f('crossRegionScope')} empty={notStated} options={options.crossRegionScope(lang)} />
          <Select {...f('supportsAppointment')} empty={notStated} options={options.yesNo(lang)} />
          <Select {...f('supportsOnlinePayment')} empty={notStated} options={options.yesNo(lang)} />
          <Select {...f('supportsDelivery')} empty={notStated} options={options.yesNo(lang)} />
        </div>
      </Fieldset>

      <Fieldset legend={L('result')} id="section-result">
        <div class="row-grid">
          <TextInput {...f('result-name', 'result.name')} />
          <Select {...f('result-kind', 'result.kind')} empty={notStated} options={options.resultKind(lang)} />
          <TextInput {...f('result-licenseType', 'result.licenseType')} />
          <TextInput {...f('result-validityYears', 'result.validityYears')} inputmode="decimal" width="s" />
        </div>
      </Fieldset>

      <Fieldset legend={t(lang, '特别程序与办理地点', 'Special procedures and where to apply')} id="section-other">
        <TextArea {...f('specialProcedures')} rows={2} hint={t(lang, '每行一项，例如 现场核查；所用时间不计入办理时限。', 'One per line; time spent is excluded from the limit.')} />
        <TextArea {...f('intermediaryServices')} rows={2} hint={t(lang, '每行一项。', 'One per line.')} />
        <TextInput {...f('location')} width="l" />
        <TextInput {...f('hours')} width="l" />
        <div class="row-grid">
          <TextInput {...f('consultPhone')} type="tel" width="m" />
          <TextInput {...f('complaintPhone')} type="tel" width="m" />
        </div>
      </Fieldset>

      <FaqRows lang={lang} values={values} errors={errors} rows={rows('faqs')} />

      <Fieldset legend={t(lang, '搜索与修改说明', 'Search and change note')} id="section-note">
        <TextArea {...f('keywords')} rows={3} hint={t(lang, '群众常用的叫法、旧称等，每行一个。没有也能搜到。', 'Everyday names, old names; one per line. Optional.')} />
        <TextInput lang={lang} id="note" label={t(lang, '修改说明', 'Change note')} value={str(values, 'note')} error={errors.get('note')} width="l" maxlength={500} hint={t(lang, '简要说明本次修改，会记入版本历史。', 'Briefly say what changed; kept in the version history.')} />
      </Fieldset>

      <div class="button-row">
        <button type="submit" class="button" name="_action" value="save">
          {p.mode === 'new' ? t(lang, '保存为草稿', 'Save as draft') : t(lang, '保存修改', 'Save changes')}
        </button>
      </div>
    </form>
  )
}
