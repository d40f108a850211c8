import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { Deps } from '../../deps'
import { DomainError, type FieldError } from '../../platform/errors'
import type { AppEnv } from '../../platform/http/context'
import { t } from '../../platform/web/i18n'
import { renderCitizenPage } from './citizen-pages-render'
import { readForm, smallForm } from './citizen-routes-support'
import { citizenEmailState, EMAIL_VERIFY_PATH, MAX_EMAIL } from './citizen-email'
import { EmailLinkRefusedPage, EmailPage, type EmailFlash } from './citizen-email-pages'
import { removeCitizenEmail } from './citizen-email-remove'
import { requestCitizenEmail, resendCitizenEmail } from './citizen-email-request'
import { verifyCitizenEmail } from './citizen-email-verify'
import { getCitizen, requireCitizen } from './require-citizen'

const FLASHES: Record<string, EmailFlash> = { sent: 'sent', verified: 'verified', removed: 'removed', nothing: 'nothing' }
type Status = 200 | 400 | 403 | 409 | 429 | 503
const STATUSES: Status[] = [400, 403, 409, 429, 503]

/**
 * 通知邮箱: /account/email (show, set/change → verification mail, resend, remove) and the link of the mail,
 * /account/email/verify?token=… (signed in as the citizen who asked; otherwise /login?next=… brings them back).
 * Every POST carries the session's CSRF token (requireCitizen); post/redirect/get with ?done=… on success.
 */
export function registerCitizenEmailRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const guard = requireCitizen(deps)
  const title = (c: Context<AppEnv>) => t(c.get('lang'), '通知邮箱', 'Notice email')
  const page = (c: Context<AppEnv>, body: Child, status: Status = 200) => {
    c.set('viewer', { displayName: getCitizen(c).user.displayName })
    return renderCitizenPage(c, deps.config, { title: title(c), path: '/account/email', hasErrors: status !== 200 }, body, status)
  }
  const show = async (c: Context<AppEnv>, opts: { status?: Status; flash?: EmailFlash; errors?: FieldError[]; message?: string; value?: string } = {}) => {
    const s = getCitizen(c)
    const state = await citizenEmailState(deps.db, s.user.id)
    return page(c, <EmailPage lang={c.get('lang')} csrfToken={s.csrfToken} state={state} flash={opts.flash} errors={opts.errors ?? []} message={opts.message} value={opts.value} />, opts.status)
  }
  /** A refusal we explain on the page (bad address, limit, send failure, nothing pending); anything else is not ours. */
  const refused = (err: unknown): err is DomainError => err instanceof DomainError && (STATUSES as number[]).includes(err.status)

  app.get('/account/email', guard, (c) => show(c, { flash: FLASHES[c.req.query('done') ?? ''] }))

  app.post('/account/email', smallForm, guard, async (c) => {
    const f = await readForm(c, MAX_EMAIL + 50)
    const typed = f['email'] ?? ''
    try {
      await requestCitizenEmail(deps, { citizenId: getCitizen(c).user.id, email: typed })
      return c.redirect('/account/email?done=sent', 303)
    } catch (err) {
      if (!refused(err)) throw err
      return show(c, { status: err.status as Status, errors: err.fields, message: err.message, value: typed.trim().slice(0, MAX_EMAIL) })
    }
  })

  app.post('/account/email/resend', smallForm, guard, async (c) => {
    try {
      await resendCitizenEmail(deps, { citizenId: getCitizen(c).user.id })
      return c.redirect('/account/email?done=sent', 303)
    } catch (err) {
      if (!refused(err)) throw err
      return show(c, { status: err.status as Status, message: err.message })
    }
  })

  app.post('/account/email/remove', smallForm, guard, async (c) => {
    const removed = await removeCitizenEmail(deps, { citizenId: getCitizen(c).user.id })
    return c.redirect(`/account/email?done=${removed ? 'removed' : 'nothing'}`, 303)
  })

  app.get(EMAIL_VERIFY_PATH, guard, async (c) => {
    // The token is a credential in the URL; the site-wide Referrer-Policy (strict-origin-when-cross-origin) keeps
    // it from leaving the site, and success redirects at once to a page without it.
    try {
      await verifyCitizenEmail(deps, { citizenId: getCitizen(c).user.id, token: c.req.query('token') ?? '' })
      return c.redirect('/account/email?done=verified', 303)
    } catch (err) {
      if (!refused(err)) throw err
      return page(c, <EmailLinkRefusedPage lang={c.get('lang')} message={err.message} />, err.status as Status)
    }
  })
}
