import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { citizenSession, createCitizen, fakeIdNumber } from '../../../test/citizens'
import { addDays, chinaDate, endOfChinaDay } from './mandate-dates'
import { dbState, enterpriseWorld, get, post, type T } from './enterprise-test-support'

/** Giving and revoking mandates through the pages: the happy paths, every bad input, who may not. */
let t: T
let w: Awaited<ReturnType<typeof enterpriseWorld>>
before(async () => {
  t = await testApp('seeded')
  w = await enterpriseWorld(t)
})
after(() => t.close())

const today = () => chinaDate(new Date())
const agentForm = (over: Record<string, string> = {}) => ({ agentName: '陈志强', agentIdNumber: '32058320001111031X', scope: 'items', itemCodes: w.codes[0]!, validUntil: '', ...over })

test('the rep adds an agent: stored with scope, default 90 days to the end of that day in Beijing time, audited, listed masked', async () => {
  const res = await post(t, `/enterprise/${w.ent}/agents/new`, w.s.rep, agentForm({ itemCodes: `${w.codes[0]}\n${w.codes[1]}，${w.codes[0]}` }))
  assert.equal(res.status, 303)
  assert.equal(res.headers.get('location'), `/enterprise/${w.ent}?done=agent_added`)
  const m = await t.db.selectFrom('mandates').selectAll().where('grantor_id', '=', w.ent).where('agent_citizen_id', '=', w.ids.b).executeTakeFirstOrThrow()
  assert.equal(m.scope, 'items')
  assert.deepEqual([...m.item_codes].sort(), [w.codes[0], w.codes[1]].sort())
  assert.equal(new Date(m.valid_until).getTime(), endOfChinaDay(addDays(today(), 90)).getTime())
  assert.equal(m.created_by, w.ids.rep)
  const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'identity.mandate.created').where('subject_id', '=', m.id).executeTakeFirstOrThrow()
  assert.equal(audit.actor_id, w.ids.rep)
  const html = await (await get(t, `/enterprise/${w.ent}`, w.s.rep)).text()
  assert.match(html, /陈志强/)
  assert.match(html, /320\*{13}1X/)
  assert.doesNotMatch(html, /32058320001111031X/)
  // A second live mandate for the same person is refused (revoke first).
  const dup = await post(t, `/enterprise/${w.ent}/agents/new`, w.s.rep, agentForm())
  assert.equal(dup.status, 400)
  assert.match(await dup.text(), /已有一项有效的授权/)
})

test('bad input: a field message for each, nothing written', async () => {
  const stranger = { name: '孙未实名', idNumber: fakeIdNumber(11) }
  await createCitizen(t.db, { verifiedAs: stranger, trustLevel: 1 })
  const latest = addDays(today(), 365)
  const cases: [Record<string, string>, string, RegExp][] = [
    [{ agentIdNumber: '32058320001111031' }, 'agentIdNumber', /身份证号应为18位/],
    [{ agentIdNumber: '320583200011110310' }, 'agentIdNumber', /校验位不正确/],
    [{ agentIdNumber: fakeIdNumber(12), agentName: '查无此人' }, 'agentIdNumber', /对方需先注册并完成实名认证/],
    [{ agentIdNumber: stranger.idNumber, agentName: stranger.name }, 'agentIdNumber', /对方需先注册并完成实名认证/],
    [{ agentName: '陈志刚' }, 'agentIdNumber', /对方需先注册并完成实名认证/],
    [{ agentName: '李明华', agentIdNumber: '320508198503151230' }, 'agentIdNumber', /不能授权给自己/],
    [{ agentName: '' }, 'agentName', /请输入被授权人的姓名/],
    [{ agentName: '', agentIdNumber: '123' }, 'agentIdNumber', /身份证号应为18位/],
    [{ agentIdNumber: '' }, 'agentIdNumber', /请输入被授权人的18位身份证号/],
    [{ agentName: '名'.repeat(31) }, 'agentName', /最多30个字/],
    [{ itemCodes: 'NO-SUCH-ITEM' }, 'itemCodes', /不存在或未上线：NO-SUCH-ITEM/],
    [{ itemCodes: '' }, 'itemCodes', /至少填写一个事项编码/],
    [{ itemCodes: 'X'.repeat(65) }, 'itemCodes', /最长64位/],
    [{ itemCodes: Array.from({ length: 21 }, (_, i) => `C${i}`).join(',') }, 'itemCodes', /最多授权20个事项/],
    [{ scope: '' }, 'scope', /请选择授权范围/],
    [{ scope: 'everything' }, 'scope', /请选择授权范围/],
    [{ validUntil: addDays(today(), -1) }, 'validUntil', /不能早于今天/],
    [{ validUntil: addDays(latest, 1) }, 'validUntil', /最长一年/],
    [{ validUntil: '2027-02-30' }, 'validUntil', /格式填写/],
    [{ validUntil: 'x'.repeat(3000) }, 'validUntil', /格式填写/],
  ]
  const before = await dbState(t.db)
  for (const [over, fieldId, msg] of cases) {
    const res = await post(t, `/enterprise/${w.ent}/agents/new`, w.s.rep, agentForm({ agentName: '孙测试', agentIdNumber: fakeIdNumber(13), ...over }))
    assert.equal(res.status, 400, JSON.stringify(over).slice(0, 80))
    const html = await res.text()
    assert.match(html, msg, JSON.stringify(over).slice(0, 80))
    assert.match(html, new RegExp(`id="${fieldId}-error"`), fieldId)
    assert.match(html, /error-summary/)
    assert.doesNotMatch(html, /value="3205\d{13}[\dX]"/, 'the ID number typed is not re-filled')
  }
  assert.equal(await dbState(t.db), before)
  // The longest allowed day itself is fine.
  await createCitizen(t.db, { verifiedAs: { name: '孙测试', idNumber: fakeIdNumber(13) } })
  assert.equal((await post(t, `/enterprise/${w.ent}/agents/new`, w.s.rep, agentForm({ agentName: '孙测试', agentIdNumber: fakeIdNumber(13), validUntil: latest }))).status, 303)
})

