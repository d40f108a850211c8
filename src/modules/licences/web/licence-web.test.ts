import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { testApp } from '../../../../test/app'
import { asStaff, caseCrew, type CaseCrew } from '../../../../test/cases'
import { issuedFoodLicence } from '../../../../test/licences'
import { addDataIntegrityProof, decodeCompactPayload, encodeCompactPayload, verifyDataIntegrityProof } from '../crypto'
import { activeKey, licenceVc, revokeLicence, rotateDepartmentKey, suspendLicence, changeLicence } from '../index'
import { OPERATOR_USCC } from './verification'
import { encodeStatusList, MIN_STATUS_BITS, statusBit } from './status-lists'
import { createVerificationCache, VERIFICATION_CACHE } from './verification-cache'
import { shanghaiDate } from '../../../platform/calendar/working-calendar'

let t: Awaited<ReturnType<typeof testApp>>
let crew: CaseCrew
before(async () => {
  t = await testApp('seeded')
  crew = await caseCrew(t.db, 'lw')
  // These tests change a licence and read it back at once: no answer cache (its own test is below).
  VERIFICATION_CACHE.ttlMs = 0
})
after(() => t.close())
const PUBLIC = 'http://localhost:3000'
const deps = () => ({ db: t.db, secrets: t.deps.secrets })
const get = (path: string, init?: RequestInit) => t.app.request(path, init)
const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  t.app.request('/api/v1/licences/verification', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) })
const verdictOf = async (res: Response) => {
  assert.equal(res.status, 200, await res.clone().text())
  return (await res.json()) as { status: string; statusCode: string | null; message: string; messageEn: string; licence: Record<string, any> | null }
}
const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1)

test('published keys: the key set lists every kid; one key is a Multikey (Ed25519) or JsonWebKey (SM2) method; unknown kid → 404 problem', async () => {
  const { licence } = await issuedFoodLicence(t.deps, crew)
  const res = await get('/.well-known/yiwang-licence-keys.json')
  assert.equal(res.status, 200)
  assert.match(res.headers.get('cache-control') ?? '', /public, max-age=300/)
  const set = (await res.json()) as { keys: { kid: string; kty: string; crv: string; x: string; 'yiwang:uscc': string }[] }
  const k = set.keys.find((x) => x.kid === licence.kid)
  assert.ok(k, 'the licence key is published')
  assert.equal(k.crv, 'Ed25519')
  assert.equal(k['yiwang:uscc'], '11320500MB19397269')
  assert.ok(!JSON.stringify(set).includes('private'), 'no private material')

  const m = await get(`/licences/keys/${licence.kid}`)
  assert.equal(m.status, 200)
  const doc = (await m.json()) as Record<string, string>
  assert.equal(doc['@context'], 'https://w3id.org/security/multikey/v1')
  assert.equal(doc.type, 'Multikey')
  assert.equal(doc.id, `${PUBLIC}/licences/keys/${licence.kid}`)
  assert.match(doc.publicKeyMultibase!, /^z6Mk/, 'Ed25519 multikeys start z6Mk')
  assert.equal(doc.controller, `${PUBLIC}/licences/issuers/11320500MB19397269`)
  const issuer = await get('/licences/issuers/11320500MB19397269')
  assert.equal(issuer.status, 200)
  assert.ok(((await issuer.json()) as { assertionMethod: string[] }).assertionMethod.includes(doc.id))

  for (const bad of ['nope', '11320500MB19397269-20260101-abcdef', 'x'.repeat(300), '%27%3B--']) {
    const r = await get(`/licences/keys/${bad}`)
    assert.equal(r.status, 404, bad)
    assert.equal(r.headers.get('content-type'), 'application/problem+json')
    assert.equal(((await r.json()) as { code: string }).code, 'key_not_found')
  }
  assert.equal((await get('/licences/issuers/NOTAUSCC')).status, 404)

  // SM2: a JsonWebKey method.
  const sm2 = await rotateDepartmentKey(deps(), { departmentId: crew.outsider.departmentId!, algorithm: 'SM2', actor: { type: 'system', name: 'test' } })
  const s = (await (await get(`/licences/keys/${sm2.kid}`)).json()) as { type: string; publicKeyJwk: Record<string, string> }
  assert.equal(s.type, 'JsonWebKey')
  assert.equal(s.publicKeyJwk.crv, 'SM2')
  assert.ok(s.publicKeyJwk.x && s.publicKeyJwk.y)
})

