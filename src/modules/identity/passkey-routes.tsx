import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { Deps } from '../../deps'
import { DomainError, type FieldError } from '../../platform/errors'
import type { AppEnv } from '../../platform/http/context'
import { t } from '../../platform/web/i18n'
import { readCitizenToken, writeCitizenToken } from './citizen-cookies'
import { renderCitizenPage } from './citizen-pages-render'
import { clearPending, formTokenMatches } from './citizen-routes-cookies'
import { clientIp, readForm, smallForm } from './citizen-routes-support'
import { addPasskey } from './passkey-add'
import { PasskeyDeletePage, PasskeyRenamePage, PasskeysPage, type PasskeyFlash } from './passkey-pages'
import { findPasskeyOf, listPasskeys } from './passkey-queries'
import { startPasskeyRegistration } from './passkey-register-options'
import { passkeyNotFound, removePasskey } from './passkey-remove'
import { renamePasskey } from './passkey-rename'
import { parseJsonBody } from './passkey-response'
import { startPasskeySignIn } from './passkey-sign-in-options'
import { getCitizen, requireCitizen } from './require-citizen'
import { safeNextCitizen } from './safe-next'
import { signInCitizenPasskey } from './sign-in-citizen-passkey'

const FLASHES: Record<string, PasskeyFlash> = { added: 'added', removed: 'removed', renamed: 'renamed' }
type Json = Record<string, unknown>

/** A DomainError as { error, code } with its status; anything else is not ours to answer. */
async function json(c: Context<AppEnv>, work: () => Promise<Json>): Promise<Response> {
  c.header('Cache-Control', 'no-store')
  try {
    return c.json(await work())
  } catch (err) {
    if (!(err instanceof DomainError)) throw err
    return c.json({ error: err.message, code: err.code }, err.status as 400)
  }
}

/**
 * 通行密钥 (passkeys, WebAuthn): /account/passkeys (list, add, rename, remove with confirmation) and the
 * usernameless sign-in on /login. The JSON endpoints are called by assets/passkey.js with X-CSRF-Token — the
 * session token behind requireCitizen, the double-submit form token (yw_form) on /login.
 */
export function registerPasskeyRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const guard = requireCitizen(deps)
  const title = (c: Context<AppEnv>) => t(c.get('lang'), '通行密钥', 'Passkeys')
  const page = (c: Context<AppEnv>, path: string, body: Child, status: 200 | 400 = 200) => {
    c.set('viewer', { displayName: getCitizen(c).user.displayName })
    return renderCitizenPage(c, deps.config, { title: title(c), path, hasErrors: status !== 200 }, body, status)
  }
  const mine = async (c: Context<AppEnv>) => {
    const p = await findPasskeyOf(deps.db, getCitizen(c).user.id, c.req.param('id') ?? '')
    if (!p) throw passkeyNotFound()
    return p
  }

  app.get('/account/passkeys', guard, async (c) => {
    const s = getCitizen(c)
    const passkeys = await listPasskeys(deps.db, s.user.id)
    const flash = FLASHES[c.req.query('done') ?? '']
    return page(c, '/account/passkeys', <PasskeysPage lang={c.get('lang')} csrfToken={s.csrfToken} passkeys={passkeys} flash={flash} verified={!!s.user.name} />)
  })
  app.post('/account/passkeys/options', smallForm, guard, (c) => json(c, async () => ({ options: await startPasskeyRegistration(deps, { session: getCitizen(c) }) })))
  app.post('/account/passkeys', smallForm, guard, (c) =>
    json(c, async () => {
      const body = parseJsonBody(await c.req.text())
      await addPasskey(deps, { session: getCitizen(c), label: typeof body['label'] === 'string' ? body['label'].slice(0, 200) : '', credential: body['credential'] })
      return { ok: true, redirect: '/account/passkeys?done=added' }
    }),
  )

  app.get('/account/passkeys/:id/rename', guard, async (c) => {
    const s = getCitizen(c)
    return page(c, c.req.path, <PasskeyRenamePage lang={c.get('lang')} csrfToken={s.csrfToken} passkey={await mine(c)} errors={[]} />)
  })
  app.post('/account/passkeys/:id/rename', smallForm, guard, async (c) => {
    const s = getCitizen(c)
    const f = await readForm(c, 200)
    try {
      await renamePasskey(deps, { session: s, passkeyId: c.req.param('id'), label: f['label'] ?? '' })
      return c.redirect('/account/passkeys?done=renamed', 303)
    } catch (err) {
      if (!(err instanceof DomainError) || err.status !== 400) throw err
      const errors: FieldError[] = err.fields.length ? err.fields : [{ field: 'label', message: err.message }]
      return page(c, c.req.path, <PasskeyRenamePage lang={c.get('lang')} csrfToken={s.csrfToken} passkey={await mine(c)} errors={errors} value={(f['label'] ?? '').slice(0, 40)} />, 400)
    }
  })

  app.get('/account/passkeys/:id/delete', guard, async (c) => {
    const s = getCitizen(c)
    const passkey = await mine(c)
    const others = (await listPasskeys(deps.db, s.user.id)).length > 1
    const lowersLevel = s.user.trustLevel === 3 && !s.user.totpEnabled && !others && s.user.name !== null
    return page(c, c.req.path, <PasskeyDeletePage lang={c.get('lang')} csrfToken={s.csrfToken} passkey={passkey} lowersLevel={lowersLevel} />)
  })
  app.post('/account/passkeys/:id/delete', smallForm, guard, async (c) => {
    await removePasskey(deps, { session: getCitizen(c), passkeyId: c.req.param('id') })
    return c.redirect('/account/passkeys?done=removed', 303)
  })

  // Sign-in: no session yet, so the double-submit form token of /login stands in for the CSRF token.
  const formChecked = (c: Context<AppEnv>) => formTokenMatches(c, deps.config, c.req.header('x-csrf-token'))
  const refused = (c: Context<AppEnv>) => c.json({ error: t(c.get('lang'), '登录页面已过期，请刷新后重试。', 'The sign-in page expired; reload it and try again.'), code: 'csrf' }, 403)
  app.post('/login/passkey/options', smallForm, (c) => (formChecked(c) ? json(c, async () => ({ options: await startPasskeySignIn(deps) })) : refused(c)))
  app.post('/login/passkey', smallForm, async (c) => {
    if (!formChecked(c)) return refused(c)
    return json(c, async () => {
      const body = parseJsonBody(await c.req.text())
      const r = await signInCitizenPasskey(deps, { credential: body['credential'], ip: clientIp(c), previousToken: readCitizenToken(c, deps.config) })
      writeCitizenToken(c, deps.config, r.token)
      clearPending(c, deps.config) // an unfinished password + TOTP sign-in is moot now
      return { ok: true, redirect: safeNextCitizen(body['next']) }
    })
  })
}

