import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Deps } from '../../../deps'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../platform/errors'
import type { AppEnv } from '../../../platform/http/context'
import type { LicenceFaceField } from '../../../platform/schema-licences'
import { t } from '../../../platform/web/i18n'
import { getStaff, renderBackoffice, requireStaff } from '../../identity'
import { itemsNamingLicenceTypes } from '../licence-type-code'
import { defineLicenceType, LICENCE_TYPE_LIMITS, mayEditLicenceTypes, updateLicenceType } from '../licence-types'
import { GENERIC_FIELDS } from '../seed-licence-types'
import { controlOf, EMPTY_ROWS, emptyRow, inputFromValues, LicenceTypeForm, rowOf, summaryOf, valuesFromPost, type TypeFormProps, type TypeFormValues } from './licence-type-form'
import { listLicenceTypeGaps, listLicenceTypes, TypesPage } from './types-page'

const CODE_RE = /^[0-9A-Z]{18}[0-9]{3}$/
const notFound = () => new NotFoundError('证照目录中没有这个证照类型，请回到证照目录（/admin/licences/types）重新选择。 No such licence type; go back to the list.', 'licence_type_not_found')

/**
 * 证照目录 (issue 5 Deliver 1), server-rendered, post/redirect/get:
 *  GET  /admin/licences/types               every type; 新增 / 编辑 links and the undefined types items use, for editors
 *  GET  /admin/licences/types/new           the form (?name= prefills the name, the definer and validity from the
 *                                           published items naming it, and GENERIC_FIELDS as the face); POST saves
 *  GET  /admin/licences/types/{code}/edit   the form with the type and its version; POST saves (stale → 409)
 * Reading: window, officers, heads, catalogue editors, supervisors (and administrators). Writing: administrators and
 * catalogue editors (a department-scoped editor for its department's types only). Register before the
 * /admin/licences/:id routes (their guard would refuse a catalogue editor).
 */