test('GET /api/v1/licences/{id}/verification: by uuid and identifier; unknown and garbage ids → 200 unknown; a tampered record → tampered', async () => {
  const { licence } = await issuedFoodLicence(t.deps, crew)
  for (const id of [licence.id, licence.identifier]) {
    const res = await get(`/api/v1/licences/${encodeURIComponent(id)}/verification`)
    assert.equal(res.headers.get('cache-control'), 'no-store')
    const v = await verdictOf(res)
    assert.equal(v.status, 'valid')
    assert.equal(v.statusCode, '01')
    assert.equal(v.licence!.number, licence.number)
    assert.match(v.licence!.holderCode, /^\d{3}\*{13}[\dX]{2}$/, 'masked')
    assert.ok(!JSON.stringify(v).includes(licence.holder_code), 'never the full 身份证号')
  }
  for (const bad of ['00000000-0000-7000-8000-000000000000', 'x', "1'; drop table licences; --", '1.2.156.3005.2.' + '9'.repeat(200), encodeURIComponent('<script>')]) {
    const v = await verdictOf(await get(`/api/v1/licences/${encodeURIComponent(bad)}/verification`))
    assert.equal(v.status, 'unknown', bad)
    assert.equal(v.licence, null)
  }
  await t.db.updateTable('licences').set({ signed_json: licence.signed_json.replace('"version":1', '"version":1 ') }).where('id', '=', licence.id).execute()
  assert.equal((await verdictOf(await get(`/api/v1/licences/${licence.id}/verification`))).status, 'tampered')
  await t.db.updateTable('licences').set({ signed_json: licence.signed_json }).where('id', '=', licence.id).execute()

  await suspendLicence(deps(), { licenceId: licence.id, staff: asStaff(crew.cityOfficer), reason: '责令停业整顿期间暂扣' })
  const s = await verdictOf(await get(`/api/v1/licences/${licence.id}/verification`))
  assert.equal(s.status, 'suspended')
  assert.equal(s.licence!.statusReason, '责令停业整顿期间暂扣')
  await revokeLicence(deps(), { licenceId: licence.id, staff: asStaff(crew.cityOfficer), reason: '以欺骗手段取得许可' })
  assert.equal((await verdictOf(await get(`/api/v1/licences/${licence.id}/verification`))).status, 'revoked')
})

test('POST /api/v1/licences/verification: payload, URL, signed JSON and VC — genuine → valid; changed, truncated, re-signed → tampered or invalid', async () => {
  const { licence } = await issuedFoodLicence(t.deps, crew)
  const row = await t.db.selectFrom('licences').selectAll().where('id', '=', licence.id).executeTakeFirstOrThrow()
  assert.equal((await verdictOf(await post({ payload: licence.compact_payload }))).status, 'valid')
  assert.equal((await verdictOf(await post({ payload: `${PUBLIC}/licences/verify?p=${licence.compact_payload}` }))).status, 'valid')
  for (const bad of [flip(licence.compact_payload, licence.compact_payload.length - 3), licence.compact_payload.slice(0, -4), 'YWL1.x.y.z', 'hello']) {
    const v = await verdictOf(await post({ payload: bad }))
    assert.ok(['tampered', 'invalid'].includes(v.status), `${bad.slice(0, 30)} → ${v.status}`)
  }
  assert.equal((await verdictOf(await post({ signedJson: licence.signed_json, signature: licence.signature }))).status, 'valid')
  assert.equal((await verdictOf(await post({ signedJson: licence.signed_json.replace(licence.number, licence.number.slice(0, -1) + '9'), signature: licence.signature }))).status, 'tampered')
  assert.equal((await verdictOf(await post({ signedJson: licence.signed_json, signature: flip(licence.signature, 5) }))).status, 'tampered')

  // The VC exactly as exported.
  const vc = await licenceVc(t.db, t.deps.secrets, row, { publicUrl: PUBLIC })
  const ok = await verdictOf(await post({ credential: vc }))
  assert.equal(ok.status, 'valid')
  assert.equal(ok.licence!.identifier, licence.identifier)
  // Any changed field → tampered.
  const changed = structuredClone(vc) as any
  changed.credentialSubject.licence.face['经营场所'] = '别处'
  assert.equal((await verdictOf(await post({ credential: changed }))).status, 'tampered')
  const later = structuredClone(vc) as any
  later.validUntil = '2099-12-31T23:59:59+08:00'
  assert.equal((await verdictOf(await post({ credential: later }))).status, 'tampered')
  // Re-signed with another department's own key: the proof is genuine, the key is not the issuer's → tampered.
  const other = await t.db.transaction().execute((tx) => activeKey(tx, t.deps.secrets, crew.outsider.departmentId!))
  const { proof: _p, ...unsigned } = vc as Record<string, unknown>
  const foreign = addDataIntegrityProof(unsigned, { algorithm: other.algorithm, privateKey: other.privateKey, verificationMethod: `${PUBLIC}/licences/keys/${other.kid}`, created: '2026-01-01T00:00:00Z' })
  assert.ok(verifyDataIntegrityProof(foreign, () => ({ algorithm: other.algorithm, publicKey: other.publicKey })), 'the forged proof itself is sound')
  assert.equal((await verdictOf(await post({ credential: foreign }))).status, 'tampered')
  // A key URL of another site, no proof, not a VC → invalid.
  const elsewhere = { ...(vc as any), proof: { ...(vc as any).proof, verificationMethod: `https://evil.example/licences/keys/${licence.kid}` } }
  assert.equal((await verdictOf(await post({ credential: elsewhere }))).status, 'invalid')
  assert.equal((await verdictOf(await post({ credential: unsigned }))).status, 'invalid')
  assert.equal((await verdictOf(await post({ credential: { hello: 'world' } }))).status, 'invalid')
  // A compact payload re-signed with another department's key under its own kid → tampered.
  const claims = decodeCompactPayload(licence.compact_payload)!.claims
  assert.equal((await verdictOf(await post({ payload: encodeCompactPayload(claims, other) }))).status, 'tampered')

  // The record changes → the answer follows.
  await changeLicence(deps(), { licenceId: licence.id, staff: asStaff(crew.cityOfficer), reason: '经营项目变更', changes: { businessItems: '热食类食品制售' } })
  const sup = await verdictOf(await post({ credential: vc }))
  assert.equal(sup.status, 'superseded')
  assert.ok(sup.licence!.successor)
})

