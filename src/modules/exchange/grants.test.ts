import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testDb } from '../../../test/db'
import { departmentId, HOUSING, HRSS, insertPerson, PSB, staffIn, type TestStaff } from '../../../test/exchange'
import type { DatabaseHandle } from '../../platform/database'
import { DomainError } from '../../platform/errors'
import { createSecrets, TEST_SECRET_KEY } from '../../platform/secrets'
import { decideGrant } from './decide-grant'
import { ReadRefusedError } from './exchange-errors'
import { shanghaiToday } from './exchange-policy'
import { oneYearAfter } from './grant-rules'
import { getGrant } from './grant-queries'
import { readSharedData } from './read-shared-data'
import { requestGrant } from './request-grant'
import { revokeGrant } from './revoke-grant'

const secrets = createSecrets(Buffer.from(TEST_SECRET_KEY, 'base64'))
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10)

describe('grants for conditional datasets', () => {
  let h: DatabaseHandle
  let officer: TestStaff, head: TestStaff, psbHead: TestStaff, psbOfficer: TestStaff, otherHead: TestStaff, admin: TestStaff
  let person: string
  const today = shanghaiToday()
  const ask = (over: Partial<Parameters<typeof requestGrant>[1]> = {}) =>
    requestGrant(h.db, { actor: officer, dataset: 'population.household', fields: ['householdAddress', 'regionCode'], purpose: '核验随迁子女入学户籍', validUntil: addDays(today, 90), ...over })
  const read = (fields = ['householdAddress'], now?: Date) =>
    readSharedData(h.db, secrets, { actor: { type: 'staff', id: officer.id, name: officer.name, departmentId: officer.departmentId }, dataset: 'population.household', subject: { type: 'person', idNumber: person }, fields, purpose: '核验随迁子女入学户籍' }, now ? { now } : {})
  const code = async (p: Promise<unknown>) => {
    const e = await p.then(() => undefined, (x: unknown) => x)
    assert.ok(e instanceof DomainError, `expected a DomainError, got ${String(e)}`)
    return e instanceof ReadRefusedError ? e.refusal : e.code
  }

  before(async () => {
    h = await testDb('seeded')
    const hrss = await departmentId(h.db, HRSS)
    const psb = await departmentId(h.db, PSB)
    officer = await staffIn(h.db, 'g-officer', ['department_officer'], hrss)
    head = await staffIn(h.db, 'g-head', ['department_head'], hrss)
    psbHead = await staffIn(h.db, 'g-psb-head', ['department_head'], psb)
    psbOfficer = await staffIn(h.db, 'g-psb-officer', ['department_officer'], psb)
    otherHead = await staffIn(h.db, 'g-housing-head', ['department_head'], await departmentId(h.db, HOUSING))
    admin = await staffIn(h.db, 'g-admin', ['admin'], null)
    person = await insertPerson(h.db)
  })
  after(() => h.close())

  it('refuses bad requests with field messages and writes nothing', async () => {
    const bad = await ask({ fields: ['religion'], purpose: '查', validUntil: addDays(today, 400) }).then(() => undefined, (e: unknown) => e)
    assert.ok(bad instanceof DomainError)
    assert.deepEqual(bad.fields.map((f) => f.field).sort(), ['fields', 'purpose', 'validUntil'])
    assert.equal(await code(ask({ validUntil: today })), 'grant_invalid')
    assert.equal(await code(ask({ validUntil: '2026-02-30' })), 'grant_invalid')
    assert.equal(await code(ask({ dataset: 'population.contact', fields: ['phone'] })), 'grant_not_applicable')
    assert.equal(await code(ask({ dataset: 'entity.basic', fields: ['name'] })), 'grant_not_applicable')
    assert.equal(await code(ask({ dataset: 'nope.nothing' })), 'dataset_unknown')
    assert.equal(await code(ask({ actor: psbOfficer })), 'grant_not_applicable', 'the provider needs no grant for its own data')
    assert.equal((await h.db.selectFrom('dataset_grants').select('id').execute()).length, 0)
  })

  it('only the consuming department’s officers and heads may ask', async () => {
    assert.equal(await code(ask({ actor: { ...otherHead }, consumerDepartmentId: officer.departmentId })), 'forbidden')
    assert.equal(await code(ask({ validUntil: oneYearAfter(today), actor: { ...officer, grants: [{ role: 'window_officer', departmentId: officer.departmentId, regionCode: null }] } })), 'forbidden')
  })

  it('conditional data needs an approved grant; only the PROVIDER’s head (or admin) may approve', async () => {
    assert.equal(await code(read()), 'grant_required')
    const { id } = await ask()
    assert.equal(await code(ask()), 'grant_pending', 'one open request per dataset and department')
    assert.equal(await code(read()), 'grant_required', 'a request is not a grant')
    assert.equal(await code(decideGrant(h.db, { actor: head, grantId: id, decision: 'approve', reason: '' })), 'forbidden', 'the consumer’s own head may not approve')
    assert.equal(await code(decideGrant(h.db, { actor: otherHead, grantId: id, decision: 'approve', reason: '' })), 'forbidden', 'another department’s head may not approve')
    assert.equal(await code(decideGrant(h.db, { actor: psbOfficer, grantId: id, decision: 'approve', reason: '' })), 'forbidden', 'a provider officer is not its head')
    assert.equal((await getGrant(h.db, id))?.status, 'requested')
    await decideGrant(h.db, { actor: psbHead, grantId: id, decision: 'approve', reason: '' })
    assert.equal(await code(decideGrant(h.db, { actor: psbHead, grantId: id, decision: 'refuse', reason: '改变主意了' })), 'grant_decided')
    const r = await read()
    assert.equal(r.grantId, id)
    const audit = await h.db.selectFrom('audit_log').select(['action', 'actor_name']).where('subject_id', '=', id).orderBy('seq').execute()
    assert.deepEqual(audit.map((a) => a.action), ['exchange.grant.requested', 'exchange.grant.approved'])
  })

  it('refuses fields outside the grant, and reads after the grant’s last day (grant_expired)', async () => {
    assert.equal(await code(read(['householdAddress', 'name'])), 'grant_fields')
    const g = (await h.db.selectFrom('dataset_grants').select('valid_until').where('status', '=', 'approved').executeTakeFirstOrThrow()).valid_until
    const lastDay = new Date(`${g}T15:59:00Z`) // 23:59 in Shanghai on the last valid day
    assert.equal((await read(['householdAddress'], lastDay)).data['householdAddress'] !== undefined, true)
    assert.equal(await code(read(['householdAddress'], new Date(`${g}T16:01:00Z`))), 'grant_expired')
  })

  it('revocation stops reads at once; only the provider’s head may revoke, with a reason', async () => {
    const g = await h.db.selectFrom('dataset_grants').select('id').where('status', '=', 'approved').executeTakeFirstOrThrow()
    assert.equal(await code(revokeGrant(h.db, { actor: head, grantId: g.id, reason: '不再需要' })), 'forbidden')
    assert.equal(await code(revokeGrant(h.db, { actor: psbHead, grantId: g.id, reason: '' })), 'reason_invalid')
    await revokeGrant(h.db, { actor: psbHead, grantId: g.id, reason: '用途已完成，收回授权' })
    assert.equal(await code(read()), 'grant_revoked')
    assert.equal(await code(revokeGrant(h.db, { actor: psbHead, grantId: g.id, reason: '再撤一次' })), 'grant_not_approved')
  })

  it('a refused grant does not open reads; refusal needs a reason; admins may decide', async () => {
    const { id } = await ask({ dataset: 'population.vital-status', fields: ['status'] })
    assert.equal(await code(decideGrant(h.db, { actor: psbHead, grantId: id, decision: 'refuse', reason: '' })), 'reason_invalid')
    await decideGrant(h.db, { actor: admin, grantId: id, decision: 'refuse', reason: '用途与数据无关' })
    const g = await getGrant(h.db, id)
    assert.equal(g?.status, 'refused')
    assert.equal(g?.decisionReason, '用途与数据无关')
    const e = await readSharedData(h.db, secrets, { actor: { type: 'staff', id: officer.id, name: officer.name, departmentId: officer.departmentId }, dataset: 'population.vital-status', subject: { type: 'person', idNumber: person }, fields: ['status'], purpose: '养老金资格认证' }).then(() => undefined, (x: unknown) => x)
    assert.ok(e instanceof ReadRefusedError && e.refusal === 'grant_required')
  })

  it('unknown grant ids are 404, not 500', async () => {
    assert.equal(await code(decideGrant(h.db, { actor: psbHead, grantId: 'not-a-uuid', decision: 'approve', reason: '' })), 'grant_unknown')
    assert.equal(await code(revokeGrant(h.db, { actor: psbHead, grantId: '0190a0b0-0000-7000-8000-000000000000', reason: '没有这个授权' })), 'grant_unknown')
  })
})
