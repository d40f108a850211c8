import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { asStaff, caseCrew, type CaseCrew } from '../../../../test/cases'
import { citizenSession, createCitizen, createDemoCitizen, DEMO_ENTERPRISES } from '../../../../test/citizens'
import { staffCookie, staffIn } from '../../../../test/exchange'
import { issuedFoodLicence } from '../../../../test/licences'
import { formBody } from '../../../../test/staff'
import { uuidv7 } from '../../../platform/ids'
import { verifyAudit } from '../../../platform/audit'
import { canonicalJson } from '../../../platform/canonical-json'
import { shanghaiDate } from '../../../platform/calendar'
import { verifyBytes, verifyDataIntegrityProof } from '../crypto'
import { keyByKid, revokeLicence, suspendLicence } from '../index'
import { copyWatermark, oneYearAfter } from './licence-copies'
import { createShareCode, hashShareCode, normaliseShareCode, SHARE_CODE_ALPHABET, SHARE_CODE_MAX_FAILURES } from './share-codes'
import { enterpriseFoodLicence } from './wallet-test-support'

let t: Awaited<ReturnType<typeof testApp>>
let crew: CaseCrew
before(async () => {
  t = await testApp('seeded')
  crew = await caseCrew(t.db, 'wal')
})
after(() => t.close())

