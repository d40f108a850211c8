import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { AMR_CITY, asStaff, caseCrew, FOOD_ITEM, type CaseCrew } from '../../../../test/cases'
import { citizenSession, createCitizen } from '../../../../test/citizens'
import { departmentId, PSB, staffCookie, staffIn } from '../../../../test/exchange'
import { approvedFoodCase } from '../../../../test/licences'
import { DomainError, ValidationError } from '../../../platform/errors'
import { shanghaiDate } from '../../../platform/calendar/working-calendar'
import { saveItem } from '../../catalog'
import { issueResult } from '../../cases'
import { parseSignedText, verifyLicenceById } from '../index'
import { defineLicenceType, updateLicenceType, type LicenceTypeInput } from '../licence-types'

/**
 * 证照目录 in the back office: administrators and catalogue editors define and edit licence types (real database,
 * real sessions). The journey: an item is published naming a type nobody defined → its approved case cannot be
 * issued (the message points at 证照目录) and the list shows the gap → an editor defines the type through the form →
 * the case is issued with the new face → an edit changes the next licence, never the issued one.
 */
let t: Awaited<ReturnType<typeof testApp>>
let crew: CaseCrew
type S = { cookie: string; csrf: string }
let editor: S, admin: S, window: S, psbEditor: S
let amr: string
let editorUser: Awaited<ReturnType<typeof staffIn>>
const NEW_TYPE = '测试小食杂店登记证'

before(async () => {
  t = await testApp('seeded')
  crew = await caseCrew(t.db, 'ltp')
  amr = await departmentId(t.db, AMR_CITY)
  editorUser = await staffIn(t.db, 'lt-editor', ['catalog_editor'], null)
  editor = await staffCookie(t.db, editorUser.id)
  admin = await staffCookie(t.db, (await staffIn(t.db, 'lt-admin', ['admin'], null)).id)
  window = await staffCookie(t.db, crew.window.id)
  psbEditor = await staffCookie(t.db, (await staffIn(t.db, 'lt-psb-editor', ['catalog_editor'], await departmentId(t.db, PSB))).id)
})
after(() => t.close())

const get = (path: string, s?: S) => t.app.request(path, { headers: s ? { cookie: s.cookie } : {} })
const post = (path: string, s: S | undefined, fields: Record<string, string>, csrf = true) =>
  t.app.request(path, { method: 'POST', headers: { ...(s ? { cookie: s.cookie } : {}), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ ...(csrf && s ? { _csrf: s.csrf } : {}), ...fields }) })
const typeRow = (name: string) => t.db.selectFrom('licence_types').selectAll().where('name', '=', name).executeTakeFirst()
const count = async (table: 'licence_types' | 'audit_log') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
const today = () => shanghaiDate(new Date())

/** The 食品经营许可 item republished with its result naming another licence type. */
async function itemNames(typeName: string) {
  const item = await t.db.selectFrom('service_items').select('data').where('code', '=', FOOD_ITEM).executeTakeFirstOrThrow()
  const record = item.data as unknown as { result: Record<string, unknown> }
  await saveItem(t.db, { record: { ...record, result: { ...record.result, licenseType: typeName } }, actor: { type: 'staff', name: 'test' } })
}

/** A valid form post: three face fields from the applicant, the application form and fixed text. */
function formPost(over: Record<string, string> = {}): Record<string, string> {
  const row = (i: number, key: string, label: string, source: string, arg: string, required = '') => ({
    [`fields-${i}-key`]: key, [`fields-${i}-label`]: label, [`fields-${i}-labelEn`]: '', [`fields-${i}-source`]: source, [`fields-${i}-arg`]: arg, [`fields-${i}-required`]: required,
  })
  return {
    name: NEW_TYPE, nameEn: 'Small food shop registration', definerDepartmentId: amr, holderKind: 'either', validityYears: '3', template: 'certificate', numberPrefix: 'xs',
    ...row(0, 'operator', '经营者', 'applicant.name', '', 'yes'),
    ...row(1, 'premises', '经营场所', 'form', 'premisesAddress', 'yes'),
    ...row(2, 'scope', '经营项目', 'const', '预包装食品销售'),
    ...row(3, '', '', '', ''), // an empty row is not saved
    ...over,
  }
}

