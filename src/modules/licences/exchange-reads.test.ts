import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { asStaff, caseCrew, type CaseCrew } from '../../../test/cases'
import { citizenSession } from '../../../test/citizens'
import { departmentId, HOUSING, HRSS, staffIn } from '../../../test/exchange'
import { issuedFoodLicence } from '../../../test/licences'
import { decideGrant, readSharedData, requestGrant } from '../exchange'
import { registerOauthClient } from '../identity'
import { revokeLicence } from './index'

/** 苏州市政务服务管理办公室 — provider of licence.e-licence (dataset-catalogue.ts). */
const GSO = '11320500MB1970580F'
const DATASET = 'licence.e-licence'
const FIELDS = ['identifier', 'typeName', 'number', 'holderName', 'holderCode', 'issuer', 'validFrom', 'validUntil', 'status', 'trustLevel']

describe('department systems read e-licences through the exchange (licence.e-licence)', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let crew: CaseCrew
  let hrss: string
  let hrssToken: string
  let housingToken: string
  let valid: Awaited<ReturnType<typeof issuedFoodLicence>>
  let revoked: Awaited<ReturnType<typeof issuedFoodLicence>>

  const tokenFor = async (departmentId: string, name: string) => {
    const c = await registerOauthClient(t.db, t.deps.secrets, { name, departmentId, kind: 'system', actor: { type: 'system', name: 'test' } })
    const res = await t.app.request('/oidc/token', {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'exchange:read' }),
    })
    assert.equal(res.status, 200)
    return ((await res.json()) as { access_token: string }).access_token
  }
  const read = async (body: unknown, token: string | null = hrssToken) => {
    const res = await t.app.request('/api/v1/exchange/reads', { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
    return { status: res.status, body: (await res.json()) as { accessId?: string; code?: string; title?: string; data?: Record<string, unknown>; subject?: { type: string; masked: string } } }
  }
  const byId = (identifier: string, over: Record<string, unknown> = {}) => ({ dataset: DATASET, subject: { type: 'licence', identifier }, fields: FIELDS, purpose: '核验申请人食品经营许可证', ...over })
  const logRow = (id: string | undefined) => t.db.selectFrom('data_access_log').selectAll().where('id', '=', id ?? '').executeTakeFirstOrThrow()
  const holderKey = (l: { licence: { holder_code: string } }) => t.deps.secrets.pseudonym('person', l.licence.holder_code)

  before(async () => {
    t = await testApp('seeded')
    crew = await caseCrew(t.db, 'exl')
    hrss = await departmentId(t.db, HRSS)
    hrssToken = await tokenFor(hrss, '人社业务系统')
    housingToken = await tokenFor(await departmentId(t.db, HOUSING), '住建业务系统')
    valid = await issuedFoodLicence(t.deps, crew, { holderName: '周文静' })
    revoked = await issuedFoodLicence(t.deps, crew, { holderName: '吴国平' })
    await revokeLicence({ db: t.db, secrets: t.deps.secrets }, { licenceId: revoked.licence.id, staff: asStaff(crew.cityOfficer), reason: '以欺骗手段取得许可' })
  })
  after(() => t.close())

  it('is conditional: without an approved grant the read is refused (403) and logged under the holder', async () => {
    const r = await read(byId(valid.licence.identifier))
    assert.equal(r.status, 403)
    assert.equal(r.body.code, 'grant_required')
    const row = await logRow(r.body.accessId)
    assert.equal(row.outcome, 'refused')
    assert.equal(row.subject_type, 'person')
    assert.equal(row.subject_key, holderKey(valid))
    assert.equal(row.consumer_department_id, hrss)
  })

  it('with an approved grant: a licence by its identifier → the fields and its status, logged under the holder', async () => {
    const officer = await staffIn(t.db, 'exl-hrss-officer', ['department_officer'], hrss)
    const gsoHead = await staffIn(t.db, 'exl-gso-head', ['department_head'], await departmentId(t.db, GSO))
    const validUntil = new Date(Date.now() + 90 * 86400000).toISOString().slice(0, 10)
    const { id } = await requestGrant(t.db, { actor: officer, dataset: DATASET, fields: FIELDS, purpose: '核验申请人食品经营许可证', validUntil })
    await decideGrant(t.db, { actor: gsoHead, grantId: id, decision: 'approve', reason: '' })

    const r = await read(byId(valid.licence.identifier, { caseRef: 'RS2026112100009' }))
    assert.equal(r.status, 200, JSON.stringify(r.body))
    const d = r.body.data!
    assert.equal(d['identifier'], valid.licence.identifier)
    assert.equal(d['number'], valid.licence.number)
    assert.equal(d['status'], 'valid')
    assert.equal(d['holderName'], '周文静')
    assert.equal(d['typeName'], '食品经营许可证')
    assert.ok(typeof d['issuer'] === 'string' && d['issuer'].length > 0)
    assert.equal(d['validFrom'], valid.licence.valid_from)
    assert.ok(typeof d['holderCode'] === 'string' && d['holderCode'].includes('*') && !d['holderCode'].includes(valid.licence.holder_code), 'the holder code is masked')
    assert.ok(!JSON.stringify(r.body).includes(valid.licence.holder_code), 'no full 身份证号 anywhere in the answer')
    assert.deepEqual(Object.keys(d).sort(), [...FIELDS].sort(), 'only the requested fields')
    assert.equal(r.body.subject?.type, 'licence')
    const row = await logRow(r.body.accessId)
    assert.equal(row.outcome, 'granted')
    assert.equal(row.dataset_code, DATASET)
    assert.equal(row.subject_type, 'person')
    assert.equal(row.subject_key, holderKey(valid))
    assert.ok(!row.subject_masked.includes(valid.licence.holder_code))
    assert.equal(row.purpose, '核验申请人食品经营许可证')
    assert.equal(row.case_ref, 'RS2026112100009')
    assert.equal(row.consumer_department_id, hrss)
    assert.ok(row.grant_id)
  })

  it('by holder code + licence type name too', async () => {
    const r = await read({ ...byId(''), subject: { type: 'licence', holderCode: valid.licence.holder_code, typeName: '食品经营许可证' }, fields: ['identifier', 'status'] })
    assert.equal(r.status, 200, JSON.stringify(r.body))
    assert.deepEqual(r.body.data, { identifier: valid.licence.identifier, status: 'valid' })
    assert.ok(!r.body.subject!.masked.includes(valid.licence.holder_code))
    assert.equal((await logRow(r.body.accessId)).subject_key, holderKey(valid))
    const half = await read({ ...byId(''), subject: { type: 'licence', holderCode: valid.licence.holder_code } })
    assert.equal(half.status, 400)
    assert.equal(half.body.code, 'subject_invalid')
  })

  it('a revoked licence → status revoked', async () => {
    const r = await read(byId(revoked.licence.identifier, { fields: ['number', 'status'] }))
    assert.equal(r.status, 200)
    assert.deepEqual(r.body.data, { number: revoked.licence.number, status: 'revoked' })
    assert.equal((await logRow(r.body.accessId)).subject_key, holderKey(revoked))
  })

  it('an unknown identifier → 404 not_found with a next step, logged (refused)', async () => {
    const unknown = `${valid.licence.identifier.slice(0, -6)}999.9`
    const r = await read(byId(unknown))
    assert.equal(r.status, 404)
    assert.equal(r.body.code, 'not_found')
    assert.match(r.body.title ?? '', /电子证照库中没有这份证照.*发证机关/)
    const row = await logRow(r.body.accessId)
    assert.equal(row.outcome, 'refused')
    assert.equal(row.refusal_code, 'not_found')
    assert.equal(row.subject_type, 'licence')
    const malformed = await read(byId('not-a-licence'))
    assert.equal(malformed.status, 400)
    assert.equal(malformed.body.code, 'subject_invalid')
  })

  it('no purpose → refused (400) and logged under the holder; fields outside the catalogue → refused', async () => {
    const r = await read(byId(valid.licence.identifier, { purpose: undefined }))
    assert.equal(r.status, 400)
    assert.equal(r.body.code, 'purpose_required')
    const row = await logRow(r.body.accessId)
    assert.equal(row.outcome, 'refused')
    assert.equal(row.subject_key, holderKey(valid))
    const f = await read(byId(valid.licence.identifier, { fields: ['holderIdNumber'] }))
    assert.equal(f.status, 400)
    assert.equal(f.body.code, 'field_unknown')
  })

  it('wrong client: another department without a grant is refused (logged); no token → 401', async () => {
    const r = await read(byId(valid.licence.identifier), housingToken)
    assert.equal(r.status, 403)
    assert.equal(r.body.code, 'grant_required')
    assert.equal((await logRow(r.body.accessId)).outcome, 'refused')
    assert.equal((await read(byId(valid.licence.identifier), null)).status, 401)
  })

  it('without the licences port (an in-process caller), a licence read finds nothing rather than guessing', async () => {
    await assert.rejects(
      readSharedData(t.db, t.deps.secrets, { actor: { type: 'staff', id: 's', name: '人社窗口', departmentId: hrss }, dataset: DATASET, subject: { type: 'licence', identifier: valid.licence.identifier }, fields: ['status'], purpose: '核验申请人食品经营许可证' }),
      { refusal: 'not_found' },
    )
  })

  it('the holder sees the department’s reads in 我的数据使用记录', async () => {
    const res = await t.app.request('/me/data-access', { headers: { cookie: (await citizenSession(t.app, t.db, valid.citizen.id)).cookie } })
    assert.equal(res.status, 200)
    const html = await res.text()
    assert.match(html, /苏州市人力资源和社会保障局/)
    assert.match(html, /核验申请人食品经营许可证/)
    assert.match(html, /RS2026112100009/)
    const other = await t.app.request('/me/data-access', { headers: { cookie: (await citizenSession(t.app, t.db, revoked.citizen.id)).cookie } })
    assert.doesNotMatch(await other.text(), /RS2026112100009/, 'another holder does not see it')
  })
})
