import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../deps'
import { DomainError, type FieldError } from '../../platform/errors'
import type { AppEnv } from '../../platform/http/context'
import { maskPhone } from '../../platform/privacy'
import { renderErrorPage } from '../../platform/web/error-page'
import { t } from '../../platform/web/i18n'
import { writeCitizenToken, readCitizenToken } from './citizen-cookies'
import { AgreementPage, RegisterDetailsStep, RegisterPhoneStep } from './citizen-pages-register'
import { renderCitizenPage } from './citizen-pages-render'
import { ensureFormToken, formTokenMatches } from './citizen-routes-cookies'
import { clientIp, readForm, smallForm } from './citizen-routes-support'
import { registerCitizen } from './register-citizen'
import { AGREEMENT_VERSION } from './register-fields'
import { safeNextCitizen } from './safe-next'
import { sendSmsCode } from './send-sms-code'

/** The phone between step 1 and step 2, sealed (never in a URL, log or page in clear); 15 minutes. */
const PHONE_TTL_MS = 15 * 60 * 1000
const sealPhone = (deps: Deps, phone: string) => deps.secrets.seal(JSON.stringify({ k: 'reg-phone', p: phone, e: Date.now() + PHONE_TTL_MS }))
function openPhone(deps: Deps, sealed: string | undefined): string | undefined {
  if (!sealed || sealed.length > 512) return undefined
  try {
    const v = JSON.parse(deps.secrets.open(sealed)) as { k?: unknown; p?: unknown; e?: unknown }
    return v.k === 'reg-phone' && typeof v.p === 'string' && typeof v.e === 'number' && v.e > Date.now() ? v.p : undefined
  } catch {
    return undefined
  }
}

/** 注册: GET /register (phone) → POST /register/code → GET /register/details?t=… → POST /register. */
export function registerRegistrationRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const title = (c: Context<AppEnv>) => t(c.get('lang') ?? 'zh', '注册', 'Register')
  const phoneStep = (c: Context<AppEnv>, next: string, errors: FieldError[], phone?: string, status: 200 | 400 | 429 | 503 = 200) =>
    renderCitizenPage(c, deps.config, { title: title(c), path: '/register', hasErrors: errors.length > 0 }, <RegisterPhoneStep lang={c.get('lang')} formToken={ensureFormToken(c, deps.config)} next={next} phone={phone} errors={errors} />, status)
  const detailsStep = (c: Context<AppEnv>, v: { next: string; token: string; phone: string; errors: FieldError[]; displayName?: string; agreed?: boolean; sent?: boolean }, status: 200 | 400 | 409 = 200) =>
    renderCitizenPage(
      c,
      deps.config,
      { title: title(c), path: `/register/details?t=${encodeURIComponent(v.token)}`, hasErrors: v.errors.length > 0 },
      <RegisterDetailsStep lang={c.get('lang')} formToken={ensureFormToken(c, deps.config)} next={v.next} phoneToken={v.token} phoneMasked={maskPhone(v.phone)} displayName={v.displayName} agreed={v.agreed} errors={v.errors} sent={v.sent} />,
      status,
    )
  const expiredForm = (c: Context<AppEnv>) => c.html(renderErrorPage(c, 403, t(c.get('lang'), '页面已过期，请重新打开注册页面后再试。', 'The page expired; open the registration page again.')), 403)

  app.get('/register', (c) => phoneStep(c, safeNextCitizen(c.req.query('next')), []))
  app.get('/register/agreement', (c) => renderCitizenPage(c, deps.config, { title: t(c.get('lang'), '网上服务协议', 'Online service agreement'), path: '/register/agreement' }, <AgreementPage lang={c.get('lang')} version={AGREEMENT_VERSION} />))

  app.post('/register/code', smallForm, async (c) => {
    const form = await readForm(c)
    if (!formTokenMatches(c, deps.config, form['_csrf'])) return expiredForm(c)
    const next = safeNextCitizen(form['next'])
    const resendPhone = form['t'] ? openPhone(deps, form['t']) : undefined
    if (form['t'] && !resendPhone) return phoneStep(c, next, [{ field: 'phone', message: t(c.get('lang'), '页面已超时，请重新输入手机号码获取验证码。', 'The page timed out; enter your number again.') }], undefined, 400)
    const typed = resendPhone ?? form['phone'] ?? ''
    try {
      const { phone } = await sendSmsCode(deps, { phone: typed, purpose: 'register', ip: clientIp(c) })
      return c.redirect(`/register/details?t=${encodeURIComponent(sealPhone(deps, phone))}&sent=1${next !== '/account' ? `&next=${encodeURIComponent(next)}` : ''}`, 303)
    } catch (err) {
      if (!(err instanceof DomainError)) throw err
      const fields = err.fields.length ? err.fields : [{ field: 'phone', message: err.message }]
      // A refused but valid number is not echoed (pages never hold a full phone number); an invalid one is not a number anyone has.
      return phoneStep(c, next, fields, err.status === 429 ? undefined : typed.slice(0, 20), err.status === 429 ? 429 : 400)
    }
  })

  app.get('/register/details', (c) => {
    const token = c.req.query('t')
    const phone = openPhone(deps, token)
    const next = safeNextCitizen(c.req.query('next'))
    if (!phone || !token) return phoneStep(c, next, [{ field: 'phone', message: t(c.get('lang'), '页面已超时，请重新输入手机号码获取验证码。', 'The page timed out; enter your number again.') }], undefined, 400)
    return detailsStep(c, { next, token, phone, errors: [], sent: c.req.query('sent') === '1' })
  })

  app.post('/register', smallForm, async (c) => {
    const form = await readForm(c)
    if (!formTokenMatches(c, deps.config, form['_csrf'])) return expiredForm(c)
    const next = safeNextCitizen(form['next'])
    const phone = openPhone(deps, form['t'])
    if (!phone) return phoneStep(c, next, [{ field: 'phone', message: t(c.get('lang'), '页面已超时，请重新输入手机号码获取验证码。', 'The page timed out; enter your number again.') }], undefined, 400)
    const displayName = form['displayName'] ?? ''
    const agreed = form['agreed'] === 'yes'
    try {
      const r = await registerCitizen(deps, { phone, code: form['code'] ?? '', password: form['password'] ?? '', displayName, agreed, previousToken: readCitizenToken(c, deps.config), ip: clientIp(c) })
      writeCitizenToken(c, deps.config, r.token)
      return c.redirect(next === '/account' ? '/account?welcome=1' : next, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || (err.status !== 400 && err.status !== 409)) throw err
      const errors = err.fields.length ? err.fields : [{ field: 'code', message: err.message }]
      return detailsStep(c, { next, token: form['t']!, phone, errors, displayName: displayName.slice(0, 60), agreed }, err.status as 400 | 409)
    }
  })
}