test('an item naming an undefined type: the result is refused pointing at 证照目录, the gap is listed; an editor defines it through the form and the case is issued with the new face', async () => {
  await itemNames(NEW_TYPE)
  const c = await approvedFoodCase(t.deps, crew)
  await assert.rejects(issueResult(c.caseDeps, { caseId: c.caseId, staff: asStaff(crew.window), description: '准予登记' }), (e: unknown) => {
    assert.ok(e instanceof DomainError && e.code === 'licence_type_missing')
    assert.match(e.message, new RegExp(`“${NEW_TYPE}”.*证照目录.*/admin/licences/types`))
    return true
  })

  const list = await (await get('/admin/licences/types', editor)).text()
  assert.ok(list.includes('事项使用但尚未定义的证照类型'), 'the gap section')
  assert.ok(list.includes(`/admin/licences/types/new?name=${encodeURIComponent(NEW_TYPE)}`), 'a link to define it')
  assert.ok(list.includes('食品经营许可证核发'), 'the item that needs it')
  assert.ok(list.includes('href="/admin/licences/types/new"'), '新增证照类型')
  assert.match(list, /href="\/admin\/licences\/types" aria-current="page">证照目录/, 'catalogue editors reach it from the navigation')
  // An administrator sees both 电子证照 (/admin/licences) and 证照目录: only the nearer one is the current page.
  const adminList = await (await get('/admin/licences/types', admin)).text()
  assert.equal(adminList.match(/aria-current="page"/g)?.length, 1, 'one current navigation entry')
  assert.match(adminList, /href="\/admin\/licences\/types" aria-current="page">证照目录/)

  const form = await get(`/admin/licences/types/new?name=${encodeURIComponent(NEW_TYPE)}`, editor)
  assert.equal(form.status, 200)
  const html = await form.text()
  assert.ok(html.includes(`value="${NEW_TYPE}"`), 'name prefilled')
  assert.match(html, new RegExp(`<option value="${amr}" selected`), "the item's department as definer")
  assert.ok(html.includes('value="case.result_description" selected') && html.includes('value="caseRef"'), 'GENERIC_FIELDS as the starting face')

  const res = await post('/admin/licences/types/new', editor, formPost())
  assert.equal(res.status, 303, await res.clone().text())
  const type = (await typeRow(NEW_TYPE))!
  assert.match(type.code, new RegExp(`^${AMR_CITY}\\d{3}$`))
  const others = await t.db.selectFrom('licence_types').select('code').where('definer_uscc', '=', AMR_CITY).where('code', '<>', type.code).execute()
  assert.ok(others.length >= 1 && others.every((o) => o.code < type.code), 'the next sequence of the definer')
  assert.equal(type.definer_name, '苏州市市场监督管理局')
  assert.equal(type.number_prefix, 'XS', 'upper-cased')
  assert.equal(type.validity_years, 3)
  assert.equal(type.version, 1)
  assert.deepEqual(type.fields, [
    { key: 'operator', label: '经营者', from: 'applicant.name', required: true },
    { key: 'premises', label: '经营场所', from: 'form:premisesAddress', required: true },
    { key: 'scope', label: '经营项目', from: 'const:预包装食品销售' },
  ])
  assert.match(res.headers.get('location') ?? '', new RegExp(`done=defined&code=${type.code}`))
  const audit = await t.db.selectFrom('audit_log').select(['action', 'actor_id']).where('subject_type', '=', 'licence_type').where('subject_id', '=', type.code).execute()
  assert.deepEqual(audit, [{ action: 'licence_type.defined', actor_id: editorUser.id }])

  const after = await (await get(`/admin/licences/types?done=defined&code=${type.code}`, editor)).text()
  assert.ok(after.includes('已新增证照类型') && !after.includes('事项使用但尚未定义的证照类型'), 'the gap is gone once defined')
  assert.ok(after.includes(`/admin/licences/types/${type.code}/edit`))

  await issueResult(c.caseDeps, { caseId: c.caseId, staff: asStaff(crew.window), description: '准予登记' })
  const licence = await t.db.selectFrom('licences').selectAll().where('case_id', '=', c.caseId).executeTakeFirstOrThrow()
  assert.equal(licence.type_code, type.code)
  assert.match(licence.number, /^XS320500\d{7}$/)
  const doc = parseSignedText(licence.signed_json)!
  assert.deepEqual(doc.fields.map((f) => [f.key, f.label, f.value]), [['operator', '经营者', '林晓燕'], ['premises', '经营场所', '江苏省苏州市姑苏区十全街88号'], ['scope', '经营项目', '预包装食品销售']])
  assert.equal((await verifyLicenceById(t.db, licence.id, today())).status, 'valid')
})