type S = { cookie: string; csrf: string }
const get = (path: string, s?: S) => t.app.request(path, { headers: s ? { cookie: s.cookie } : {} })
const post = (path: string, s: S, fields: Record<string, string>) =>
  t.app.request(path, { method: 'POST', body: formBody({ _csrf: s.csrf, ...fields }), headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' } })
const textOf = async (r: Response) => (await r.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
const inDays = (n: number) => shanghaiDate(new Date(Date.now() + n * 86400000))

async function holderWithLicence(name = '周晓梅') {
  const issued = await issuedFoodLicence(t.deps, crew, { holderName: name })
  return { ...issued, session: await citizenSession(t.app, t.db, issued.citizen.id) }
}

test('我的证照: the holder sees the card and the face; another person, an unknown and a malformed id get the same 404; staff get the sign-in page', async () => {
  const a = await holderWithLicence('周晓梅')
  const list = await get('/me/licences', a.session)
  assert.equal(list.status, 200)
  const listText = await textOf(list)
  assert.match(listText, /食品经营许可证/)
  assert.ok(listText.includes(a.licence.number))
  assert.match(listText, /有效/)
  assert.match(listText, /苏州市市场监督管理局/)

  const page = await get(`/me/licences/${a.licence.id}`, a.session)
  assert.equal(page.status, 200)
  const text = await textOf(page)
  for (const s of ['经营场所', '姑苏区十全街88号', '经营项目', '可信等级', 'A级', a.licence.identifier, '新发（办结即制证）', '生成用证码', '制作加注件', '下载PDF']) assert.ok(text.includes(s), `page shows ${s}`)
  assert.ok(!text.includes(a.licence.holder_code), 'the 身份证号 is masked')

  const b = await createCitizen(t.db, { verifiedAs: { name: '钱不相干', idNumber: '11010519491231002X' } })
  const sb = await citizenSession(t.app, t.db, b.id)
  const other = await get(`/me/licences/${a.licence.id}`, sb)
  const unknown = await get('/me/licences/01890000-0000-7000-8000-000000000000', sb)
  const malformed = await get('/me/licences/not-a-licence', sb)
  assert.deepEqual([other.status, unknown.status, malformed.status], [404, 404, 404])
  assert.equal(await textOf(other).then((x) => x.includes(a.licence.number)), false, 'nothing of the licence leaks')
  for (const suffix of ['pdf', 'vc']) assert.equal((await get(`/me/licences/${a.licence.id}/${suffix}`, sb)).status, 404, suffix)
  assert.equal((await post(`/me/licences/${a.licence.id}/copies`, sb, { purpose: '银行开户', validUntil: inDays(10) })).status, 404)
  assert.equal((await post(`/me/licences/${a.licence.id}/share-codes`, sb, { departmentId: crew.window.departmentId!, purpose: '冒用' })).status, 404)
  assert.equal(await textOf(await get('/me/licences', sb)).then((x) => x.includes(a.licence.number)), false, "B's wallet does not list A's licence")
  assert.equal((await t.db.selectFrom('licence_copies').select('id').where('licence_id', '=', a.licence.id).execute()).length, 0)
  assert.equal((await t.db.selectFrom('licence_share_codes').select('id').where('licence_id', '=', a.licence.id).execute()).length, 0)

  const staff = await staffCookie(t.db, crew.window.id)
  const asStaffSession = await get(`/me/licences/${a.licence.id}`, staff)
  assert.equal(asStaffSession.status, 303)
  assert.match(asStaffSession.headers.get('location') ?? '', /^\/login\?next=/)
  assert.equal((await get('/me/licences')).status, 303, 'signed out → sign-in')
})

test('an 经办人 acting for an enterprise sees the enterprise licences, not their own; the representative outside acting sees only their own', async () => {
  // 李明华 (legal representative) claims demo enterprise #1 and makes 王芳 an agent for everything; 王芳 acts for it.
  const rep = await createDemoCitizen(t.db, 0)
  const agent = await createDemoCitizen(t.db, 1)
  const ent = uuidv7()
  await t.db.insertInto('enterprises').values({ id: ent, uscc: DEMO_ENTERPRISES[0].uscc, name: DEMO_ENTERPRISES[0].name, legal_rep_citizen_id: rep.id, claimed_at: new Date(), status: 'active' }).execute()
  const w = { ent, s: { rep: await citizenSession(t.app, t.db, rep.id), agentAll: await citizenSession(t.app, t.db, agent.id), b: await citizenSession(t.app, t.db, (await createDemoCitizen(t.db, 2)).id) } }
  assert.equal((await post(`/enterprise/${ent}/agents/new`, w.s.rep, { agentName: '王芳', agentIdNumber: '320506199207082340', scope: 'all', itemCodes: '', validUntil: '' })).status, 303)
  const mandate = (await t.db.selectFrom('mandates').select('id').where('grantor_id', '=', ent).where('agent_citizen_id', '=', agent.id).executeTakeFirstOrThrow()).id
  assert.equal((await post('/me/acting', w.s.agentAll, { mandateId: mandate })).status, 303)
  const lic = await enterpriseFoodLicence(t.deps, crew.window.departmentId!, { id: w.ent, uscc: DEMO_ENTERPRISES[0].uscc, name: DEMO_ENTERPRISES[0].name })
  const agentText = await textOf(await get('/me/licences', w.s.agentAll))
  assert.ok(agentText.includes(lic.number), 'the agent (acting) lists the enterprise licence')
  assert.match(agentText, new RegExp(`以下是“${DEMO_ENTERPRISES[0].name}”的电子证照`))
  assert.equal((await get(`/me/licences/${lic.id}`, w.s.agentAll)).status, 200)
  assert.equal((await get(`/me/licences/${lic.id}/pdf`, w.s.agentAll)).status, 200)
  // The representative's own session is not acting: personal wallet only. A revoked agent and B: 404.
  assert.equal((await get(`/me/licences/${lic.id}`, w.s.rep)).status, 404)
  assert.equal((await post(`/enterprise/${ent}/agents/${mandate}/revoke`, w.s.rep, { reason: '人员离职' })).status, 303)
  assert.equal((await get(`/me/licences/${lic.id}`, w.s.agentAll)).status, 404, 'a revoked agent no longer opens it')
  assert.equal((await get(`/me/licences/${lic.id}`, w.s.b)).status, 404)
})

test('downloads: the PDF is a PDF attachment; the VC JSON carries a Data Integrity proof that verifies with the published key', async () => {
  const a = await holderWithLicence('孙丽娟')
  const pdf = await get(`/me/licences/${a.licence.id}/pdf`, a.session)
  assert.equal(pdf.status, 200)
  assert.equal(pdf.headers.get('content-type'), 'application/pdf')
  assert.match(pdf.headers.get('content-disposition') ?? '', /^attachment; filename="JY\d+\.pdf"/)
  assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-')

  const vcRes = await get(`/me/licences/${a.licence.id}/vc`, a.session)
  assert.equal(vcRes.status, 200)
  assert.match(vcRes.headers.get('content-type') ?? '', /^application\/vc/)
  assert.match(vcRes.headers.get('content-disposition') ?? '', /^attachment; filename=".+\.vc\.json"/)
  const vc = (await vcRes.json()) as Record<string, unknown>
  const key = (await keyByKid(t.db, a.licence.kid))!
  assert.equal(verifyDataIntegrityProof(vc, () => ({ algorithm: key.algorithm, publicKey: key.publicKey })), true)
  const tampered = JSON.parse(JSON.stringify(vc)) as Record<string, Record<string, unknown>>
  tampered['credentialSubject']!['name'] = '别人'
  assert.equal(verifyDataIntegrityProof(tampered, () => ({ algorithm: key.algorithm, publicKey: key.publicKey })), false, 'the check can fail')
})

test('加注件: purpose 2–200 and an end date not past, not after the licence nor a year ahead; the copy is signed and its PDF is served to the holder only', async () => {
  const a = await holderWithLicence('吴晓东')
  const path = `/me/licences/${a.licence.id}/copies`
  const bad = [
    { purpose: '银', validUntil: inDays(30) },
    { purpose: 'x'.repeat(201), validUntil: inDays(30) },
    { purpose: '银行开户', validUntil: '2026-13-45' },
    { purpose: '银行开户', validUntil: inDays(-1) },
    { purpose: '银行开户', validUntil: oneYearAfter(inDays(1)) },
  ]
  for (const f of bad) {
    const r = await post(path, a.session, f)
    assert.equal(r.status, 400, JSON.stringify(f).slice(0, 60))
    assert.match(await r.text(), /error-summary/)
  }
  assert.equal((await t.db.selectFrom('licence_copies').select('id').where('licence_id', '=', a.licence.id).execute()).length, 0, 'nothing made')

  const until = inDays(60)
  const ok = await post(path, a.session, { purpose: '银行开户', validUntil: until })
  assert.equal(ok.status, 303)
  const copy = await t.db.selectFrom('licence_copies').selectAll().where('licence_id', '=', a.licence.id).executeTakeFirstOrThrow()
  assert.equal(copy.purpose, '银行开户')
  assert.equal(copy.valid_until, until)
  const doc = JSON.parse(copy.signed_json) as Record<string, unknown>
  assert.equal(canonicalJson(doc), copy.signed_json, 'canonical JSON')
  assert.deepEqual([doc['licence'], doc['purpose'], doc['validUntil'], (doc['madeBy'] as { type: string }).type], [a.licence.identifier, '银行开户', until, 'citizen'])
  const key = (await keyByKid(t.db, copy.kid))!
  assert.equal(verifyBytes(key.algorithm, key.publicKey, Buffer.from(copy.signed_json, 'utf8'), copy.signature), true, 'signed with the issuing department key')
  assert.equal(verifyBytes(key.algorithm, key.publicKey, Buffer.from(copy.signed_json.replace('银行开户', '房屋买卖'), 'utf8'), copy.signature), false)
  assert.match(copyWatermark('银行开户', '2027-03-05'), /^仅供办理银行开户使用，有效期至2027年3月5日$/)

  const page = await textOf(await get(`/me/licences/${a.licence.id}?copy=${copy.id}`, a.session))
  assert.match(page, /加注件已制作/)
  const pdf = await get(`/me/licence-copies/${copy.id}`, a.session)
  assert.equal(pdf.status, 200)
  assert.equal(pdf.headers.get('content-type'), 'application/pdf')
  const other = await citizenSession(t.app, t.db, (await createCitizen(t.db)).id)
  assert.equal((await get(`/me/licence-copies/${copy.id}`, other)).status, 404)
  assert.equal((await get('/me/licence-copies/nonsense', a.session)).status, 404)
})

test('用证码: shown once, stored hashed, one-time for the named department; used, wrong department, unknown, expired and cancelled are refused; the use is in 我的数据使用记录', async () => {
  const a = await holderWithLicence('郑海燕')
  const city = crew.window.departmentId!
  const made = await post(`/me/licences/${a.licence.id}/share-codes`, a.session, { departmentId: city, purpose: '办理食品经营许可证延续' })
  assert.equal(made.status, 200)
  const html = await made.text()
  const shown = /id="share-code">([A-Z0-9-]+)</.exec(html)?.[1]
  assert.ok(shown, 'the code is on the page')
  const code = normaliseShareCode(shown!)!
  assert.equal(code.length, 8)
  for (const ch of code) assert.ok(SHARE_CODE_ALPHABET.includes(ch))
  assert.ok(!/[01OIL]/.test(SHARE_CODE_ALPHABET), 'no look-alike characters')
  const row = await t.db.selectFrom('licence_share_codes').selectAll().where('licence_id', '=', a.licence.id).executeTakeFirstOrThrow()
  assert.equal(row.code_hash, hashShareCode(code))
  assert.ok(!JSON.stringify(row).includes(code), 'only the hash is stored')
  const minutes = (new Date(row.expires_at).getTime() - new Date(row.created_at).getTime()) / 60000
  assert.equal(minutes, t.deps.config.licenceShareCodeMinutes)
  assert.equal(t.deps.config.licenceShareCodeMinutes, 30)

  // Bad input on the holder's side.
  assert.equal((await post(`/me/licences/${a.licence.id}/share-codes`, a.session, { departmentId: 'nope', purpose: '办理延续' })).status, 400)
  assert.equal((await post(`/me/licences/${a.licence.id}/share-codes`, a.session, { departmentId: city, purpose: '办' })).status, 400)

  // Another department's staff: refused without revealing the licence; the code stays usable.
  const outsider = await staffCookie(t.db, crew.outsider.id)
  const wrong = await post('/admin/licences/redeem', outsider, { code })
  assert.equal(wrong.status, 404)
  const wrongText = await textOf(wrong)
  assert.match(wrongText, /不是授权给您所在部门的/)
  assert.ok(!wrongText.includes(a.licence.number) && !wrongText.includes('郑海燕'))
  const unknown = await post('/admin/licences/redeem', outsider, { code: 'ABCD2345' === code ? 'ABCD2346' : 'ABCD2345' })
  assert.equal(unknown.status, 404)
  assert.match(await textOf(unknown), /没有这个用证码/)
  assert.equal((await post('/admin/licences/redeem', outsider, { code: '<script>' })).status, 404)

  // The named department: shown once, with the verification.
  const window = await staffCookie(t.db, crew.window.id)
  assert.equal((await get('/admin/licences/redeem', window)).status, 200)
  const first = await post('/admin/licences/redeem', window, { code: `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}` })
  assert.equal(first.status, 200)
  const firstText = await textOf(first)
  assert.ok(firstText.includes(a.licence.number) && firstText.includes('郑海燕'))
  assert.match(firstText, /证照真实有效/)
  assert.match(firstText, /办理食品经营许可证延续/)
  const used = await t.db.selectFrom('licence_share_codes').select(['used_at', 'used_by_staff_id']).where('id', '=', row.id).executeTakeFirstOrThrow()
  assert.ok(used.used_at)
  assert.equal(used.used_by_staff_id, crew.window.id)
  const again = await post('/admin/licences/redeem', window, { code })
  assert.equal(again.status, 409)
  assert.match(await textOf(again), /已经使用过/)

  // Logged through the exchange, under the holder: 我的数据使用记录 shows department, dataset and purpose.
  const log = await t.db.selectFrom('data_access_log').selectAll().where('dataset_code', '=', 'licence.e-licence').where('subject_key', '=', t.deps.secrets.pseudonym('person', a.licence.holder_code)).execute()
  assert.equal(log.length, 1)
  assert.equal(log[0]!.consumer_department_id, city)
  assert.equal(log[0]!.outcome, 'granted')
  const mine = await textOf(await get('/me/data-access', a.session))
  assert.match(mine, /电子证照库/)
  assert.match(mine, /用证码核验：办理食品经营许可证延续/)
  assert.match(mine, /苏州市市场监督管理局/)
  const history = await textOf(await get(`/me/licences/${a.licence.id}`, a.session))
  assert.match(history, /部门凭用证码查看/)

  // Expired and cancelled codes.
  const stale = await createShareCode(t.deps, { licenceId: a.licence.id, holder: { kind: 'person', citizenId: a.citizen.id }, citizen: { id: a.citizen.id, name: '郑海燕' }, departmentId: city, purpose: '过期测试', ttlMinutes: 30, now: new Date(Date.now() - 31 * 60000) })
  const expired = await post('/admin/licences/redeem', window, { code: stale.code })
  assert.equal(expired.status, 409)
  assert.match(await textOf(expired), /已过期/)
  const made2 = await post(`/me/licences/${a.licence.id}/share-codes`, a.session, { departmentId: city, purpose: '取消测试' })
  const code2 = normaliseShareCode(/id="share-code">([A-Z0-9-]+)</.exec(await made2.text())![1]!)!
  const row2 = await t.db.selectFrom('licence_share_codes').select('id').where('code_hash', '=', hashShareCode(code2)).executeTakeFirstOrThrow()
  const b = await citizenSession(t.app, t.db, (await createCitizen(t.db)).id)
  assert.equal((await post(`/me/licences/${a.licence.id}/share-codes/cancel`, b, { shareCodeId: row2.id })).status, 404, 'only the holder cancels')
  assert.equal((await post(`/me/licences/${a.licence.id}/share-codes/cancel`, a.session, { shareCodeId: row2.id })).status, 303)
  const cancelled = await post('/admin/licences/redeem', window, { code: code2 })
  assert.equal(cancelled.status, 409)
  assert.match(await textOf(cancelled), /已取消/)
  assert.equal((await t.db.selectFrom('data_access_log').select('id').where('dataset_code', '=', 'licence.e-licence').where('subject_key', '=', t.deps.secrets.pseudonym('person', a.licence.holder_code)).execute()).length, 1, 'refusals release nothing')
  assert.ok((await verifyAudit(t.db)).ok)
})

test('用证码 attempts are limited per staff member; a citizen session cannot reach the redeem page', async () => {
  const prober = await staffIn(t.db, 'wal-prober', ['window_officer'], crew.window.departmentId!)
  const s = await staffCookie(t.db, prober.id)
  for (let i = 0; i < SHARE_CODE_MAX_FAILURES; i++) assert.equal((await post('/admin/licences/redeem', s, { code: `ZZZZ${String(2222 + i).slice(-4).replace(/[01]/g, '2')}` })).status, 404)
  const a = await holderWithLicence('冯志明')
  const made = await createShareCode(t.deps, { licenceId: a.licence.id, holder: { kind: 'person', citizenId: a.citizen.id }, citizen: { id: a.citizen.id, name: '冯志明' }, departmentId: crew.window.departmentId!, purpose: '限流测试', ttlMinutes: 30 })
  const blocked = await post('/admin/licences/redeem', s, { code: made.code })
  assert.equal(blocked.status, 429)
  assert.match(await textOf(blocked), /15分钟后再试/)
  assert.equal((await t.db.selectFrom('licence_share_codes').select('used_at').where('id', '=', made.id).executeTakeFirstOrThrow()).used_at, null, 'the throttled attempt consumed nothing')
  // Another staff member of the department is not affected.
  assert.equal((await post('/admin/licences/redeem', await staffCookie(t.db, crew.cityOfficer.id), { code: made.code })).status, 200)
  const citizen = await post('/admin/licences/redeem', a.session, { code: made.code })
  assert.equal(citizen.status, 403)
})

test('suspended and revoked licences show their status and cannot be shared or copied', async () => {
  const a = await holderWithLicence('何建国')
  await suspendLicence({ db: t.db, secrets: t.deps.secrets }, { licenceId: a.licence.id, staff: asStaff(crew.cityOfficer), reason: '责令停业整顿期间暂扣' })
  const page = await textOf(await get(`/me/licences/${a.licence.id}`, a.session))
  assert.match(page, /暂扣/)
  assert.match(page, /责令停业整顿期间暂扣/)
  assert.match(page, /此证照当前不能共享，也不能作为申请材料/)
  assert.ok(!page.includes('生成用证码'))
  assert.equal((await post(`/me/licences/${a.licence.id}/share-codes`, a.session, { departmentId: crew.window.departmentId!, purpose: '办理延续' })).status, 409)
  assert.equal((await post(`/me/licences/${a.licence.id}/copies`, a.session, { purpose: '银行开户', validUntil: inDays(10) })).status, 409)
  await revokeLicence({ db: t.db, secrets: t.deps.secrets }, { licenceId: a.licence.id, staff: asStaff(crew.cityOfficer), reason: '以欺骗手段取得许可' })
  assert.match(await textOf(await get('/me/licences', a.session)), /撤销/)
  assert.equal((await t.db.selectFrom('licence_share_codes').select('id').where('licence_id', '=', a.licence.id).execute()).length, 0)
})
