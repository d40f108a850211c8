import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../test/app'
import { asStaff, caseCrew, type CaseCrew } from '../../../test/cases'
import { approvedFoodCase, issuedFoodLicence } from '../../../test/licences'
import { verifyAudit } from '../../platform/audit'
import { shanghaiDate } from '../../platform/calendar/working-calendar'
import { issueResult } from '../cases'
import { decodeCompactPayload, encodeCompactPayload, parseLicenceIdentifier } from './crypto'
import { changeLicence, expireDueLicences, reinstateLicence, renewLicence, revokeLicence, rotateDepartmentKey, suspendLicence, verifyCompact, verifyLicenceById, verifySignedJson } from './index'
import { parseSignedText } from './licence-document'

let t: Awaited<ReturnType<typeof testApp>>
let crew: CaseCrew
before(async () => {
  t = await testApp('seeded')
  crew = await caseCrew(t.db, 'lic')
})
after(() => t.close())
const today = () => shanghaiDate(new Date())
const deps = () => ({ db: t.db, secrets: t.deps.secrets })

test('办结即制证: the approved case ends with a signed licence — identifier, number, face from the form, validity, trust A', async () => {
  const { licence, caseId } = await issuedFoodLicence(t.deps, crew, { holderName: '林晓燕' })
  const c = await t.db.selectFrom('cases').select(['status', 'result_number', 'result_name']).where('id', '=', caseId).executeTakeFirstOrThrow()
  assert.equal(c.status, 'result_issued')
  assert.equal(c.result_number, licence.number, 'the case result is the licence number')
  assert.equal(c.result_name, '食品经营许可证')
  assert.match(licence.number, /^JY320500\d{7}$/)
  const parts = parseLicenceIdentifier(licence.identifier)
  assert.ok(parts, 'a well-formed GB/T 36904 identifier with a correct check character')
  assert.equal(parts!.issuerUscc, '11320500MB19397269')
  assert.equal(parts!.version, 1)
  assert.equal(licence.trust_level, 'A')
  assert.equal(licence.holder_name, '林晓燕')
  assert.equal(licence.valid_from, today())
  const [y, m, d] = today().split('-').map(Number) as [number, number, number]
  assert.ok(licence.valid_until! > `${y + 4}-12-31` && licence.valid_until! < `${y + 5}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, '5 years less a day')
  const doc = parseSignedText(licence.signed_json)!
  assert.deepEqual(doc.fields.map((f) => f.label), ['经营场所', '经营项目', '网络经营', '日常监督管理机构', '投诉举报电话'])
  assert.equal(doc.fields[0]!.value, '江苏省苏州市姑苏区十全街88号', 'region by name, the district the street repeats printed once')
  assert.equal(doc.caseRef !== null, true)
  const v = await verifyLicenceById(t.db, licence.id, today())
  assert.equal(v.status, 'valid')
  assert.equal(v.licence!.holderCode.includes('*'), true, 'the public answer masks the 身份证号')
  assert.equal((await verifyLicenceById(t.db, licence.identifier, today())).status, 'valid', 'by identifier too')
  const events = await t.db.selectFrom('licence_events').select('action').where('licence_id', '=', licence.id).execute()
  assert.deepEqual(events.map((e) => e.action), ['issued'])
  assert.ok((await verifyAudit(t.db)).ok)
})

test('two cases make two licences with distinct numbers and identifiers; a case has exactly one licence', async () => {
  const a = await issuedFoodLicence(t.deps, crew)
  const b = await issuedFoodLicence(t.deps, crew)
  assert.notEqual(a.licence.number, b.licence.number)
  assert.notEqual(a.licence.identifier, b.licence.identifier)
  const n = await t.db.selectFrom('licences').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', a.caseId).executeTakeFirstOrThrow()
  assert.equal(Number(n.n), 1)
})

test('wrong people, wrong states and tampering: never a false "valid"', async () => {
  const { licence } = await issuedFoodLicence(t.deps, crew)
  // Another department may not revoke it.
  await assert.rejects(revokeLicence(deps(), { licenceId: licence.id, staff: asStaff(crew.outsider), reason: '无权撤销' }), { code: 'forbidden' })
  await assert.rejects(revokeLicence(deps(), { licenceId: licence.id, staff: asStaff(crew.cityOfficer), reason: '' }), { code: 'reason_required' })
  await assert.rejects(reinstateLicence(deps(), { licenceId: licence.id, staff: asStaff(crew.cityOfficer) }), { code: 'licence_status' })
  await assert.rejects(suspendLicence(deps(), { licenceId: 'not-a-uuid', staff: asStaff(crew.cityOfficer), reason: '测试' }), { code: 'licence_not_found' })
  assert.equal((await verifyLicenceById(t.db, '00000000-0000-7000-8000-000000000000', today())).status, 'unknown')
  assert.equal((await verifyLicenceById(t.db, 'drop table licences', today())).status, 'unknown')

  // The stored record changed behind the platform's back → tampered.
  const changed = licence.signed_json.replace('林', '木')
  await t.db.updateTable('licences').set({ signed_json: changed }).where('id', '=', licence.id).execute()
  assert.equal((await verifyLicenceById(t.db, licence.id, today())).status, 'tampered')
  assert.equal((await verifySignedJson(t.db, changed, licence.signature, today())).status, 'tampered')
  await t.db.updateTable('licences').set({ signed_json: licence.signed_json }).where('id', '=', licence.id).execute()
  assert.equal((await verifySignedJson(t.db, licence.signed_json, licence.signature, today())).status, 'valid')
  assert.equal((await verifySignedJson(t.db, 'not json', licence.signature, today())).status, 'invalid')
})

test('QR payload: genuine → valid; any changed, truncated or re-signed payload → tampered or invalid', async () => {
  const { licence } = await issuedFoodLicence(t.deps, crew)
  const payload = licence.compact_payload
  assert.ok(payload.length < 560, `short enough for a QR code (${payload.length})`)
  assert.equal((await verifyCompact(t.db, payload, today())).status, 'valid')
  assert.equal((await verifyCompact(t.db, `https://yiwang.example/licences/verify?p=${encodeURIComponent(payload)}`, today())).status, 'valid', 'the URL form')
  const [pre, kid, body, sig] = payload.split('.') as [string, string, string, string]
  const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1)
  for (const bad of [flip(payload, payload.length - 3), `${pre}.${kid}.${flip(body, 10)}.${sig}`, payload.slice(0, -5), payload.slice(0, 30), 'YWL1....', '']) {
    const v = await verifyCompact(t.db, bad, today())
    assert.ok(['tampered', 'invalid'].includes(v.status), `${bad.slice(0, 40)} → ${v.status}`)
  }
  // Re-signed with another department's key under this department's kid → tampered.
  const other = await rotateDepartmentKey(deps(), { departmentId: crew.outsider.departmentId!, algorithm: 'Ed25519', actor: { type: 'system', name: 'test' } })
  const otherKey = await t.db.selectFrom('licence_keys').select(['private_key_sealed']).where('kid', '=', other.kid).executeTakeFirstOrThrow()
  const claims = decodeCompactPayload(payload)!.claims
  const forged = encodeCompactPayload(claims, { kid, algorithm: 'Ed25519', privateKey: t.deps.secrets.open(otherKey.private_key_sealed) })
  assert.equal((await verifyCompact(t.db, forged, today())).status, 'tampered')
  // …and under the other department's own kid: genuine signature, but not this licence's issuer → tampered.
  const foreign = encodeCompactPayload(claims, { kid: other.kid, algorithm: 'Ed25519', privateKey: t.deps.secrets.open(otherKey.private_key_sealed) })
  assert.equal((await verifyCompact(t.db, foreign, today())).status, 'tampered')
})

