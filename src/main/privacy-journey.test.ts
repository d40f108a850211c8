import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../test/app'
import { DEMO_ENTERPRISES, DEMO_RESIDENTS } from '../../test/citizens'
import { Browser, hiddenField, loginThroughForm, registerThroughForms } from '../modules/identity/citizen-routes-test-support'
import { registerOauthClient } from '../modules/identity'

/**
 * Issue 3, item 9: a FULL journey across identity and the exchange — registration with SMS codes, a failed and a
 * successful 实名认证, a wrong password, claiming an enterprise, authorising an agent who then acts for it and
 * records a contact phone, both people reading 我的数据使用记录, and a department system reading shared data over
 * the REST API — with every log line captured at debug level. No raw phone number or 身份证号 used in the
 * journey may appear in any log line, audit entry or access-log row.
 */
const lines: string[] = []
let t: Awaited<ReturnType<typeof testApp>>
before(async () => {
  t = await testApp('seeded', { write: (s: string) => void lines.push(s) })
})
after(() => t.close())

const REP_PHONE = '13912340077'
const AGENT_PHONE = '13812340088'
const CONTACT_PHONE = '13712340099'
const rep = DEMO_RESIDENTS[0]
const agent = DEMO_RESIDENTS[1]
const other = DEMO_RESIDENTS[2]
const ent = DEMO_ENTERPRISES[0]

async function verify(b: Browser, who: { name: string; idNumber: string; idCardValidUntil: string | null }, idNumber = who.idNumber) {
  const page = await b.get('/account/verify')
  const fields: Record<string, string> = { _csrf: hiddenField(page.html, '_csrf')!, name: who.name, idNumber }
  if (who.idCardValidUntil) fields['validUntil'] = who.idCardValidUntil
  else fields['longTerm'] = '1'
  return b.post('/account/verify', fields)
}