test('POST bad bodies: none of the three forms, two at once, malformed JSON, wrong media type → 400 problem; over 256 KB → 413', async () => {
  const bodies: [unknown, Record<string, string>?][] = [
    [{}], [{ payload: 'YWL1.a.b.c', credential: {} }], [{ signedJson: 'x' }], [{ signature: 'x' }], [{ payload: 42 }], [{ credential: 'text' }],
    [{ payload: 'x', extra: 1 }], ['[1,2]'], ['{"payload": '], ['null'], [{ payload: 'YWL1' }, { 'content-type': 'text/plain' }], [{ payload: 'x'.repeat(5000) }],
  ]
  for (const [body, headers] of bodies) {
    const res = await post(body, headers)
    assert.equal(res.status, 400, `${JSON.stringify(body).slice(0, 60)} → ${res.status}`)
    assert.equal(res.headers.get('content-type'), 'application/problem+json')
    const p = (await res.json()) as { code: string; title: string }
    assert.equal(p.code, 'invalid_parameter')
    assert.match(p.title, /请|Invalid/)
  }
  const big = await post({ payload: 'x'.repeat(300 * 1024) })
  assert.equal(big.status, 413)
  assert.equal(((await big.json()) as { code: string }).code, 'payload_too_large')
  assert.equal((await get('/api/v1/licences/verification')).status, 404, 'GET on the POST path is not a licence id lookup')
})