test('lifecycle: suspend → reinstate → change (new version, predecessor superseded) → revoke; renew; expiry', async () => {
  const { licence } = await issuedFoodLicence(t.deps, crew)
  const officer = asStaff(crew.cityOfficer)
  const withNotices = { ...deps(), jobs: t.deps.jobs }
  await suspendLicence(withNotices, { licenceId: licence.id, staff: officer, reason: '责令停业整顿期间暂扣' })
  assert.equal((await verifyLicenceById(t.db, licence.id, today())).status, 'suspended')
  await reinstateLicence(withNotices, { licenceId: licence.id, staff: officer })
  await suspendLicence(withNotices, { licenceId: licence.id, staff: officer, reason: '再次暂扣' })
  await reinstateLicence(withNotices, { licenceId: licence.id, staff: officer })
  const inbox = await t.db.selectFrom('notifications').select(['title', 'body', 'link']).where('recipient_id', '=', licence.holder_citizen_id!).where('event', '=', 'licence.updated').orderBy('created_at').execute()
  assert.deepEqual(inbox.map((n) => n.title), ['电子证照已被暂扣', '电子证照已发还，恢复有效', '电子证照已被暂扣', '电子证照已发还，恢复有效'], 'the holder is told of every change, the second suspension too')
  assert.ok(inbox[0]!.body.includes('责令停业整顿期间暂扣') && inbox[0]!.link === `/me/licences/${licence.id}`)
  await assert.rejects(changeLicence(deps(), { licenceId: licence.id, staff: officer, reason: '经营项目变更', changes: { nonsense: 'x' } }), { code: 'licence_changes_invalid' })
  const v2 = await changeLicence(deps(), { licenceId: licence.id, staff: officer, reason: '经营项目变更', changes: { businessItems: '热食类食品制售、冷食类食品制售' } })
  assert.equal(v2.version, 2)
  assert.equal(v2.number, licence.number)
  assert.equal(parseLicenceIdentifier(v2.identifier)!.version, 2)
  assert.equal(parseSignedText(v2.signed_json)!.predecessor, licence.identifier)
  const old = await verifyLicenceById(t.db, licence.id, today())
  assert.equal(old.status, 'superseded')
  assert.equal(old.licence!.successor, v2.identifier)
  assert.equal((await verifyLicenceById(t.db, v2.id, today())).status, 'valid')
  await assert.rejects(suspendLicence(deps(), { licenceId: licence.id, staff: officer, reason: '旧版本' }), { code: 'licence_status' })
  const v3 = await renewLicence(deps(), { licenceId: v2.id, staff: officer })
  assert.equal(v3.version, 3)
  await revokeLicence(deps(), { licenceId: v3.id, staff: officer, reason: '以欺骗手段取得许可' })
  const revoked = await verifyLicenceById(t.db, v3.id, today())
  assert.equal(revoked.status, 'revoked')
  assert.equal(revoked.licence!.statusReason, '以欺骗手段取得许可')
  await assert.rejects(reinstateLicence(deps(), { licenceId: v3.id, staff: officer }), { code: 'licence_status' })

  // Expiry: a lapsed date reads expired at once; the daily job records it.
  const { licence: l2 } = await issuedFoodLicence(t.deps, crew)
  await t.db.updateTable('licences').set({ valid_until: '2020-01-01' }).where('id', '=', l2.id).execute()
  assert.equal((await verifyLicenceById(t.db, l2.id, today())).status, 'tampered', 'the signed JSON still says the real date: the record was edited')
  await t.db.updateTable('licences').set({ valid_until: l2.valid_until }).where('id', '=', l2.id).execute()
  const n = await expireDueLicences(t.db, '2099-01-01')
  assert.ok(n >= 1)
  assert.equal((await t.db.selectFrom('licences').select('status').where('id', '=', l2.id).executeTakeFirstOrThrow()).status, 'expired')
  assert.ok((await verifyAudit(t.db)).ok)
})

