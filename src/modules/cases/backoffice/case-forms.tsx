/** The case-level forms: pre-review (accept, corrections, not accept) and after the steps (extend, issue, deliver, terminate). */
import type { Child } from 'hono/jsx'
import { Select, TextArea, TextInput } from '../../../platform/web/form-components'
import { t } from '../../../platform/web/i18n'
import { DELIVERY_METHODS } from '../deliver-result'
import { CORRECTION_ROWS, correctionRows, type Available } from './case-actions'
import type { CaseView } from './case-view'
import { ActionForm, fieldOf, Radios, ReasonField, type FormCtx } from './action-form'

export function ReviewForms({ ctx, v }: { ctx: FormCtx; v: CaseView }) {
  const { lang } = ctx
  const hidden = { version: v.case.version }
  const fa = fieldOf(ctx, 'accept')
  const fn = fieldOf(ctx, 'not-accept')
  const fc = fieldOf(ctx, 'correction')
  const mine = ctx.error?.formKey === 'correction' ? correctionRows(ctx.error.values) : []
  const rows = Array.from({ length: Math.max(CORRECTION_ROWS, mine.length) }, (_, i) => mine[i] ?? { target: '', problem: '' })
  const targets = [...v.materials.map((m) => m.name), ...(v.form?.sections.flatMap((s) => s.fields.map((f) => f.label)) ?? [])]
  return (
    <div class="status-forms">
      <ActionForm ctx={ctx} formKey="accept" action="accept" title={t(lang, '受理', 'Accept')} hidden={hidden} submit={t(lang, '受理', 'Accept')}
        intro={<p class="hint">{t(lang, '材料齐全、符合法定形式时受理；受理后开始计算办理时限，各环节同时启动。', 'Accept when the materials are complete; the clock starts and the steps begin.')}</p>}>
        <TextInput lang={lang} id={fa.id('opinion')} name="opinion" label={t(lang, '受理意见（选填）', 'Opinion (optional)')} value={fa.value('opinion')} maxlength={500} />
      </ActionForm>
      <ActionForm ctx={ctx} formKey="correction" action="correction" title={t(lang, '一次性告知补正', 'Request corrections')} hidden={hidden} submit={t(lang, '发出补正告知', 'Send the correction notice')}
        intro={<p class="hint">{t(lang, '一次列出全部需要补正的内容（行政许可法第三十二条）：每行写明材料或栏目，以及要怎样改。空行不会提交。', 'List everything at once: each row names a material or field and what to fix. Blank rows are ignored.')}</p>}>
        <datalist id="correction-targets">{targets.map((x) => <option value={x} />)}</datalist>
        {fc.error('items') ? <p class="error-message" id={fc.id('items')}><span class="visually-hidden">{t(lang, '错误：', 'Error: ')}</span>{fc.error('items')}</p> : null}
        {rows.map((r, i) => (
          <fieldset class="form-row">
            <legend class="legend-small">{t(lang, `第 ${i + 1} 项`, `Item ${i + 1}`)}</legend>
            <div class="form-row-fields">
              <div class={`form-group${fc.error(`items.${i}.target`) ? ' form-group-error' : ''}`}>
                <label class="label" for={fc.id(`items.${i}.target`)}>{t(lang, '材料/栏目', 'Material or field')}</label>
                {fc.error(`items.${i}.target`) ? <p class="error-message" id={`${fc.id(`items.${i}.target`)}-error`}><span class="visually-hidden">{t(lang, '错误：', 'Error: ')}</span>{fc.error(`items.${i}.target`)}</p> : null}
                <input class="input" id={fc.id(`items.${i}.target`)} name={`target.${i}`} value={r.target} maxlength={100} list="correction-targets" aria-describedby={fc.error(`items.${i}.target`) ? `${fc.id(`items.${i}.target`)}-error` : undefined} />
              </div>
              <div class={`form-group${fc.error(`items.${i}.problem`) ? ' form-group-error' : ''}`}>
                <label class="label" for={fc.id(`items.${i}.problem`)}>{t(lang, '问题及补正要求', 'What to fix')}</label>
                {fc.error(`items.${i}.problem`) ? <p class="error-message" id={`${fc.id(`items.${i}.problem`)}-error`}><span class="visually-hidden">{t(lang, '错误：', 'Error: ')}</span>{fc.error(`items.${i}.problem`)}</p> : null}
                <input class="input" id={fc.id(`items.${i}.problem`)} name={`problem.${i}`} value={r.problem} maxlength={1000} aria-describedby={fc.error(`items.${i}.problem`) ? `${fc.id(`items.${i}.problem`)}-error` : undefined} />
              </div>
            </div>
          </fieldset>
        ))}
        <TextArea lang={lang} id={fc.id('notice')} name="notice" label={t(lang, '告知说明（选填）', 'Covering note (optional)')} value={fc.value('notice')} error={fc.error('notice')} />
      </ActionForm>
      <ActionForm ctx={ctx} formKey="not-accept" action="not-accept" title={t(lang, '不予受理', 'Do not accept')} hidden={hidden} submit={t(lang, '作出不予受理决定', 'Do not accept')} danger
        intro={<p class="hint">{t(lang, '不属于许可范围或不属于本机关职权时使用；理由会写入不予受理通知书。', 'Not a licensing matter or not this organ’s competence; the reason goes into the notice.')}</p>}>
        <ReasonField ctx={ctx} f={fn} label={t(lang, '不予受理理由', 'Reason')} />
        <TextInput lang={lang} id={fn.id('competentOrgan')} name="competentOrgan" label={t(lang, '有权机关（选填）', 'Competent organ (optional)')} hint={t(lang, '不属于本机关职权时，告知申请人应向哪个机关申请。', 'Which organ the applicant should apply to.')} value={fn.value('competentOrgan')} error={fn.error('competentOrgan')} maxlength={100} />
      </ActionForm>
    </div>
  )
}