test('委托代办 between citizens must name items (scope all refused); given and received lists show it', async () => {
  const res = await post(t, '/account/mandates', w.s.b, agentForm({ agentName: '王芳', agentIdNumber: '320506199207082340', scope: 'all', itemCodes: '' }))
  assert.equal(res.status, 400)
  assert.match(await res.text(), /不能全部委托/)
  assert.equal((await post(t, '/account/mandates', w.s.b, agentForm({ agentName: '王芳', agentIdNumber: '320506199207082340', itemCodes: 'NOPE' }))).status, 400)
  const ok = await post(t, '/account/mandates', w.s.b, agentForm({ agentName: '王芳', agentIdNumber: '320506199207082340' }))
  assert.equal(ok.status, 303)
  assert.match(await (await get(t, '/account/mandates?done=mandate_added', w.s.b)).text(), /已委托[\s\S]*王芳/)
  const received = await (await get(t, '/account/mandates', w.s.agentAll)).text()
  assert.match(received, /陈志强/)
  assert.match(received, /李明华/)
})

test('an agent (even with scope all, acting for the enterprise) cannot add or revoke agents', async () => {
  const before = await dbState(t.db)
  const add = await post(t, `/enterprise/${w.ent}/agents/new`, w.s.agentAll, agentForm())
  assert.equal(add.status, 403)
  assert.match(await add.text(), /只有企业的法定代表人本人可以管理经办人/)
  assert.equal((await post(t, `/enterprise/${w.ent}/agents/${w.m.items}/revoke`, w.s.agentAll, { reason: '我想撤销' })).status, 403)
  // Nor can a citizen while acting for someone else give a personal mandate.
  const acting = await post(t, '/account/mandates', w.s.agentAll, agentForm({ agentName: '陈志强', agentIdNumber: '32058320001111031X' }))
  assert.equal(acting.status, 403)
  assert.match(await acting.text(), /切换回本人/)
  assert.equal(await dbState(t.db), before)
})

test('revoking needs a reason; B cannot revoke A\'s mandate; the holder cannot revoke it either', async () => {
  const before = await dbState(t.db)
  for (const reason of ['', '   ', '长'.repeat(201)]) {
    const res = await post(t, `/account/mandates/${w.m.citizen}/revoke`, w.s.rep, { reason })
    assert.equal(res.status, 400)
    assert.match(await res.text(), /id="reason-error"/)
  }
  assert.equal((await post(t, `/account/mandates/${w.m.citizen}/revoke`, w.s.b, { reason: '不是我的' })).status, 404)
  assert.equal((await post(t, `/account/mandates/${w.m.citizen}/revoke`, w.s.agentAll, { reason: '不想代办' })).status, 403)
  assert.equal(await dbState(t.db), before)
  const ok = await post(t, `/account/mandates/${w.m.citizen}/revoke`, w.s.rep, { reason: '已自行办理' })
  assert.equal(ok.status, 303)
  const m = await t.db.selectFrom('mandates').selectAll().where('id', '=', w.m.citizen).executeTakeFirstOrThrow()
  assert.ok(m.revoked_at)
  assert.equal(m.revoke_reason, '已自行办理')
  assert.equal(m.revoked_by, w.ids.rep)
  const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'identity.mandate.revoked').where('subject_id', '=', w.m.citizen).executeTakeFirstOrThrow()
  assert.equal(audit.reason, '已自行办理')
  const again = await post(t, `/account/mandates/${w.m.citizen}/revoke`, w.s.rep, { reason: '再来一次' })
  assert.equal(again.status, 409)
})

test('a citizen who is not real-name verified cannot give mandates', async () => {
  const s = await citizenSession(t.app, t.db, (await createCitizen(t.db)).id)
  assert.equal((await get(t, '/account/mandates', s)).status, 403)
  assert.equal((await post(t, '/account/mandates', s, agentForm())).status, 403)
})

test('我的企业 lists the enterprises I represent and those I can act for, with a button to start', async () => {
  const mine = await (await get(t, '/enterprise', w.s.rep)).text()
  assert.match(mine, new RegExp(`href="/enterprise/${w.ent}"`))
  assert.match(mine, /href="\/enterprise\/claim"/)
  const held = await (await get(t, '/enterprise', w.s.agentItems)).text()
  assert.match(held, /苏州市姑苏区明华餐饮有限公司[\s\S]*企业（我是经办人）/)
  assert.doesNotMatch(held, new RegExp(`href="/enterprise/${w.entB}"`))
  const nobody = await citizenSession(t.app, t.db, (await createCitizen(t.db, { verifiedAs: { name: '钱无关', idNumber: fakeIdNumber(21) } })).id)
  const none = await (await get(t, '/enterprise', nobody)).text()
  assert.doesNotMatch(none, /明华餐饮/, 'an unrelated citizen sees nothing of A\'s enterprise')
  assert.match(none, /您还没有认领企业/)
})
