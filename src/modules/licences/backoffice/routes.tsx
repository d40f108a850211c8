import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context, Next } from 'hono'
import type { Deps } from '../../../deps'
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../../../platform/errors'
import type { AppEnv } from '../../../platform/http/context'
import { UUID_RE } from '../../../platform/ids'
import { t } from '../../../platform/web/i18n'
import { getStaff, hasRoleIn, renderBackoffice, requireStaff } from '../../identity'
import type { SigningAlgorithm } from '../crypto'
import { rotateDepartmentKey } from '../licence-keys'
import { changeLicence, reinstateLicence, renewLicence, revokeLicence, suspendLicence } from '../licence-lifecycle'
import { isLicenceAction, keysFor, listLicences, loadLicenceView, parseListQuery, type LicenceAction } from './licence-view'
import { ACTION_TEXT, KeysPage, LicencePage, ListPage, type FormError } from './pages'
import { registerLicenceTypeRoutes } from './type-routes'

const notFound = () => new NotFoundError('找不到该电子证照，或它不是本部门签发的。请从“电子证照”列表打开。 No such licence in your departments.', 'licence_not_found')
const str = (v: unknown) => (typeof v === 'string' ? v : '')

/**
 * The licence back office (issue 5 Deliver 7), server-rendered, post/redirect/get, no JavaScript needed:
 *  GET  /admin/licences                    licences of the person's departments (status filter, search, ?after= paging)
 *  GET  /admin/licences/types…            证照目录 and its forms (type-routes.tsx)
 *  GET  /admin/licences/keys               signing keys of the departments the person heads; POST …/keys/rotate
 *  GET  /admin/licences/:id                one licence: face, versions, history, action forms (404 outside the issuer)
 *  POST /admin/licences/:id/:action        suspend | reinstate | revoke | renew | change, with expectedVersion
 *                                          = the lock_version the page showed (stale page → 409 with the page again)
 * `:id` routes pass non-uuid segments on (next()) so other /admin/licences/<word> pages can live beside them.
 */
