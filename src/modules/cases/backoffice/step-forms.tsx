/** The forms of one active step: claim, assign, complete, decide, send back, special procedures. */
import type { Child } from 'hono/jsx'
import { Select, TextInput } from '../../../platform/web/form-components'
import { t, type Lang } from '../../../platform/web/i18n'
import { SPECIAL_PROCEDURES } from '../case'
import { APPEAL_RIGHTS } from '../decide-case'
import type { StepRow } from '../case-store'
import type { StepActions } from './case-actions'
import type { CaseView } from './case-view'
import { ActionForm, fieldOf, Radios, ReasonField, type FormCtx } from './action-form'

function stepLine(lang: Lang, v: CaseView, s: StepRow): string {
  const dept = v.departments.get(s.department_id) ?? ''
  return t(lang,
    `${dept}，第${s.round}轮，到期 ${s.due_on ?? '—'}，承办人：${s.assignee_name ?? '未认领'}`,
    `${dept}, round ${s.round}, due ${s.due_on ?? '—'}, handled by ${s.assignee_name ?? 'nobody yet'}`)
}

export function StepForms({ ctx, v, a }: { ctx: FormCtx; v: CaseView; a: StepActions }) {
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
