import type { Child } from 'hono/jsx'
import type { FieldError } from '../../../platform/errors'
import { SummaryList, Tag, type Tone } from '../../../platform/web/components'
import { CsrfField, Select, TextArea, TextInput, type SummaryError } from '../../../platform/web/form-components'
import { t, type Lang } from '../../../platform/web/i18n'
import { formatRefNo } from '../../applications'
import { FormFields } from '../../catalog'
import { CASE_KIND_LABELS, CASE_STATUS_LABELS, SPECIAL_PROCEDURES } from '../case'
import { APPEAL_RIGHTS } from '../decide-case'
import { DELIVERY_METHODS } from '../deliver-result'
import { DEADLINE_LABELS, deadlineState, type DeadlineState } from '../clocks'
import type { StepRow } from '../case-store'
import { CORRECTION_ROWS, correctionRows, type Available, type CaseActionName, type Posted, type StepActions } from './case-actions'
import { maskFormValues, type ApplicantIds, type CaseView } from './case-view'
import { eventText } from './timeline'

/** What went wrong with the last POST: which form, what was posted, the field messages and the overall message. */
export type ActionError = { action: CaseActionName; formKey: string; values: Posted; errors: FieldError[]; message: string }

export const DEADLINE_TONE: Record<DeadlineState, Tone> = { ok: 'success', due_soon: 'warn', overdue: 'danger', paused: 'info', none: 'neutral' }
export function DeadlineBadge({ lang, state }: { lang: Lang; state: DeadlineState }) {
  if (state === 'none') return null
  return <Tag tone={DEADLINE_TONE[state]}>{t(lang, DEADLINE_LABELS[state].zh, DEADLINE_LABELS[state].en)}</Tag>
}

const STEP_STATUS: Record<string, { zh: string; en: string }> = {
  waiting: { zh: '未开始', en: 'Waiting' }, active: { zh: '办理中', en: 'In progress' }, done: { zh: '已完成', en: 'Done' }, cancelled: { zh: '已取消', en: 'Cancelled' },
}
const OUTCOME: Record<string, { zh: string; en: string }> = {
  pass: { zh: '通过', en: 'Passed' }, return: { zh: '退回', en: 'Sent back' }, other: { zh: '其他', en: 'Other' }, approved: { zh: '准予许可', en: 'Approved' }, denied: { zh: '不予许可', en: 'Denied' },
}
const label = (lang: Lang, m: Record<string, { zh: string; en: string }>, k: string | null) => (k && m[k] ? t(lang, m[k].zh, m[k].en) : '—')

/** Asia/Shanghai "YYYY-MM-DD HH:mm". */
export function cst(d: Date | string | null | undefined): string {
  if (!d) return '—'
  const ms = new Date(d).getTime()
  return Number.isFinite(ms) ? new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '—'
}

/** Element id of a field inside one action form: "decide-<step>-reason", "correction-items-0-problem". */
export const fieldDomId = (formKey: string, field: string) => `${formKey}-${field.replace(/[^A-Za-z0-9]+/g, '-')}`
/** Operation field names that are not a control of their own, and the control that stands for them. */
const controlFor = (action: CaseActionName, field: string) => (field === 'items' ? 'items.0.target' : action === 'issue' && field === 'result' ? 'resultName' : field)

/** The error summary entries: each field message links to its control; a conflict links to the form (or the actions). */
export function summaryFor(lang: Lang, e: ActionError | undefined, rendered: Set<string>): SummaryError[] {
  if (!e) return []
  const formHref = rendered.has(e.formKey) ? e.formKey : 'actions'
  if (!e.errors.length) return [{ href: formHref, message: e.message }]
  return e.errors.map((f) => ({ href: rendered.has(e.formKey) ? fieldDomId(e.formKey, controlFor(e.action, f.field)) : formHref, message: f.message }))
}