test('edit: the next licence uses the new face and validity; the issued one is untouched and still verifies valid; unchanged input writes nothing', async () => {
  const type = (await typeRow(NEW_TYPE))!
  const first = await t.db.selectFrom('licences').selectAll().where('type_code', '=', type.code).executeTakeFirstOrThrow()
  const page = await get(`/admin/licences/types/${type.code}/edit`, editor)
  assert.equal(page.status, 200)
  const html = await page.text()
  assert.ok(html.includes('name="expectedVersion" value="1"') && html.includes('value="premisesAddress"') && !html.includes('name="definerDepartmentId"'), 'the form: version, face rows, no definer choice')

  const audits = await count('audit_log')
  assert.equal((await post(`/admin/licences/types/${type.code}/edit`, editor, { ...formPost(), expectedVersion: '1' })).status, 303, 'the same values')
  assert.equal((await typeRow(NEW_TYPE))!.version, 1, 'unchanged: no new version')
  assert.equal(await count('audit_log'), audits, 'and no audit record')

  const changed = formPost({ validityYears: '', 'fields-0-label': '经营者姓名', 'fields-2-arg': '散装食品销售', 'fields-3-key': 'ref', 'fields-3-label': '办件编号', 'fields-3-source': 'case.ref_no', expectedVersion: '1' })
  const res = await post(`/admin/licences/types/${type.code}/edit`, editor, changed)
  assert.equal(res.status, 303, await res.clone().text())
  const now = (await typeRow(NEW_TYPE))!
  assert.equal(now.version, 2)
  assert.equal(now.validity_years, null, '长期')
  assert.equal(now.code, type.code)
  assert.equal(now.definer_uscc, type.definer_uscc)
  const audit = await t.db.selectFrom('audit_log').select(['action', 'details']).where('subject_id', '=', type.code).where('action', '=', 'licence_type.updated').executeTakeFirstOrThrow()
  const details = audit.details as { before: Record<string, unknown>; after: Record<string, unknown> }
  assert.deepEqual(Object.keys(details.after).sort(), ['fields', 'validity_years'])
  assert.equal(details.before['validity_years'], 3)

  const c = await approvedFoodCase(t.deps, crew, { holderName: '周文' })
  await issueResult(c.caseDeps, { caseId: c.caseId, staff: asStaff(crew.window), description: '准予登记' })
  const next = await t.db.selectFrom('licences').selectAll().where('case_id', '=', c.caseId).executeTakeFirstOrThrow()
  const doc = parseSignedText(next.signed_json)!
  assert.deepEqual(doc.fields.map((f) => [f.label, f.value]), [['经营者姓名', '周文'], ['经营场所', '江苏省苏州市姑苏区十全街88号'], ['经营项目', '散装食品销售'], ['办件编号', c.refNo]])
  assert.equal(next.valid_until, null, 'the new validity')

  const old = await t.db.selectFrom('licences').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow()
  assert.equal(old.signed_json, first.signed_json, 'the issued licence is not touched')
  assert.equal(parseSignedText(old.signed_json)!.fields[0]!.label, '经营者')
  assert.equal((await verifyLicenceById(t.db, first.id, today())).status, 'valid')
  assert.equal((await verifyLicenceById(t.db, next.id, today())).status, 'valid')
})