test('status lists: revoked → revocation bit, suspended → suspension bit; ≥ 131,072 bits; signed by the operator department', async () => {
  const a = (await issuedFoodLicence(t.deps, crew)).licence
  const b = (await issuedFoodLicence(t.deps, crew)).licence
  await revokeLicence(deps(), { licenceId: a.id, staff: asStaff(crew.cityOfficer), reason: '以欺骗手段取得许可' })
  await suspendLicence(deps(), { licenceId: b.id, staff: asStaff(crew.cityHead), reason: '责令停业整顿期间暂扣' })
  const lists: Record<string, any> = {}
  for (const purpose of ['revocation', 'suspension']) {
    const res = await get(`/licences/status/${purpose}`)
    assert.equal(res.status, 200)
    assert.match(res.headers.get('cache-control') ?? '', /max-age=60/)
    const vc = (await res.json()) as any
    assert.deepEqual(vc.type, ['VerifiableCredential', 'BitstringStatusListCredential'])
    assert.equal(vc.credentialSubject.type, 'BitstringStatusList')
    assert.equal(vc.credentialSubject.statusPurpose, purpose)
    assert.match(vc.credentialSubject.encodedList, /^u[A-Za-z0-9_-]+$/)
    assert.equal(vc.issuer.id, `${PUBLIC}/licences/issuers/${OPERATOR_USCC}`)
    // The proof verifies with the published key it names.
    const kid = (vc.proof.verificationMethod as string).split('/').pop()!
    const key = (await (await get('/.well-known/yiwang-licence-keys.json')).json()) as { keys: { kid: string; x: string; 'yiwang:uscc': string }[] }
    const k = key.keys.find((x) => x.kid === kid)!
    assert.equal(k['yiwang:uscc'], OPERATOR_USCC)
    assert.ok(verifyDataIntegrityProof(vc, () => ({ algorithm: 'Ed25519', publicKey: k.x })))
    const tampered = structuredClone(vc)
    tampered.credentialSubject.encodedList = encodeStatusList([])
    assert.equal(verifyDataIntegrityProof(tampered, () => ({ algorithm: 'Ed25519', publicKey: k.x })), false)
    lists[purpose] = vc
  }
  const { gunzipSync } = await import('node:zlib')
  assert.ok(gunzipSync(Buffer.from(lists.revocation.credentialSubject.encodedList.slice(1), 'base64url')).length * 8 >= MIN_STATUS_BITS)
  const idx = async (id: string) => (await t.db.selectFrom('licences').select('status_index').where('id', '=', id).executeTakeFirstOrThrow()).status_index
  assert.equal(statusBit(lists.revocation.credentialSubject.encodedList, await idx(a.id)), true)
  assert.equal(statusBit(lists.revocation.credentialSubject.encodedList, await idx(b.id)), false)
  assert.equal(statusBit(lists.suspension.credentialSubject.encodedList, await idx(b.id)), true)
  assert.equal(statusBit(lists.suspension.credentialSubject.encodedList, await idx(a.id)), false)
  // The VC's credentialStatus points at the revocation list and the licence's bit.
  const row = await t.db.selectFrom('licences').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow()
  const vc = (await licenceVc(t.db, t.deps.secrets, row, { publicUrl: PUBLIC })) as any
  assert.equal(vc.credentialStatus.statusListCredential, `${PUBLIC}/licences/status/revocation`)
  assert.equal(statusBit(lists.revocation.credentialSubject.encodedList, Number(vc.credentialStatus.statusListIndex)), true)
})

test('status lists are re-signed only when their bits change: same bits → same body and ETag (304 on If-None-Match); a revocation is in the next answer', async () => {
  const first = await get('/licences/status/revocation')
  const etag = first.headers.get('etag')
  assert.ok(etag && /^"[A-Za-z0-9_-]+"$/.test(etag), `a strong ETag: ${etag}`)
  const body = await first.text()
  await new Promise((r) => setTimeout(r, 1100)) // a re-signed list would carry a later proof.created
  const second = await get('/licences/status/revocation')
  assert.equal(second.headers.get('etag'), etag)
  assert.equal(await second.text(), body, 'the very same signed credential')
  const notModified = await get('/licences/status/revocation', { headers: { 'If-None-Match': `"other", ${etag}` } })
  assert.equal(notModified.status, 304)
  assert.equal(await notModified.text(), '')

  const c = (await issuedFoodLicence(t.deps, crew)).licence
  const fresh = await get('/licences/status/revocation', { headers: { 'If-None-Match': etag } })
  assert.equal(fresh.status, 304, 'a new valid licence does not change the revocation list')
  await revokeLicence(deps(), { licenceId: c.id, staff: asStaff(crew.cityOfficer), reason: '许可证被涂改' })
  const changed = await get('/licences/status/revocation', { headers: { 'If-None-Match': etag } })
  assert.equal(changed.status, 200, 'revoked a moment ago: a new list at once')
  assert.notEqual(changed.headers.get('etag'), etag)
  const list = (await changed.json()) as any
  const idx = (await t.db.selectFrom('licences').select('status_index').where('id', '=', c.id).executeTakeFirstOrThrow()).status_index
  assert.equal(statusBit(list.credentialSubject.encodedList, idx), true)
  const kid = (list.proof.verificationMethod as string).split('/').pop()!
  const keys = (await (await get('/.well-known/yiwang-licence-keys.json')).json()) as { keys: { kid: string; x: string }[] }
  assert.ok(verifyDataIntegrityProof(list, () => ({ algorithm: 'Ed25519', publicKey: keys.keys.find((k) => k.kid === kid)!.x })))
})

