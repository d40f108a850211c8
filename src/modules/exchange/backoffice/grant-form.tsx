import { Checkboxes, CsrfField, Fieldset, Select, TextArea, TextInput } from '../../../platform/web/form-components'
import { t, type Lang } from '../../../platform/web/i18n'
import type { Dataset } from '../dataset-queries'

export type GrantFormValues = { dataset: string; consumerDepartmentId: string; fields: string[]; purpose: string; validUntil: string; legalBasis: string }
export const EMPTY_GRANT_FORM: GrantFormValues = { dataset: '', consumerDepartmentId: '', fields: [], purpose: '', validUntil: '', legalBasis: '' }

/**
 * The grant request form, in two steps so it works without JavaScript: choose a conditional dataset (GET),
 * then its fields appear as checkboxes with purpose, end date and legal basis (POST).
 */
export function GrantRequestForm(p: {
  lang: Lang
  csrf: string
  datasets: Dataset[]
  departments: { id: string; name: string }[]
  values: GrantFormValues
  errors: Map<string, string>
  maxDay: string
}) {
  const { lang, values, errors } = p
  const chosen = p.datasets.find((d) => d.code === values.dataset)
  const options = p.datasets.map((d) => ({ value: d.code, label: `${t(lang, d.name, d.nameEn ?? d.name)}（${d.code}）` }))
  return (
    <Fieldset legend={t(lang, '申请共享授权', 'Request a grant')} id="request">
      <form method="get" action="/admin/exchange/grants" class="admin-filters">
        <Select lang={lang} id="dataset-pick" name="dataset" label={t(lang, '第一步：选择有条件共享的数据集', 'Step 1: choose a conditional dataset')} options={options} value={values.dataset} empty={t(lang, '请选择', 'Choose')} />
        <button type="submit" class="button-secondary">{t(lang, '下一步', 'Next')}</button>
      </form>
      {chosen ? (
        <form method="post" action="/admin/exchange/grants" novalidate>
          <CsrfField token={p.csrf} />
          <input type="hidden" name="dataset" value={chosen.code} />
          <p>{t(lang, '第二步：申请“', 'Step 2: request “')}{t(lang, chosen.name, chosen.nameEn ?? chosen.name)}{t(lang, '”的访问授权', '”')}</p>
          {p.departments.length > 1 ? (
            <Select lang={lang} id="consumerDepartmentId" label={t(lang, '申请部门', 'Requesting department')} options={p.departments.map((d) => ({ value: d.id, label: d.name }))} value={values.consumerDepartmentId} error={errors.get('consumerDepartmentId')} empty={t(lang, '请选择', 'Choose')} required />
          ) : (
            <input type="hidden" name="consumerDepartmentId" value={p.departments[0]?.id ?? ''} />
          )}
          <Checkboxes
            lang={lang}
            id="fields"
            legend={t(lang, '需要的字段', 'Fields needed')}
            hint={t(lang, '只选办事必需的字段（最小必要原则，个人信息保护法第六条）。', 'Choose only what the service needs (data minimisation).')}
            options={chosen.fields.map((f) => ({ value: f.key, label: `${t(lang, f.label, f.labelEn)}${f.personal ? t(lang, '（个人信息）', ' (personal)') : ''}` }))}
            values={values.fields}
            error={errors.get('fields')}
            required
          />
          <TextArea lang={lang} id="purpose" label={t(lang, '用途', 'Purpose')} hint={t(lang, '4–200个字：办理什么事项、为什么需要这些数据。', '4–200 characters: which service and why.')} value={values.purpose} error={errors.get('purpose')} required />
          <TextInput lang={lang} id="validUntil" label={t(lang, '有效期至', 'Valid until')} hint={t(lang, `格式 YYYY-MM-DD，最晚 ${p.maxDay}。`, `YYYY-MM-DD, at the latest ${p.maxDay}.`)} value={values.validUntil} error={errors.get('validUntil')} width="m" required />
          <TextInput lang={lang} id="legalBasis" label={t(lang, '法律依据（选填）', 'Legal basis (optional)')} value={values.legalBasis} error={errors.get('legalBasis')} width="l" maxlength={200} />
          <button type="submit" class="button">{t(lang, '提交申请', 'Submit the request')}</button>
        </form>
      ) : null}
    </Fieldset>
  )
}