test('a stale edit gets 409 with a clear message and changes nothing; an issuance in between does not make the form stale', async () => {
  const type = (await typeRow(NEW_TYPE))!
  const v = type.version
  // Issuing bumps the serial counter (and updated_at), not the version.
  const c = await approvedFoodCase(t.deps, crew)
  await issueResult(c.caseDeps, { caseId: c.caseId, staff: asStaff(crew.window), description: '准予登记' })
  assert.equal((await typeRow(NEW_TYPE))!.version, v)

  const current = { ...formPost({ validityYears: '', 'fields-0-label': '经营者姓名', 'fields-2-arg': '散装食品销售', 'fields-3-key': 'ref', 'fields-3-label': '办件编号', 'fields-3-source': 'case.ref_no' }) }
  assert.equal((await post(`/admin/licences/types/${type.code}/edit`, admin, { ...current, nameEn: 'Registration of small food shops', expectedVersion: String(v) })).status, 303, 'the first editor saves')
  const stale = await post(`/admin/licences/types/${type.code}/edit`, editor, { ...current, validityYears: '7', expectedVersion: String(v) })
  assert.equal(stale.status, 409)
  const html = await stale.text()
  assert.ok(html.includes('该证照类型已被他人修改') && html.includes(`href="/admin/licences/types/${type.code}/edit"`), 'says what happened and how to go on')
  assert.ok(html.includes('value="7"'), 'the person’s input is kept on the page')
  const now = (await typeRow(NEW_TYPE))!
  assert.equal(now.version, v + 1)
  assert.equal(now.validity_years, null)
  assert.equal(now.name_en, 'Registration of small food shops')
  await assert.rejects(updateLicenceType(t.db, { staff: asStaff(editorUser), code: type.code, expectedVersion: v, input: { ...validInput(), name: NEW_TYPE } }), (e: unknown) => e instanceof DomainError && e.status === 409 && e.code === 'licence_type_changed')
})

function validInput(over: Partial<LicenceTypeInput> = {}): LicenceTypeInput {
  return {
    name: '测试证照甲', nameEn: '', definerDepartmentId: amr, holderKind: 'person', validityYears: 5, template: 'permit', numberPrefix: '',
    fields: [{ key: 'holder', label: '持证人', from: 'applicant.name', required: true }], ...over,
  }
}