export function registerLicenceBackoffice(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const { db } = deps
  const guard = requireStaff(deps, 'window_officer', 'department_officer', 'department_head')
  const headGuard = requireStaff(deps, 'department_head')
  const lifecycle = { db, secrets: deps.secrets, jobs: deps.jobs }
  // 证照目录 (/admin/licences/types…) first: the /admin/licences/:id routes below would refuse a catalogue editor.
  registerLicenceTypeRoutes(app, deps)

  app.get('/admin/licences', guard, async (c) => {
    const lang = c.get('lang')
    const user = getStaff(c).user
    const q = parseListQuery((k) => c.req.query(k))
    const { rows, next } = await listLicences(db, user, q)
    return c.html(renderBackoffice(c, { title: t(lang, '电子证照', 'Electronic licences') }, <ListPage lang={lang} q={q} rows={rows} next={next} mayRotate={user.roles.includes('department_head') || user.roles.includes('admin')} />))
  })

  const keysPage = async (c: Context<AppEnv>, opts: { values?: { departmentId?: string; algorithm?: string }; error?: { field: string; message: string }; status?: 200 | 400 } = {}) => {
    const lang = c.get('lang')
    const staff = getStaff(c)
    const depts = await keysFor(db, staff.user)
    const notice = c.req.query('done') === 'rotated' ? t(lang, '已轮换密钥：新证照用新密钥签发，旧密钥签发的证照仍可核验。', 'Key rotated: new licences use the new key; older ones still verify.') : undefined
    const errors = opts.error ? [{ href: opts.error.field, message: opts.error.message }] : []
    return c.html(renderBackoffice(c, { title: t(lang, '签名密钥', 'Signing keys'), errors, notice }, <KeysPage lang={lang} depts={depts} csrf={staff.csrfToken} values={opts.values} error={opts.error} />), opts.status ?? 200)
  }
  app.get('/admin/licences/keys', headGuard, (c) => keysPage(c))
  app.post('/admin/licences/keys/rotate', headGuard, async (c) => {
    const lang = c.get('lang')
    const user = getStaff(c).user
    const body = await c.req.parseBody()
    const departmentId = str(body['departmentId'])
    const algorithm = str(body['algorithm'])
    const values = { departmentId, algorithm }
    if (!UUID_RE.test(departmentId)) return keysPage(c, { values, status: 400, error: { field: 'departmentId', message: t(lang, '请选择要轮换密钥的部门。', 'Choose the department.') } })
    if (!hasRoleIn(user, 'department_head', { departmentId })) throw new ForbiddenError('只有该部门的负责人或系统管理员可以轮换它的签名密钥。 Only the department’s head may rotate its key.')
    try {
      await rotateDepartmentKey(lifecycle, { departmentId, algorithm: algorithm as SigningAlgorithm, actor: { type: 'staff', id: user.id, name: user.displayName } })
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err
      const field = err.code === 'bad_algorithm' ? 'algorithm' : 'departmentId'
      return keysPage(c, { values, status: 400, error: { field, message: err.fields[0]?.message ?? err.message } })
    }
    return c.redirect('/admin/licences/keys?done=rotated', 303)
  })

  async function page(c: Context<AppEnv>, id: string, error?: FormError, status: 200 | 400 | 409 = 200) {
    const lang = c.get('lang')
    const staff = getStaff(c)
    const v = await loadLicenceView(db, id, staff.user)
    if (!v) throw notFound()
    const done = c.req.query('done') ?? ''
    const notice = !error && isLicenceAction(done) ? t(lang, ACTION_TEXT[done].done.zh, ACTION_TEXT[done].done.en) : undefined
    const errors = error ? (error.fields.length ? error.fields.map((f) => ({ href: hrefOf(error.action, f.field), message: f.message })) : [{ href: error.action, message: error.message }]) : []
    return c.html(renderBackoffice(c, { title: t(lang, `电子证照 ${v.row.number}`, `Licence ${v.row.number}`), errors, notice }, <LicencePage lang={lang} v={v} csrf={staff.csrfToken} error={error} />), status)
  }

  app.get('/admin/licences/:id', guard, async (c: Context<AppEnv>, next: Next) => {
    const id = c.req.param('id')!
    if (!UUID_RE.test(id)) return next()
    return page(c, id)
  })

  app.post('/admin/licences/:id/:action', guard, async (c: Context<AppEnv>, next: Next) => {
    const id = c.req.param('id')!
    if (!UUID_RE.test(id)) return next()
    const action = c.req.param('action')!
    if (!isLicenceAction(action)) throw new NotFoundError('没有这个操作。请回到证照页面重新选择。 No such action.', 'licence_action_unknown')
    const staff = getStaff(c).user
    const v = await loadLicenceView(db, id, staff)
    if (!v) throw notFound()
    const body = await c.req.parseBody()
    const values: Record<string, string> = Object.fromEntries(Object.entries(body).filter(([k, x]) => typeof x === 'string' && k !== '_csrf').map(([k, x]) => [k, (x as string).slice(0, 2000)]))
    const expected = Number(values['expectedVersion'])
    try {
      if (!Number.isInteger(expected)) throw new ValidationError('页面缺少证照版本信息，请刷新页面后再操作。 Reload the page and try again.', [], 'licence_changed')
      const input = { licenceId: id, staff, reason: values['reason'] ?? null, expectedVersion: expected }
      const result = await run(action, input, v.doc?.fields ?? [], values)
      return c.redirect(`/admin/licences/${result.id}?done=${action}`, 303)
    } catch (err) {
      if (!(err instanceof DomainError) || (err.status !== 400 && err.status !== 409)) throw err
      return page(c, id, { action, message: err.message, fields: err instanceof ValidationError ? err.fields.filter((f) => f.field) : [], values }, err.status as 400 | 409)
    }
  })

  /** One lifecycle operation; change sends only the face fields whose value differs from the current one. */
  async function run(action: LicenceAction, input: { licenceId: string; staff: ReturnType<typeof getStaff>['user']; reason: string | null; expectedVersion: number }, face: { key: string; value: string }[], values: Record<string, string>) {
    if (action === 'suspend') return suspendLicence(lifecycle, input)
    if (action === 'reinstate') return reinstateLicence(lifecycle, input)
    if (action === 'revoke') return revokeLicence(lifecycle, input)
    if (action === 'renew') return renewLicence(lifecycle, input)
    const current = new Map(face.map((f) => [f.key, f.value]))
    const changes: Record<string, string> = {}
    for (const [k, x] of Object.entries(values)) {
      if (!k.startsWith('field.')) continue
      const key = k.slice('field.'.length)
      if (x.trim() !== (current.get(key) ?? '')) changes[key] = x
    }
    return changeLicence(lifecycle, { ...input, changes })
  }
}

/** Where an error-summary link lands: the field's control in the action's form. */
function hrefOf(action: LicenceAction, field: string): string {
  if (field === 'reason') return `${action}-reason`
  if (field.startsWith('changes.')) return `change-${field.slice('changes.'.length)}`
  return action
}
