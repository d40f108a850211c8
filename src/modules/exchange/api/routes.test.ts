import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { departmentId, HRSS, insertEntity, insertPerson } from '../../../../test/exchange'
import { registerOauthClient } from '../../identity'

describe('exchange REST API for department systems', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let token: string
  let hrss: string
  let person: string
  let uscc: string

  const read = (body: unknown, auth: string | null = `Bearer ${token}`) =>
    t.app.request('/api/v1/exchange/reads', { method: 'POST', headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) }, body: typeof body === 'string' ? body : JSON.stringify(body) })
  const ok = (over: Record<string, unknown> = {}) => ({ dataset: 'entity.basic', subject: { type: 'entity', uscc }, fields: ['name', 'status'], purpose: '核验参保单位主体资格', ...over })
  const logged = (accessId: string) => t.db.selectFrom('data_access_log').selectAll().where('id', '=', accessId).executeTakeFirst()

  before(async () => {
    t = await testApp('seeded')
    hrss = await departmentId(t.db, HRSS)
    person = await insertPerson(t.db, { name: '钱十三' })
    uscc = await insertEntity(t.db, { legalRepName: '钱十三', legalRepIdNumber: person })
    const c = await registerOauthClient(t.db, t.deps.secrets, { name: '人社业务系统', departmentId: hrss, kind: 'system', actor: { type: 'system', name: 'test' } })
    const res = await t.app.request('/oidc/token', {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'exchange:read' }),
    })
    assert.equal(res.status, 200)
    token = ((await res.json()) as { access_token: string }).access_token
  })
  after(() => t.close())

  it('publishes the catalogue without a token', async () => {
    const res = await t.app.request('/api/v1/exchange/datasets')
    assert.equal(res.status, 200)
    const { items } = (await res.json()) as { items: { code: string; shareType: string; provider: { name: string }; fields: { personal: boolean }[] }[] }
    assert.ok(items.length >= 8)
    const hh = items.find((d) => d.code === 'population.household')
    assert.equal(hh?.shareType, 'conditional')
    assert.equal(hh?.provider.name, '苏州市公安局')
    assert.ok(items.some((d) => d.shareType === 'none'))
  })

  it('reads with a client-credentials token: only the requested fields, logged for the client’s department', async () => {
    const res = await read(ok({ caseRef: 'RS2026112100007' }))
    assert.equal(res.status, 200)
    const body = (await res.json()) as { accessId: string; data: Record<string, unknown>; subject: { masked: string } }
    assert.deepEqual(body.data, { name: '苏州测试餐饮有限公司', status: 'active' })
    const row = await logged(body.accessId)
    assert.equal(row?.actor_type, 'client')
    assert.equal(row?.consumer_department_id, hrss)
    assert.equal(row?.case_ref, 'RS2026112100007')
    assert.ok(row?.client_id)
  })

  it('401 problem+json without a token or with a bad one', async () => {
    const none = await read(ok(), null)
    assert.equal(none.status, 401)
    assert.match(none.headers.get('content-type') ?? '', /problem\+json/)
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/)
    assert.equal(((await none.json()) as { code: string }).code, 'unauthorized')
    const bad = await read(ok(), 'Bearer not-a-real-token-0123456789')
    assert.equal(bad.status, 401)
    assert.equal(((await bad.json()) as { code: string }).code, 'invalid_token')
    assert.equal((await read(ok(), `Basic ${token}`)).status, 401)
  })

  it('400 problem+json for a malformed body (nothing named, nothing logged)', async () => {
    for (const body of ['{not json', { dataset: 'entity.basic' }, { ...ok(), subject: { type: 'planet', id: 'x' } }, { ...ok(), fields: 'name' }]) {
      const res = await read(body)
      assert.equal(res.status, 400, JSON.stringify(body))
      assert.match(res.headers.get('content-type') ?? '', /problem\+json/)
    }
    const form = await t.app.request('/api/v1/exchange/reads', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'dataset=entity.basic' })
    assert.equal(form.status, 400, 'only JSON bodies')
  })

  it('404 dataset_unknown, logged with an accessId', async () => {
    const res = await read(ok({ dataset: 'entity.tax-secrets' }))
    assert.equal(res.status, 404)
    const p = (await res.json()) as { code: string; accessId: string; title: string }
    assert.equal(p.code, 'dataset_unknown')
    assert.equal((await logged(p.accessId))?.refusal_code, 'dataset_unknown')
  })

  it('refuses reads without purpose (400) and conditional data without a grant (403), both logged', async () => {
    const noPurpose = await read(ok({ purpose: undefined }))
    assert.equal(noPurpose.status, 400)
    const p1 = (await noPurpose.json()) as { code: string; accessId: string; errors: { field: string }[] }
    assert.equal(p1.code, 'purpose_required')
    assert.equal(p1.errors[0]?.field, 'purpose')
    assert.equal((await logged(p1.accessId))?.outcome, 'refused')
    const conditional = await read({ dataset: 'population.household', subject: { type: 'person', idNumber: person }, fields: ['householdAddress'], purpose: '核验参保人户籍' })
    assert.equal(conditional.status, 403)
    assert.equal(((await conditional.json()) as { code: string }).code, 'grant_required')
  })

  it('400 for an invalid 身份证号 with the GB 11643 message — and no raw ID in any response', async () => {
    const bad = `${person.slice(0, 17)}${person[17] === '1' ? '2' : '1'}`
    const res = await read({ dataset: 'population.identity-check', subject: { type: 'person', idNumber: bad }, fields: ['match'], purpose: '核验参保人身份', check: { name: '钱十三', idCardValidUntil: '2035-01-01' } })
    assert.equal(res.status, 400)
    const text = await res.text()
    assert.match(text, /subject_invalid/)
    assert.ok(!text.includes(bad))
    const good = await read({ dataset: 'population.identity-check', subject: { type: 'person', idNumber: person }, fields: ['match', 'birthDate'], purpose: '核验参保人身份', check: { name: '钱十三', idCardValidUntil: '2035-01-01' } })
    const goodText = await good.text()
    assert.equal(good.status, 200)
    assert.ok(!goodText.includes(person), 'the masked subject only')
    assert.match(goodText, /"match":true/)
  })

  it('413 problem+json for a body over 16 KB', async () => {
    const res = await read(ok({ purpose: '用'.repeat(20000) }))
    assert.equal(res.status, 413)
    assert.equal(((await res.json()) as { code: string }).code, 'payload_too_large')
  })

  it('documents the read endpoint and its OAuth2 client-credentials scheme in the OpenAPI document', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { security?: Record<string, string[]>[] }>>; components: { securitySchemes: Record<string, { type: string; flows?: { clientCredentials?: { tokenUrl: string } } }> } }
    const sec = doc.paths['/api/v1/exchange/reads']?.['post']?.security?.[0]
    assert.ok(sec)
    const scheme = doc.components.securitySchemes[Object.keys(sec)[0]!]
    assert.equal(scheme?.type, 'oauth2')
    assert.match(scheme?.flows?.clientCredentials?.tokenUrl ?? '', /\/oidc\/token$/)
    assert.ok(doc.paths['/api/v1/exchange/datasets'])
  })
})