test('bad input: every field is named, nothing is written', async () => {
  const before = [await count('licence_types'), await count('audit_log')]
  const staff = asStaff(editorUser)
  const cases: [Partial<LicenceTypeInput>, string, RegExp][] = [
    [{ name: '' }, 'name', /请填写证照类型名称/],
    [{ name: '证' }, 'name', /2–50/],
    [{ name: 'x'.repeat(51) }, 'name', /2–50/],
    [{ name: '食品经营许可证' }, 'name', /已有名为“食品经营许可证”/],
    [{ nameEn: 'x'.repeat(121) }, 'nameEn', /120/],
    [{ definerDepartmentId: '' }, 'definerDepartmentId', /请选择定义该证照类型的部门/],
    [{ definerDepartmentId: '00000000-0000-0000-0000-000000000000' }, 'definerDepartmentId', /请选择/],
    [{ holderKind: 'robot' }, 'holderKind', /持证主体/],
    [{ validityYears: 0 }, 'validityYears', /1–99/],
    [{ validityYears: '100' }, 'validityYears', /1–99/],
    [{ validityYears: '2.5' }, 'validityYears', /1–99/],
    [{ template: 'poster' }, 'template', /版式/],
    [{ numberPrefix: 'ABCDEFGHI' }, 'numberPrefix', /最多8位/],
    [{ numberPrefix: '食品' }, 'numberPrefix', /大写英文字母和数字/],
    [{ fields: [] }, 'fields', /至少填写一个/],
    [{ fields: Array.from({ length: 21 }, (_, i) => ({ key: `k${i}`, label: '栏', from: 'item.name' })) }, 'fields', /最多20个/],
    [{ fields: [{ key: '1st', label: '甲', from: 'item.name' }] }, 'fields.0.key', /第1个栏目：栏目代码须以英文字母开头/],
    [{ fields: [{ key: 'a', label: '甲', from: 'item.name' }, { key: 'A', label: '乙', from: 'item.name' }] }, 'fields.1.key', /第2个栏目：栏目代码“A”重复/],
    [{ fields: [{ key: 'a', label: '', from: 'item.name' }] }, 'fields.0.label', /栏目名称/],
    [{ fields: [{ key: 'a', label: '甲'.repeat(31), from: 'item.name' }] }, 'fields.0.label', /1–30/],
    [{ fields: [{ key: 'a', label: '甲', labelEn: 'x'.repeat(61), from: 'item.name' }] }, 'fields.0.labelEn', /60/],
    [{ fields: [{ key: 'a', label: '甲', from: '' }] }, 'fields.0.from', /请选择内容来源/],
    [{ fields: [{ key: 'a', label: '甲', from: 'applicant.phone' }] }, 'fields.0.from', /请选择内容来源/],
    [{ fields: [{ key: 'a', label: '甲', from: 'form:' }] }, 'fields.0.from', /申请表栏目代码/],
    [{ fields: [{ key: 'a', label: '甲', from: 'form:x y' }] }, 'fields.0.from', /申请表栏目代码/],
    [{ fields: [{ key: 'a', label: '甲', from: 'const:  ' }] }, 'fields.0.from', /固定内容/],
    [{ fields: [{ key: 'a', label: '甲', from: `const:${'字'.repeat(201)}` }] }, 'fields.0.from', /200/],
  ]
  for (const [over, field, message] of cases) {
    await assert.rejects(defineLicenceType(t.db, { staff, input: validInput(over) }), (e: unknown) => {
      assert.ok(e instanceof ValidationError, `${field}: ${String(e)}`)
      const f = e.fields.find((x) => x.field === field)
      assert.ok(f, `${JSON.stringify(over).slice(0, 80)} → ${field} in ${JSON.stringify(e.fields)}`)
      assert.match(f.message, message)
      assert.match(f.message, /^[^A-Za-z]*[\u4e00-\u9fff].*[。：] .*[A-Za-z]{3,}/, 'Chinese first, then English')
      return true
    })
  }
  // Several at once: each named.
  await assert.rejects(defineLicenceType(t.db, { staff, input: validInput({ name: '', holderKind: '', template: '', fields: [{ key: '', label: '', from: '' }] }) }), (e: unknown) => {
    assert.ok(e instanceof ValidationError)
    assert.deepEqual(e.fields.map((f) => f.field).sort(), ['fields.0.from', 'fields.0.key', 'fields.0.label', 'holderKind', 'name', 'template'])
    return true
  })
  assert.deepEqual([await count('licence_types'), await count('audit_log')], before, 'nothing written')

  // Through the page: 400, the error summary links each control, the input is kept.
  const res = await post('/admin/licences/types/new', editor, formPost({ name: '食品经营许可证', validityYears: 'abc', 'fields-1-arg': '', 'fields-2-key': 'operator' }))
  assert.equal(res.status, 400)
  const html = await res.text()
  for (const href of ['#name', '#validityYears', '#fields-1-arg', '#fields-2-key']) assert.ok(html.includes(`href="${href}"`), href)
  assert.ok(html.includes('<title>错误：'), 'the title says there is an error')
  assert.ok(html.includes('value="abc"'), 'input kept')
  assert.deepEqual([await count('licence_types'), await count('audit_log')], before, 'nothing written')
  // "Add 3 more rows" re-renders with more empty rows and saves nothing.
  const more = await post('/admin/licences/types/new', editor, { ...formPost(), _action: 'more' })
  assert.equal(more.status, 200)
  assert.ok((await more.text()).includes('id="fields-6-key"'))
  assert.equal(await count('licence_types'), before[0])
})