export function CaseForms({ ctx, v, a }: { ctx: FormCtx; v: CaseView; a: Available }) {
  const { lang } = ctx
  const hidden = { version: v.case.version }
  const out: Child[] = []
  if (a.extendMax) {
    const f = fieldOf(ctx, 'extend')
    out.push(
      <ActionForm ctx={ctx} formKey="extend" action="extend" title={t(lang, '延长审批期限', 'Extend the deadline')} hidden={hidden} submit={t(lang, '批准延长', 'Approve the extension')}
        intro={<p class="hint">{t(lang, `经本机关负责人批准，可延长一次，最多 ${a.extendMax} 个工作日（行政许可法第四十二条）；理由会告知申请人。`, `Once, up to ${a.extendMax} working days (Art. 42); the applicant is told why.`)}</p>}>
        <Select lang={lang} id={f.id('days')} name="days" label={t(lang, '延长工作日数', 'Working days')} required value={f.value('days')} error={f.error('days')} empty={t(lang, '请选择', 'Choose')}
          options={Array.from({ length: a.extendMax }, (_, i) => ({ value: String(i + 1), label: t(lang, `${i + 1} 个工作日`, `${i + 1} working days`) }))} />
        <ReasonField ctx={ctx} f={f} label={t(lang, '延长理由', 'Reason')} />
      </ActionForm>,
    )
  }
  if (a.issue) {
    const f = fieldOf(ctx, 'issue')
    out.push(
      <ActionForm ctx={ctx} formKey="issue" action="issue" title={t(lang, '出具办理结果', 'Issue the result')} hidden={hidden} submit={t(lang, '出具结果', 'Issue')}>
        <TextInput lang={lang} id={f.id('resultName')} name="resultName" label={t(lang, '结果名称', 'Result name')} hint={t(lang, '例如：食品经营许可证。', 'E.g. the licence name.')} value={f.value('resultName', v.case.item_name.replace(/核发$/, ''))} error={f.error('resultName')} maxlength={200} />
        <TextInput lang={lang} id={f.id('resultNumber')} name="resultNumber" label={t(lang, '证照或文书编号（选填）', 'Number (optional)')} hint={t(lang, '结果为电子证照的事项，出具结果时系统自动制证、编号并签名（办结即制证），不必填写。', 'For items whose result is an e-licence, the licence is made, numbered and signed when you issue the result; leave this empty.')} value={f.value('resultNumber')} maxlength={50} />
        <TextArea lang={lang} id={f.id('description')} name="description" label={t(lang, '结果说明（选填）', 'Description (optional)')} value={f.value('description')} />
      </ActionForm>,
    )
  }
  if (a.deliver) {
    const f = fieldOf(ctx, 'deliver')
    out.push(
      <ActionForm ctx={ctx} formKey="deliver" action="deliver" title={t(lang, '登记送达', 'Record delivery')} hidden={hidden} submit={t(lang, '登记送达', 'Record delivery')}>
        <Radios lang={lang} id={f.id('method')} name="method" legend={t(lang, '送达方式', 'How it was delivered')} value={f.value('method')} error={f.error('method')}
          options={Object.entries(DELIVERY_METHODS).map(([value, zh]) => ({ value, label: zh }))} />
      </ActionForm>,
    )
  }
  if (a.terminate) {
    const f = fieldOf(ctx, 'terminate')
    out.push(
      <ActionForm ctx={ctx} formKey="terminate" action="terminate" title={t(lang, '终止办件', 'Terminate the case')} hidden={hidden} submit={t(lang, '终止办件', 'Terminate')} danger
        intro={<p class="hint">{t(lang, '例如申请人死亡、法人终止等依法应当终止的情形；所有未完成的环节将取消，申请人会收到通知。', 'E.g. the applicant died or the entity was dissolved; open steps are cancelled and the applicant is told.')}</p>}>
        <ReasonField ctx={ctx} f={f} label={t(lang, '终止理由', 'Reason')} />
      </ActionForm>,
    )
  }
  return out.length ? <div class="status-forms">{out}</div> : null
}
