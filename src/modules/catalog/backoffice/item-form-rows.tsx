import { Fieldset, Select, TextArea, TextInput } from '../../../platform/web/form-components'
import type { Lang } from '../../../platform/web/i18n'
import { t } from '../../../platform/web/i18n'
import { fieldLabel, options } from './field-labels'
import { str, type FormValues, type RowGroup } from './item-form-values'

/**
 * Repeating rows (materials, steps, FAQs) that work without JavaScript: existing rows plus a few empty
 * ones, and an "add more rows" submit button that re-renders the form with more empty rows.
 */
export type RowProps = { lang: Lang; values: FormValues; errors: Map<string, string>; rows: number[] }

function AddRows({ lang, group, label }: { lang: Lang; group: RowGroup; label: string }) {
  return (
    <button type="submit" class="button-secondary" name="_action" value={`more-${group}`}>
      {t(lang, `再添加 3 行${label}`, `Add 3 more ${label} rows`)}
    </button>
  )
}

export function MaterialRows({ lang, values, errors, rows }: RowProps) {
  const L = (k: string) => fieldLabel(lang, `materials.${k}`)
  return (
    <Fieldset legend={fieldLabel(lang, 'materials')} hint={t(lang, '每行一份材料；留空的行不会保存。要删除一份材料，清空它的全部内容即可。', 'One material per row; empty rows are not saved. To delete a material, clear its row.')} id="section-materials">
      {rows.map((row, i) => {
        const id = (k: string) => `materials-${row}-${k}`
        const p = (k: string) => ({ lang, id: id(k), label: L(k), value: str(values, id(k)), error: errors.get(id(k)) })
        return (
          <fieldset class="fieldset row-group">
            <legend class="legend-small">{t(lang, `材料 ${i + 1}`, `Material ${i + 1}`)}</legend>
            <div class="row-grid">
              <TextInput {...p('name')} width="l" />
              <Select {...p('required')} empty={t(lang, '未注明（视为必备）', 'Not stated (required)')} options={[{ value: 'true', label: t(lang, '必备', 'Required') }, { value: 'false', label: t(lang, '非必备（容缺）', 'Optional') }]} />
              <Select {...p('form')} empty={t(lang, '未注明', 'Not stated')} options={options.materialForm(lang)} />
              <TextInput {...p('originals')} inputmode="numeric" width="s" />
              <TextInput {...p('copies')} inputmode="numeric" width="s" />
              <Select {...p('source')} empty={t(lang, '未注明', 'Not stated')} options={options.materialSource(lang)} />
              <TextInput {...p('issuer')} />
              <TextInput {...p('licenseType')} hint={t(lang, '申请人持有此类电子证照时免于提交', 'An e-licence of this type replaces the upload')} />
              <TextInput {...p('sharedDataset')} hint={t(lang, '可从该共享数据集获取时免于提交', 'Obtained from this shared dataset instead')} />
              <TextInput {...p('templateUrl')} type="url" />
            </div>
            <TextArea {...p('notes')} rows={2} />
          </fieldset>
        )
      })}
      <AddRows lang={lang} group="materials" label={t(lang, '材料', 'material')} />
    </Fieldset>
  )
}

export function StepRows({ lang, values, errors, rows }: RowProps) {
  const L = (k: string) => fieldLabel(lang, `steps.${k}`)
  return (
    <Fieldset legend={fieldLabel(lang, 'steps')} hint={t(lang, '按顺序填写环节。“前置环节”填必须先完成的环节名称，多个用逗号分隔；前置环节相同的环节并联办理。', 'Steps in order. "After" lists steps that must finish first, separated by commas; steps with the same predecessors run in parallel.')} id="section-steps">
      {rows.map((row, i) => {
        const id = (k: string) => `steps-${row}-${k}`
        const p = (k: string) => ({ lang, id: id(k), label: L(k), value: str(values, id(k)), error: errors.get(id(k)) })
        return (
          <fieldset class="fieldset row-group">
            <legend class="legend-small">{t(lang, `环节 ${i + 1}`, `Step ${i + 1}`)}</legend>
            <div class="row-grid">
              <TextInput {...p('name')} />
              <TextInput {...p('department')} hint={t(lang, '不填则为实施主体', 'Defaults to the implementing department')} />
              <TextInput {...p('days')} inputmode="decimal" width="s" />
              <TextInput {...p('after')} hint={t(lang, '例如：受理，审查', 'e.g. 受理，审查')} />
            </div>
          </fieldset>
        )
      })}
      <AddRows lang={lang} group="steps" label={t(lang, '环节', 'step')} />
    </Fieldset>
  )
}

export function FaqRows({ lang, values, errors, rows }: RowProps) {
  return (
    <Fieldset legend={fieldLabel(lang, 'faqs')} id="section-faqs">
      {rows.map((row, i) => {
        const id = (k: string) => `faqs-${row}-${k}`
        const p = (k: 'q' | 'a') => ({ lang, id: id(k), label: fieldLabel(lang, `faqs.${k}`), value: str(values, id(k)), error: errors.get(id(k)) })
        return (
          <fieldset class="fieldset row-group">
            <legend class="legend-small">{t(lang, `问题 ${i + 1}`, `Question ${i + 1}`)}</legend>
            <TextInput {...p('q')} width="l" />
            <TextArea {...p('a')} rows={2} />
          </fieldset>
        )
      })}
      <AddRows lang={lang} group="faqs" label={t(lang, '问题', 'question')} />
    </Fieldset>
  )
}
