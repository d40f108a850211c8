import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { departmentId, HOUSING, HRSS, insertPerson, PSB, staffCookie, staffIn } from '../../../../test/exchange'
import { formBody } from '../../../../test/staff'
import { shanghaiToday } from '../exchange-policy'
import { readSharedData } from '../read-shared-data'

type S = { cookie: string; csrf: string }
const inDays = (n: number) => new Date(Date.parse(`${shanghaiToday()}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10)

describe('exchange back office: catalogue, grants, access log', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let officer: S, hrssHead: S, psbHead: S, housingHead: S, supervisor: S
  let hrss: string
  let person: string
  const get = async (s: S | undefined, path: string) => {
    const res = await t.app.request(path, { headers: s ? { cookie: s.cookie } : {} })
    return { status: res.status, html: await res.text(), location: res.headers.get('location') }
  }
  const post = (s: S, path: string, fields: Record<string, string | string[]>, csrf = true) =>
    t.app.request(path, { method: 'POST', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: formBody({ ...(csrf ? { _csrf: s.csrf } : {}), ...fields }) })
  const grantId = async () => (await t.db.selectFrom('dataset_grants').select(['id', 'status']).orderBy('requested_at', 'desc').executeTakeFirstOrThrow())

  before(async () => {
    t = await testApp('seeded')
    hrss = await departmentId(t.db, HRSS)
    const psb = await departmentId(t.db, PSB)
    const mk = async (name: string, roles: Parameters<typeof staffIn>[2], dep: string | null) => staffCookie(t.db, (await staffIn(t.db, name, roles, dep)).id)
    officer = await mk('bo-officer', ['department_officer'], hrss)
    hrssHead = await mk('bo-hrss-head', ['department_head'], hrss)
    psbHead = await mk('bo-psb-head', ['department_head'], psb)
    housingHead = await mk('bo-housing-head', ['department_head'], await departmentId(t.db, HOUSING))
    supervisor = await mk('bo-supervisor', ['supervisor'], null)
    person = await insertPerson(t.db, { name: '冯十四' })
  })
  after(() => t.close())

  it('lists the catalogue and each dataset for any staff member; strangers are sent to sign in', async () => {
    const list = await get(officer, '/admin/exchange/datasets')
    assert.equal(list.status, 200)
    assert.match(list.html, /户籍信息/)
    assert.match(list.html, /不予共享/)
    assert.match(list.html, /苏州市公安局/)
    assert.ok(!list.html.includes('href="/admin/exchange/access-log"'), 'officers get no link to a page they may not open')
    assert.match((await get(supervisor, '/admin/exchange/datasets')).html, /href="\/admin\/exchange\/access-log"/)
    const one = await get(officer, '/admin/exchange/datasets/population.household')
    assert.equal(one.status, 200)
    assert.match(one.html, /户籍地址/)
    assert.match(one.html, /申请共享授权/)
    assert.equal((await get(officer, '/admin/exchange/datasets/no.such')).status, 404)
    assert.equal((await get(undefined, '/admin/exchange/datasets')).status, 303)
  })

  it('request form: bad input → 400 with an error summary and field messages; CSRF required', async () => {
    const form = await get(officer, '/admin/exchange/grants?dataset=population.household')
    assert.match(form.html, /name="fields" value="householdAddress"/)
    const bad = await post(officer, '/admin/exchange/grants', { dataset: 'population.household', fields: [], purpose: '查', validUntil: '明年' })
    assert.equal(bad.status, 400)
    const html = await bad.text()
    assert.match(html, /存在以下问题/)
    assert.match(html, /href="#validUntil"/)
    assert.match(html, /href="#fields"/)
    assert.equal((await post(officer, '/admin/exchange/grants', { dataset: 'population.household', fields: ['householdAddress'], purpose: '核验入学户籍', validUntil: inDays(30) }, false)).status, 403)
    assert.equal((await t.db.selectFrom('dataset_grants').select('id').execute()).length, 0)
  })

  it('request → only the provider’s head can approve → revoke needs a reason', async () => {
    const ok = await post(officer, '/admin/exchange/grants', { dataset: 'population.household', consumerDepartmentId: hrss, fields: ['householdAddress', 'regionCode'], purpose: '核验随迁子女入学户籍', validUntil: inDays(60), legalBasis: '义务教育法第十二条' })
    assert.equal(ok.status, 303)
    const g = await grantId()
    assert.equal(g.status, 'requested')
    assert.match((await get(officer, '/admin/exchange/grants?status=requested')).html, /核验随迁子女入学户籍/)
    const detailForOfficer = await get(officer, `/admin/exchange/grants/${g.id}`)
    assert.equal(detailForOfficer.status, 200)
    assert.ok(!detailForOfficer.html.includes('/decide'), 'the consumer sees no approve button')
    assert.equal((await get(housingHead, `/admin/exchange/grants/${g.id}`)).status, 403, 'an uninvolved department cannot even see it')
    assert.equal((await post(hrssHead, `/admin/exchange/grants/${g.id}/decide`, { decision: 'approve', reason: '' })).status, 403)
    assert.equal((await post(housingHead, `/admin/exchange/grants/${g.id}/decide`, { decision: 'approve', reason: '' })).status, 403)
    assert.equal((await grantId()).status, 'requested')
    const psbView = await get(psbHead, `/admin/exchange/grants/${g.id}`)
    assert.match(psbView.html, /不予批准/)
    const refuseEmpty = await post(psbHead, `/admin/exchange/grants/${g.id}/decide`, { decision: 'refuse', reason: '' })
    assert.equal(refuseEmpty.status, 400)
    assert.match(await refuseEmpty.text(), /请填写理由/)
    assert.equal((await post(psbHead, `/admin/exchange/grants/${g.id}/decide`, { decision: 'approve', reason: '符合入学政策' })).status, 303)
    assert.equal((await grantId()).status, 'approved')
    const read = await readSharedData(t.db, t.deps.secrets, { actor: { type: 'staff', id: 'o', name: 'officer', departmentId: hrss }, dataset: 'population.household', subject: { type: 'person', idNumber: person }, fields: ['householdAddress'], purpose: '核验随迁子女入学户籍' })
    assert.equal(read.grantId, g.id)
    assert.equal((await post(psbHead, `/admin/exchange/grants/${g.id}/revoke`, { reason: '' })).status, 400)
    assert.equal((await post(officer, `/admin/exchange/grants/${g.id}/revoke`, { reason: '我想撤销' })).status, 403)
    assert.equal((await post(psbHead, `/admin/exchange/grants/${g.id}/revoke`, { reason: '学期结束，收回授权' })).status, 303)
    assert.equal((await grantId()).status, 'revoked')
    assert.equal((await get(psbHead, '/admin/exchange/grants/not-a-grant')).status, 404)
  })

  it('access log: supervisors only; filters by dataset, department and dates; subjects masked', async () => {
    assert.equal((await get(officer, '/admin/exchange/access-log')).status, 403)
    const all = await get(supervisor, '/admin/exchange/access-log')
    assert.equal(all.status, 200)
    assert.match(all.html, /户籍信息/)
    assert.ok(!all.html.includes(person), 'no raw 身份证号')
    assert.ok(all.html.includes(`${person.slice(0, 3)}*************${person.slice(-2)}`))
    const filtered = await get(supervisor, `/admin/exchange/access-log?dataset=entity.basic&department=${hrss}&from=${shanghaiToday()}&to=${shanghaiToday()}`)
    assert.equal(filtered.status, 200)
    assert.match(filtered.html, /共 0 条/)
    const beijing = await staffCookie(t.db, (await staffIn(t.db, 'bo-beijing-supervisor', ['supervisor'], null, '110000')).id)
    const far = await get(beijing, '/admin/exchange/access-log')
    assert.equal(far.status, 200)
    assert.match(far.html, /共 0 条/, 'a supervisor sees only the reads of departments in their region')
    assert.match(all.html, /苏州市人力资源和社会保障局/)
    const bad = await get(supervisor, '/admin/exchange/access-log?from=yesterday')
    assert.equal(bad.status, 400)
    assert.match(bad.html, /YYYY-MM-DD/)
  })
})