export function registerLicenceTypeRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const { db } = deps
  const readers = requireStaff(deps, 'window_officer', 'department_officer', 'department_head', 'catalog_editor', 'supervisor')
  const editors = requireStaff(deps, 'catalog_editor')

  app.get('/admin/licences/types', readers, async (c) => {
    const lang = c.get('lang')
    const user = getStaff(c).user
    const rows = await listLicenceTypes(db)
    const mayDefine = mayEditLicenceTypes(user)
    const editable = new Set<string>()
    if (mayDefine) {
      const depts = new Map((await db.selectFrom('departments').select(['id', 'code']).where('code', 'is not', null).execute()).map((d) => [d.code!, d.id]))
      for (const r of rows) if (mayEditLicenceTypes(user, depts.get(r.definerUscc) ?? null)) editable.add(r.code)
    }
    const done = c.req.query('done')
    const code = c.req.query('code') ?? ''
    const notice = done === 'defined' && CODE_RE.test(code) ? t(lang, `已新增证照类型（代码 ${code}）。使用该证照名称的事项，办件准予后即可出具结果并制证。`, `Licence type ${code} added: items naming it can now issue their results.`)
      : done === 'saved' && CODE_RE.test(code) ? t(lang, `证照类型 ${code} 已保存。已签发的证照不变，之后签发的证照按新的定义制作。`, `Licence type ${code} saved. Issued licences are unchanged; the next ones use the new definition.`)
        : undefined
    return c.html(renderBackoffice(c, { title: t(lang, '证照目录', 'Licence types'), notice }, <TypesPage lang={lang} rows={rows} gaps={await listLicenceTypeGaps(db)} mayDefine={mayDefine} editable={editable} />))
  })

  /** Departments a person may name as definer: a USCC on record and within their catalogue-editor scope. */
  async function definers(user: ReturnType<typeof getStaff>['user']) {
    const rows = await db.selectFrom('departments').select(['id', 'name', 'code']).where('code', 'is not', null).orderBy('name').execute()
    return rows.filter((d) => d.code && mayEditLicenceTypes(user, d.id)).map((d) => ({ id: d.id, name: d.name, code: d.code! }))
  }

  async function formPage(c: Context<AppEnv>, values: TypeFormValues, opts: { edit?: TypeFormProps['edit']; errors?: Map<string, string>; problem?: string; status?: 200 | 400 | 409 } = {}) {
    const lang = c.get('lang')
    const staff = getStaff(c)
    const errors = opts.errors ?? new Map<string, string>()
    const title = opts.edit ? t(lang, `编辑证照类型：${opts.edit.code}`, `Edit licence type ${opts.edit.code}`) : t(lang, '新增证照类型', 'New licence type')
    const summary = opts.problem && !errors.size ? [{ href: 'name', message: opts.problem }] : summaryOf(errors)
    const body = <LicenceTypeForm lang={lang} csrf={staff.csrfToken} values={values} errors={errors} departments={opts.edit ? [] : await definers(staff.user)} {...(opts.edit ? { edit: opts.edit } : {})} {...(opts.problem ? { problem: opts.problem } : {})} />
    return c.html(renderBackoffice(c, { title, errors: summary }, body), opts.status ?? 200)
  }

  const withEmptyRows = (v: TypeFormValues, n = EMPTY_ROWS): TypeFormValues => {
    const rows = [...v.rows]
    while (rows.length < LICENCE_TYPE_LIMITS.fields && n-- > 0) rows.push(emptyRow())
    return { ...v, rows }
  }

  app.get('/admin/licences/types/new', editors, async (c) => {
    const user = getStaff(c).user
    if (!mayEditLicenceTypes(user)) throw new ForbiddenError('只有系统管理员和事项编辑员可以新增证照类型。 Only administrators and catalogue editors define licence types.')
    const name = (c.req.query('name') ?? '').trim().slice(0, LICENCE_TYPE_LIMITS.name)
    // From the gap list: the first published item naming the type gives the definer, validity and holder.
    const item = name ? (await itemsNamingLicenceTypes(db, { publishedOnly: true })).find((i) => i.typeName === name && i.departmentUscc) : undefined
    const values: TypeFormValues = {
      name, nameEn: '', definerDepartmentId: item?.departmentId && mayEditLicenceTypes(user, item.departmentId) ? item.departmentId : '',
      holderKind: item ? (item.audience === 'enterprise' ? 'enterprise' : 'either') : '', validityYears: item?.validityYears ? String(item.validityYears) : '',
      template: 'certificate', numberPrefix: '', rows: GENERIC_FIELDS.map(rowOf),
    }
    return formPage(c, withEmptyRows(values))
  })

  app.post('/admin/licences/types/new', editors, async (c) => {
    const body = await c.req.parseBody()
    const values = valuesFromPost(body)
    if (body['_action'] === 'more') return formPage(c, withEmptyRows(values))
    const { input, posted } = inputFromValues(values)
    try {
      const r = await defineLicenceType(db, { staff: getStaff(c).user, input })
      return c.redirect(`/admin/licences/types?done=defined&code=${r.code}#type-${r.code}`, 303)
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err
      return formPage(c, withEmptyRows(values, 0), { errors: fieldErrors(err, posted, values), status: 400 })
    }
  })

  async function loadForEdit(c: Context<AppEnv>) {
    const code = c.req.param('code') ?? ''
    const row = CODE_RE.test(code) ? await db.selectFrom('licence_types').selectAll().where('code', '=', code).executeTakeFirst() : undefined
    if (!row) throw notFound()
    const dept = await db.selectFrom('departments').select('id').where('code', '=', row.definer_uscc).executeTakeFirst()
    if (!mayEditLicenceTypes(getStaff(c).user, dept?.id ?? null)) throw new ForbiddenError('您只能修改本部门定义的证照类型。如需修改，请联系系统管理员。 You may edit your own department’s types only.')
    const issued = await db.selectFrom('licences').select((eb) => eb.fn.countAll<number>().as('n')).where('type_code', '=', code).executeTakeFirstOrThrow()
    return { row, edit: { code, definer: row.definer_name, version: row.version, issued: Number(issued.n) } }
  }

  app.get('/admin/licences/types/:code/edit', editors, async (c) => {
    const { row, edit } = await loadForEdit(c)
    const values: TypeFormValues = {
      name: row.name, nameEn: row.name_en ?? '', definerDepartmentId: '', holderKind: row.holder_kind, validityYears: row.validity_years ? String(row.validity_years) : '',
      template: row.template, numberPrefix: row.number_prefix, rows: (row.fields as unknown as LicenceFaceField[]).map(rowOf),
    }
    return formPage(c, withEmptyRows(values), { edit })
  })

  app.post('/admin/licences/types/:code/edit', editors, async (c) => {
    const { edit } = await loadForEdit(c)
    const body = await c.req.parseBody()
    const values = valuesFromPost(body)
    const expected = Number(typeof body['expectedVersion'] === 'string' ? body['expectedVersion'] : NaN)
    const shown = { ...edit, version: Number.isInteger(expected) ? expected : edit.version }
    if (body['_action'] === 'more') return formPage(c, withEmptyRows(values), { edit: shown })
    const { input, posted } = inputFromValues(values)
    try {
      if (!Number.isInteger(expected)) throw new ConflictError('页面缺少版本信息，请重新打开编辑页面后再修改。 The form has no version; reopen the edit page.', 'licence_type_changed')
      const r = await updateLicenceType(db, { staff: getStaff(c).user, code: edit.code, expectedVersion: expected, input })
      return c.redirect(`/admin/licences/types?done=saved&code=${r.code}#type-${r.code}`, 303)
    } catch (err) {
      if (err instanceof ConflictError) return formPage(c, withEmptyRows(values, 0), { edit: shown, problem: err.message, status: 409 })
      if (!(err instanceof ValidationError)) throw err
      return formPage(c, withEmptyRows(values, 0), { edit: shown, errors: fieldErrors(err, posted, values), status: 400 })
    }
  })
}

function fieldErrors(err: ValidationError, posted: number[], values: TypeFormValues): Map<string, string> {
  const out = new Map<string, string>()
  for (const f of err.fields.length ? err.fields : [{ field: 'name', message: err.message }]) {
    const id = controlOf(f.field, posted, values)
    if (!out.has(id)) out.set(id, f.message)
  }
  return out
}
