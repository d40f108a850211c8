import { CsrfField, TextArea, TextInput } from '../../platform/web/form-components'
import { t, type Lang } from '../../platform/web/i18n'
import { DEFAULT_MANDATE_DAYS, MAX_MANDATE_DAYS } from './mandate-dates'

/** The form that names an agent (经办人) or a proxy (受托人): who, what (all items or named ones), until when. */
export type MandateFormValues = { agentName: string; agentIdNumber: string; scope: string; itemCodes: string; validUntil: string }
export const EMPTY_MANDATE_FORM: MandateFormValues = { agentName: '', agentIdNumber: '', scope: '', itemCodes: '', validUntil: '' }

export function mandateLabels(lang: Lang): Record<string, string> {
  return {
    agentName: t(lang, '姓名', 'Name'),
    agentIdNumber: t(lang, '身份证号', 'ID number'),
    scope: t(lang, '授权范围', 'Scope'),
    itemCodes: t(lang, '事项编码', 'Service codes'),
    validUntil: t(lang, '授权截止日期', 'Authorised until'),
  }
}

export function MandateForm(p: { lang: Lang; action: string; csrf: string; values: MandateFormValues; errors: Map<string, string>; allowAll: boolean; submit: string }) {
  const { lang, values, errors } = p
  const l = mandateLabels(lang)
  const scopeError = errors.get('scope')
  return (
    <form method="post" action={p.action} novalidate>
      <CsrfField token={p.csrf} />
      <TextInput lang={lang} id="agentName" label={l.agentName!} value={values.agentName} error={errors.get('agentName')} required width="m" maxlength={30} autocomplete="off" hint={t(lang, '与对方身份证上的姓名一致。', 'As on their ID card.')} />
      <TextInput lang={lang} id="agentIdNumber" label={l.agentIdNumber!} value={values.agentIdNumber} error={errors.get('agentIdNumber')} required width="m" maxlength={18} autocomplete="off" hint={t(lang, '对方须已注册并完成实名认证。为保护个人信息，提交出错后需重新填写身份证号。', 'They must have a real-name verified account. For privacy it is not kept when the form comes back with errors.')} />
      {p.allowAll ? (
        <div class={`form-group${scopeError ? ' form-group-error' : ''}`}>
          <fieldset class="fieldset" aria-describedby={scopeError ? 'scope-error' : undefined}>
            <legend class="legend-small">{l.scope}<span class="required-mark">{t(lang, '（必填）', ' (required)')}</span></legend>
            {scopeError ? <p class="error-message" id="scope-error"><span class="visually-hidden">{t(lang, '错误：', 'Error: ')}</span>{scopeError}</p> : null}
            <div class="checkboxes">
              <div class="checkbox">
                <input type="radio" id="scope" name="scope" value="all" checked={values.scope === 'all'} />
                <label for="scope">{t(lang, '全部事项（可代表企业办理所有业务，并可维护企业联系方式）', 'All services (may also keep the contact details)')}</label>
              </div>
              <div class="checkbox">
                <input type="radio" id="scope-items" name="scope" value="items" checked={values.scope === 'items'} />
                <label for="scope-items">{t(lang, '指定事项（只能办理下面填写的事项）', 'Named services only (listed below)')}</label>
              </div>
            </div>
          </fieldset>
        </div>
      ) : (
        <input type="hidden" name="scope" value="items" />
      )}
      <TextArea lang={lang} id="itemCodes" label={l.itemCodes!} value={values.itemCodes} error={errors.get('itemCodes')} required={!p.allowAll} rows={3}
        hint={t(lang, `每行一个，或用逗号分隔；在办事指南的“实施编码”一栏可以找到。${p.allowAll ? '选择“全部事项”时不用填写。' : ''}`, `One per line or comma-separated; shown as “Implementation code” on each guide.${p.allowAll ? ' Not needed for all services.' : ''}`)} />
      <TextInput lang={lang} id="validUntil" label={l.validUntil!} value={values.validUntil} error={errors.get('validUntil')} width="s" maxlength={10} inputmode="numeric"
        hint={t(lang, `格式如 2027-03-01；不填则为${DEFAULT_MANDATE_DAYS}天，最长${MAX_MANDATE_DAYS}天。授权到当天24时为止。`, `Like 2027-03-01; ${DEFAULT_MANDATE_DAYS} days if left blank, at most ${MAX_MANDATE_DAYS} days.`)} />
      <button type="submit" class="button button-primary">{p.submit}</button>
    </form>
  )
}
