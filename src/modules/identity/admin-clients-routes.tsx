import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../deps'
import type { Actor } from '../../platform/audit'
import { DomainError, type FieldError } from '../../platform/errors'
import type { AppEnv } from '../../platform/http/context'
import { t } from '../../platform/web/i18n'
import { renderClientDetail, renderClientList, renderNewClient, renderSecretOnce, type NewClientValues } from './admin-clients-pages'
import { findOauthClient, listOauthClients } from './oauth-client'
import { issuerOf } from './oidc/provider'
import { checkClientInput, registerOauthClient } from './register-oauth-client'
import { getStaff, requireStaff } from './require-staff'
import { revokeOauthClient } from './revoke-oauth-client'
import { rotateOauthClientSecret } from './rotate-oauth-client'
import { inLang } from './staff-step-page'

const str = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '')

/**
 * /admin/clients (administrators only): register department systems as OAuth 2.0 / OpenID Connect clients,
 * replace a secret, revoke. Secrets appear only in the POST response that made them (no-store via the staff
 * guard; never in a URL, a log or the audit trail).
 */
export function registerAdminClientRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const admin = requireStaff(deps, 'admin')
  const actorOf = (c: Context<AppEnv>): Actor => {
    const s = getStaff(c)
    return { type: 'staff', id: s.user.id, name: s.user.displayName }
  }

  app.get('/admin/clients', admin, async (c) => {
    const [clients, departments] = await Promise.all([listOauthClients(deps.db), deps.directory.listDepartments()])
    const lang = c.get('lang')
    const notice = c.req.query('done') === 'revoked' ? t(lang, '接入系统已停用。', 'The system was revoked.') : undefined
    return c.html(renderClientList(c, { clients, departments: new Map(departments.map((d) => [d.id, d.name])), notice }))
  })

  async function newPage(c: Context<AppEnv>, values: NewClientValues, errors: FieldError[] = []) {
    const departments = await deps.directory.listDepartments()
    return c.html(renderNewClient(c, { values, errors, departments }), errors.length ? 400 : 200)
  }
  app.get('/admin/clients/new', admin, (c) => newPage(c, { name: '', departmentId: '', kind: '', redirectUris: '' }))

  app.post('/admin/clients/new', admin, async (c) => {
    const f = await c.req.parseBody()
    const values: NewClientValues = { name: str(f['name'], 200), departmentId: str(f['departmentId'], 40), kind: str(f['kind'], 10), redirectUris: str(f['redirectUris'], 6000) }
    const department = values.departmentId ? await deps.directory.getDepartment(values.departmentId) : undefined
    const found = checkClientInput({ name: values.name, kind: values.kind, redirectUris: values.redirectUris.split('\n') }).errors
    // In the order of the form: name, department, kind, redirect URIs.
    const errors: FieldError[] = [
      ...found.filter((e) => e.field === 'name'),
      ...(department ? [] : [{ field: 'departmentId', message: '请选择该系统所属的部门。 Choose the department the system belongs to.' }]),
      ...found.filter((e) => e.field !== 'name'),
    ]
    if (errors.length || !department) return newPage(c, values, errors)
    const made = await registerOauthClient(deps.db, deps.secrets, { name: values.name, departmentId: department.id, kind: values.kind as 'web' | 'system', redirectUris: values.redirectUris.split('\n'), actor: actorOf(c) })
    const client = (await findOauthClient(deps.db, made.clientId))!
    return c.html(renderSecretOnce(c, { client, secret: made.clientSecret, issuer: issuerOf(deps.config), rotated: false }), 201)
  })

  async function detail(c: Context<AppEnv>, extra: { notice?: string; reasonError?: string } = {}, status: 200 | 400 = 200) {
    const client = await findOauthClient(deps.db, c.req.param('id') ?? '')
    if (!client) return c.notFound()
    const department = client.departmentId ? await deps.directory.getDepartment(client.departmentId) : undefined
    return c.html(renderClientDetail(c, { client, departmentName: department?.name ?? null, ...extra }), status)
  }
  app.get('/admin/clients/:id', admin, (c) => detail(c))

  app.post('/admin/clients/:id/rotate', admin, async (c) => {
    try {
      const r = await rotateOauthClientSecret(deps.db, deps.secrets, { clientId: c.req.param('id'), actor: actorOf(c) })
      const client = (await findOauthClient(deps.db, r.clientId))!
      return c.html(renderSecretOnce(c, { client, secret: r.clientSecret, issuer: issuerOf(deps.config), rotated: true }))
    } catch (err) {
      if (err instanceof DomainError && err.status === 404) return c.notFound()
      if (err instanceof DomainError && err.status === 409) return detail(c, { notice: inLang(c.get('lang'), err.message) })
      throw err
    }
  })

  app.post('/admin/clients/:id/revoke', admin, async (c) => {
    const reason = str((await c.req.parseBody())['reason'], 200)
    if (!reason) return detail(c, { reasonError: t(c.get('lang'), '请填写停用原因，例如“系统下线”或“密钥泄露”。', 'Enter why, e.g. “system retired” or “secret leaked”.') }, 400)
    try {
      await revokeOauthClient(deps.db, { clientId: c.req.param('id'), reason, actor: actorOf(c) })
    } catch (err) {
      if (err instanceof DomainError && err.status === 404) return c.notFound()
      if (!(err instanceof DomainError && err.status === 409)) throw err
    }
    return c.redirect('/admin/clients?done=revoked', 303)
  })
}
