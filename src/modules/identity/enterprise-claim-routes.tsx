import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../deps'
import { DomainError, type FieldError } from '../../platform/errors'
import type { AppEnv } from '../../platform/http/context'
import { CsrfField, TextInput } from '../../platform/web/form-components'
import { t } from '../../platform/web/i18n'
import { claimEnterprise } from './claim-enterprise'
import { field, formErrors, inLang, renderMyPage } from './enterprise-page'
import { getCitizen, requireCitizen } from './require-citizen'

/** 企业认领: the legal representative enters the enterprise's USCC; the 法人库 decides. */
export function registerEnterpriseClaimRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const verified = requireCitizen(deps, { minTrust: 2 })

  const page = (c: Context<AppEnv>, v: { uscc: string; errors: FieldError[]; status?: 200 | 400 | 409 }) => {
    const lang = c.get('lang')
    const session = getCitizen(c)
    const { summary, byField } = formErrors(lang, v.errors, { uscc: t(lang, '统一社会信用代码', 'Unified social credit code') })
    const title = t(lang, '认领企业', 'Claim your enterprise')
    return renderMyPage(c, deps, session, { title, errors: summary, status: v.status ?? 200 }, (
      <div class="narrow">
        <p><a href="/enterprise">{t(lang, '返回我的企业', 'Back to my enterprises')}</a></p>
        <h1>{title}</h1>
        <p>{t(lang, '企业的法定代表人本人可以在线认领企业账号。系统会将您已实名认证的姓名和身份证号与法人库中登记的法定代表人比对，比对记录会留存备查。', 'The legal representative can claim the enterprise account online: your verified name and ID number are compared with the representative recorded in the legal-entity registry (the check is logged).')}</p>
        <p>{t(lang, '您不是法定代表人？请让法定代表人认领后把您添加为经办人。', 'Not the legal representative? Ask them to claim the enterprise and add you as an agent.')}</p>
        {session.actingFor ? <p>{t(lang, '您正在代表他人办理，请先切换回本人身份再认领。', 'You are acting for someone else; switch back to yourself first.')}</p> : null}
        <form method="post" action="/enterprise/claim" novalidate>
          <CsrfField token={session.csrfToken} />
          <TextInput lang={lang} id="uscc" label={t(lang, '统一社会信用代码', 'Unified social credit code')} value={v.uscc} error={byField.get('uscc')} required width="m" maxlength={18} autocomplete="off"
            hint={t(lang, '营业执照上的18位代码，由数字和大写字母组成。', 'The 18-character code on the business licence.')} />
          <button type="submit" class="button button-primary">{t(lang, '核验并认领', 'Check and claim')}</button>
        </form>
      </div>
    ))
  }

  app.get('/enterprise/claim', verified, (c) => page(c, { uscc: '', errors: [] }))
  app.post('/enterprise/claim', verified, async (c) => {
    const form = await c.req.parseBody()
    const uscc = field(form, 'uscc')
    try {
      const r = await claimEnterprise(deps, { session: getCitizen(c), uscc, requestId: c.get('requestId') })
      return c.redirect(`/enterprise/${r.enterpriseId}?done=claimed`, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || (err.status !== 400 && err.status !== 409)) throw err
      const errors = err.fields.length ? err.fields : [{ field: 'uscc', message: inLang(c.get('lang'), err.message) }]
      return page(c, { uscc: uscc.slice(0, 18), errors, status: err.status as 400 | 409 })
    }
  })
}
