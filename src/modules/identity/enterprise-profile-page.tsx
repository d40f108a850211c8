import type { Context } from 'hono'
import type { Deps } from '../../deps'
import type { FieldError } from '../../platform/errors'
import type { AppEnv } from '../../platform/http/context'
import { maskPhone } from '../../platform/privacy'
import { SummaryList, Tag } from '../../platform/web/components'
import { CsrfField, Fieldset, TextInput } from '../../platform/web/form-components'
import { t } from '../../platform/web/i18n'
import type { CitizenSession } from './citizen-session'
import { doneNotice, formErrors, renderMyPage } from './enterprise-page'
import type { Enterprise } from './enterprise-queries'
import { chinaDate } from './mandate-dates'
import { canEditEnterpriseContact, canManageAgents, isLegalRep } from './mandate-policy'
import { listMandatesGrantedBy } from './mandate-queries'
import { GivenMandatesTable } from './mandate-table'

/**
 * 企业信息 page: the enterprise's registry facts, its contact details (phone always masked), the contact form
 * for whoever may keep them, and — for the legal representative only — its agents.
 */
export type ContactValues = { phone: string; email: string; address: string }

export async function renderEnterpriseProfile(
  c: Context<AppEnv>,
  deps: Pick<Deps, 'db' | 'directory'>,
  session: CitizenSession,
  e: Enterprise,
  form?: { values: ContactValues; errors: FieldError[] },
) {
  const lang = c.get('lang')
  const now = new Date()
  const labels = { phone: t(lang, '联系电话', 'Phone'), email: t(lang, '联系邮箱', 'Email'), address: t(lang, '联系地址', 'Address') }
  const { summary, byField } = formErrors(lang, form?.errors ?? [], labels)
  const values = form?.values ?? { phone: '', email: e.contact.email ?? '', address: e.contact.address ?? '' }
  const rep = isLegalRep(session, e)
  const agents = rep ? await listMandatesGrantedBy(deps.db, 'enterprise', e.id) : []
  const names = await deps.directory.itemNames(agents.flatMap((m) => m.itemCodes))
  const phoneNow = e.contact.phone ? maskPhone(e.contact.phone) : ''
  return renderMyPage(c, deps, session, { title: e.name, errors: summary, notice: doneNotice(lang, c.req.query('done')), status: form ? 400 : 200 }, (
    <>
      <p><a href="/enterprise">{t(lang, '返回我的企业', 'Back to my enterprises')}</a></p>
      <h1>{e.name}</h1>
      <p>{rep ? <Tag tone="info">{t(lang, '我是法定代表人', 'I am the legal representative')}</Tag> : <Tag tone="warn">{t(lang, '我以经办人身份代办', 'I act as its agent')}</Tag>}</p>
      <SummaryList rows={[
        { key: t(lang, '统一社会信用代码', 'Unified social credit code'), value: <code>{e.uscc}</code> },
        { key: t(lang, '法定代表人', 'Legal representative'), value: e.legalRepName },
        { key: t(lang, '账号状态', 'Account status'), value: e.status === 'active' ? t(lang, '正常', 'Active') : t(lang, '已暂停', 'Suspended') },
        { key: t(lang, '认领日期', 'Claimed on'), value: chinaDate(e.claimedAt) },
      ]} />
      <h2>{t(lang, '联系方式', 'Contact details')}</h2>
      <SummaryList rows={[
        { key: labels.phone, value: phoneNow || t(lang, '未填写', 'Not given') },
        { key: labels.email, value: e.contact.email ?? t(lang, '未填写', 'Not given') },
        { key: labels.address, value: e.contact.address ?? t(lang, '未填写', 'Not given') },
        { key: t(lang, '更新时间', 'Updated'), value: e.contact.updatedAt ? chinaDate(e.contact.updatedAt) : undefined },
      ]} />
      {canEditEnterpriseContact(session, e) ? (
        <Fieldset legend={t(lang, '修改联系方式', 'Change contact details')}>
          <form method="post" action={`/enterprise/${e.id}/contact`} novalidate>
            <CsrfField token={session.csrfToken} />
            <TextInput lang={lang} id="phone" label={labels.phone} value={values.phone} error={byField.get('phone')} type="tel" width="m" maxlength={20} autocomplete="off"
              hint={phoneNow ? t(lang, `当前为 ${phoneNow}。不修改请留空。`, `Now ${phoneNow}. Leave blank to keep it.`) : t(lang, '手机号码或带区号的固定电话。', 'A mobile number or a landline with area code.')} />
            {phoneNow ? (
              <div class="checkboxes"><div class="checkbox">
                <input type="checkbox" id="clearPhone" name="clearPhone" value="1" />
                <label for="clearPhone">{t(lang, '删除联系电话', 'Remove the phone number')}</label>
              </div></div>
            ) : null}
            <TextInput lang={lang} id="email" label={labels.email} value={values.email} error={byField.get('email')} width="l" maxlength={100} autocomplete="off" />
            <TextInput lang={lang} id="address" label={labels.address} value={values.address} error={byField.get('address')} width="l" maxlength={200} autocomplete="off" />
            <button type="submit" class="button button-primary">{t(lang, '保存联系方式', 'Save contact details')}</button>
          </form>
        </Fieldset>
      ) : null}
      {rep ? (
        <>
          <h2>{t(lang, '经办人', 'Agents')}</h2>
          {canManageAgents(session, e) ? <p><a class="button button-secondary" href={`/enterprise/${e.id}/agents/new`}>{t(lang, '新增经办人', 'Add an agent')}</a></p> : null}
          <GivenMandatesTable lang={lang} mandates={agents} names={names} now={now} caption={t(lang, `共 ${agents.length} 条授权`, `${agents.length} authorisations`)}
            {...(canManageAgents(session, e) ? { revokeHref: (m: { id: string }) => `/enterprise/${e.id}/agents/${m.id}/revoke` } : {})} />
        </>
      ) : null}
    </>
  ))
}
