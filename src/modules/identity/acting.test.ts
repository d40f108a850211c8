import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { DEMO_ENTERPRISES } from '../../../test/citizens'
import { uuidv7 } from '../../platform/ids'
import { actingSubject, canActOnItem } from './acting'
import type { ActingFor, CitizenUser } from './citizen'
import { addDays, chinaDate, endOfChinaDay, isCalendarDate, lastDayOf } from './mandate-dates'
import { dbState, enterpriseWorld, get, post, type T } from './enterprise-test-support'

/** Acting for an enterprise or a citizen: the banner, the write an agent does, and losing it at once. */
let t: T
let w: Awaited<ReturnType<typeof enterpriseWorld>>
before(async () => {
  t = await testApp('seeded')
  w = await enterpriseWorld(t)
})
after(() => t.close())

const user = { id: 'u1' } as CitizenUser
const acting = (a: Partial<ActingFor>): ActingFor => ({ type: 'enterprise', id: 'e1', name: 'E', mandateId: 'm1', scope: 'all', itemCodes: [], ...a })

test('canActOnItem / actingSubject: oneself and scope all → any item; an items mandate → only those', () => {
  assert.equal(canActOnItem({ user, actingFor: null }, 'A'), true)
  assert.equal(canActOnItem({ user, actingFor: acting({}) }, 'A'), true)
  assert.equal(canActOnItem({ user, actingFor: acting({ scope: 'items', itemCodes: ['A'] }) }, 'A'), true)
  assert.equal(canActOnItem({ user, actingFor: acting({ scope: 'items', itemCodes: ['A'] }) }, 'B'), false)
  assert.deepEqual(actingSubject({ user, actingFor: null }), { type: 'citizen', id: 'u1' })
  assert.deepEqual(actingSubject({ user, actingFor: acting({ type: 'citizen', id: 'c2' }) }), { type: 'citizen', id: 'c2' })
  assert.deepEqual(actingSubject({ user, actingFor: acting({}) }), { type: 'enterprise', id: 'e1' })
})

test('mandate days are Beijing calendar days whatever the server time zone', () => {
  assert.equal(endOfChinaDay('2027-03-01').toISOString(), '2027-03-01T16:00:00.000Z')
  assert.equal(lastDayOf(endOfChinaDay('2027-03-01')), '2027-03-01')
  assert.equal(chinaDate(new Date('2027-03-01T16:30:00Z')), '2027-03-02')
  assert.equal(addDays('2027-12-31', 1), '2028-01-01')
  assert.equal(isCalendarDate('2028-02-29'), true)
  assert.equal(isCalendarDate('2027-02-29'), false)
  assert.equal(isCalendarDate('2027-3-1'), false)
})

test('while acting, pages show who for and until when, with a way back; stopping removes it', async () => {
  const until = lastDayOf(endOfChinaDay(addDays(chinaDate(new Date()), 90)))
  const html = await (await get(t, `/enterprise/${w.ent}`, w.s.agentAll)).text()
  assert.match(html, new RegExp(`您正在代表 ${DEMO_ENTERPRISES[0].name} 办理（授权至 ${until}）`))
  assert.match(html, /action="\/me\/acting\/stop"/)
  assert.doesNotMatch(html, /经办人<\/h2>/, 'the agents list is for the legal representative only')
  assert.match(await (await get(t, '/me/acting', w.s.agentAll)).text(), /您正在代表 \S+ 办理（授权至/)
  assert.equal((await post(t, '/me/acting/stop', w.s.agentAll, {})).status, 303)
  const after = await (await get(t, '/me/acting', w.s.agentAll)).text()
  assert.doesNotMatch(after, /您正在代表 \S+ 办理（授权至/)
  assert.match(after, /您目前以本人身份办理/)
  const stopped = await t.db.selectFrom('audit_log').select(['actor_id', 'subject_id']).where('action', '=', 'identity.acting.stopped').executeTakeFirstOrThrow()
  assert.deepEqual(stopped, { actor_id: w.ids.agentAll, subject_id: w.ent })
  assert.equal((await post(t, '/me/acting', w.s.agentAll, { mandateId: w.m.all })).status, 303)
})

test('an agent with scope all keeps the contact details: saved, audited with the agent as actor and the enterprise as subject; phone masked', async () => {
  const res = await post(t, `/enterprise/${w.ent}/contact`, w.s.agentAll, { phone: '139 1234 5678', email: 'office@example.com', address: '江苏省苏州市姑苏区干将东路128号' })
  assert.equal(res.status, 303)
  const e = await t.db.selectFrom('enterprises').selectAll().where('id', '=', w.ent).executeTakeFirstOrThrow()
  assert.equal(e.contact_phone, '13912345678')
  assert.equal(e.contact_email, 'office@example.com')
  const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'identity.enterprise.contact_updated').executeTakeFirstOrThrow()
  assert.equal(audit.actor_id, w.ids.agentAll)
  assert.equal(audit.subject_type, 'enterprise')
  assert.equal(audit.subject_id, w.ent)
  assert.equal(audit.details['actingUnderMandate'], w.m.all)
  assert.equal(audit.details['phone'], '139****5678')
  for (const s of [w.s.agentAll, w.s.rep]) {
    const html = await (await get(t, `/enterprise/${w.ent}`, s)).text()
    assert.match(html, /139\*\*\*\*5678/)
    assert.doesNotMatch(html, /13912345678/)
  }
  // Blank phone keeps it; clearPhone removes it.
  assert.equal((await post(t, `/enterprise/${w.ent}/contact`, w.s.rep, { phone: '', email: 'office@example.com', address: '' })).status, 303)
  assert.equal((await t.db.selectFrom('enterprises').select('contact_phone').where('id', '=', w.ent).executeTakeFirstOrThrow()).contact_phone, '13912345678')
  assert.equal((await post(t, `/enterprise/${w.ent}/contact`, w.s.rep, { phone: '', clearPhone: '1', email: '', address: '' })).status, 303)
  assert.equal((await t.db.selectFrom('enterprises').select('contact_phone').where('id', '=', w.ent).executeTakeFirstOrThrow()).contact_phone, null)
  assert.equal((await post(t, `/enterprise/${w.ent}/contact`, w.s.rep, { phone: '0512-65223456', email: '', address: '' })).status, 303)
})