test('public page: the QR URL shows a big verdict with masked holder; tampered, unknown and empty input answer clearly; English too', async () => {
  const { licence } = await issuedFoodLicence(t.deps, crew, { holderName: '周雨桐' })
  const res = await get(`/licences/verify?p=${encodeURIComponent(licence.compact_payload)}`)
  assert.equal(res.status, 200)
  assert.equal(res.headers.get('referrer-policy'), 'strict-origin-when-cross-origin', 'other sites see no path (payload) in Referer')
  const html = await res.text()
  assert.match(html, /核验结果：有效/)
  assert.match(html, /notice-success/)
  assert.match(html, /周雨桐/)
  assert.match(html, /食品经营许可证/)
  assert.ok(html.includes(licence.number))
  assert.ok(!html.includes(licence.holder_code), 'never the full 身份证号')
  assert.match(html, /\d{3}\*{13}[\dX]{2}/)

  const tampered = await (await get(`/licences/verify?p=${encodeURIComponent(flip(licence.compact_payload, licence.compact_payload.length - 3))}`)).text()
  assert.match(tampered, /核验结果：(内容被篡改|无效的核验码)/)
  assert.match(tampered, /notice-danger/)
  assert.doesNotMatch(tampered, /核验结果：有效/)

  const byId = await get(`/licences/${licence.identifier}`)
  assert.equal(byId.status, 200)
  assert.match(await byId.text(), /核验结果：有效/)
  const unknown = await get('/licences/00000000-0000-7000-8000-000000000000')
  assert.equal(unknown.status, 404)
  assert.match(await unknown.text(), /查无此证/)
  assert.equal((await get('/licences/%3Cscript%3E')).status, 404)
  const empty = await get('/licences/verify?p=')
  assert.equal(empty.status, 400)
  assert.match(await empty.text(), /请粘贴核验码/)
  const form = await get('/licences/verify')
  assert.equal(form.status, 200)
  assert.match(await form.text(), /<textarea[^>]+name="p"/)
  // Pasting the identifier into the form works too.
  assert.match(await (await get(`/licences/verify?p=${encodeURIComponent(licence.identifier)}`)).text(), /核验结果：有效/)
  const en = await (await get(`/licences/verify?p=${encodeURIComponent(licence.compact_payload)}&lang=en`)).text()
  assert.match(en, /Result: Valid/)

  await revokeLicence(deps(), { licenceId: licence.id, staff: asStaff(crew.cityOfficer), reason: '以欺骗手段取得许可' })
  const revoked = await (await get(`/licences/verify?p=${encodeURIComponent(licence.compact_payload)}`)).text()
  assert.match(revoked, /核验结果：已撤销/)
  assert.match(revoked, /撤销理由/)
  assert.match(revoked, /以欺骗手段取得许可/)
})

test('the GET answer cache: a revocation shows within the TTL (1 s by default), unknown ids are never cached', async () => {
  const { licence } = await issuedFoodLicence(t.deps, crew)
  const saved = VERIFICATION_CACHE.ttlMs
  VERIFICATION_CACHE.ttlMs = 1000
  try {
    const cache = createVerificationCache(t.db)
    const day = shanghaiDate(new Date())
    assert.equal((await cache.byId(licence.id, day, 10_000)).status, 'valid')
    await revokeLicence(deps(), { licenceId: licence.id, staff: asStaff(crew.cityOfficer), reason: '以欺骗手段取得许可' })
    assert.equal((await cache.byId(licence.id, day, 10_900)).status, 'valid', 'within the TTL: the documented trade-off')
    assert.equal((await cache.byId(licence.id, day, 11_001)).status, 'revoked', 'after the TTL: the new status')
    assert.equal((await cache.byId(licence.identifier, day, 11_002)).status, 'revoked', 'keyed by what was asked')
    assert.equal((await cache.byId(licence.id, '2099-01-01', 11_003)).status, 'revoked', 'a new day is a new key')
    const ghost = '00000000-0000-7000-8000-00000000abcd'
    assert.equal((await cache.byId(ghost, day, 12_000)).status, 'unknown')
    // The id appears a moment later (a copy of the row: its signed JSON names another identifier → tampered, not "unknown").
    const { id: _id, status_index: _si, lock_version: _lv, created_at: _ca, ...rest } = licence
    await t.db.insertInto('licences').values({ ...rest, id: ghost, identifier: `${licence.identifier}-copy`, number: `${licence.number}C`, case_id: null }).execute()
    assert.equal((await cache.byId(ghost, day, 12_001)).status, 'tampered', '"unknown" was not cached')
    VERIFICATION_CACHE.ttlMs = 0
    assert.equal((await cache.byId(licence.id, day, 12_001)).status, 'revoked', 'ttl 0: straight to the database')
  } finally {
    VERIFICATION_CACHE.ttlMs = saved
  }
})