test('duplicate names and renames: a taken name is refused on define and edit; a name items still use cannot be renamed away', async () => {
  const staff = asStaff(editorUser)
  const { code } = await defineLicenceType(t.db, { staff, input: validInput({ name: '测试证照乙' }) })
  assert.match(code, new RegExp(`^${AMR_CITY}\\d{3}$`))
  const second = await defineLicenceType(t.db, { staff, input: validInput({ name: '测试证照丙' }) })
  assert.equal(Number(second.code.slice(18)), Number(code.slice(18)) + 1, 'consecutive sequences')
  await assert.rejects(defineLicenceType(t.db, { staff, input: validInput({ name: ' 测试证照乙 ' }) }), (e: unknown) => e instanceof ValidationError && e.fields[0]!.field === 'name' && /已有名为/.test(e.fields[0]!.message))
  await assert.rejects(updateLicenceType(t.db, { staff, code, expectedVersion: 1, input: validInput({ name: '测试证照丙' }) }), (e: unknown) => e instanceof ValidationError && e.fields.some((f) => f.field === 'name' && /已有名为/.test(f.message)))
  // Not used by items: may be renamed.
  assert.equal((await updateLicenceType(t.db, { staff, code, expectedVersion: 1, input: validInput({ name: '测试证照丁' }) })).version, 2)
  // The food item names NEW_TYPE: renaming it would cut the item off.
  const used = (await typeRow(NEW_TYPE))!
  await assert.rejects(updateLicenceType(t.db, { staff, code: used.code, expectedVersion: used.version, input: { ...validInput({ name: '别的名称' }) } }), (e: unknown) => e instanceof ValidationError && e.fields.some((f) => f.field === 'name' && /食品经营许可证核发/.test(f.message)))
  assert.equal((await typeRow(NEW_TYPE))!.version, used.version)
  await assert.rejects(updateLicenceType(t.db, { staff, code: `${AMR_CITY}999`, expectedVersion: 1, input: validInput() }), (e: unknown) => e instanceof DomainError && e.status === 404)
})

