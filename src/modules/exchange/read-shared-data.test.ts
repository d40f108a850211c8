import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { testDb } from '../../../test/db'
import { AMR, departmentId, HRSS, insertAddress, insertEntity, insertPerson, makeIdNumber, PSB } from '../../../test/exchange'
import type { DatabaseHandle } from '../../platform/database'
import { uuidv7 } from '../../platform/ids'
import { createSecrets, TEST_SECRET_KEY } from '../../platform/secrets'
import { ReadRefusedError } from './exchange-errors'
import { readSharedData, type ReadInput } from './read-shared-data'

const secrets = createSecrets(Buffer.from(TEST_SECRET_KEY, 'base64'))

describe('readSharedData — the one read path', () => {
  let h: DatabaseHandle
  let hrss: string
  let psb: string
  let person: string
  const staff = () => ({ type: 'staff' as const, id: uuidv7(), name: '人社窗口', departmentId: hrss })
  const base = (over: Partial<ReadInput> = {}): ReadInput => ({
    actor: staff(), dataset: 'population.identity-check', subject: { type: 'person', idNumber: person }, fields: ['match'], purpose: '办理社保卡申领核验身份', check: { name: '李四', idCardValidUntil: '2035-01-01' }, ...over,
  })
  const logFor = (key: string) => h.db.selectFrom('data_access_log').selectAll().where('subject_key', '=', key).orderBy('occurred_at', 'desc').execute()
  const keyOf = (id: string) => secrets.pseudonym('person', id)
  async function refused(input: ReadInput, code: string) {
    const err = await readSharedData(h.db, secrets, input).then(() => undefined, (e: unknown) => e)
    assert.ok(err instanceof ReadRefusedError, `expected a refusal ${code}, got ${String(err)}`)
    assert.equal(err.refusal, code)
    return err
  }

  before(async () => {
    h = await testDb('seeded')
    hrss = await departmentId(h.db, HRSS)
    psb = await departmentId(h.db, PSB)
    person = await insertPerson(h.db, { name: '李四' })
  })
  after(() => h.close())

  it('returns only the requested fields and logs the read under the pseudonym, never the raw number', async () => {
    const r = await readSharedData(h.db, secrets, base({ fields: ['match', 'birthDate'], caseRef: 'SB2026112100001', requestId: 'req-1' }))
    assert.deepEqual(Object.keys(r.data).sort(), ['birthDate', 'match'])
    assert.equal(r.data['match'], true)
    const [row] = await logFor(keyOf(person))
    assert.ok(row)
    assert.equal(row.id, r.accessId)
    assert.equal(row.outcome, 'granted')
    assert.equal(row.consumer_department_id, hrss)
    assert.equal(row.purpose, '办理社保卡申领核验身份')
    assert.equal(row.case_ref, 'SB2026112100001')
    assert.equal(row.request_id, 'req-1')
    assert.deepEqual(row.fields, ['match', 'birthDate'])
    assert.ok(!JSON.stringify(row).includes(person), 'the log row holds no raw 身份证号')
    assert.equal(row.subject_masked, `${person.slice(0, 3)}*************${person.slice(-2)}`)
  })

  it('answers a mismatch of the identity check as data (match false), logged as granted', async () => {
    const r = await readSharedData(h.db, secrets, base({ check: { name: '王五', idCardValidUntil: '2035-01-01' }, fields: ['match', 'nameMatch'] }))
    assert.deepEqual(r.data, { match: false, nameMatch: false })
  })

  const refusals: [string, Partial<ReadInput>][] = [
    ['dataset_unknown', { dataset: 'population.secret-police-file' }],
    ['purpose_required', { purpose: undefined }],
    ['purpose_required', { purpose: '   ' }],
    ['purpose_required', { purpose: '核验' }],
    ['purpose_too_long', { purpose: '用'.repeat(201) }],
    ['fields_required', { fields: [] }],
    ['field_unknown', { fields: ['match', 'religion'] }],
    ['case_ref_invalid', { caseRef: '<script>' }],
    ['check_required', { check: { name: '李四' } }],
    ['subject_mismatch', { dataset: 'entity.basic', fields: ['name'] }],
    ['not_shared', { dataset: 'population.contact', fields: ['phone'] }],
    ['grant_required', { dataset: 'population.basic', fields: ['name'] }],
  ]
  for (const [code, over] of refusals) {
    it(`refuses ${code} (${JSON.stringify(over).slice(0, 60)}) and logs the refusal`, async () => {
      const before = (await logFor(keyOf(person))).length
      const err = await refused(base(over), code)
      const rows = await logFor(keyOf(person))
      assert.equal(rows.length, before + 1)
      assert.equal(rows[0]!.id, err.accessId)
      assert.equal(rows[0]!.outcome, 'refused')
      assert.equal(rows[0]!.refusal_code, code)
      assert.ok(/[\u4e00-\u9fa5]/.test(err.message), 'the message is in Chinese')
    })
  }

  it('refuses an invalid 身份证号 with 400 and the GB 11643 message, logged under the masked number', async () => {
    const bad = `${person.slice(0, 17)}${person[17] === '0' ? '1' : '0'}`
    const err = await refused(base({ subject: { type: 'person', idNumber: bad } }), 'subject_invalid')
    assert.equal(err.status, 400)
    assert.match(err.message, /校验位/)
    const [row] = await logFor(keyOf(bad))
    assert.equal(row?.refusal_code, 'subject_invalid')
    assert.equal(row?.subject_masked.includes('*'), true)
  })

  it('refuses an invalid 统一社会信用代码 with the GB 32100 message, logged under the entity pseudonym', async () => {
    const err = await refused(base({ dataset: 'entity.basic', subject: { type: 'entity', uscc: '91320508MA1XYZ0O0Q' }, fields: ['name'] }), 'subject_invalid')
    assert.equal(err.status, 400)
    assert.match(err.message, /统一社会信用代码/)
    assert.equal((await logFor(secrets.pseudonym('entity', '91320508MA1XYZ0O0Q'))).length, 1)
  })

  it('refuses a staff read for no department (department_required)', async () => {
    await refused(base({ actor: { type: 'staff', id: 'x', name: '无部门', departmentId: null } }), 'department_required')
  })

  it('logs nothing when no subject is named at all', async () => {
    const n = Number((await sql<{ n: number }>`select count(*)::int as n from data_access_log`.execute(h.db)).rows[0]!.n)
    await refused(base({ subject: undefined as never }), 'subject_invalid')
    const m = Number((await sql<{ n: number }>`select count(*)::int as n from data_access_log`.execute(h.db)).rows[0]!.n)
    assert.equal(m, n)
  })

  it('refuses a subject missing from the registry as not_found (logged, nothing released)', async () => {
    const ghost = makeIdNumber('19050101')
    const err = await refused(base({ subject: { type: 'person', idNumber: ghost } }), 'not_found')
    assert.equal(err.status, 404)
    const [row] = await logFor(keyOf(ghost))
    assert.equal(row?.outcome, 'refused')
    assert.equal(row?.refusal_code, 'not_found')
  })

  it('lets the provider read its own conditional dataset without a grant', async () => {
    const r = await readSharedData(h.db, secrets, base({ actor: { type: 'staff', id: 'p', name: '公安', departmentId: psb }, dataset: 'population.household', fields: ['householdAddress'] }))
    assert.equal(r.grantId, null)
    assert.match(String(r.data['householdAddress']), /人民路/)
  })

  it('logs an entity read that releases the legal representative’s name under that person too', async () => {
    const rep = await insertPerson(h.db, { name: '赵六' })
    const uscc = await insertEntity(h.db, { legalRepName: '赵六', legalRepIdNumber: rep })
    const r = await readSharedData(h.db, secrets, base({ dataset: 'entity.basic', subject: { type: 'entity', uscc }, fields: ['name', 'legalRepName'] }))
    assert.equal(r.data['legalRepName'], '赵六')
    assert.equal((await logFor(secrets.pseudonym('entity', uscc))).length, 1)
    assert.equal((await logFor(keyOf(rep))).length, 1)
    const plain = await readSharedData(h.db, secrets, base({ dataset: 'entity.basic', subject: { type: 'entity', uscc }, fields: ['status'] }))
    assert.equal(plain.data['status'], 'active')
    assert.equal((await logFor(keyOf(rep))).length, 1, 'no personal field of the representative, no row under them')
  })

  it('reads a standard address by id', async () => {
    const id = await insertAddress(h.db)
    const r = await readSharedData(h.db, secrets, base({ dataset: 'geo.standard-address', subject: { type: 'address', id }, fields: ['postcode', 'road'] }))
    assert.deepEqual(r.data, { postcode: '215000', road: '平江路' })
  })

  it('writes nothing half-way: when the log row cannot be written, no data comes back', async () => {
    const before = (await logFor(keyOf(person))).length
    const err = await readSharedData(h.db, secrets, base({ actor: { type: 'staff', id: 'x', name: '幽灵部门', departmentId: uuidv7() } })).then(() => undefined, (e: unknown) => e)
    assert.ok(err instanceof Error && !(err instanceof ReadRefusedError))
    assert.equal((await logFor(keyOf(person))).length, before)
  })

  it('keeps the access log append-only (UPDATE and DELETE fail in the database)', async () => {
    const [row] = await logFor(keyOf(person))
    assert.ok(row)
    await assert.rejects(h.db.updateTable('data_access_log').set({ purpose: 'changed' }).where('id', '=', row.id).execute(), /append-only/)
    await assert.rejects(h.db.deleteFrom('data_access_log').where('id', '=', row.id).execute(), /append-only/)
    assert.equal((await logFor(keyOf(person)))[0]!.purpose, row.purpose)
  })

  it('market regulation reads entities without a grant too (unconditional)', async () => {
    const amr = await departmentId(h.db, AMR)
    const rep = await insertPerson(h.db)
    const uscc = await insertEntity(h.db, { legalRepIdNumber: rep })
    const r = await readSharedData(h.db, secrets, base({ actor: { type: 'staff', id: 'a', name: '市场监管', departmentId: amr }, dataset: 'entity.basic', subject: { type: 'entity', uscc }, fields: ['entityType'] }))
    assert.equal(r.grantId, null)
  })
})
