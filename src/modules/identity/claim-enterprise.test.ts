import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { citizenSession, createCitizen, createDemoCitizen, DEMO_ENTERPRISES, DEMO_RESIDENTS, fakeIdNumber, type CitizenTestSession } from '../../../test/citizens'
import { uuidv7 } from '../../platform/ids'
import { dbState, get, insertEnterprise, post, validUscc, type T } from './enterprise-test-support'

/**
 * 企业认领 through the page, against the seeded (simulated) 法人库 via the exchange's real verifyEntity:
 * match, each refusal with its own message, already claimed, bad codes, unverified accounts.
 */
let t: T
let rep: CitizenTestSession
let repId: string
let unrelated: CitizenTestSession
before(async () => {
  t = await testApp('seeded')
  repId = (await createDemoCitizen(t.db, 0)).id
  rep = await citizenSession(t.app, t.db, repId)
  unrelated = await citizenSession(t.app, t.db, (await createDemoCitizen(t.db, 2)).id)
})
after(() => t.close())

const claim = (s: CitizenTestSession, uscc: string) => post(t, '/enterprise/claim', s, { uscc })

test('the legal representative claims demo enterprise #1: account created, audited, the registry read logged, profile shown', async () => {
  const e = DEMO_ENTERPRISES[0]
  assert.equal((await get(t, '/enterprise/claim', rep)).status, 200)
  const res = await claim(rep, ` ${e.uscc.toLowerCase()} `)
  assert.equal(res.status, 303)
  const row = await t.db.selectFrom('enterprises').selectAll().where('uscc', '=', e.uscc).executeTakeFirstOrThrow()
  assert.equal(row.legal_rep_citizen_id, repId)
  assert.equal(row.name, e.name)
  assert.equal(res.headers.get('location'), `/enterprise/${row.id}?done=claimed`)
  const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'identity.enterprise.claimed').where('subject_id', '=', row.id).executeTakeFirst()
  assert.equal(audit?.actor_id, repId)
  const logged = await t.db.selectFrom('data_access_log').select(['outcome', 'actor_id']).where('actor_id', '=', repId).execute()
  assert.ok(logged.length >= 1, 'the 法人库 comparison is in the data-access log')
  const html = await (await get(t, `/enterprise/${row.id}?done=claimed`, rep)).text()
  assert.match(html, new RegExp(e.name))
  assert.match(html, /认领成功/)
  assert.match(html, /李明华/)
  assert.doesNotMatch(html, new RegExp(DEMO_RESIDENTS[0].idNumber), 'no full ID number on the page')
  // Claiming again is harmless: back to the same enterprise, no second row.
  const again = await claim(rep, e.uscc)
  assert.equal(again.headers.get('location'), `/enterprise/${row.id}?done=claimed`)
  assert.equal((await t.db.selectFrom('enterprises').select('id').where('uscc', '=', e.uscc).execute()).length, 1)
})

test('someone who is not the legal representative is refused with a message that says what to do', async () => {
  const before = await t.db.selectFrom('enterprises').select('id').execute()
  const res = await claim(unrelated, DEMO_ENTERPRISES[1].uscc)
  assert.equal(res.status, 400)
  assert.match(await res.text(), /只有法定代表人本人可以认领/)
  assert.deepEqual(await t.db.selectFrom('enterprises').select('id').execute(), before)
  const refused = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'identity.enterprise.claim_refused').execute()
  assert.ok(refused.some((r) => r.details['outcome'] === 'not_representative'))
})

test('unknown code and a revoked enterprise get their own messages', async () => {
  const unknown = await claim(rep, validUscc('Q9999'))
  assert.equal(unknown.status, 400)
  assert.match(await unknown.text(), /法人库中没有查到/)
  const revokedUscc = validUscc('R0001')
  const r = DEMO_RESIDENTS[0]
  await t.db.insertInto('registry_entities').values({
    id: uuidv7(), uscc: revokedUscc, name: '已吊销测试公司', entity_type: '有限责任公司', legal_rep_name: r.name, legal_rep_id_number: r.idNumber,
    registered_address: '江苏省苏州市姑苏区测试路1号', region_code: '320508', established_on: '2010-01-01', business_scope: '测试', status: 'revoked',
  }).execute()
  const inactive = await claim(rep, revokedUscc)
  assert.equal(inactive.status, 400)
  assert.match(await inactive.text(), /已吊销或已注销/)
  assert.equal(await t.db.selectFrom('enterprises').select('id').where('uscc', 'in', [revokedUscc, validUscc('Q9999')]).executeTakeFirst(), undefined)
})

test('already claimed by someone else: refused with the counter message, nothing changes', async () => {
  const other = await createCitizen(t.db, { verifiedAs: { name: '别人', idNumber: fakeIdNumber(7) } })
  await insertEnterprise(t.db, DEMO_ENTERPRISES[1], other.id)
  const before = await dbState(t.db)
  const res = await claim(rep, DEMO_ENTERPRISES[1].uscc)
  assert.equal(res.status, 409)
  assert.match(await res.text(), /该企业已被认领，如有异议请携营业执照到政务服务窗口办理/)
  const row = await t.db.selectFrom('enterprises').select('legal_rep_citizen_id').where('uscc', '=', DEMO_ENTERPRISES[1].uscc).executeTakeFirstOrThrow()
  assert.equal(row.legal_rep_citizen_id, other.id)
  assert.notEqual(await dbState(t.db), before, 'the refusal itself is audited')
})

test('malformed codes: field message, the registry is not even asked', async () => {
  const logBefore = (await t.db.selectFrom('data_access_log').select('id').execute()).length
  for (const [uscc, msg] of [['', /请输入统一社会信用代码/], ['91320508MA1MH001X', /应为18位/], ['91320508MA1MH001XA', /校验位不正确/], ['91320508MA1MH0O1XB', /只能包含数字和大写字母/], ['9'.repeat(5000), /应为18位/]] as const) {
    const res = await claim(rep, uscc)
    assert.equal(res.status, 400, uscc.slice(0, 20))
    const html = await res.text()
    assert.match(html, msg)
    assert.match(html, /id="uscc-error"/)
  }
  assert.equal((await t.db.selectFrom('data_access_log').select('id').execute()).length, logBefore)
})

test('an account that is not real-name verified cannot open or use the claim page', async () => {
  const s = await citizenSession(t.app, t.db, (await createCitizen(t.db)).id)
  assert.equal((await get(t, '/enterprise/claim', s)).status, 403)
  const res = await claim(s, DEMO_ENTERPRISES[1].uscc)
  assert.equal(res.status, 403)
  assert.match(await res.text(), /实名认证/)
})

test('English: the page and its messages switch language', async () => {
  const res = await t.app.request('/enterprise/claim?lang=en', { headers: { cookie: rep.cookie } })
  assert.match(await res.text(), /Claim your enterprise/)
})

test('a double submit racing itself yields one enterprise, and both requests land on it', async () => {
  const uscc = DEMO_ENTERPRISES[1].uscc
  await t.db.deleteFrom('enterprises').where('uscc', '=', uscc).execute()
  const [a, b] = await Promise.all([claim(rep, uscc), claim(rep, uscc)])
  assert.equal(a.status, 303)
  assert.equal(b.status, 303)
  const rows = await t.db.selectFrom('enterprises').select(['id', 'legal_rep_citizen_id']).where('uscc', '=', uscc).execute()
  assert.equal(rows.length, 1)
  assert.equal(rows[0]!.legal_rep_citizen_id, repId)
  assert.equal(a.headers.get('location'), b.headers.get('location'))
})