test('SM2 department: licences signed with SM2-with-SM3 verify; rotation keeps old licences verifying', async () => {
  const city = crew.cityOfficer.departmentId!
  const before = await issuedFoodLicence(t.deps, crew)
  await rotateDepartmentKey(deps(), { departmentId: city, algorithm: 'SM2', actor: { type: 'system', name: 'test' } })
  const sm2 = await issuedFoodLicence(t.deps, crew)
  assert.equal(parseSignedText(sm2.licence.signed_json)!.alg, 'SM2')
  assert.equal((await verifyLicenceById(t.db, sm2.licence.id, today())).status, 'valid')
  assert.equal((await verifyCompact(t.db, sm2.licence.compact_payload, today())).status, 'valid')
  assert.equal((await verifyLicenceById(t.db, before.licence.id, today())).status, 'valid', 'signed under the retired Ed25519 key')
  await rotateDepartmentKey(deps(), { departmentId: city, algorithm: 'Ed25519', actor: { type: 'system', name: 'test' } })
  await assert.rejects(rotateDepartmentKey(deps(), { departmentId: city, algorithm: 'RSA' as never, actor: { type: 'system', name: 'test' } }), { code: 'bad_algorithm' })
})

test('a result whose licence cannot be made is refused, and nothing is half-issued', async () => {
  const c = await approvedFoodCase(t.deps, crew)
  // 经营项目 is required on the face: remove it from the application.
  const app = await t.db.selectFrom('cases').select('application_id').where('id', '=', c.caseId).executeTakeFirstOrThrow()
  const row = await t.db.selectFrom('applications').select('values').where('id', '=', app.application_id).executeTakeFirstOrThrow()
  await t.db.updateTable('applications').set({ values: JSON.stringify({ ...row.values, businessItems: [] }) }).where('id', '=', app.application_id).execute()
  await assert.rejects(issueResult(c.caseDeps, { caseId: c.caseId, staff: asStaff(crew.window) }), { code: 'licence_fields_missing' })
  const status = await t.db.selectFrom('cases').select('status').where('id', '=', c.caseId).executeTakeFirstOrThrow()
  assert.equal(status.status, 'approved')
  assert.equal((await t.db.selectFrom('licences').select('id').where('case_id', '=', c.caseId).execute()).length, 0)
})