/** Form keys of every action form the page renders (so the summary links only to what exists). */
export function renderedForms(a: Available): Set<string> {
  const keys = new Set<string>()
  if (a.review) for (const k of ['accept', 'not-accept', 'correction']) keys.add(k)
  for (const s of a.steps) {
    if (s.claim) keys.add(`claim-${s.step.id}`)
    if (s.assignees) keys.add(`assign-${s.step.id}`)
    if (s.complete) keys.add(`complete-${s.step.id}`)
    if (s.decide) keys.add(`decide-${s.step.id}`)
    if (s.returnTargets.length) keys.add(`return-${s.step.id}`)
    if (s.pause) keys.add(`pause-${s.step.id}`)
    for (const p of s.resumable) keys.add(`resume-${p.id}`)
  }
  if (a.extendMax) keys.add('extend')
  if (a.issue) keys.add('issue')
  if (a.deliver) keys.add('deliver')
  if (a.terminate) keys.add('terminate')
  return keys
}

type FormCtx = { lang: Lang; csrf: string; caseId: string; error: ActionError | undefined }
/** Value and message of one field of one form (posted values come back only into the form that was posted). */
function fieldOf(ctx: FormCtx, formKey: string) {
  const mine = ctx.error?.formKey === formKey ? ctx.error : undefined
  return {
    id: (name: string) => fieldDomId(formKey, name),
    value: (name: string, fallback = '') => mine?.values[name] ?? fallback,
    error: (name: string) => mine?.errors.find((e) => e.field === name || (name === 'resultName' && mine.action === 'issue' && e.field === 'result'))?.message,
  }
}

function ActionForm(p: { ctx: FormCtx; formKey: string; action: CaseActionName; title: string; hidden: Record<string, string | number>; submit: string; danger?: boolean; intro?: Child; children?: Child }) {
  return (
    <section id={p.formKey} class={p.danger ? 'danger-zone' : 'status-form'} aria-labelledby={`${p.formKey}-title`} tabindex={-1}>
      <h3 id={`${p.formKey}-title`}>{p.title}</h3>
      {p.intro}
      <form method="post" action={`/admin/cases/${p.ctx.caseId}/${p.action}`} novalidate>
        <CsrfField token={p.ctx.csrf} />
        {Object.entries(p.hidden).map(([k, v]) => <input type="hidden" name={k} value={String(v)} />)}
        {p.children}
        <button type="submit" class={p.danger ? 'button-warning' : 'button'}>{p.submit}</button>
      </form>
    </section>
  )
}

