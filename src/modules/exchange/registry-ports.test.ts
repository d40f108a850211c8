import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { testDb } from '../../../test/db'
import { insertEntity, insertPerson, makeIdNumber, makeUscc } from '../../../test/exchange'
import type { DatabaseHandle } from '../../platform/database'
import { createSecrets, TEST_SECRET_KEY } from '../../platform/secrets'
import { createRegistryPorts, VERIFY_ENTITY_PURPOSE, VERIFY_PERSON_PURPOSE } from './registry-ports'

const secrets = createSecrets(Buffer.from(TEST_SECRET_KEY, 'base64'))

describe('identity’s registry ports through the exchange', () => {
  let h: DatabaseHandle
  let ports: ReturnType<typeof createRegistryPorts>
  const actor = { citizenId: '0190a0b0-0000-7000-8000-000000000001', displayName: '用户1234', requestId: 'req-reg' }
  const rows = (type: string, id: string) => h.db.selectFrom('data_access_log').selectAll().where('subject_key', '=', secrets.pseudonym(type, id)).orderBy('occurred_at').execute()

  before(async () => {
    h = await testDb('seeded')
    ports = createRegistryPorts(h.db, secrets)
  })
  after(() => h.close())

  it('verifyPerson: match with gender and birth date; logged as the citizen’s own check for 实名认证', async () => {
    const id = await insertPerson(h.db, { name: '孙七', idCardValidUntil: null })
    const r = await ports.verifyPerson({ name: '孙七', idNumber: id, idCardValidUntil: 'long-term' }, actor)
    assert.equal(r.outcome, 'match')
    assert.ok(r.outcome === 'match' && r.birthDate === `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`)
    const [row] = await rows('person', id)
    assert.equal(row?.actor_type, 'citizen')
    assert.equal(row?.consumer_department_id, null)
    assert.equal(row?.purpose, VERIFY_PERSON_PURPOSE)
    assert.equal(row?.request_id, 'req-reg')
    assert.equal(row?.outcome, 'granted')
  })

  it('verifyPerson: a wrong name or expiry is a mismatch, and is logged too', async () => {
    const id = await insertPerson(h.db, { name: '周八', idCardValidUntil: '2031-06-30' })
    assert.equal((await ports.verifyPerson({ name: '周九', idNumber: id, idCardValidUntil: '2031-06-30' }, actor)).outcome, 'mismatch')
    assert.equal((await ports.verifyPerson({ name: '周八', idNumber: id, idCardValidUntil: 'long-term' }, actor)).outcome, 'mismatch')
    assert.equal((await ports.verifyPerson({ name: '周八', idNumber: id.toLowerCase(), idCardValidUntil: '2031-06-30' }, actor)).outcome, 'match')
    assert.equal((await rows('person', id)).length, 3)
  })

  it('verifyPerson: deceased or cancelled → inactive; unknown → not_found (logged as refused not_found)', async () => {
    const dead = await insertPerson(h.db, { name: '吴十', status: 'deceased' })
    assert.equal((await ports.verifyPerson({ name: '吴十', idNumber: dead, idCardValidUntil: '2035-01-01' }, actor)).outcome, 'inactive')
    const ghost = makeIdNumber('19060101')
    assert.equal((await ports.verifyPerson({ name: '无名', idNumber: ghost, idCardValidUntil: '2035-01-01' }, actor)).outcome, 'not_found')
    const [row] = await rows('person', ghost)
    assert.equal(row?.refusal_code, 'not_found')
  })

  it('verifyEntity: match, logged under the entity AND the legal representative', async () => {
    const rep = await insertPerson(h.db, { name: '郑十一' })
    const uscc = await insertEntity(h.db, { name: '苏州郑记面馆有限公司', legalRepName: '郑十一', legalRepIdNumber: rep })
    const r = await ports.verifyEntity({ uscc, legalRepName: '郑十一', legalRepIdNumber: rep }, actor)
    assert.deepEqual(r, { outcome: 'match', name: '苏州郑记面馆有限公司', entityType: '有限责任公司', status: 'active' })
    const [e] = await rows('entity', uscc)
    const [p] = await rows('person', rep)
    assert.equal(e?.purpose, VERIFY_ENTITY_PURPOSE)
    assert.equal(p?.dataset_code, 'entity.legal-rep-check')
    assert.equal(p?.purpose, VERIFY_ENTITY_PURPOSE)
  })

  it('verifyEntity: someone else claiming → not_representative, logged under the entity, its representative and the claimant', async () => {
    const rep = await insertPerson(h.db, { name: '王十二' })
    const claimant = await insertPerson(h.db, { name: '冒充者' })
    const uscc = await insertEntity(h.db, { legalRepName: '王十二', legalRepIdNumber: rep })
    assert.equal((await ports.verifyEntity({ uscc, legalRepName: '冒充者', legalRepIdNumber: claimant }, actor)).outcome, 'not_representative')
    assert.equal((await rows('entity', uscc)).length, 1)
    assert.equal((await rows('person', rep)).length, 1)
    assert.equal((await rows('person', claimant)).length, 1)
  })

  it('verifyEntity: revoked → inactive; unknown → not_found', async () => {
    const rep = await insertPerson(h.db)
    const uscc = await insertEntity(h.db, { legalRepIdNumber: rep, status: 'revoked' })
    assert.equal((await ports.verifyEntity({ uscc, legalRepName: '张三', legalRepIdNumber: rep }, actor)).outcome, 'inactive')
    const nobody = makeUscc()
    assert.equal((await ports.verifyEntity({ uscc: nobody, legalRepName: '张三', legalRepIdNumber: rep }, actor)).outcome, 'not_found')
    assert.equal((await rows('entity', nobody))[0]?.refusal_code, 'not_found')
  })
})