test('contact details: an items-only agent may not change them; bad values get field messages; nothing written', async () => {
  const before = await dbState(t.db)
  const out = await post(t, `/enterprise/${w.ent}/contact`, w.s.agentItems, { phone: '13912345678', email: '', address: '' })
  assert.equal(out.status, 403)
  assert.match(await out.text(), /授权范围不包括修改企业联系方式/)
  const bad: [Record<string, string>, string][] = [
    [{ phone: '12345' }, 'phone'], [{ phone: '1'.repeat(200) }, 'phone'], [{ email: 'not-an-email' }, 'email'],
    [{ email: `${'a'.repeat(95)}@x.com` }, 'email'], [{ address: '路'.repeat(201) }, 'address'],
  ]
  for (const [over, f] of bad) {
    const res = await post(t, `/enterprise/${w.ent}/contact`, w.s.agentAll, { phone: '13712345678', email: '', address: '', ...over })
    assert.equal(res.status, 400, f)
    const html = await res.text()
    assert.match(html, new RegExp(`id="${f}-error"`))
    assert.doesNotMatch(html, /13712345678/, 'a full phone number is never put back into the page')
  }
  assert.equal(await dbState(t.db), before)
})

test('acting for a citizen under 委托代办: banner names them; the scope is the named items', async () => {
  assert.equal((await post(t, '/me/acting', w.s.agentAll, { mandateId: w.m.citizen })).status, 303)
  const html = await (await get(t, '/me/acting', w.s.agentAll)).text()
  assert.match(html, /您正在代表 李明华 办理/)
  assert.match(html, /指定的 1 个事项/)
  assert.equal((await get(t, `/enterprise/${w.ent}`, w.s.agentAll)).status, 404, 'acting for the citizen is not acting for the enterprise')
  assert.equal((await post(t, '/me/acting', w.s.agentAll, { mandateId: w.m.all })).status, 303)
})

test('an expired mandate cannot be started, and one that expires while acting stops at the next request', async () => {
  const now = Date.now()
  const expired = uuidv7()
  await t.db.insertInto('mandates').values({
    id: expired, grantor_type: 'enterprise', grantor_id: w.entB, agent_citizen_id: w.ids.agentItems, scope: 'all',
    valid_from: new Date(now - 10 * 86400_000), valid_until: new Date(now - 1000), created_by: w.ids.b, created_at: new Date(now - 10 * 86400_000),
  }).execute()
  const before = await dbState(t.db)
  const res = await post(t, '/me/acting', w.s.agentItems, { mandateId: expired })
  assert.equal(res.status, 409)
  assert.match(await res.text(), /已过期、已被撤销或尚未生效/)
  assert.equal(await dbState(t.db), before)
  // agentItems is acting under w.m.items; let it lapse.
  assert.equal((await get(t, `/enterprise/${w.ent}`, w.s.agentItems)).status, 200)
  await t.db.updateTable('mandates').set({ valid_until: new Date(Date.now() - 1000), valid_from: new Date(Date.now() - 2000) }).where('id', '=', w.m.items).execute()
  assert.equal((await get(t, `/enterprise/${w.ent}`, w.s.agentItems)).status, 404)
})

test('a revoked agent loses acting on the very next request', async () => {
  assert.equal((await get(t, `/enterprise/${w.ent}`, w.s.agentAll)).status, 200)
  assert.equal((await post(t, `/enterprise/${w.ent}/agents/${w.m.all}/revoke`, w.s.rep, { reason: '人员离职' })).status, 303)
  assert.equal((await get(t, `/enterprise/${w.ent}`, w.s.agentAll)).status, 404)
  const before = await dbState(t.db)
  assert.equal((await post(t, `/enterprise/${w.ent}/contact`, w.s.agentAll, { phone: '13800000000', email: '', address: '' })).status, 404)
  assert.equal((await post(t, '/me/acting', w.s.agentAll, { mandateId: w.m.all })).status, 409)
  assert.equal(await dbState(t.db), before)
  // Even a session row still pointing at the revoked mandate (e.g. written before the revocation committed) is dropped.
  await t.db.updateTable('citizen_sessions').set({ acting_for_type: 'enterprise', acting_for_id: w.ent, mandate_id: w.m.all }).where('citizen_id', '=', w.ids.agentAll).execute()
  assert.equal((await get(t, `/enterprise/${w.ent}`, w.s.agentAll)).status, 404)
  assert.doesNotMatch(await (await get(t, '/me/acting', w.s.agentAll)).text(), /您正在代表 \S+ 办理（授权至/)
})