function Radios(p: { lang: Lang; id: string; name: string; legend: string; hint?: string; error?: string | undefined; value: string; options: { value: string; label: string }[] }) {
  const hintId = p.hint ? `${p.id}-hint` : ''
  const errId = p.error ? `${p.id}-error` : ''
  return (
    <div class={`form-group${p.error ? ' form-group-error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={[hintId, errId].filter(Boolean).join(' ') || undefined}>
        <legend class="legend-small">{p.legend}<span class="required-mark">{t(p.lang, '（必选）', ' (required)')}</span></legend>
        {p.hint ? <p class="hint" id={hintId}>{p.hint}</p> : null}
        {p.error ? <p class="error-message" id={errId}><span class="visually-hidden">{t(p.lang, '错误：', 'Error: ')}</span>{p.error}</p> : null}
        <div class="radios">
          {p.options.map((o, i) => {
            const id = i === 0 ? p.id : `${p.id}-${i}`
            return (
              <div class="checkbox">
                <input type="radio" id={id} name={p.name} value={o.value} checked={p.value === o.value} />
                <label for={id}>{o.label}</label>
              </div>
            )
          })}
        </div>
      </fieldset>
    </div>
  )
}

function ReasonField({ ctx, f, name = 'reason', label, hint, required = true }: { ctx: FormCtx; f: ReturnType<typeof fieldOf>; name?: string; label: string; hint?: string; required?: boolean }) {
  return <TextArea lang={ctx.lang} id={f.id(name)} name={name} label={label} hint={hint} value={f.value(name)} error={f.error(name)} required={required} />
}

function stepLine(lang: Lang, v: CaseView, s: StepRow): string {
  const dept = v.departments.get(s.department_id) ?? ''
  return t(lang,
    `${dept}，第${s.round}轮，到期 ${s.due_on ?? '—'}，承办人：${s.assignee_name ?? '未认领'}`,
    `${dept}, round ${s.round}, due ${s.due_on ?? '—'}, handled by ${s.assignee_name ?? 'nobody yet'}`)
}

function StepForms({ ctx, v, a }: { ctx: FormCtx; v: CaseView; a: StepActions }) {
  const { lang } = ctx
  const s = a.step
  const hidden = { stepId: s.id, stepVersion: s.version }
  const k = (action: string) => `${action}-${s.id}`
  const forms: Child[] = []
  if (a.claim) {
    forms.push(<ActionForm ctx={ctx} formKey={k('claim')} action="claim" title={t(lang, '认领', 'Claim')} hidden={hidden} submit={t(lang, '认领该环节', 'Claim this step')}
      intro={<p class="hint">{t(lang, '认领后该环节进入您的“我的待办”，其他人员会看到由您承办。', 'The step moves to your own list; others see you handle it.')}</p>} />)
  }
  if (a.assignees) {
    const f = fieldOf(ctx, k('assign'))
    forms.push(
      <ActionForm ctx={ctx} formKey={k('assign')} action="assign" title={t(lang, '分派', 'Assign')} hidden={hidden} submit={t(lang, '分派', 'Assign')}>
        <Select lang={lang} id={f.id('assignee')} name="assignee" label={t(lang, '分派给', 'Assign to')} required value={f.value('assignee', s.assignee_id ?? '')} error={f.error('assignee')} empty={t(lang, '请选择', 'Choose')}
          options={a.assignees.map((p) => ({ value: p.id, label: p.displayName }))} />
        <TextInput lang={lang} id={f.id('reason')} name="reason" label={t(lang, '分派说明（选填）', 'Note (optional)')} value={f.value('reason')} maxlength={200} />
      </ActionForm>,
    )
  }
  if (a.complete) {
    const f = fieldOf(ctx, k('complete'))
    forms.push(
      <ActionForm ctx={ctx} formKey={k('complete')} action="complete" title={t(lang, '办理完成', 'Complete the step')} hidden={hidden} submit={t(lang, '办理完成', 'Complete')}>
        <Radios lang={lang} id={f.id('outcome')} name="outcome" legend={t(lang, '办理结果', 'Outcome')} value={f.value('outcome', 'pass')} error={f.error('outcome')}
          options={[{ value: 'pass', label: t(lang, '通过', 'Pass') }, { value: 'other', label: t(lang, '其他（在意见中说明）', 'Other (explain below)') }]} />
        <ReasonField ctx={ctx} f={f} name="opinion" label={t(lang, '处理意见', 'Opinion')} hint={t(lang, '写明审查情况和结论，会记入办件过程。', 'What you checked and concluded; kept in the record.')} />
      </ActionForm>,
    )
  }
  if (a.decide) {
    const f = fieldOf(ctx, k('decide'))
    forms.push(
      <ActionForm ctx={ctx} formKey={k('decide')} action="decide" title={t(lang, '作出决定', 'Decide')} hidden={hidden} submit={t(lang, '作出决定', 'Record the decision')}>
        <Radios lang={lang} id={f.id('decision')} name="decision" legend={t(lang, '决定', 'Decision')} value={f.value('decision')} error={f.error('decision')}
          hint={t(lang, `选择不予许可时，决定书将写明理由并告知：${APPEAL_RIGHTS}`, `A denial states the reasons and the right of review or suit: ${APPEAL_RIGHTS}`)}
          options={[{ value: 'approved', label: t(lang, '准予许可', 'Approve') }, { value: 'denied', label: t(lang, '不予许可', 'Deny') }]} />
        <ReasonField ctx={ctx} f={f} label={t(lang, '决定理由', 'Reasons')} hint={t(lang, '申请人会在决定书中看到这段文字（行政许可法第三十八条）。', 'The applicant sees this in the decision (Administrative Licensing Law Art. 38).')} />
      </ActionForm>,
    )
  }
  if (a.returnTargets.length) {
    const f = fieldOf(ctx, k('return'))
    forms.push(
      <ActionForm ctx={ctx} formKey={k('return')} action="return" title={t(lang, '退回', 'Send back')} hidden={hidden} submit={t(lang, '退回', 'Send back')}>
        <Select lang={lang} id={f.id('returnTo')} name="returnTo" label={t(lang, '退回到', 'Send back to')} required value={f.value('returnTo')} error={f.error('returnTo')} empty={t(lang, '请选择前序环节', 'Choose an earlier step')}
          options={a.returnTargets.map((x) => ({ value: x.key, label: x.name }))} />
        <ReasonField ctx={ctx} f={f} name="opinion" label={t(lang, '退回理由', 'Reason')} hint={t(lang, '说明需要重新办理什么；该环节及其后续环节将重新办理。', 'What must be redone; that step and the ones after it run again.')} />
      </ActionForm>,
    )
  }
  if (a.pause) {
    const f = fieldOf(ctx, k('pause'))
    forms.push(
      <ActionForm ctx={ctx} formKey={k('pause')} action="pause" title={t(lang, '启动特别程序', 'Start a special procedure')} hidden={hidden} submit={t(lang, '启动特别程序', 'Start')}
        intro={<p class="hint">{t(lang, '特别程序所需时间不计入办理时限（行政许可法第四十五条），结束时登记结果。', 'Its time does not count toward the deadline (Art. 45); record the result when it ends.')}</p>}>
        <Select lang={lang} id={f.id('procedure')} name="procedure" label={t(lang, '程序种类', 'Procedure')} required value={f.value('procedure')} error={f.error('procedure')} empty={t(lang, '请选择', 'Choose')}
          options={SPECIAL_PROCEDURES.map((x) => ({ value: x, label: x }))} />
        <ReasonField ctx={ctx} f={f} label={t(lang, '启动理由', 'Reason')} />
        <TextInput lang={lang} id={f.id('requestedBy')} name="requestedBy" label={t(lang, '申请人或提出方（选填）', 'Requested by (optional)')} value={f.value('requestedBy')} maxlength={100} />
      </ActionForm>,
    )
  }
  for (const p of a.resumable) {
    const key = `resume-${p.id}`
    const f = fieldOf(ctx, key)
    forms.push(
      <ActionForm ctx={ctx} formKey={key} action="resume" title={t(lang, `结束特别程序：${p.procedure}`, `End the special procedure: ${p.procedure}`)} hidden={{ pauseId: p.id }} submit={t(lang, '结束特别程序', 'End it')}
        intro={<p class="hint">{t(lang, `自 ${p.startedOn} 起暂停计时。`, `Clock stopped since ${p.startedOn}.`)}</p>}>
        <ReasonField ctx={ctx} f={f} name="result" label={t(lang, '程序结果', 'Result')} hint={t(lang, '例如现场核查的结论。', 'E.g. the findings of the site inspection.')} />
        <TextInput lang={lang} id={f.id('opinion')} name="opinion" label={t(lang, '补充意见（选填）', 'Further opinion (optional)')} value={f.value('opinion')} maxlength={500} />
      </ActionForm>,
    )
  }
  return (
    <div class="step-actions">
      <h3>{t(lang, `环节：${s.name}`, `Step: ${s.name}`)}</h3>
      <p class="meta">{stepLine(lang, v, s)}</p>
      <div class="status-forms">{forms}</div>
    </div>
  )
}

function ReviewForms({ ctx, v }: { ctx: FormCtx; v: CaseView }) {
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

function CaseForms({ ctx, v, a }: { ctx: FormCtx; v: CaseView; a: Available }) {
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

export type CasePageProps = { lang: Lang; csrf: string; v: CaseView; a: Available; ids: ApplicantIds; revealed: boolean; error?: ActionError | undefined }

export function CasePage({ lang, csrf, v, a, ids, revealed, error }: CasePageProps) {
  const c = v.case
  const ctx: FormCtx = { lang, csrf, caseId: c.id, error }
  const open = !c.closed_at
  const paused = !!c.paused_since
  const dl = (due: string | null) => (open && due ? deadlineState(v.cal, due, v.today, paused) : 'none')
  const dateWithBadge = (due: string | null) => (due ? <>{due} <DeadlineBadge lang={lang} state={dl(due)} /></> : undefined)
  const status = CASE_STATUS_LABELS[c.status]
  const kind = CASE_KIND_LABELS[c.kind] ?? CASE_KIND_LABELS[9]!
  const values = revealed ? v.values : maskFormValues(v.form, v.values)
  const anyAction = a.review || a.steps.length > 0 || !!a.extendMax || a.issue || a.deliver || a.terminate
  const files = Object.fromEntries(Object.entries(v.files).map(([k, fs]) => [k, fs.map((f) => ({ id: f.id, name: f.name }))]))
  return (
    <>
      <p><a href="/admin/cases">{t(lang, '返回办件列表', 'Back to the worklist')}</a></p>
      <h1>{t(lang, `办件 ${formatRefNo(c.ref_no)}`, `Case ${formatRefNo(c.ref_no)}`)}</h1>
      <p class="meta">{c.item_name} · <Tag tone={open ? 'info' : 'neutral'}>{t(lang, status.zh, status.en)}</Tag>{paused ? <> <Tag tone="info">{t(lang, `特别程序中，自 ${c.paused_since} 起暂停计时`, `Special procedure: clock stopped since ${c.paused_since}`)}</Tag></> : null}</p>
      <SummaryList rows={[
        { key: t(lang, '办件编号', 'Case number'), value: formatRefNo(c.ref_no) },
        { key: t(lang, '事项', 'Service item'), value: `${c.item_name}（${c.item_code}）` },
        { key: t(lang, '办件类型', 'Kind'), value: t(lang, kind.zh, kind.en) },
        { key: t(lang, '受理部门', 'Receiving department'), value: v.departments.get(c.department_id) },
        { key: t(lang, '办件状态', 'Status'), value: `${t(lang, status.zh, status.en)}（${status.stage}）` },
        { key: t(lang, '提交时间', 'Submitted'), value: cst(c.submitted_at) },
        { key: t(lang, '预审期限', 'Review due'), value: c.accepted_on ? undefined : dateWithBadge(c.pre_review_due) },
        { key: t(lang, '受理文书编号', 'Acceptance notice'), value: c.accept_doc_no ? `${c.accept_doc_no}（${c.accepted_on}）` : undefined },
        { key: t(lang, '承诺办结期限', 'Promised by'), value: dateWithBadge(c.promised_due) },
        { key: t(lang, '法定办结期限', 'Statutory deadline'), value: dateWithBadge(c.statutory_due) },
        { key: t(lang, '时限调整', 'Clock adjustments'), value: c.paused_days || c.extension_days ? t(lang, `特别程序 ${c.paused_days} 个工作日不计入；延长 ${c.extension_days} 个工作日`, `${c.paused_days} working days not counted; extended by ${c.extension_days}`) : undefined },
        { key: t(lang, '不予受理理由', 'Why not accepted'), value: c.not_accepted_reason ? `${c.not_accepted_reason}${c.competent_organ ? t(lang, `（请向${c.competent_organ}申请）`, ` (apply to ${c.competent_organ})`) : ''}` : undefined },
        { key: t(lang, '决定', 'Decision'), value: c.decision ? `${label(lang, OUTCOME, c.decision)}：${c.decision_reason ?? ''}（${cst(c.decided_at)}）` : undefined },
        { key: t(lang, '复议诉讼权利', 'Appeal rights'), value: c.decision === 'denied' ? APPEAL_RIGHTS : undefined },
        { key: t(lang, '办理结果', 'Result'), value: c.result_issued_at ? `${c.result_name ?? ''}${c.result_number ? `（${c.result_number}）` : ''}，${cst(c.result_issued_at)}` : undefined },
        { key: t(lang, '送达', 'Delivered'), value: c.delivered_at ? `${DELIVERY_METHODS[c.delivery_method as keyof typeof DELIVERY_METHODS] ?? c.delivery_method ?? ''}，${cst(c.delivered_at)}` : undefined },
      ]} />

      <section id="actions" aria-labelledby="actions-title" tabindex={-1}>
        <h2 id="actions-title">{t(lang, '现在可以办理', 'What you can do now')}</h2>
        {anyAction ? null : (
          <p>{open
            ? t(lang, '当前没有需要您办理的操作：办件正在其他环节或其他部门办理。需要时请联系当前承办人或本部门负责人。', 'Nothing for you to do now: the case is with another step or department. Contact the current handler or your head if needed.')
            : t(lang, '办件已办结，只能查看。', 'The case is closed; view only.')}</p>
        )}
        {a.review ? <ReviewForms ctx={ctx} v={v} /> : null}
        {a.steps.map((s) => <StepForms ctx={ctx} v={v} a={s} />)}
        <CaseForms ctx={ctx} v={v} a={a} />
      </section>

      <section aria-labelledby="applicant-title">
        <h2 id="applicant-title">{t(lang, '申请人', 'Applicant')}</h2>
        {revealed ? <div class="notice" role="status">{t(lang, '完整信息仅在本页显示一次，查看已记入审计日志。离开或刷新本页后恢复遮蔽。', 'Shown once on this page; the view is in the audit log. It is masked again when you leave or reload.')}</div> : null}
        <SummaryList rows={[
          { key: c.subject_enterprise_id ? t(lang, '企业名称', 'Enterprise') : t(lang, '姓名', 'Name'), value: c.applicant_name },
          { key: t(lang, '统一社会信用代码', 'Credit code'), value: c.subject_enterprise_id ? (ids.uscc ?? '—') : undefined },
          { key: t(lang, '联系人', 'Contact'), value: ids.contactName ?? undefined },
          { key: t(lang, '公民身份号码', 'ID number'), value: c.subject_enterprise_id ? undefined : (ids.idNumber ?? t(lang, '未提供', 'Not given')) },
          { key: t(lang, '联系电话', 'Phone'), value: ids.phone ?? t(lang, '未提供', 'Not given') },
        ]} />
        {a.unmask && !revealed ? (
          <form method="post" action={`/admin/cases/${c.id}/unmask`} class="inline-form">
            <CsrfField token={csrf} />
            <button type="submit" class="button-secondary">{t(lang, '显示完整信息', 'Show full details')}</button>
            <p class="hint">{t(lang, '仅在核对身份确有需要时使用；每次查看都会记录。', 'Only when you must check identity; every view is recorded.')}</p>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="form-title">
        <h2 id="form-title">{t(lang, '申请表', 'Application form')}</h2>
        {v.form ? <FormFields def={v.form} values={values} errors={[]} prefilled={v.prefill} lang={lang} readOnly regions={v.regions} attachments={files} /> : <p>{t(lang, '找不到该申请使用的表单版本。', 'The form version of this application was not found.')}</p>}
      </section>

      <section aria-labelledby="materials-title">
        <h2 id="materials-title">{t(lang, '申请材料', 'Materials')}</h2>
        <MaterialsTable lang={lang} v={v} />
      </section>

      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t(lang, '办理环节', 'Steps')}</h2>
        <StepsTable lang={lang} v={v} />
      </section>

      {v.pauses.length ? (
        <section aria-labelledby="pauses-title">
          <h2 id="pauses-title">{t(lang, '特别程序与延长', 'Special procedures and extensions')}</h2>
          <table class="table">
            <thead><tr>
              <th scope="col">{t(lang, '程序', 'Procedure')}</th><th scope="col">{t(lang, '理由', 'Reason')}</th><th scope="col">{t(lang, '开始', 'Started')}</th>
              <th scope="col">{t(lang, '结束', 'Ended')}</th><th scope="col">{t(lang, '不计时/延长', 'Days')}</th><th scope="col">{t(lang, '结果', 'Result')}</th><th scope="col">{t(lang, '经办人', 'Officer')}</th>
            </tr></thead>
            <tbody>{v.pauses.map((p) => (
              <tr>
                <td>{p.procedure}</td><td>{p.reason}</td><td>{p.startedOn}</td><td>{p.endedOn ?? t(lang, '进行中', 'Running')}</td>
                <td>{p.kind === 1 ? t(lang, `延长 ${p.extensionDays ?? 0} 个工作日`, `+${p.extensionDays ?? 0} days`) : p.pausedDays !== null ? t(lang, `${p.pausedDays} 个工作日`, `${p.pausedDays} days`) : '—'}</td>
                <td>{p.result ?? '—'}</td><td>{p.officerName}</td>
              </tr>
            ))}</tbody>
          </table>
        </section>
      ) : null}

      {v.corrections.length ? (
        <section aria-labelledby="corrections-title">
          <h2 id="corrections-title">{t(lang, '补正记录', 'Corrections')}</h2>
          {v.corrections.map((r) => (
            <div>
              <h3>{t(lang, `第 ${r.round} 轮（${cst(r.requestedAt)}，${r.requestedByName}）`, `Round ${r.round} (${cst(r.requestedAt)}, ${r.requestedByName})`)}</h3>
              <p>{r.notice}</p>
              <ul>{r.items.map((i) => <li>{i.target ? `${i.target}：` : ''}{i.problem}</li>)}</ul>
              <p class="meta">{r.resubmittedAt ? t(lang, `申请人已于 ${cst(r.resubmittedAt)} 补正`, `Resubmitted ${cst(r.resubmittedAt)}`) : t(lang, '等待申请人补正', 'Waiting for the applicant')}</p>
            </div>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t(lang, '办理过程', 'Timeline')}</h2>
        <ol class="timeline">
          {v.events.map((e) => (
            <li>
              <time datetime={new Date(e.occurredAt).toISOString()}>{cst(e.occurredAt)}</time> {eventText(lang, e)}
              {e.reason ? <><br /><span class="meta">{t(lang, '理由/意见：', 'Reason: ')}{e.reason}</span></> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  )
}

const PROVIDED: Record<string, { zh: string; en: string }> = {
  upload: { zh: '上传', en: 'Uploaded' }, shared: { zh: '共享获取', en: 'From shared data' }, licence: { zh: '电子证照', en: 'E-licence' }, form: { zh: '表单填写', en: 'Filled in the form' }, none: { zh: '未提供', en: 'Not provided' },
}

function MaterialsTable({ lang, v }: { lang: Lang; v: CaseView }) {
  if (!v.materials.length) return <p>{t(lang, '该事项没有登记申请材料。', 'This item lists no materials.')}</p>
  const link = (id: string, name: string) => <a href={`/admin/cases/${v.case.id}/uploads/${id}`}>{name}</a>
  return (
    <table class="table">
      <thead><tr>
        <th scope="col">{t(lang, '材料', 'Material')}</th><th scope="col">{t(lang, '必需', 'Required')}</th><th scope="col">{t(lang, '提供方式', 'How provided')}</th>
        <th scope="col">{t(lang, '文件或来源', 'File or source')}</th><th scope="col">{t(lang, '收到时间', 'Received')}</th>
      </tr></thead>
      <tbody>{v.materials.map((m) => {
        const how = m.provided_by ?? (m.dataset === 'form' ? 'form' : 'none')
        const files = v.files[`material${m.material_index}`] ?? []
        let source: Child = '—'
        if (how === 'upload') {
          const shown = files.length ? files : m.upload_id ? [{ id: m.upload_id, name: t(lang, '查看文件', 'Open the file') }] : []
          source = <ul class="file-list">{shown.map((f) => <li>{link(f.id, f.name)}</li>)}</ul>
        } else if (how === 'shared') source = t(lang, `数据集 ${m.dataset ?? ''}${m.trust_level ? `（可信级别 ${m.trust_level}）` : ''}`, `Dataset ${m.dataset ?? ''}${m.trust_level ? ` (trust ${m.trust_level})` : ''}`)
        else if (how === 'licence') source = m.licence_ref ? <>{t(lang, `电子证照（可信级别 ${m.trust_level ?? '—'}）：`, `E-licence (trust ${m.trust_level ?? '—'}): `)}<a href={`/licences/${encodeURIComponent(m.licence_ref)}`}>{t(lang, '核验', 'verify')} {m.licence_ref}</a></> : '—'
        else if (how === 'form') source = t(lang, '见申请表', 'See the form')
        return (
          <tr>
            <td>{m.name}</td>
            <td>{m.required ? t(lang, '是', 'Yes') : t(lang, '否', 'No')}</td>
            <td>{how === 'none' && m.required ? <Tag tone="warn">{label(lang, PROVIDED, how)}</Tag> : label(lang, PROVIDED, how)}</td>
            <td>{source}</td>
            <td>{m.received_at ? cst(m.received_at) : '—'}</td>
          </tr>
        )
      })}</tbody>
    </table>
  )
}

function StepsTable({ lang, v }: { lang: Lang; v: CaseView }) {
  return (
    <table class="table">
      <thead><tr>
        <th scope="col">{t(lang, '环节', 'Step')}</th><th scope="col">{t(lang, '部门', 'Department')}</th><th scope="col">{t(lang, '轮次', 'Round')}</th>
        <th scope="col">{t(lang, '状态', 'Status')}</th><th scope="col">{t(lang, '承办人', 'Handler')}</th><th scope="col">{t(lang, '开始', 'Started')}</th>
        <th scope="col">{t(lang, '到期', 'Due')}</th><th scope="col">{t(lang, '完成', 'Finished')}</th><th scope="col">{t(lang, '结果', 'Outcome')}</th><th scope="col">{t(lang, '意见', 'Opinion')}</th>
      </tr></thead>
      <tbody>{v.steps.map((s) => (
        <tr>
          <td>{s.name}</td>
          <td>{v.departments.get(s.department_id) ?? '—'}</td>
          <td>{s.round}</td>
          <td>{label(lang, STEP_STATUS, s.status)}</td>
          <td>{s.officer_name ?? s.assignee_name ?? '—'}</td>
          <td>{cst(s.started_at)}</td>
          <td>{s.due_on ?? '—'}{s.status === 'active' ? <> <DeadlineBadge lang={lang} state={deadlineState(v.cal, s.due_on, v.today, v.pauses.some((p) => p.stepId === s.id && !p.endedOn))} /></> : null}</td>
          <td>{cst(s.finished_at)}</td>
          <td>{label(lang, OUTCOME, s.outcome)}{s.returned_to ? t(lang, `（退回到${s.returned_to}）`, ` (to ${s.returned_to})`) : ''}</td>
          <td>{s.opinion ?? '—'}</td>
        </tr>
      ))}</tbody>
    </table>
  )
}
