import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { testApp } from '../../../../test/app'
import { citizenSession, createCitizen } from '../../../../test/citizens'
import { departmentId, HRSS, insertEntity, insertPerson } from '../../../../test/exchange'
import { uuidv7 } from '../../../platform/ids'
import { readSharedData } from '../read-shared-data'

describe('/me/data-access 我的数据使用记录', () => {
  let t: Awaited<ReturnType<typeof testApp>>
  let idA: string, idB: string, a: { id: string }, b: { id: string }
  const page = async (cookie: string, path = '/me/data-access') => {
    const res = await t.app.request(path, { headers: { cookie } })
    return { status: res.status, html: await res.text() }
  }
  const staffRead = (idNumber: string, purpose: string, caseRef?: string) =>
    readSharedData(t.db, t.deps.secrets, { actor: { type: 'staff', id: 's', name: '人社窗口', departmentId: hrssId }, dataset: 'population.identity-check', subject: { type: 'person', idNumber }, fields: ['match', 'birthDate'], purpose, ...(caseRef ? { caseRef } : {}), check: { name: '甲', idCardValidUntil: '2035-01-01' } })
  let hrssId: string

  before(async () => {
    t = await testApp('seeded')
    hrssId = await departmentId(t.db, HRSS)
    idA = await insertPerson(t.db, { name: '甲' })
    idB = await insertPerson(t.db, { name: '乙' })
    a = await createCitizen(t.db, { verifiedAs: { name: '甲', idNumber: idA } })
    b = await createCitizen(t.db, { verifiedAs: { name: '乙', idNumber: idB } })
    await t.deps.registries.verifyPerson({ name: '甲', idNumber: idA, idCardValidUntil: '2035-01-01' }, { citizenId: a.id, displayName: '甲' })
    await staffRead(idA, '办理社保卡核验甲的身份', 'SB2026000001')
    await staffRead(idB, '办理社保卡核验乙的身份')
  })
  after(() => t.close())

  it('shows the citizen every access to their data — department, dataset, fields, purpose, case, outcome — newest first', async () => {
    const { status, html } = await page((await citizenSession(t.app, t.db, a.id)).cookie)
    assert.equal(status, 200)
    assert.match(html, /我的数据使用记录/)
    assert.match(html, /苏州市人力资源和社会保障局/)
    assert.match(html, /统一身份认证平台（注册核验）/)
    assert.match(html, /实名认证 real-name verification/)
    assert.match(html, /居民身份核验/)
    assert.match(html, /出生日期/)
    assert.match(html, /SB2026000001/)
    assert.ok(html.indexOf('办理社保卡核验甲的身份') < html.indexOf('实名认证 real-name verification'), 'newest first')
    assert.ok(!html.includes(idA), 'never the full 身份证号')
    assert.match(html, /href="\/account">甲</, 'the header shows who is signed in')
  })

  it('citizen A never sees B’s records, and B never sees A’s', async () => {
    const pa = await page((await citizenSession(t.app, t.db, a.id)).cookie)
    const pb = await page((await citizenSession(t.app, t.db, b.id)).cookie)
    assert.ok(!pa.html.includes('核验乙的身份'))
    assert.ok(pb.html.includes('核验乙的身份'))
    assert.ok(!pb.html.includes('核验甲的身份'))
    assert.ok(!pb.html.includes('real-name verification'))
  })

  it('an unverified account is told records link once the real name is verified, and sees none', async () => {
    const u = await createCitizen(t.db)
    const { status, html } = await page((await citizenSession(t.app, t.db, u.id)).cookie)
    assert.equal(status, 200)
    assert.match(html, /完成实名认证后才能查看/)
    assert.match(html, /href="\/account\/verify"/)
    assert.ok(!html.includes('<table'))
  })

  it('requires sign-in', async () => {
    const res = await t.app.request('/me/data-access')
    assert.equal(res.status, 303)
    assert.match(res.headers.get('location') ?? '', /^\/login\?next=/)
  })

  it('pages at 50 per page', async () => {
    const idC = await insertPerson(t.db, { name: '甲' })
    const c = await createCitizen(t.db, { verifiedAs: { name: '甲', idNumber: idC } })
    for (let i = 0; i < 51; i++) await staffRead(idC, `第${i}次核验身份`)
    const cookie = (await citizenSession(t.app, t.db, c.id)).cookie
    const p1 = await page(cookie)
    assert.match(p1.html, /共 51 条记录/)
    assert.equal((p1.html.match(/<tr>/g) ?? []).length, 51, 'header + 50 rows')
    assert.match(p1.html, /第50次核验身份/)
    const p2 = await page(cookie, '/me/data-access?page=2')
    assert.match(p2.html, /第0次核验身份/)
    assert.ok(!p2.html.includes('第50次核验身份'))
  })

  it('while acting for an enterprise, shows the enterprise’s records and says so', async () => {
    const rep = a
    const uscc = await insertEntity(t.db, { name: '苏州甲乙商贸有限公司', legalRepName: '甲', legalRepIdNumber: idA })
    const agent = await createCitizen(t.db, { verifiedAs: { name: '乙', idNumber: await insertPerson(t.db, { name: '乙' }) } })
    const enterpriseId = uuidv7()
    const mandateId = uuidv7()
    const now = new Date()
    await t.db.insertInto('enterprises').values({ id: enterpriseId, uscc, name: '苏州甲乙商贸有限公司', legal_rep_citizen_id: rep.id, claimed_at: now }).execute()
    await t.db.insertInto('mandates').values({ id: mandateId, grantor_type: 'enterprise', grantor_id: enterpriseId, agent_citizen_id: agent.id, scope: 'all', valid_from: now, valid_until: new Date(now.getTime() + 86400000 * 30), created_by: rep.id, created_at: now }).execute()
    await readSharedData(t.db, t.deps.secrets, { actor: { type: 'staff', id: 's', name: '人社窗口', departmentId: hrssId }, dataset: 'entity.basic', subject: { type: 'entity', uscc }, fields: ['status'], purpose: '核验参保单位登记状态' })
    const s = await citizenSession(t.app, t.db, agent.id)
    const token = s.cookie.split('=')[1]!
    await t.db.updateTable('citizen_sessions').set({ acting_for_type: 'enterprise', acting_for_id: enterpriseId, mandate_id: mandateId }).where('id', '=', createHash('sha256').update(token).digest('hex')).execute()
    const { html } = await page(s.cookie)
    assert.match(html, /以下是“苏州甲乙商贸有限公司”的数据使用记录/)
    assert.match(html, /核验参保单位登记状态/)
    assert.ok(!html.includes('核验乙的身份'), 'the agent’s own records are not mixed in')
  })
})