test('who: the window reads the list without links and gets 403 on the forms; another department’s editor cannot touch this one’s types; citizens get the sign-in page; no CSRF token → 403', async () => {
  const type = (await typeRow(NEW_TYPE))!
  const edit = `/admin/licences/types/${type.code}/edit`
  const supervisor = await staffCookie(t.db, (await staffIn(t.db, 'lt-supervisor', ['supervisor'], null)).id)
  const citizen = await citizenSession(t.app, t.db, (await createCitizen(t.db)).id)
  const before = [await count('licence_types'), await count('audit_log'), (await typeRow(NEW_TYPE))!.version]

  const list = await get('/admin/licences/types', window)
  assert.equal(list.status, 200, 'readable')
  const html = await list.text()
  assert.ok(html.includes(NEW_TYPE))
  assert.ok(!html.includes('/admin/licences/types/new') && !html.includes('/edit"'), 'no 新增 / 编辑 links')
  for (const [method, path] of [['GET', '/admin/licences/types/new'], ['POST', '/admin/licences/types/new'], ['GET', edit], ['POST', edit]] as const) {
    const res = method === 'GET' ? await get(path, window) : await post(path, window, { ...formPost({ name: '窗口的类型' }), expectedVersion: String(type.version) })
    assert.equal(res.status, 403, `window ${method} ${path}`)
  }
  assert.equal((await get('/admin/licences/types', supervisor)).status, 200)
  assert.equal((await post(edit, supervisor, { ...formPost(), expectedVersion: String(type.version) })).status, 403)

  // A catalogue editor of 苏州市公安局: may define for its department only.
  const psbList = await (await get('/admin/licences/types', psbEditor)).text()
  assert.ok(psbList.includes('/admin/licences/types/new') && !psbList.includes(edit), 'may add, may not edit the market regulator’s type')
  const psbForm = await (await get('/admin/licences/types/new', psbEditor)).text()
  assert.ok(!psbForm.includes(`value="${amr}"`) && psbForm.includes(`value="${await departmentId(t.db, PSB)}"`), 'only its own department as definer')
  assert.equal((await get(edit, psbEditor)).status, 403)
  assert.equal((await post(edit, psbEditor, { ...formPost({ name: NEW_TYPE }), expectedVersion: String(type.version) })).status, 403)
  assert.equal((await post('/admin/licences/types/new', psbEditor, formPost({ name: '公安定义市场监管的类型' }))).status, 403, 'naming another department as definer')

  // Citizens and strangers.
  for (const path of ['/admin/licences/types', '/admin/licences/types/new', edit]) {
    const res = await get(path, citizen)
    assert.equal(res.status, 303, path)
    assert.match(res.headers.get('location') ?? '', /^\/admin\/login/)
  }
  assert.equal((await post(edit, citizen, { ...formPost(), expectedVersion: String(type.version) })).status, 403)
  assert.equal((await post('/admin/licences/types/new', undefined, formPost({ name: '匿名类型' }))).status, 403)

  // CSRF: the editor's own session without the token.
  assert.equal((await post('/admin/licences/types/new', editor, formPost({ name: '无令牌类型' }), false)).status, 403)
  assert.equal((await post(edit, editor, { ...formPost({ validityYears: '9' }), expectedVersion: String(type.version) }, false)).status, 403)
  assert.equal((await post(edit, editor, { ...formPost({ validityYears: '9' }), expectedVersion: String(type.version), _csrf: 'wrong' }, false)).status, 403)

  assert.deepEqual([await count('licence_types'), await count('audit_log'), (await typeRow(NEW_TYPE))!.version], before, 'nothing changed')
  // Unknown and malformed codes: 404 for an editor.
  assert.equal((await get(`/admin/licences/types/${AMR_CITY}998/edit`, editor)).status, 404)
  assert.equal((await get('/admin/licences/types/nope/edit', editor)).status, 404)
})

test('a form:<key> source the item’s application form does not have is flagged on the list (with the item), and the flag goes once fixed', async () => {
  const type = (await typeRow(NEW_TYPE))!
  const section = (html: string) => html.slice(html.indexOf(`id="type-${type.code}"`), html.indexOf('</section>', html.indexOf(`id="type-${type.code}"`)))
  const typo = await post(`/admin/licences/types/${type.code}/edit`, editor, { ...formPost({ 'fields-1-arg': 'premisesAdress' }), expectedVersion: String(type.version) })
  assert.equal(typo.status, 303, 'a typo is not an error: the type may be defined before the form has the field')
  const flagged = section(await (await get('/admin/licences/types', window)).text())
  assert.match(flagged, /请核对/)
  assert.match(flagged, /事项“[^”]*食品[^”]*”的申请表中没有栏目“premisesAdress”：制证时该栏目为空，且因其必填，不能出具结果/)
  assert.equal(flagged.match(/请核对/g)?.length, 1, 'only the wrong source is flagged')
  const fixed = await post(`/admin/licences/types/${type.code}/edit`, editor, { ...formPost(), expectedVersion: String(type.version + 1) })
  assert.equal(fixed.status, 303)
  assert.doesNotMatch(section(await (await get('/admin/licences/types', window)).text()), /请核对/)
})