test('a full identity + exchange journey leaves no raw phone number or 身份证号 in logs, audit or access log', async () => {
  // Registration, one mismatching verification (wrong expiry date), then the right one.
  const b = new Browser(t.app, '203.0.113.7')
  await registerThroughForms(b, t.sms, REP_PHONE, { displayName: '明华' })
  const wrong = await verify(b, { ...rep, idCardValidUntil: '2099-01-01' })
  assert.equal(wrong.res.status, 400, 'a mismatch is refused')
  const ok = await verify(b, rep)
  assert.equal(ok.res.status, 303, `verified: ${ok.html.slice(0, 300)}`)

  // A wrong password for the same phone (sign out first), then back in.
  const acct = await b.get('/account')
  await b.post('/logout', { _csrf: hiddenField(acct.html, '_csrf')! })
  assert.equal((await loginThroughForm(b, REP_PHONE, 'not my password')).res.status, 401)
  assert.equal((await loginThroughForm(b, REP_PHONE, 'Sprout-and-bean 7')).res.status, 303)

  // Claim the enterprise the registry names them legal representative of.
  const claimPage = await b.get('/enterprise/claim')
  const claimed = await b.post('/enterprise/claim', { _csrf: hiddenField(claimPage.html, '_csrf')!, uscc: ent.uscc })
  assert.equal(claimed.res.status, 303, `claimed: ${claimed.html.slice(0, 300)}`)
  const entId = /\/enterprise\/([0-9a-f-]{36})/.exec(claimed.res.headers.get('location') ?? '')?.[1]
  assert.ok(entId, 'redirected to the enterprise page')

  // The agent registers and verifies; the legal representative authorises them.
  const a = new Browser(t.app, '203.0.113.8')
  await registerThroughForms(a, t.sms, AGENT_PHONE, { displayName: '王芳' })
  assert.equal((await verify(a, agent)).res.status, 303)
  const newAgent = await b.get(`/enterprise/${entId}/agents/new`)
  const validUntil = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10)
  const granted = await b.post(`/enterprise/${entId}/agents/new`, { _csrf: hiddenField(newAgent.html, '_csrf')!, agentName: agent.name, agentIdNumber: agent.idNumber, scope: 'all', itemCodes: '', validUntil })
  assert.equal(granted.res.status, 303, `mandate: ${granted.html.slice(0, 300)}`)

  // The agent acts for the enterprise and records its contact phone.
  const acting = await a.get('/me/acting')
  const mandateId = hiddenField(acting.html, 'mandateId')
  assert.ok(mandateId, 'the agent sees the mandate')
  assert.equal((await a.post('/me/acting', { _csrf: hiddenField(acting.html, '_csrf')!, mandateId: mandateId! })).res.status, 303)
  const entPage = await a.get(`/enterprise/${entId}`)
  assert.equal(entPage.res.status, 200)
  const contact = await a.post(`/enterprise/${entId}/contact`, { _csrf: hiddenField(entPage.html, '_csrf')!, phone: CONTACT_PHONE, email: 'office@example.com', address: '江苏省苏州市姑苏区干将东路128号' })
  assert.equal(contact.res.status, 303)

  // Both read who used their data; the enterprise's record shows the claim check.
  const repLog = await b.get('/me/data-access')
  assert.equal(repLog.res.status, 200)
  assert.ok(repLog.html.includes('实名认证'), 'the registration check is listed')
  assert.equal((await a.get('/me/data-access')).res.status, 200)

  // A department system reads shared data over REST (client credentials).
  const dept = await t.db.selectFrom('departments').select('id').limit(1).executeTakeFirstOrThrow()
  const client = await registerOauthClient(t.db, t.deps.secrets, { name: '隐私测试系统', departmentId: dept.id, kind: 'system', actor: { type: 'system', name: 'test' } })
  const tok = await t.app.request('/oidc/token', {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'exchange:read' }),
  })
  const token = ((await tok.json()) as { access_token: string }).access_token
  const read = await t.app.request('/api/v1/exchange/reads', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ dataset: 'population.identity-check', subject: { type: 'person', idNumber: other.idNumber }, fields: ['match'], purpose: '办理社保卡申领核验身份', check: { name: other.name, idCardValidUntil: other.idCardValidUntil ?? 'long-term' } }),
  })
  assert.equal(read.status, 200, await read.clone().text())
  const invalid = await t.app.request('/api/v1/exchange/reads', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ dataset: 'population.identity-check', subject: { type: 'person', idNumber: other.idNumber.slice(0, 17) + (other.idNumber.endsWith('1') ? '2' : '1') }, fields: ['match'], purpose: '办理社保卡申领核验身份' }),
  })
  assert.equal(invalid.status, 400)

  // The evidence: log lines were written, and none carries a raw identifier used above.
  assert.ok(lines.length > 20, `requests were logged (${lines.length} lines)`)
  const secrets = [REP_PHONE, AGENT_PHONE, CONTACT_PHONE, rep.idNumber, agent.idNumber, other.idNumber]
  const logText = lines.join('')
  const audit = JSON.stringify(await t.db.selectFrom('audit_log').selectAll().execute())
  const access = JSON.stringify(await t.db.selectFrom('data_access_log').selectAll().execute())
  assert.ok(access.length > 100 && audit.length > 100)
  for (const s of secrets) {
    assert.ok(!logText.includes(s), `a raw identifier (${s.slice(0, 3)}…) reached the logs`)
    assert.ok(!audit.includes(s), `a raw identifier (${s.slice(0, 3)}…) reached the audit log`)
    assert.ok(!access.includes(s), `a raw identifier (${s.slice(0, 3)}…) reached the data-access log`)
  }
  assert.doesNotMatch(logText, /(?<!\d)1[3-9]\d{9}(?!\d)/, 'no full mobile number of any kind in the logs')
  assert.doesNotMatch(logText, /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/, 'no full 身份证号 of any kind in the logs')
})
